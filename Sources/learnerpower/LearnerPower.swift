import ArgumentParser
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerApp
import LearnerPowerModel

/// `--current -1` would otherwise read `-1` as an option and report a missing value; joined as
/// `--current=-1` it reaches the position parser, which says the value is below 0.
func joiningNegativeNumbers(_ args: [String]) -> [String] {
  var out: [String] = []
  var i = 0
  while i < args.count {
    let a = args[i]
    if a.hasPrefix("--"), !a.contains("="), i + 1 < args.count,
      args[i + 1].hasPrefix("-"), Double(args[i + 1]) != nil
    {
      out.append(a + "=" + args[i + 1])
      i += 2
    } else {
      out.append(a)
      i += 1
    }
  }
  return out
}

/// The version printed by `--version` and written into snapshots.
let appVersion = LearnerPowerApp.appVersion

/// Parses a 0…100 position; out of range or not a number is a usage error (exit 64).
func positionArgument(_ text: String) throws -> Position {
  switch Position.parse(text) {
  case .success(let p): return p
  case .failure(let e): throw ValidationError(e.description)
  }
}

/// Options every command shares: where files live, which catalogue to use.
struct CommonOptions: ParsableArguments {
  @Option(
    name: .customLong("catalogue"),
    help: ArgumentHelp(
      "Use this catalogue of approaches instead of the built-in one.", valueName: "file"))
  var cataloguePath: String?

  @Option(help: ArgumentHelp("Folder for snapshots.", valueName: "dir"))
  var snapshotsDir: String?

  @Option(help: ArgumentHelp("Folder for workshop sessions.", valueName: "dir"))
  var sessionsDir: String?

  @Option(help: ArgumentHelp("Extra folder to look for themes in.", valueName: "dir"))
  var themesDir: String?

  /// The folders, with command-line overrides applied.
  var paths: AppPaths {
    var p = AppPaths(environment: ProcessInfo.processInfo.environment)
    p.snapshotsOverride = snapshotsDir
    p.sessionsOverride = sessionsDir
    p.themesOverride = themesDir
    return p
  }

  /// The catalogue to use; a bad file ends the run with exit 1 and every problem listed.
  func catalogue() throws -> Catalogue {
    guard let path = cataloguePath else { return .builtIn }
    switch CatalogueFile.load(path) {
    case .success(let c): return c
    case .failure(let e):
      printError(e.description)
      throw ExitCode(1)
    }
  }
}

func printError(_ text: String) {
  Output.err(("learnerpower: " + text + "\n"))
}

@main
struct LearnerPower: ParsableCommand {
  /// argument-parser's own entry point, plus a check that everything printed reached its
  /// destination (`> /dev/full` or a closed pipe must not pass silently).
  static func main() {
    do {
      var command = try parseAsRoot(
        joiningNegativeNumbers(Array(CommandLine.arguments.dropFirst())))
      try command.run()
    } catch {
      Output.finish()
      exit(withError: error)
    }
    Output.finish()
  }

  static let configuration = CommandConfiguration(
    commandName: "learnerpower",
    abstract:
      "Explore the Learner Power continuum: from organisational to learner control of workplace learning.",
    discussion: """
      The continuum idea comes from Kineo ("Power to the learner", Jez Anderson, 2018). The stage \
      names, the catalogue of approaches and the questions in this tool are our own \
      interpretation, not Kineo's.
      """,
    version: appVersion,
    subcommands: [
      Explore.self, Render.self, CatalogueCommand.self, ThemesCommand.self, SnapshotCommand.self,
      ShowCommand.self, DiffCommand.self, WorkshopCommand.self, AssessCommand.self,
    ],
    defaultSubcommand: Explore.self
  )
}

struct Explore: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explore",
    abstract: "Open the interactive explorer (the default command)."
  )

  @Option(
    help: ArgumentHelp("Start with the current marker here (0-100).", valueName: "n"),
    transform: positionArgument)
  var current: Position?

  @Option(
    help: ArgumentHelp("Start with the target marker here (0-100).", valueName: "n"),
    transform: positionArgument)
  var target: Position?

  @Option(help: ArgumentHelp("Theme name or path to a theme file.", valueName: "theme"))
  var theme: String?

  @Flag(help: "Use ASCII glyphs only.")
  var ascii = false

  @Flag(help: "Do not turn on mouse reporting.")
  var noMouse = false

  @Option(
    help: ArgumentHelp(
      "Questions for the self-assessment ('a') instead of the built-in twelve.", valueName: "file"))
  var questions: String?

  @Flag(help: ArgumentHelp(visibility: .private))
  var debugCrash = false

  @OptionGroup var common: CommonOptions

  func run() throws {
    let catalogue = try common.catalogue()
    // Checked before the screen opens, so a bad file is reported on a normal terminal.
    let set = try questions.map { try loadQuestionSet($0) }
    let code = runExplorer(
      ExplorerOptions(
        current: current, target: target, theme: theme, ascii: ascii, mouse: !noMouse,
        catalogue: catalogue, questions: set, paths: common.paths, debugCrash: debugCrash))
    if code != 0 { throw ExitCode(code) }
  }
}

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Print the explorer screen as text, without a terminal.",
    discussion:
      "Prints exactly HEIGHT lines with trailing spaces trimmed. Below 60x20 it prints the too-small message."
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case txt, ansi }

  @Option(
    help: ArgumentHelp("Current position (0-100).", valueName: "n"), transform: positionArgument)
  var current: Position = 40

  @Option(
    help: ArgumentHelp("Target position (0-100); defaults to the current one.", valueName: "n"),
    transform: positionArgument)
  var target: Position?

  @Option(help: ArgumentHelp("Which marker is active.", valueName: "current|target"))
  var active: String = "current"

  @Option(help: ArgumentHelp("Width in columns.", valueName: "w"))
  var width: Int = 100

  @Option(help: ArgumentHelp("Height in rows.", valueName: "h"))
  var height: Int = 30

  @Option(help: "Output format.")
  var format: Format = .txt

  @Option(help: ArgumentHelp("Theme name or path (matters for --format ansi).", valueName: "theme"))
  var theme: String?

  @Flag(help: "Use ASCII glyphs only.")
  var ascii = false

  @OptionGroup var common: CommonOptions

  func validate() throws {
    guard (0...1000).contains(width), (0...1000).contains(height) else {
      throw ValidationError(
        "--width and --height must be between 0 and 1000 (got \(width)x\(height)).")
    }
    guard Marker(rawValue: active) != nil else {
      throw ValidationError("--active must be 'current' or 'target' (got '\(active)').")
    }
  }

  func run() throws {
    let catalogue = try common.catalogue()
    var state = AppState(
      current: current, target: target ?? current, catalogue: catalogue, ascii: ascii)
    state.active = Marker(rawValue: active) ?? .current
    let themes = ThemeLibrary(paths: common.paths, environment: ProcessInfo.processInfo.environment)
    let resolved: ResolvedTheme
    switch themes.load(theme ?? "default") {
    case .success(let t): resolved = t
    case .failure(let e):
      printError(e.description)
      throw ExitCode(1)
    }
    let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let text = RenderOutput.render(
      state: state, theme: resolved.theme, width: width, height: height, ansi: format == .ansi,
      noColor: noColor)
    Output.out(text)
  }
}

struct CatalogueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalogue",
    abstract: "Work with catalogues of approaches.",
    subcommands: [Check.self]
  )

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check a catalogue file and report every problem with its line."
    )
    @Argument(help: ArgumentHelp("Catalogue TOML files to check.", valueName: "file"))
    var files: [String]

    func run() throws {
      var failed = false
      for file in files {
        switch CatalogueFile.load(file) {
        case .success(let c):
          print(
            "\(file): ok (\(c.approaches.count) approach\(c.approaches.count == 1 ? "" : "es"), \"\(c.name)\" version \(c.version))"
          )
        case .failure(let e):
          failed = true
          Output.err((e.description + "\n"))
        }
      }
      if failed { throw ExitCode(1) }
    }
  }
}
