import ArgumentParser
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerApp
import LearnerPowerModel

#if canImport(Glibc)
  import Glibc
#endif

/// `learnerpower themes list|check|show`.
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List, check and preview colour themes.",
    discussion: """
      Themes are TOML files found, in order, in --themes-dir, $XDG_CONFIG_HOME/learnerpower/themes, \
      the installed share/learnerpower/themes, and the checkout's themes/ folder; a built-in \
      default always exists. themes/README.md lists every role a theme can style.
      """,
    subcommands: [List.self, Check.self, Show.self]
  )

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the themes available, with where each comes from.")

    @OptionGroup var common: CommonOptions

    func run() throws {
      let themes = ThemeLibrary(
        paths: common.paths, environment: ProcessInfo.processInfo.environment)
      let infos = themes.list()
      let nameWidth = infos.map(\.name.count).max() ?? 0
      for info in infos {
        let name = info.name + String(repeating: " ", count: nameWidth - info.name.count)
        let origin = info.origin.rawValue + (info.path.map { " " + $0 } ?? "")
        print("\(name)  \(TextSanitizer.cleanLine(info.description))  [\(origin)]")
      }
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check theme files and report every problem with its line.",
      discussion: "Exits 1 when any file has a problem; each is printed as file:line: key: message."
    )

    @Argument(help: ArgumentHelp("Theme TOML files to check.", valueName: "file"))
    var files: [String]

    @OptionGroup var common: CommonOptions

    func run() throws {
      let themes = ThemeLibrary(
        paths: common.paths, environment: ProcessInfo.processInfo.environment)
      var failed = false
      for file in files {
        let problems = themes.check(file)
        if problems.isEmpty {
          print("\(TextSanitizer.cleanLine(file)): ok")
        } else {
          failed = true
          let text = problems.map(\.description).joined(separator: "\n")
          Output.err((text + "\n"))
        }
      }
      if failed { throw ExitCode(1) }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Print a sample explorer screen in a theme.",
      discussion: """
        Colours are written as ANSI escapes when standard output is a terminal (or with \
        --format ansi); otherwise the screen is plain text. NO_COLOR keeps only the attributes.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case auto, txt, ansi }

    @Argument(help: ArgumentHelp("Theme name or path to a theme file.", valueName: "theme"))
    var theme: String

    @Option(help: ArgumentHelp("Width in columns.", valueName: "w"))
    var width: Int = 100

    @Option(help: ArgumentHelp("Height in rows.", valueName: "h"))
    var height: Int = 30

    @Option(help: "Output format: auto is ansi on a terminal, txt otherwise.")
    var format: Format = .auto

    @OptionGroup var common: CommonOptions

    func validate() throws {
      guard (0...1000).contains(width), (0...1000).contains(height) else {
        throw ValidationError(
          "--width and --height must be between 0 and 1000 (got \(width)x\(height)).")
      }
    }

    func run() throws {
      let env = ProcessInfo.processInfo.environment
      let themes = ThemeLibrary(paths: common.paths, environment: env)
      let resolved: ResolvedTheme
      switch themes.load(theme) {
      case .success(let t): resolved = t
      case .failure(let e):
        printError(e.description)
        throw ExitCode(1)
      }
      // A sample with both markers, a transition and the stage panel, so every role shows.
      var state = AppState(current: 38, target: 70, themeName: resolved.info.name)
      state.notice = "Theme: \(resolved.info.name) (\(resolved.info.origin.rawValue))"
      let ansi = format == .ansi || (format == .auto && isatty(STDOUT_FILENO) == 1)
      let noColor = env["NO_COLOR"].map { !$0.isEmpty } ?? false
      let text = RenderOutput.render(
        state: state, theme: resolved.theme, width: width, height: height, ansi: ansi,
        noColor: noColor)
      Output.out(text)
    }
  }
}
