import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// The themes in the checkout's `themes/` folder, the built-in copy of the default, and the
/// documentation of the roles.
@Suite struct ShippedThemeTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let folder = root.appendingPathComponent("themes").path
  static let files: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    .filter { $0.hasSuffix(".toml") }.sorted()

  /// Only the checkout's themes folder, so the user's own files never affect the result.
  static var library: ThemeLibrary { isolatedLibrary(themesDir: folder) }

  @Test func atLeastSixThemesShipIncludingTheOnesTheIssueNames() {
    let names = Set(Self.files.map { String($0.dropLast(5)) })
    #expect(names.count >= 6)
    for wanted in ["default", "light", "high-contrast", "monochrome", "okabe-ito", "projector"] {
      #expect(names.contains(wanted), "themes/\(wanted).toml")
    }
  }

  @Test(arguments: files)
  func passesCheck(_ file: String) {
    let problems = Self.library.check(Self.folder + "/" + file)
    #expect(problems.isEmpty, "\(problems.map(\.description))")
  }

  @Test(arguments: files)
  func isCommentedAndNamedAfterItsFile(_ file: String) throws {
    let text = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
    #expect(text.hasPrefix("# learnerpower theme: "))
    let def = try ThemeFile.parse(text, file: file).get()
    #expect(def.name + ".toml" == file)
    #expect(!def.description.isEmpty)
  }

  @Test(arguments: files)
  func resolvesEveryRoleDirectlyOrByFallback(_ file: String) throws {
    let resolved = try Self.library.load(String(file.dropLast(5))).get()
    let named = Set(resolved.theme.namedRoles)
    for (role, _) in ThemeRoles.all {
      let covered = role.chain.contains { named.contains($0) } || named.contains(.base)
      #expect(covered, "\(file): \(role)")
    }
    // The default theme is the last resort, so it styles every leaf role itself (group roles
    // such as "panel" may rest on "base").
    if file == "default.toml" {
      let groups = Set(ThemeRoles.all.compactMap(\.role.parent))
      for (role, _) in ThemeRoles.all where !groups.contains(role) {
        #expect(resolved.theme.specs[role] != nil, "default: \(role)")
      }
    }
  }

  @Test(arguments: files)
  func noRoleHasTextInItsOwnBackgroundColour(_ file: String) throws {
    let theme = try Self.library.load(String(file.dropLast(5))).get().theme
    for depth in [ColorDepth.direct, .indexed256, .sixteen] {
      for (role, _) in ThemeRoles.all {
        let s = theme.style(role)
        let fg = ColorMapper.map(s.fg, to: depth), bg = ColorMapper.map(s.bg, to: depth)
        // chart.band is a shade glyph, drawn faint on purpose, never text.
        guard role != "chart.band", fg != .default || bg != .default else { continue }
        #expect(fg != bg, "\(file) \(role) at \(depth): \(fg) on \(bg)")
      }
    }
  }

  @Test func theBuiltInDefaultIsTheShippedDefaultByteForByte() throws {
    let text = try String(contentsOfFile: Self.folder + "/default.toml", encoding: .utf8)
    // A Swift multi-line literal has no final newline; the file has exactly one.
    #expect(text == BuiltInTheme.defaultSource + "\n")
    #expect(ThemeLibrary.builtInDefault.theme.specs.count > 30)
  }

  @Test func theReadmeDocumentsEveryRole() throws {
    let text = try String(contentsOfFile: Self.folder + "/README.md", encoding: .utf8)
    for (role, _) in ThemeRoles.all {
      #expect(text.contains("`\(role.name)`"), "themes/README.md: \(role)")
    }
    for topic in ["extends", "[palette]", "NO_COLOR", "--theme", "#rrggbb"] {
      #expect(text.contains(topic), "themes/README.md mentions \(topic)")
    }
  }

  @Test func everyRoleTheScreenUsesIsKnown() {
    // Styles (Screen.swift) resolves these; a role missing from ThemeRoles could not be themed
    // without `themes check` calling it unknown.
    let used = [
      "base", "title", "title.accent", "panel", "panel.border", "panel.title", "panel.heading",
      "panel.muted", "slider.track", "slider.tick", "slider.label", "slider.end", "slider.current",
      "slider.target", "slider.active", "stage.directed", "stage.guided", "stage.enabled",
      "stage.learner-led", "chart.axis", "chart.band", "chart.organisation", "chart.learner",
      "chart.social", "chart.current", "chart.target", "bar.organisation", "bar.learner",
      "list.selected", "list.pointer", "list.fit", "list.next", "list.pinned",
      "transition.introduce", "transition.keep", "transition.phase-down", "transition.caveat",
      "status", "status.notice", "status.warning", "hints", "hints.key", "overlay",
      "overlay.border", "overlay.title", "overlay.key", "message",
    ]
    for role in used { #expect(ThemeRoles.names.contains(role), "\(role)") }
    for stage in Stage.allCases { #expect(ThemeRoles.names.contains("stage." + stage.id)) }
  }
}

@Suite struct ThemeSearchTests {
  @Test func installedThemesAreFoundBesideTheBinary() throws {
    let prefix = try makeThemeFolder([
      "share/learnerpower/themes/brand.toml": "name = \"brand\"\ndescription = \"Ours\"\n",
      "bin/.keep": "",
    ])
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let home = prefix + "/home"
    let lib = ThemeLibrary(
      paths: AppPaths(environment: ["HOME": home]), environment: [:],
      executablePath: prefix + "/bin/learnerpower", workingDirectory: home)
    let info = try #require(lib.list().first { $0.name == "brand" })
    #expect(info.origin == .installed)
    #expect(info.description == "Ours")
    #expect(info.path == prefix + "/share/learnerpower/themes/brand.toml")
    let loaded = try lib.load("brand").get()
    #expect(loaded.info.origin == .installed)
  }

  @Test func folderOrderDecidesWhichFileANameMeans() throws {
    let root = try makeThemeFolder([
      "dir/light.toml": "name = \"light\"\ndescription = \"from --themes-dir\"\n",
      "config/learnerpower/themes/light.toml": "name = \"light\"\ndescription = \"from user\"\n",
      "config/learnerpower/themes/mine.toml": "name = \"mine\"\ndescription = \"user only\"\n",
      "prefix/share/learnerpower/themes/mine.toml":
        "name = \"mine\"\ndescription = \"installed\"\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    var paths = AppPaths(environment: ["HOME": root, "XDG_CONFIG_HOME": root + "/config"])
    paths.themesOverride = root + "/dir"
    let lib = ThemeLibrary(
      paths: paths, environment: [:], executablePath: root + "/prefix/bin/learnerpower",
      workingDirectory: root)
    let list = Dictionary(uniqueKeysWithValues: lib.list().map { ($0.name, $0) })
    #expect(list["light"]?.origin == .themesDir)
    #expect(list["mine"]?.origin == .user)
    #expect(list["default"]?.origin == .builtIn)
    #expect(try lib.load("mine").get().info.description == "user only")
  }

  @Test func aBrokenFileIsListedWithAHintInsteadOfADescription() throws {
    let dir = try makeThemeFolder(["bad.toml": "name = \n"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let info = try #require(isolatedLibrary(themesDir: dir).list().first { $0.name == "bad" })
    #expect(info.description.contains("themes check"))
  }
}
