import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// What a user's-eye test run of the workshop found, each pinned down.
@Suite struct WorkshopTesterFindingsTests {
  let theme = ThemeLibrary.builtInDefault.theme

  func state(_ steps: [WorkshopStep], step: Int = 0) -> WorkshopState {
    var session = WorkshopSession(
      id: "t", script: WorkshopScript(title: "T", steps: steps), startedAt: 0)
    session.apply(.moved(to: step, at: 0))
    return WorkshopState(session: session, catalogue: .builtIn, now: 0)
  }

  func text(_ s: WorkshopState, _ w: Int = 80, _ h: Int = 24) -> String {
    PlainTextExporter.export(
      WorkshopScreen.render(s, theme: theme, size: Size(width: w, height: h)))
  }

  @Test func everyVoteShowsWhileTheyAllFitAtEightyByTwentyFour() {
    var s = state([WorkshopStep(kind: .vote, title: "V", collect: .both)])
    for (n, (c, t, name)) in [(10, 20, "Ana"), (15, 15, "Ben"), (5, 30, "Cy"), (20, 25, "Dee")]
      .enumerated()
    {
      s.session.apply(
        .voted(
          WorkshopVote(
            id: n + 1, name: name, current: Position(clamping: c), target: Position(clamping: t)),
          step: 0, at: 1))
    }
    s.session.apply(.revealed(true, step: 0, at: 2))
    let screen = text(s)
    for name in ["Ana", "Ben", "Cy", "Dee"] {
      #expect(screen.contains(name), "\(name) is missing:\n\(screen)")
    }
  }

  @Test func anAssessStepAsksForAnswersNotPositions() {
    let s = state(WorkshopStep(kind: .assess, title: "Culture").expanded)
    let screen = text(s, 100, 30)
    #expect(screen.contains("Type two answers, today then target, each 1-4 or ? (not sure)"))
    #expect(!screen.contains("Type two positions"))
  }

  @Test(arguments: [(80, 24), (100, 30)])
  func anExploreStepSaysWhatThePositionMeansLikeTheGolden(_ size: (Int, Int)) throws {
    let s = state([
      WorkshopStep(
        kind: .explore, title: "Guided", position: 37, prompt: "What does guided look like here?")
    ])
    let screen = text(s, size.0, size.1)
    try Golden.check(screen, "workshop-explore-37-\(size.0)x\(size.1).txt")
  }

  @Test func theStageCardFollowsTheSliderAsItSweeps() {
    var s = state([WorkshopStep(kind: .explore, title: "Sweep", from: 0, to: 100)])
    s.display = 12
    #expect(text(s, 100, 30).contains("Stage 1 of 4 · Directed (0–24)"))
    #expect(text(s, 100, 30).contains("Organisation 88% · learner 12%"))
    s.display = 80.4
    let late = text(s, 100, 30)
    #expect(late.contains("Stage 4 of 4 · Learner-led (75–100)"))
    #expect(late.contains("L1 Personal learning networks"))
    // A discuss step without a position, and vote steps, keep the room unanchored: no card.
    let vote = state([WorkshopStep(kind: .vote, title: "V")])
    #expect(!text(vote, 100, 30).contains("Fits here:"))
    let discuss = state([WorkshopStep(kind: .discuss, title: "D")])
    #expect(!text(discuss, 100, 30).contains("Fits here:"))
  }

  @Test func theHeadingNamesTheAreaOnlyWhenTheTitleDoesNot() {
    let steps = [
      WorkshopStep(
        kind: .vote, title: "Compliance and safety", collect: .both, area: "Compliance and safety"),
      WorkshopStep(kind: .vote, title: "Today and target", collect: .both, area: "Leadership"),
    ]
    #expect(text(state(steps), 100, 30).contains("Compliance and safety  (vote · both)"))
    #expect(
      text(state(steps, step: 1), 100, 30).contains("Leadership — Today and target  (vote · both)"))
  }

  @Test func keysAreIgnoredWhileTheTooSmallMessageShowsExceptQuit() throws {
    let dir = NSTemporaryDirectory() + "lp-small-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let s = state([WorkshopStep(kind: .vote, title: "V"), WorkshopStep(kind: .summary, title: "S")])
    let journal = try WorkshopJournal.create(in: dir, session: s.session)
    let terminal = TestTerminal(size: Size(width: 60, height: 20))
    let loop = WorkshopLoop(state: s, terminal: terminal, theme: theme, journal: journal)
    for key in [Key.char("4"), .char("5"), .enter, .char("n")] { #expect(!loop.handle(.key(key))) }
    #expect(loop.state.field == nil)
    #expect(loop.state.session.votes(of: 0).isEmpty)
    #expect(loop.state.session.stepIndex == 0)
    terminal.resize(to: Size(width: 80, height: 24))
    #expect(!loop.handle(.key(.char("n"))))
    #expect(loop.state.session.stepIndex == 1)
    terminal.resize(to: Size(width: 60, height: 20))
    #expect(loop.handle(.key(.char("q"))))
  }

  @Test func xListsEveryExportedPathUntilTheNextKey() throws {
    let dir = NSTemporaryDirectory() + "lp-x-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var s = state([
      WorkshopStep(kind: .vote, title: "V", collect: .both, area: "Sales"),
      WorkshopStep(kind: .summary, title: "S"),
    ])
    s.session.script.areas = [WorkshopArea(name: "Sales")]
    s.session.apply(.voted(WorkshopVote(id: 1, current: 30, target: 60), step: 0, at: 1))
    let journal = try WorkshopJournal.create(in: dir + "/sessions", session: s.session)
    let loop = WorkshopLoop(state: s, terminal: TestTerminal(), theme: theme, journal: journal)
    loop.snapshotsFolder = dir + "/snapshots"
    loop.handle(.key(.char("x")))
    let lines = try #require(loop.state.report?.lines)
    #expect(lines.filter { $0.hasPrefix("  ") }.count == 5)
    #expect(lines.contains("  " + dir + "/snapshots/t-agreed.json"))
    #expect(FileManager.default.fileExists(atPath: dir + "/snapshots/t-agreed.json"))
    loop.handle(.key(.char("p")))
    #expect(loop.state.report == nil)
    #expect(loop.state.session.stepIndex == 0)  // the key only closed the list
  }

  @Test func aSignalEndsTheSessionWhateverIsOpen() throws {
    let dir = NSTemporaryDirectory() + "lp-sig-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for open in ["report", "help", "field"] {
      var s = state([
        WorkshopStep(kind: .vote, title: "V"), WorkshopStep(kind: .summary, title: "S"),
      ])
      s.session.id = open
      switch open {
      case "report": s.report = .init(title: "Exported", lines: ["x"])
      case "help": s.showingHelp = true
      default: s.field = .vote
      }
      let journal = try WorkshopJournal.create(in: dir, session: s.session)
      let loop = WorkshopLoop(state: s, terminal: TestTerminal(), theme: theme, journal: journal)
      #expect(loop.handle(.signal(.hangup)), "SIGHUP with the \(open) open")
      // The time on the step is journalled on the way out, as for q.
      let replay = try WorkshopSessionFiles.load(journal.path).get()
      #expect(replay.session.seconds[0] != nil)
    }
  }
}

/// The facilitator's notes view that follows the journal from a second terminal.
@Suite struct WorkshopNotesViewTests {
  let script = WorkshopScript(
    title: "T",
    steps: [
      WorkshopStep(kind: .explore, title: "One", minutes: 2),
      WorkshopStep(
        kind: .discuss, title: "Two",
        prompt:
          "Which area has the largest distance between today and target, and what it would take?",
        notes:
          "Ask the quietest people first; wait ten seconds before filling any silence yourself.",
        minutes: 5),
    ])

  @Test func theClockCountsFromTheLastJournalledTimeOrTheMoveWhicheverIsLater() {
    var s = WorkshopSession(id: "n", script: script, startedAt: 100)
    #expect(s.secondsOnCurrentStep(now: 130) == 30)
    s.apply(.timed(step: 0, seconds: 40, at: 140))
    #expect(s.secondsOnCurrentStep(now: 143) == 43)
    s.apply(.moved(to: 1, at: 150))
    #expect(s.secondsOnCurrentStep(now: 155) == 5)
    s.apply(.timed(step: 1, seconds: 12, at: 162))
    // Closed at 170, resumed at 500: the resume journals the time, so the gap is not counted.
    s.apply(.timed(step: 1, seconds: 20, at: 170))
    s.apply(.timed(step: 1, seconds: 20, at: 500))
    #expect(s.secondsOnCurrentStep(now: 506) == 26)
    let ended = workshopNotesView(s, now: 900, ended: true)
    #expect(ended.contains("Time: 0:20 / 5:00"))
  }

  @Test func proseIsWrappedAtWordsToTheWidth() {
    var s = WorkshopSession(id: "n", script: script, startedAt: 0)
    s.apply(.moved(to: 1, at: 0))
    let text = workshopNotesView(s, now: 1, width: 40)
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 39 })
    #expect(text.contains("Ask the quietest people first; wait ten"))
    #expect(!text.contains("wo\nuld"))
  }

  @Test func aResumedSessionJournalsItsTimeSoTheNotesClockDoesNotJump() {
    var state = WorkshopState(
      session: WorkshopSession(id: "n", script: script, startedAt: 0), catalogue: .builtIn,
      now: 1000)
    let effects = reduceWorkshop(&state, .resumed)
    guard case .journal(let entry)? = effects.first else {
      Issue.record("a resume journals the time")
      return
    }
    #expect(entry.type == .time && entry.at == 1000)
    #expect(state.session.secondsOnCurrentStep(now: 1003) == 3)
  }
}

/// Text from a script reaches SVG, Markdown and CSV escaped scalar by scalar.
@Suite struct WorkshopExportEscapingTests {
  @Test func aMarkCarryingACombiningAccentIsStillEscaped() {
    let tricky = "<\u{301}b> & \"q\u{301}\", |x"
    #expect(!WorkshopExport.xml(tricky).contains("<"))
    #expect(WorkshopExport.xml(tricky).contains("&lt;\u{301}b&gt; &amp; &quot;q\u{301}&quot;"))
    #expect(WorkshopExport.md("|\u{301} <\u{301}") == "\\|\u{301} \\<\u{301}")
    #expect(WorkshopExport.csvField("a,\u{301}b") == "\"a,\u{301}b\"")
    #expect(WorkshopExport.csvField("\"\u{301}") == "\"\"\"\u{301}\"")
    #expect(WorkshopExport.csvField("=\u{301}1") == "'=\u{301}1")
    #expect(WorkshopExport.csvField("plain") == "plain")
  }
}
