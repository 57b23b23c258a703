import Canvas
import LearnerPowerModel

/// The text of the notes view, its prose wrapped to `width` columns at word boundaries.
///
/// While the session runs, the time is the journal's last total plus the time since it was
/// written (``WorkshopSession/secondsOnCurrentStep(now:)``); once it has `ended`, the journal's
/// total (written on quit) is the final time and the clock stands still.
public func workshopNotesView(
  _ s: WorkshopSession, now: Double, ended: Bool = false, width: Int = 80
) -> String {
  let steps = s.script.steps
  guard steps.indices.contains(s.stepIndex) else { return "No steps.\n" }
  let step = steps[s.stepIndex]
  let spent = ended ? (s.seconds[s.stepIndex] ?? 0) : s.secondsOnCurrentStep(now: now)
  func wrapped(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      TextWidth.wrap(String(line), width: max(20, width - 1)).joined(separator: "\n")
    }.joined(separator: "\n")
  }
  var out =
    "\(TextSanitizer.cleanLine(s.script.title)) — step \(s.stepIndex + 1) of \(steps.count)\n\n"
  if ended {
    out += "SESSION ENDED: the workshop screen is closed; the clock has stopped.\n\n"
  }
  out += "NOW: \(TextSanitizer.cleanLine(step.title)) (\(step.kind.rawValue))\n"
  var timer = "Time: \(WorkshopExport.clock(spent))"
  if let box = step.timeBox {
    timer += " / \(WorkshopExport.clock(box))"
    if spent >= box * 1.5 {
      timer += "  OVER (150%)"
    } else if spent >= box {
      timer += "  time box reached"
    }
  }
  out += timer + "\n\n"
  if let prompt = step.prompt {
    out += wrapped("Prompt: \(TextSanitizer.cleanLine(prompt))") + "\n\n"
  }
  out +=
    "Notes:\n" + wrapped(step.notes.map { TextSanitizer.cleanMultiline($0) } ?? "(none)") + "\n\n"
  if step.kind.collectsVotes {
    out +=
      "Votes: \(s.votes(of: s.stepIndex).count)"
      + (s.revealed.contains(s.stepIndex) ? " (revealed)" : " (hidden)") + "\n\n"
  }
  if steps.indices.contains(s.stepIndex + 1) {
    let next = steps[s.stepIndex + 1]
    out += "NEXT: \(TextSanitizer.cleanLine(next.title)) (\(next.kind.rawValue))\n"
  } else {
    out += "NEXT: (this is the last step)\n"
  }
  return out
}
