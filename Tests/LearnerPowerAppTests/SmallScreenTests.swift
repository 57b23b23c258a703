import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// What the smallest sizes still owe the user: every key in `?`, a caveat that says it was cut,
/// keys that do nothing unseen, and a size message that names the right screen.
@Suite struct SmallScreenTests {
  let theme = ThemeLibrary.builtInDefault.theme

  func text(_ grid: CellGrid) -> String { PlainTextExporter.export(grid) }

  @Test func helpAt60x20ListsEveryKeyIncludingQuit() {
    var s = AppState()
    s.overlay = .help
    let shown = text(Screen.render(s, theme: theme, size: Size(width: 60, height: 20)))
    for row in KeyMap.explorer.helpRows(ascii: false) {
      #expect(shown.contains(row.key), "\(row.key) missing from ? at 60x20")
    }
    let hints = text(Screen.render(AppState(), theme: theme, size: Size(width: 60, height: 20)))
    #expect(hints.contains("? help"))
    #expect(hints.contains("q quit"))
  }

  @Test func aCaveatThatDoesNotFitEndsWithAnEllipsis() {
    let shown = text(
      Screen.render(
        AppState(current: 0, target: 100), theme: theme, size: Size(width: 80, height: 24)))
    let lines = shown.split(separator: "\n")
    guard let first = lines.firstIndex(where: { $0.contains("││ ! ") }), first + 2 < lines.count
    else {
      Issue.record("no caveat at 80x24")
      return
    }
    // Two caveat lines; the last text before the frame is the ellipsis: the user can tell it
    // was cut. The groups follow as one line of counts.
    #expect(lines[first + 1].replacingOccurrences(of: " ", with: "").hasSuffix("…│"))
    #expect(lines[first + 2].contains("+4 in · =1 keep · -2 down"))
  }

  @Test func belowTheMinimumOnlyQuitAndSuspendAct() {
    let home = NSTemporaryDirectory() + "lp-small-\(UUID().uuidString)"
    let paths = AppPaths(environment: ["HOME": home])
    let terminal = TestTerminal(size: Size(width: 40, height: 10))
    let loop = ExplorerLoop(
      state: AppState(current: 40, target: 60), terminal: terminal,
      themes: ThemeLibrary(paths: paths, environment: [:]), theme: ThemeLibrary.builtInDefault,
      store: StateStore(paths: paths))
    #expect(loop.action(for: .right) == nil)
    #expect(loop.action(for: .char("s")) == nil)
    #expect(loop.action(for: .char("q")) == .requestedQuit)
    #expect(loop.action(for: .ctrl("z")) == .requestedSuspend)
    #expect(loop.process([.key(.right)]) == false)
    #expect(loop.state.current == 40)
    #expect(terminal.text.contains("60×20"))
    terminal.resize(to: Size(width: 100, height: 30))
    #expect(loop.action(for: .right) == .nudged(by: 1))
  }

  @Test func eachScreenNamesItselfAndItsOwnMinimum() {
    let workshop = WorkshopState(
      session: WorkshopSession(
        id: "w",
        script: WorkshopScript(title: "t", steps: [WorkshopStep(kind: .discuss, title: "Talk")]),
        startedAt: 0),
      catalogue: .builtIn, now: 0)
    let w = text(WorkshopScreen.render(workshop, theme: theme, size: Size(width: 70, height: 20)))
    #expect(w.contains("The workshop"))
    #expect(w.contains("80×24"))
    let a = text(
      AssessmentScreen.render(
        AssessmentSession(questions: .builtIn), theme: theme, size: Size(width: 50, height: 15),
        ascii: false))
    #expect(a.contains("The self-assessment"))
    #expect(a.contains("60×20"))
    let e = text(Screen.render(AppState(), theme: theme, size: Size(width: 50, height: 15)))
    #expect(e.contains("The explorer"))
  }
}
