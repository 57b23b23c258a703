#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerApp
import LearnerPowerModel
import NcursesTerminal

/// What the command line asked of the explorer.
struct ExplorerOptions {
  var current: Position?
  var target: Position?
  var theme: String?
  var ascii: Bool
  var mouse: Bool
  var catalogue: Catalogue
  /// `--questions`, read and checked; nil means the built-in set, parsed only when `a` asks.
  var questions: AssessmentQuestions?
  var paths: AppPaths
  var debugCrash: Bool
}

/// Opens the terminal, runs the explorer, and always gives the terminal back.
/// Returns the exit status (2 when there is no terminal, as the contract says).
func runExplorer(_ options: ExplorerOptions) -> Int32 {
  let env = ProcessInfo.processInfo.environment
  let store = StateStore(paths: options.paths)
  let (remembered, stateWarning) = store.load()
  let themes = ThemeLibrary(paths: options.paths, environment: env)

  let (theme, themeWarning) = themes.choose(wanted: options.theme, remembered: remembered.theme)
  let warning = themeWarning ?? stateWarning

  let screen: NcursesScreen
  do {
    screen = try NcursesScreen.open(
      options: NcursesOptions(environment: env, mouse: options.mouse, ascii: options.ascii))
  } catch {
    switch error {
    case .notATerminal:
      printError(
        "\(error). To print the explorer screen without a terminal, use 'learnerpower render' (see 'learnerpower render --help')."
      )
      return 2
    default:
      printError("\(error).")
      return 1
    }
  }
  defer { screen.restore() }

  let current = options.current ?? remembered.current ?? 40
  let target = options.target ?? remembered.target ?? 60
  var state = AppState(
    current: current, target: target, catalogue: options.catalogue, themeName: theme.info.name,
    ascii: screen.prefersASCII)
  // Areas carry their own markers; markers given on the command line go to the active area.
  state.restoreAreas(from: remembered)
  if let c = options.current { state.current = c }
  if let t = options.target { state.target = t }
  // Markers given on the command line start a fresh look, so only a restored state keeps its
  // active marker and selection.
  if options.current == nil && options.target == nil {
    state.active = remembered.active ?? .current
    state.restoreSelection(remembered.selection ?? 0)
  }
  state.notice = warning

  let loop = ExplorerLoop(
    state: state, terminal: screen, themes: themes, theme: theme, store: store)
  if let questions = options.questions { loop.questions = questions }
  if options.debugCrash {
    loop.onFirstFrame = { NcursesScreen.crashForTesting() }
  }
  let code = loop.run()
  screen.restore()
  if let message = loop.exitMessage { printError(message) }
  return code
}
