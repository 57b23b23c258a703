import ArgumentParser
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerApp
import LearnerPowerModel
import NcursesTerminal

/// `learnerpower assess …`: the self-assessment, interactive or scored from an answer file.
struct AssessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "assess",
    abstract: "Self-assessment: 12 questions place the current and target markers.",
    discussion: """
      Without --answers, opens the questionnaire (one question per screen, each answered for \
      today and for where you want to be). With --answers FILE.toml, scores a filled answer \
      file and prints the result (format: docs/assess.md).
      """,
    subcommands: [Check.self]
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, md }

  @Option(help: ArgumentHelp("Score this answer file instead of asking.", valueName: "file"))
  var answers: String?

  @Option(help: ArgumentHelp("Output format for --answers.", valueName: "json|md"))
  var format: Format = .md

  @Option(
    help: ArgumentHelp("Use this question file instead of the built-in one.", valueName: "file"))
  var questions: String?

  @Flag(help: "Use ASCII glyphs only.")
  var ascii = false

  @OptionGroup var common: CommonOptions

  func run() throws {
    let set = try loadQuestionSet(questions)
    guard let answers else {
      let catalogue = try common.catalogue()
      let code = runAssessment(
        questions: set, catalogue: catalogue, paths: common.paths, ascii: ascii)
      if code != 0 { throw ExitCode(code) }
      return
    }
    let filled: AssessmentAnswers
    switch AssessmentReport.loadAnswers(answers, questions: set) {
    case .success(let a): filled = a
    case .failure(let e):
      Output.err((e.description + "\n"))
      throw ExitCode(1)
    }
    let catalogue = try common.catalogue()
    switch Assessment.score(filled, questions: set, catalogue: catalogue) {
    case .failure(let e):
      printError("\(answers): \(e)")
      throw ExitCode(1)
    case .success(let result):
      let text =
        format == .json
        ? AssessmentReport.json(result, answers: filled, questions: set)
        : AssessmentReport.markdown(result, questions: set)
      Output.out(text)
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check a question file and list every problem with its line.")

    @Argument(help: ArgumentHelp("The question file (TOML).", valueName: "file"))
    var file: String

    func run() throws {
      switch AssessmentReport.loadQuestions(file) {
      case .success(let set):
        print("\(file): OK: \(set.questions.count) questions (\(set.name), version \(set.version))")
      case .failure(let e):
        Output.err((e.description + "\n"))
        throw ExitCode(1)
      }
    }
  }
}

/// The built-in questions, or a file's; a bad file ends the run with exit 1.
func loadQuestionSet(_ path: String?) throws -> AssessmentQuestions {
  guard let path else { return .builtIn }
  switch AssessmentReport.loadQuestions(path) {
  case .success(let set): return set
  case .failure(let e):
    Output.err((e.description + "\n"))
    throw ExitCode(1)
  }
}

/// Opens the terminal and runs the questionnaire on its own; always gives the terminal back.
/// `m` on the result stores the markers in the state file, so the next `learnerpower` starts
/// there; the result is printed after the screen is restored.
func runAssessment(
  questions: AssessmentQuestions, catalogue: Catalogue, paths: AppPaths, ascii: Bool
) -> Int32 {
  let env = ProcessInfo.processInfo.environment
  let store = StateStore(paths: paths)
  let (remembered, _) = store.load()
  let themes = ThemeLibrary(paths: paths, environment: env)
  var theme = ThemeLibrary.builtInDefault
  if case .success(let t) = themes.load(remembered.theme ?? "default") { theme = t }

  let screen: NcursesScreen
  do {
    screen = try NcursesScreen.open(
      options: NcursesOptions(environment: env, mouse: false, ascii: ascii))
  } catch {
    switch error {
    case .notATerminal:
      printError(
        "\(error). To score answers without a terminal, use 'learnerpower assess --answers FILE.toml' (see docs/assess.md)."
      )
      return 2
    default:
      printError("\(error).")
      return 1
    }
  }
  defer { screen.restore() }
  let loop = AssessmentLoop(
    session: AssessmentSession(questions: questions), terminal: screen, theme: theme.theme,
    ascii: ascii || screen.prefersASCII)
  let ending = loop.run()
  screen.restore()
  switch ending {
  case .signalled(let code):
    return code
  case .finished(.leave), .finished(.quit):
    return 0
  case .finished(.apply(let current, let target)):
    // The result lands on the remembered active area; the other areas are kept as they were.
    var state = AppState(current: current, target: target, catalogue: catalogue)
    state.restoreAreas(from: remembered)
    state.current = current
    state.target = target
    state.active = .current
    do {
      try store.saveState(state)
    } catch {
      printError("could not save the markers: \(error)")
      return 1
    }
    if case .success(let result) = loop.session.result {
      print(AssessmentReport.markdown(result, questions: questions), terminator: "")
    }
    print(
      "Markers saved: current \(current.value), target \(target.value). Run 'learnerpower' to explore them."
    )
    return 0
  }
}
