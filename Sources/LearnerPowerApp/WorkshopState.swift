import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

/// The facilitator's screen state: the journalled session plus what is only on screen (the
/// field being typed, the selected vote, the slider glide, the clock).
///
/// ```swift
/// var state = WorkshopState(session: session, catalogue: .builtIn, now: 0)
/// let effects = reduceWorkshop(&state, .key(.char("n")))  // [.journal(move…), …]
/// ```
public struct WorkshopState: Hashable, Sendable {
  /// What the one-line field is for.
  public enum Field: Hashable, Sendable {
    /// A vote: `45`, `45 Ana`, `30 70 Ana`.
    case vote
    /// A live note.
    case note
    /// A step number to go to.
    case goTo
    /// The path of a votes CSV to import.
    case importCSV
  }

  /// The slider moving from one position to another over a time span.
  public struct Glide: Hashable, Sendable {
    /// Start value.
    public var from: Double
    /// End value.
    public var to: Double
    /// When it started.
    public var start: Double
    /// How long it takes, in seconds.
    public var duration: Double

    /// The value at `now`, eased.
    public func value(at now: Double) -> Double {
      guard duration > 0 else { return to }
      let t = min(max((now - start) / duration, 0), 1)
      let eased = t * t * (3 - 2 * t)
      return from + (to - from) * eased
    }

    /// Whether it is over at `now`.
    public func isDone(at now: Double) -> Bool { now - start >= duration }
  }

  /// The session as journalled.
  public var session: WorkshopSession
  /// For the transition plan on the summary step.
  public var catalogue: Catalogue
  /// The open field, if any, and its text.
  public var field: Field?
  /// Text typed into the field.
  public var text = ""
  /// Selected vote (index into the current step's votes).
  public var selection: Int?
  /// One-off message on the status line.
  public var notice: String?
  /// On the summary step: the arrow keys move the target (true) or the current (false).
  public var adjustingTarget = false
  /// On a summary step covering every area: the row of ``WorkshopSession/results`` the arrow
  /// keys adjust.
  public var summaryRow = 0
  /// The clock, set by the loop before each reduce.
  public var now: Double
  /// When the current visit to the step began.
  public var stepEnteredAt: Double
  /// Seconds spent on the current step before this visit.
  public var stepBaseSeconds: Double
  /// When the time on the step was last journalled.
  public var lastTimed: Double
  /// Where the slider is drawn.
  public var display: Double
  /// The current slider movement, if any.
  public var glides: [Glide] = []
  /// ASCII glyphs only.
  public var ascii: Bool
  /// Paths of the latest export, shown on screen.
  public var exported: [String] = []
  /// The `?` overlay is open.
  public var showingHelp = false
  /// A report too long for the status line (every skipped row of an import), shown in an
  /// overlay until the next key.
  public var report: Report?

  /// A titled list of lines for the report overlay.
  public struct Report: Hashable, Sendable {
    /// The box title.
    public var title: String
    /// The lines, first one a summary.
    public var lines: [String]
  }

  /// The glide to a step position lasts this long (the contract says under 300 ms).
  public static let glideSeconds = 0.25
  /// A sweep (`from`/`to`) crosses its range in this long.
  public static let sweepSeconds = 3.0
  /// Time on a step is journalled at least this often.
  public static let timeJournalInterval = 10.0

  /// A state for `session` at its current step.
  public init(session: WorkshopSession, catalogue: Catalogue, now: Double, ascii: Bool = false) {
    self.session = session
    self.catalogue = catalogue
    self.now = now
    self.stepEnteredAt = now
    self.stepBaseSeconds = session.seconds[session.stepIndex] ?? 0
    self.lastTimed = now
    self.ascii = ascii
    self.display = Double(Self.restingPosition(session, upTo: session.stepIndex).value)
  }

  /// Seconds spent on the current step so far.
  public var stepSeconds: Double { stepBaseSeconds + max(0, now - stepEnteredAt) }

  /// The learning area the summary step's keys adjust: the step's own area, else the selected
  /// row's (nil: the whole organisation).
  public var summaryArea: String? {
    Self.summaryArea(session, row: summaryRow)
  }

  static func summaryArea(_ session: WorkshopSession, row: Int) -> String? {
    if let area = session.step?.area { return area }
    let results = session.results
    return results.indices.contains(row) ? results[row].area : results.first?.area
  }

  /// The slider position a step shows: its own end position, else the latest earlier one, else
  /// 50 (or the agreed current on a summary step).
  public static func restingPosition(_ session: WorkshopSession, upTo index: Int) -> Position {
    let steps = session.script.steps
    if steps.indices.contains(index), steps[index].kind == .summary, steps[index].endPosition == nil
    {
      let area = steps[index].area ?? session.results.first?.area
      if let agreed = session.agreedCurrent(in: area) { return agreed }
    }
    var i = min(index, steps.count - 1)
    while i >= 0 {
      if let p = steps[i].endPosition { return p }
      i -= 1
    }
    return 50
  }

  /// Whether the slider is still moving.
  public var isGliding: Bool { !glides.isEmpty }
}

/// What a mouse click or wheel turn means on the workshop screen.
public enum WorkshopMouseAction: Hashable, Sendable {
  /// Go to this step (a click in the agenda).
  case goTo(step: Int)
  /// Put the agreed marker being adjusted here (a click on the summary's track).
  case setAgreed(Position)
  /// Choose this row of the summary's areas.
  case selectArea(Int)
  /// Move the vote selection (the wheel on a vote step).
  case selectVote(by: Int)
}

/// What the facilitator did, or time passing.
public enum WorkshopAction: Hashable, Sendable {
  /// A key.
  case key(Key)
  /// A mouse click or wheel turn, already placed by ``WorkshopScreen/action(for:state:size:)``.
  case mouse(WorkshopMouseAction)
  /// The clock moved to `now` (the loop sends this on every wake-up).
  case tick(Double)
  /// A journalled session was taken up again: its time restarts from now (journalled, so a
  /// notes view following the journal does not count the time it was closed).
  case resumed
  /// Entries another process added to the journal (`workshop import` in a second terminal);
  /// they are already in the file, so they are applied and not journalled again.
  case appendedElsewhere([JournalEntry])
  /// The session as the journal now has it, replacing the live one (entries from elsewhere
  /// landed between ours), and those entries, for the notice.
  case reloaded(WorkshopSession, [JournalEntry])
}

/// What must happen outside the reducer.
public enum WorkshopEffect: Hashable, Sendable {
  /// Append this entry to the journal (it is already applied to the state).
  case journal(JournalEntry)
  /// Write the exports next to the journal.
  case export
  /// Import votes from this CSV into the current step.
  case importCSV(String)
  /// End the session screen.
  case quit
  /// Suspend (Ctrl-Z).
  case suspend
  /// Switch to the next theme.
  case cycleTheme
}

/// Applies one action; every session change is applied here and returned as a journal effect,
/// so the journal replays to exactly this state.
public func reduceWorkshop(_ state: inout WorkshopState, _ action: WorkshopAction)
  -> [WorkshopEffect]
{
  switch action {
  case .tick(let now):
    state.now = now
    advanceGlide(&state)
    if now - state.lastTimed >= WorkshopState.timeJournalInterval {
      return [record(&state, timeEntry(state))]
    }
    return []
  case .resumed:
    return [record(&state, timeEntry(state))]
  case .mouse(let mouse):
    finishGlide(&state)
    state.notice = nil
    switch mouse {
    case .goTo(let step):
      return move(&state, to: step)
    case .selectVote(let delta):
      selectVote(&state, by: delta)
    case .selectArea(let row):
      selectArea(&state, by: row - state.summaryRow)
    case .setAgreed(let position):
      return setAgreed(&state, to: position)
    }
    return []
  case .appendedElsewhere(let entries), .reloaded(_, let entries):
    if case .reloaded(let session, _) = action {
      // Only the journalled part is replaced (it holds this screen's own moves too); the
      // field and the glide stay as they are.
      state.session = session
      if let i = state.selection, i >= session.votes(of: session.stepIndex).count {
        state.selection = nil
      }
    } else {
      for entry in entries { state.session.apply(entry) }
    }
    let votes = entries.filter { $0.type == .vote }.count
    if votes > 0 {
      state.notice = "\(votes) vote\(votes == 1 ? "" : "s") added from another terminal"
    }
    return []
  case .key(let key):
    finishGlide(&state)
    // A report is read, then dismissed by any key, which does nothing else.
    // A report is read, then dismissed by any key, which does nothing else, except that quit
    // still quits (as everywhere in the workshop).
    if state.report != nil {
      state.report = nil
      if key != .char("q"), key != .ctrl("c") { return [] }
    }
    // Help covers the screen: `?` and Esc close it; any other key closes it and does its job.
    if state.showingHelp {
      state.showingHelp = false
      if key == .char("?") || key == .escape { return [] }
    }
    let step = state.session.step
    guard
      let command = WorkshopKeyMap.workshop.command(for: key, kind: step?.kind, field: state.field)
    else {
      if state.field != nil, case .char(let c) = key, state.text.count < 200 {
        state.text.append(c)
      }
      return []
    }
    if state.field != nil { return fieldCommand(&state, command) }
    return sessionCommand(&state, command, key: key)
  }
}

private func advanceGlide(_ state: inout WorkshopState) {
  while let first = state.glides.first, first.isDone(at: state.now) {
    state.display = first.to
    state.glides.removeFirst()
    if !state.glides.isEmpty { state.glides[0].start = state.now }
  }
  if let first = state.glides.first { state.display = first.value(at: state.now) }
}

private func timeEntry(_ state: WorkshopState) -> JournalEntry {
  .timed(step: state.session.stepIndex, seconds: state.stepSeconds, at: state.now)
}

/// Applies `entry` to the session and returns it as an effect.
private func record(_ state: inout WorkshopState, _ entry: JournalEntry) -> WorkshopEffect {
  state.session.apply(entry)
  if entry.type == .time { state.lastTimed = state.now }
  return .journal(entry)
}

private func sessionCommand(_ state: inout WorkshopState, _ command: WorkshopCommand, key: Key)
  -> [WorkshopEffect]
{
  state.notice = nil
  switch command {
  case .next:
    return move(&state, to: state.session.stepIndex + 1)
  case .previous:
    return move(&state, to: state.session.stepIndex - 1)
  case .goTo:
    state.field = .goTo
    state.text = ""
  case .quit:
    return [record(&state, timeEntry(state)), .quit]
  case .suspend:
    return [.suspend]
  case .help:
    state.showingHelp = true
  case .nextTheme:
    return [.cycleTheme]
  case .note:
    state.field = .note
    state.text = ""
  case .export:
    return [record(&state, timeEntry(state)), .export]
  case .importCSV:
    state.field = .importCSV
    state.text = ""
  case .reveal:
    let shown = !state.session.revealed.contains(state.session.stepIndex)
    return [record(&state, .revealed(shown, step: state.session.stepIndex, at: state.now))]
  case .vote:
    state.field = .vote
    // A digit starts the vote with itself, so `45 Enter` is all it takes.
    if case .char(let c) = key, c.isASCII, c.isNumber {
      state.text = String(c)
    } else {
      state.text = ""
    }
  case .selectVote(let delta):
    selectVote(&state, by: delta)
  case .selectArea(let delta):
    selectArea(&state, by: delta)
  case .deleteVote:
    let votes = state.session.votes(of: state.session.stepIndex)
    guard let i = state.selection, votes.indices.contains(i) else {
      state.notice = "Select a vote with ↑/↓ first"
      return []
    }
    let effect = record(
      &state, .unvoted(id: votes[i].id, step: state.session.stepIndex, at: state.now))
    let remaining = state.session.votes(of: state.session.stepIndex).count
    state.selection = remaining == 0 ? nil : min(i, remaining - 1)
    state.notice = "Vote removed"
    return [effect]
  case .adjust(let delta):
    return adjust(&state, by: delta)
  case .switchAgreed:
    state.adjustingTarget.toggle()
  case .backToMedians:
    let area = state.summaryArea
    state.notice = "Agreed positions \(area.map { "for \($0) " } ?? "")back to the room's result"
    return [record(&state, .agreed(current: nil, target: nil, area: area, at: state.now))]
  case .submitField, .closeField, .erase, .clearField:
    break
  }
  return []
}

private func selectVote(_ state: inout WorkshopState, by delta: Int) {
  let count = state.session.votes(of: state.session.stepIndex).count
  guard count > 0 else {
    state.selection = nil
    return
  }
  guard let current = state.selection else {
    state.selection = delta > 0 ? 0 : count - 1
    return
  }
  state.selection = min(max(current + delta, 0), count - 1)
}

/// The marker being adjusted (current or target) of the summary's area, and the other one;
/// markers nobody has agreed on yet start at 50.
private func agreedPair(_ state: WorkshopState) -> (current: Position, target: Position) {
  let area = state.summaryArea
  let current = state.session.agreedCurrent(in: area) ?? 50
  return (current, state.session.agreedTarget(in: area) ?? current)
}

/// Puts the marker being adjusted at `position` (the other stays), journalled for the area.
private func setAgreed(_ state: inout WorkshopState, to position: Position) -> [WorkshopEffect] {
  var (current, target) = agreedPair(state)
  if state.adjustingTarget { target = position } else { current = position }
  state.display = Double(position.value)
  return [
    record(
      &state, .agreed(current: current, target: target, area: state.summaryArea, at: state.now))
  ]
}

private func adjust(_ state: inout WorkshopState, by delta: Int) -> [WorkshopEffect] {
  let (current, target) = agreedPair(state)
  return setAgreed(&state, to: (state.adjustingTarget ? target : current).nudged(by: delta))
}

/// Chooses the summary's area row `delta` rows on, gliding the big track to its agreed marker.
private func selectArea(_ state: inout WorkshopState, by delta: Int) {
  let count = state.session.results.count
  guard state.session.step?.area == nil, count > 1 else { return }
  state.summaryRow = min(max(state.summaryRow + delta, 0), count - 1)
  let area = state.summaryArea
  let agreed =
    state.adjustingTarget
    ? state.session.agreedTarget(in: area) : state.session.agreedCurrent(in: area)
  if let agreed {
    state.glides = [
      .init(
        from: state.display, to: Double(agreed.value), start: state.now,
        duration: WorkshopState.glideSeconds)
    ]
  }
}

/// Any key or click finishes the slider's glide at once (and still does its own job).
private func finishGlide(_ state: inout WorkshopState) {
  if let last = state.glides.last {
    state.display = last.to
    state.glides = []
  }
}

/// Moves to step `index` (ignored outside the agenda), journalling the time spent on the step
/// being left, and starts the slider's glide.
func move(_ state: inout WorkshopState, to index: Int) -> [WorkshopEffect] {
  guard state.session.script.steps.indices.contains(index), index != state.session.stepIndex else {
    if !state.session.script.steps.indices.contains(index) {
      state.notice = index < 0 ? "This is the first step" : "This is the last step"
    }
    return []
  }
  var effects = [record(&state, timeEntry(state))]
  effects.append(record(&state, .moved(to: index, at: state.now)))
  state.stepEnteredAt = state.now
  state.stepBaseSeconds = state.session.seconds[index] ?? 0
  state.selection = nil
  state.adjustingTarget = false
  state.summaryRow = 0
  let step = state.session.script.steps[index]
  let start = Double(WorkshopState.restingPosition(state.session, upTo: index).value)
  var glides: [WorkshopState.Glide] = []
  if let from = step.from, let to = step.to {
    glides.append(
      .init(
        from: state.display, to: Double(from.value), start: state.now,
        duration: WorkshopState.glideSeconds))
    glides.append(
      .init(
        from: Double(from.value), to: Double(to.value), start: state.now,
        duration: WorkshopState.sweepSeconds))
  } else if start != state.display {
    glides.append(
      .init(from: state.display, to: start, start: state.now, duration: WorkshopState.glideSeconds))
  }
  state.glides = glides
  return effects
}

private func fieldCommand(_ state: inout WorkshopState, _ command: WorkshopCommand)
  -> [WorkshopEffect]
{
  switch command {
  case .closeField:
    state.field = nil
    state.text = ""
    state.notice = nil
  case .erase:
    if !state.text.isEmpty { state.text.removeLast() }
  case .clearField:
    state.text = ""
  case .submitField:
    return submit(&state)
  default:
    break
  }
  return []
}

private func submit(_ state: inout WorkshopState) -> [WorkshopEffect] {
  let text = TextSanitizer.cleanLine(state.text).trimmingWhitespace()
  let field = state.field
  switch field {
  case .vote:
    guard let step = state.session.step else { return [] }
    let parsed =
      step.kind == .assess ? parseAnswerField(text) : parseVoteField(text, collect: step.collect)
    switch parsed {
    case .failure(let problem):
      state.notice = problem.description
      return []
    case .success(let (current, target, name)):
      let vote = WorkshopVote(
        id: state.session.nextVoteID, name: name, current: current, target: target)
      let effect = record(&state, .voted(vote, step: state.session.stepIndex, at: state.now))
      let count = state.session.votes(of: state.session.stepIndex).count
      state.text = ""
      state.notice =
        "Vote \(count) added"
        + (state.session.revealed.contains(state.session.stepIndex) ? "" : " (hidden until r)")
      // The field stays open for the next participant; Esc closes it.
      return [effect]
    }
  case .note:
    state.field = nil
    state.text = ""
    guard !text.isEmpty else { return [] }
    state.notice = "Note added"
    return [record(&state, .noted(text, step: state.session.stepIndex, at: state.now))]
  case .goTo:
    state.field = nil
    state.text = ""
    guard let n = Int(text), state.session.script.steps.indices.contains(n - 1) else {
      state.notice = "No step \"\(text)\"; steps are 1 to \(state.session.script.steps.count)"
      return []
    }
    return move(&state, to: n - 1)
  case .importCSV:
    state.field = nil
    state.text = ""
    guard !text.isEmpty else { return [] }
    return [.importCSV(text)]
  case nil:
    return []
  }
}

/// Parses the vote field: `45`, `45 Ana`; for collect = both `30 70` or `30 70 Ana`.
public func parseVoteField(_ text: String, collect: VoteCollect) -> Result<
  (Position?, Position?, String?), VoteFieldError
> {
  let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
  let needed = collect == .both ? 2 : 1
  guard words.count >= needed else {
    return .failure(
      VoteFieldError(
        collect == .both
          ? "Type two positions: current target [name], e.g. 30 70 Ana"
          : "Type a position from 0 to 100, then an optional name"))
  }
  var numbers: [Position] = []
  for word in words.prefix(needed) {
    switch Position.parse(word) {
    case .success(let p): numbers.append(p)
    case .failure(let e): return .failure(VoteFieldError(e.description))
    }
  }
  let rest = words.dropFirst(needed).joined(separator: " ")
  let name = rest.isEmpty ? nil : String(rest.prefix(60))
  switch collect {
  case .current: return .success((numbers[0], nil, name))
  case .target: return .success((nil, numbers[0], name))
  case .both: return .success((numbers[0], numbers[1], name))
  }
}

/// Parses the answer field of an assess step: today's answer then the target's, each 1–4
/// (1 = most organisation-led) or `?` for not sure (`0` and `n` too, as in the questionnaire),
/// then an optional name: `2 4 Ana`, `? 3`, `0 3`.
/// Answers become their scores (0, 33, 67, 100), so the votes' medians are the question's scores;
/// "not sure" is left empty and so out of the statistics.
///
/// ```swift
/// parseAnswerField("2 4 Ana")  // .success((33, 100, "Ana"))
/// parseAnswerField("? 3")      // .success((nil, 67, nil))
/// ```
public func parseAnswerField(_ text: String) -> Result<
  (Position?, Position?, String?), VoteFieldError
> {
  let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
  let scores = AssessmentQuestion.scores
  let usage =
    "Type two answers, today then target, each 1 to \(scores.count) or ? (not sure), e.g. 2 4 Ana"
  guard words.count >= 2 else { return .failure(VoteFieldError(usage)) }
  var answers: [Position?] = []
  for word in words.prefix(2) {
    if word == "?" || word == "0" || word.lowercased() == "n" {
      answers.append(nil)
    } else if let n = Int(word), (1...scores.count).contains(n) {
      answers.append(Position(clamping: scores[n - 1]))
    } else {
      return .failure(VoteFieldError("\"\(String(word.prefix(20)))\" is not an answer: \(usage)"))
    }
  }
  guard answers[0] != nil || answers[1] != nil else {
    return .failure(VoteFieldError("Both answers are \"not sure\"; nothing to count"))
  }
  let rest = words.dropFirst(2).joined(separator: " ")
  return .success((answers[0], answers[1], rest.isEmpty ? nil : String(rest.prefix(60))))
}

/// Why the vote field was not accepted.
public struct VoteFieldError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The message for the status line.
  public var description: String
  init(_ description: String) { self.description = description }
}

/// Adds the good rows of a votes CSV to the current vote step; bad rows go to the notice.
public func importWorkshopVotes(_ state: inout WorkshopState, csv: String, file: String)
  -> [WorkshopEffect]
{
  guard let step = state.session.step, step.kind == .vote else {
    state.notice = "Votes can only be imported on a vote step"
    return []
  }
  let result = WorkshopVoteCSV.parse(csv, collect: step.collect, step: state.session.stepIndex + 1)
  var effects: [WorkshopEffect] = []
  for row in result.rows {
    let vote = WorkshopVote(
      id: state.session.nextVoteID, name: row.name, current: row.current, target: row.target)
    effects.append(record(&state, .voted(vote, step: state.session.stepIndex, at: state.now)))
  }
  var notice =
    "Imported \(result.rows.count) vote\(result.rows.count == 1 ? "" : "s") from \(file)"
    + result.otherStepsNote
  if !result.problems.isEmpty {
    let n = result.problems.count
    notice += "; skipped \(n) row\(n == 1 ? "" : "s")"
    // Every skipped row, with its line, where the room can read it; the status line has room
    // for one at most.
    state.report = .init(title: "Import from \(file)", lines: [notice + ":"] + result.problems)
  }
  state.notice = notice
  return effects
}
