import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// The workshop's learning areas on screen and in the reports: the summary lists every area,
/// ↑/↓ choose the one ←/→ adjust, and the exports carry them all.
@Suite struct WorkshopAreaAppTests {
  static let script = WorkshopScript(
    title: "Areas workshop",
    steps: [
      WorkshopStep(kind: .vote, title: "Compliance", collect: .both, area: "Compliance"),
      WorkshopStep(kind: .vote, title: "Onboarding", collect: .both, area: "Onboarding"),
      WorkshopStep(kind: .vote, title: "Leadership", collect: .both, area: "Leadership"),
      WorkshopStep(kind: .summary, title: "Across areas"),
    ],
    areas: [
      WorkshopArea(name: "Compliance", pinned: true), WorkshopArea(name: "Onboarding"),
      WorkshopArea(name: "Leadership"), WorkshopArea(name: "Technical skills"),
    ])

  /// Votes on the first three areas (none on technical skills), then on the summary.
  func summaryState(ascii: Bool = false) -> WorkshopState {
    var session = WorkshopSession(id: "areas", script: Self.script, startedAt: 0)
    let votes: [(Int, Int, Int)] = [
      (0, 10, 15), (0, 14, 20), (1, 30, 60), (1, 40, 70), (2, 45, 85),
    ]
    for (n, (step, c, t)) in votes.enumerated() {
      session.apply(
        .voted(
          WorkshopVote(id: n + 1, current: Position(clamping: c), target: Position(clamping: t)),
          step: step, at: 1))
    }
    session.apply(.moved(to: 3, at: 2))
    var state = WorkshopState(session: session, catalogue: .builtIn, now: 2, ascii: ascii)
    state.stepEnteredAt = 2
    return state
  }

  func press(_ state: inout WorkshopState, _ keys: Key...) -> [JournalEntry] {
    keys.flatMap { key in
      reduceWorkshop(&state, .key(key)).compactMap { effect -> JournalEntry? in
        if case .journal(let e) = effect { return e }
        return nil
      }
    }
  }

  func screen(_ state: WorkshopState, _ width: Int, _ height: Int) -> String {
    PlainTextExporter.export(
      WorkshopScreen.render(
        state, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: width, height: height)))
  }

  @Test(arguments: [(80, 24, false), (100, 30, false), (80, 24, true)])
  func theSummaryListsEveryAreaLikeTheGolden(_ size: (Int, Int, Bool)) throws {
    var state = summaryState(ascii: size.2)
    _ = press(&state, .down, .down)
    let text = screen(state, size.0, size.1)
    try Golden.check(
      text, "workshop-areas-summary-\(size.2 ? "ascii-" : "")\(size.0)x\(size.1).txt")
  }

  @Test func arrowsChooseTheAreaAndMoveOnlyItsAgreedPositions() {
    var state = summaryState()
    #expect(state.summaryArea == "Compliance")
    _ = press(&state, .up)
    #expect(state.summaryRow == 0)  // already at the top
    _ = press(&state, .down, .down)
    #expect(state.summaryArea == "Leadership")
    let moved = press(&state, .right, .right)
    #expect(moved.last?.area == "Leadership")
    #expect(state.session.agreedCurrent(in: "Leadership") == 47)
    #expect(state.session.agreedCurrent(in: "Onboarding") == 35)
    _ = press(&state, .tab, .char("H"))
    #expect(state.session.agreedTarget(in: "Leadership") == 80)
    _ = press(&state, .down, .down, .down)
    #expect(state.summaryArea == "Technical skills")
    // An area nobody voted on starts from 50 when the facilitator sets it by hand.
    _ = press(&state, .char("l"))
    #expect(state.session.agreedTarget(in: "Technical skills") == 51)
    _ = press(&state, .up, .char("="))
    #expect(state.session.agreedSource(in: "Leadership") == .votes)
    #expect(state.notice == "Agreed positions for Leadership back to the room's result")
    #expect(state.session.agreedSource(in: "Technical skills") == .adjusted)
  }

  @Test func theSelectedAreaDrivesTheBigTrackAndItsPlan() {
    var state = summaryState()
    _ = press(&state, .down)
    let text = screen(state, 100, 30)
    #expect(text.contains("Onboarding: 35 Guided → 65 Enabled (vote medians)"))
    #expect(text.contains("Introduce: "))
    #expect(text.contains("Technical skills"))
  }

  @Test func aSummaryStepNamingAnAreaShowsThatAreaAlone() {
    var script = Self.script
    script.steps[3].area = "Onboarding"
    var session = WorkshopSession(id: "x", script: script, startedAt: 0)
    session.apply(.voted(WorkshopVote(id: 1, current: 30, target: 60), step: 1, at: 1))
    session.apply(.moved(to: 3, at: 2))
    var state = WorkshopState(session: session, catalogue: .builtIn, now: 2)
    let text = screen(state, 100, 30)
    #expect(text.contains("Onboarding — Across areas"))
    #expect(
      text.contains("Onboarding: agreed: current 30 Guided · target 60 Enabled (vote medians)"))
    #expect(!text.contains("Agreed by area"))
    _ = press(&state, .down, .right)
    #expect(state.session.agreedCurrent(in: "Onboarding") == 31)
  }

  @Test func reportsCarryEveryArea() {
    var state = summaryState()
    _ = press(&state, .down, .down, .right)
    let md = WorkshopExport.markdown(state.session, catalogue: .builtIn)
    #expect(md.contains("## Agreed positions by learning area"))
    #expect(
      md.contains("| Compliance (pinned) | 12 (Directed) | 18 (Directed) | +6 | vote medians | 2 |")
    )
    #expect(md.contains("| Leadership | 46 (Guided) | 85 (Learner-led) | +39 | adjusted | 1 |"))
    #expect(md.contains("| Technical skills | – | – | – | no votes yet | 0 |"))
    #expect(md.contains("### Technical skills\n\nNo agreed current and target yet."))
    #expect(md.contains("### 2. Onboarding (Onboarding)"))
    let csv = WorkshopExport.csv(state.session)
    #expect(
      csv.hasPrefix("step,step_title,name,current,target,area\n1,Compliance,,10,15,Compliance\n"))
    let svg = WorkshopExport.svg(state.session)
    #expect(svg.contains("Agreed by learning area"))
    #expect(svg.contains("<title>Leadership current 46</title>"))
    #expect(svg.contains(">46 → 85</text>"))  // numbers a slide can show
    #expect(svg.contains("Technical skills") && svg.contains("no votes yet"))
    let json = WorkshopExport.json(state.session, catalogue: .builtIn)
    #expect(json.contains("\"name\" : \"Technical skills\""))
  }

  @Test func aScriptWithoutAreasKeepsTheSingleAgreedLine() {
    let script = WorkshopScript(
      title: "T",
      steps: [
        WorkshopStep(kind: .vote, title: "V", collect: .both),
        WorkshopStep(kind: .summary, title: "S"),
      ])
    var session = WorkshopSession(id: "x", script: script, startedAt: 0)
    session.apply(.voted(WorkshopVote(id: 1, current: 30, target: 60), step: 0, at: 1))
    session.apply(.moved(to: 1, at: 2))
    let state = WorkshopState(session: session, catalogue: .builtIn, now: 2)
    let text = screen(state, 100, 30)
    #expect(text.contains("Agreed: current 30 Guided · target 60 Enabled (vote medians)"))
    #expect(!text.contains("Agreed by area"))
    let md = WorkshopExport.markdown(session, catalogue: .builtIn)
    #expect(md.contains("## Agreed positions\n\n- Current: 30 (Guided)"))
  }
}

/// The mouse on the workshop screen: positions found on the rendered screen, as a user sees them.
@Suite struct WorkshopMouseTests {
  let size = Size(width: 100, height: 30)

  func lines(_ state: WorkshopState) -> [String] {
    PlainTextExporter.export(
      WorkshopScreen.render(state, theme: ThemeLibrary.builtInDefault.theme, size: size)
    )
    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  func summary() -> WorkshopState {
    var session = WorkshopSession(id: "m", script: WorkshopAreaAppTests.script, startedAt: 0)
    session.apply(.voted(WorkshopVote(id: 1, current: 10, target: 15), step: 0, at: 1))
    session.apply(.voted(WorkshopVote(id: 2, current: 45, target: 85), step: 2, at: 1))
    session.apply(.moved(to: 3, at: 2))
    return WorkshopState(session: session, catalogue: .builtIn, now: 2)
  }

  func press(_ x: Int, _ y: Int, _ state: WorkshopState) -> WorkshopMouseAction? {
    WorkshopScreen.action(for: MouseEvent(.press, at: Point(x: x, y: y)), state: state, size: size)
  }

  @Test func aClickInTheAgendaGoesToThatStep() throws {
    var state = summary()
    let l = lines(state)
    let row = try #require(l.firstIndex { $0.contains(" 2 Onboarding") })
    #expect(press(5, row, state) == .goTo(step: 1))
    _ = reduceWorkshop(&state, .mouse(.goTo(step: 1)))
    #expect(state.session.stepIndex == 1)
    #expect(press(5, 1, state) == nil)  // the title bar
  }

  @Test func onTheSummaryATrackClickSetsTheAgreedMarkerAndARowClickChoosesTheArea() throws {
    var state = summary()
    let l = lines(state)
    let leadership = try #require(l.firstIndex { $0.contains("  Leadership ") && $0.contains("→") })
    let nameX = try #require(l[leadership].range(of: "Leadership")).lowerBound.utf16Offset(
      in: l[leadership])
    #expect(press(nameX, leadership, state) == .selectArea(2))
    _ = reduceWorkshop(&state, .mouse(.selectArea(2)))
    #expect(state.summaryArea == "Leadership")

    // The big track: the row with the stage ticks; its first column is 0, its last 100.
    let track = try #require(l.firstIndex { $0.contains("┼") && $0.contains("─") })
    let chars = Array(l[track])
    let first = try #require(chars.firstIndex { "─┼●◆".contains($0) })
    let last = try #require(chars.lastIndex { "─┼●◆".contains($0) })
    #expect(press(first, track, state) == .setAgreed(0))
    #expect(press(last, track, state) == .setAgreed(100))
    let entries = reduceWorkshop(&state, .mouse(.setAgreed(30)))
    #expect(entries.count == 1)
    #expect(state.session.agreedCurrent(in: "Leadership") == 30)
    #expect(state.session.agreedTarget(in: "Leadership") == 85)
    #expect(state.session.agreedCurrent(in: "Compliance") == 10)
  }

  @Test func theWheelSelectsVotesAndNothingHappensUnderAnOverlay() {
    var session = WorkshopSession(id: "m", script: WorkshopAreaAppTests.script, startedAt: 0)
    session.apply(.voted(WorkshopVote(id: 1, current: 10, target: 15), step: 0, at: 1))
    var state = WorkshopState(session: session, catalogue: .builtIn, now: 2)
    let wheel = MouseEvent(.wheelDown, at: Point(x: 50, y: 20))
    #expect(WorkshopScreen.action(for: wheel, state: state, size: size) == .selectVote(by: 1))
    state.showingHelp = true
    #expect(WorkshopScreen.action(for: wheel, state: state, size: size) == nil)
    #expect(
      WorkshopScreen.action(for: wheel, state: state, size: Size(width: 60, height: 20)) == nil)
  }
}
