import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// A private folder for theme files, removed by the caller's `defer`.
func makeThemeFolder(_ files: [String: String]) throws -> String {
  let dir = NSTemporaryDirectory() + "lp-themes-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  for (name, text) in files {
    let path = dir + "/" + name
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }
  return dir
}

/// A library that sees only `folder` (as --themes-dir) plus empty user and share folders.
func isolatedLibrary(themesDir folder: String?) -> ThemeLibrary {
  let home = NSTemporaryDirectory() + "lp-home-\(UUID().uuidString)"
  var paths = AppPaths(environment: ["HOME": home, "XDG_CONFIG_HOME": home + "/config"])
  paths.themesOverride = folder
  return ThemeLibrary(
    paths: paths, environment: [:], executablePath: home + "/bin/learnerpower",
    workingDirectory: home)
}

@Suite struct ThemeFileProblemTests {
  func problems(_ text: String) -> [Diagnostic] {
    switch ThemeFile.parse(text, file: "t.toml") {
    case .success: return []
    case .failure(let e): return e.diagnostics
    }
  }

  @Test func paletteNamesFallBackToTheDefaultThemesAndTheFilesOwnWin() throws {
    let inherited = ThemeLibrary.builtInPalette
    #expect(inherited["accent"] == .rgb(0x5f, 0xd7, 0xd7))
    let text =
      "name = \"x\"\n[palette]\ncurrent = \"red\"\n[styles]\n\"slider.thumb\" = { fg = \"accent\" }\n\"slider.current\" = { fg = \"current\" }\n"
    let d = try ThemeFile.parse(text, file: "t.toml", inheritedPalette: inherited).get()
    #expect(d.specs[Role("slider.thumb")]?.fg == .rgb(0x5f, 0xd7, 0xd7))
    #expect(d.specs[Role("slider.current")]?.fg == .ansi(1))
    #expect(d.palette.keys.sorted() == ["current"])
    // Without an inherited palette the name is unknown, as before.
    #expect(problems("name = \"x\"\n[styles]\n\"slider.thumb\" = { fg = \"accent\" }\n").count == 1)
  }

  @Test func aTOMLSyntaxErrorGivesLineAndColumn() {
    let p = problems("name = \"x\"\n[styles]\n\"slider\" = { fg = }\n")
    #expect(p.count == 1)
    #expect(p.first?.line == 3)
    #expect(p.first?.column != nil)
    #expect(p.first?.description.hasPrefix("t.toml:3:") == true)
  }

  @Test func anUnknownRoleSuggestsTheNearestKnownOne() {
    let p = problems(
      "name = \"x\"\n\n[styles]\n\"base\" = {}\n\"slider.curent\" = { bold = true }\n")
    #expect(p.count == 1)
    #expect(p.first?.line == 5)
    #expect(
      p.first?.keyPath == "styles.\"slider.curent\""
        || p.first?.keyPath?.contains("slider.curent") == true)
    #expect(p.first?.message.contains("did you mean 'slider.current'") == true)
  }

  @Test func aBadColourIsReportedAtItsLineWithTheKey() {
    let p = problems(
      """
      name = "x"
      [palette]
      brand = "#12345"
      [styles]
      "title" = { fg = "brand" }
      "panel" = { fg = "purpel" }
      "chart" = { bg = 300 }
      """)
    let byLine = Dictionary(grouping: p, by: { $0.line ?? 0 })
    #expect(byLine[3]?.first?.message.contains("#rrggbb") == true)
    #expect(byLine[6]?.first?.message.contains("unknown colour 'purpel'") == true)
    #expect(byLine[6]?.first?.keyPath?.hasSuffix("fg") == true)
    #expect(byLine[7]?.first?.message.contains("out of range") == true)
    // "brand" failed to parse, so using it is a second, separate problem on line 5.
    #expect(byLine[5]?.first?.message.contains("unknown colour 'brand'") == true)
  }

  @Test func anAttributeThatIsNotABooleanIsReported() {
    let p = problems("name = \"x\"\n[styles]\n\"title\" = { bold = \"yes\" }\n")
    #expect(p.count == 1)
    #expect(p.first?.line == 3)
    #expect(p.first?.message.contains("true or false") == true)
    #expect(p.first?.keyPath?.hasSuffix("bold") == true)
  }

  @Test func anUnknownStyleFieldSuggestsTheRightOne() {
    let p = problems("name = \"x\"\n[styles]\n\"title\" = { underlin = true }\n")
    #expect(p.first?.line == 3)
    #expect(p.first?.message.contains("did you mean 'underline'") == true)
  }

  @Test func everyProblemIsReportedAtOnce() {
    let p = problems(
      """
      name = 5
      colour = "x"
      [styles]
      "titel" = { fg = "red" }
      "panel" = { fg = "nope", italic = 1 }
      """)
    #expect(p.map(\.line) == [1, 2, 4, 5, 5])
  }

  @Test func paletteNamesAndAllColourFormsParse() throws {
    let def = try ThemeFile.parse(
      """
      name = "x"
      [palette]
      brand = "#ff8700"
      [styles]
      "title" = { fg = "brand", bg = 17, bold = true, reverse = false }
      "panel" = { fg = "bright-cyan", bg = "default" }
      "chart" = { fg = 3 }
      """, file: "x.toml"
    ).get()
    #expect(
      def.specs["title"]
        == StyleSpec(fg: .rgb(0xff, 0x87, 0), bg: .indexed(17), attributes: [.bold]))
    #expect(def.specs["panel"] == StyleSpec(fg: .ansi(14), bg: .default))
    #expect(def.specs["chart"] == StyleSpec(fg: .ansi(3)))
  }
}

@Suite struct ThemeExtendsTests {
  @Test func aMissingParentIsReportedAtTheExtendsLine() throws {
    let dir = try makeThemeFolder([
      "child.toml": "# a child\nname = \"child\"\nextends = \"nosuch\"\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lib = isolatedLibrary(themesDir: dir)
    let p = lib.check(dir + "/child.toml")
    #expect(p.count == 1)
    #expect(p.first?.line == 3)
    #expect(p.first?.keyPath == "extends")
    #expect(p.first?.message.contains("'nosuch' was not found") == true)
    #expect(throws: DiagnosticList.self) { try lib.load("child").get() }
  }

  @Test func aCycleIsReportedWithTheChain() throws {
    let dir = try makeThemeFolder([
      "a.toml": "name = \"a\"\nextends = \"b\"\n",
      "b.toml": "name = \"b\"\n\nextends = \"a\"\n",
      "self.toml": "name = \"self\"\nextends = \"self\"\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lib = isolatedLibrary(themesDir: dir)
    let p = lib.check(dir + "/a.toml")
    #expect(p.first?.line == 2)
    #expect(p.first?.description.contains("a -> b -> a") == true)
    let own = lib.check(dir + "/self.toml")
    #expect(own.first?.line == 2)
    #expect(own.first?.message.contains("cycle") == true)
    #expect(throws: DiagnosticList.self) { try lib.load("a").get() }
  }

  @Test func extendsProblemsAreReportedAlongsideOtherProblems() throws {
    let dir = try makeThemeFolder([
      "c.toml": "name = \"c\"\nextends = \"gone\"\n[styles]\n\"slidr\" = {}\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let p = isolatedLibrary(themesDir: dir).check(dir + "/c.toml")
    #expect(p.map(\.line) == [2, 4])
  }

  @Test func aParentBesideTheFileIsFoundAndFieldsFallBackAlongTheChain() throws {
    let dir = try makeThemeFolder([
      "brand/corporate.toml": """
      name = "corporate"
      [styles]
      "slider" = { fg = "#005faf" }
      "slider.current" = { bold = true }
      """,
      "brand/workshop.toml": """
      name = "workshop"
      extends = "corporate"
      [styles]
      "slider.current" = { fg = "red" }
      """,
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lib = isolatedLibrary(themesDir: nil)
    let t = try lib.load(dir + "/brand/workshop.toml").get()
    #expect(lib.check(dir + "/brand/workshop.toml").isEmpty)
    let current = t.theme.style("slider.current")
    #expect(current.fg == .ansi(1))  // its own
    #expect(current.attributes == [.bold])  // from the parent's slider.current
    #expect(t.theme.style("slider.track").fg == .rgb(0, 0x5f, 0xaf))  // parent's "slider"
    // What neither sets comes from the default theme.
    let builtIn = ThemeLibrary.builtInDefault.theme
    #expect(t.theme.style("status") == builtIn.style("status"))
  }

  @Test func aBrokenParentIsNamedInTheChildsProblem() throws {
    let dir = try makeThemeFolder([
      "p.toml": "name = \"p\"\n[styles]\n\"title\" = { fg = \"nocolour\" }\n",
      "k.toml": "name = \"k\"\nextends = \"p\"\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let p = isolatedLibrary(themesDir: dir).check(dir + "/k.toml")
    #expect(p.count == 1)
    #expect(p.first?.line == 2)
    #expect(p.first?.message.contains("parent theme 'p' has problems") == true)
    #expect(p.first?.message.contains("p.toml:3") == true)
  }

  @Test func aUserDefaultMayExtendTheShippedDefault() throws {
    let dir = try makeThemeFolder([
      "default.toml":
        "name = \"default\"\nextends = \"default\"\n[styles]\n\"title\" = { fg = \"red\" }\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lib = isolatedLibrary(themesDir: dir)
    let t = try lib.load("default").get()
    #expect(t.theme.style("title").fg == .ansi(1))
    #expect(t.theme.style("status") == ThemeLibrary.builtInDefault.theme.style("status"))
  }

  @Test func aMissingFileOrUnknownNameIsAClearError() {
    let lib = isolatedLibrary(themesDir: nil)
    #expect(lib.check("/nonexistent/x.toml").first?.message == "no such file")
    guard case .failure(let e) = lib.load("ligth") else {
      Issue.record("an unknown name must fail")
      return
    }
    #expect(e.description.contains("no theme of that name"))
  }
}
