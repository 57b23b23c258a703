import Foundation
import Testing

/// `learnerpower themes …`, `--theme PATH` and NO_COLOR, run as a user would run them.
@Suite struct ThemeCommandTests {
  static let shipped = LearnerPowerBinary.packageRoot.appendingPathComponent("themes").path

  /// A private home with a user theme in `$XDG_CONFIG_HOME/learnerpower/themes`.
  func homeWithUserTheme() throws -> String {
    let home = LearnerPowerBinary.tempHome()
    let dir = home + "/config/learnerpower/themes"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try """
    name = "brand"
    description = "Our brand colours"
    extends = "light"
    [styles]
    "title" = { fg = "#ffffff", bg = "#7a1f5c", bold = true }
    """.write(toFile: dir + "/brand.toml", atomically: true, encoding: .utf8)
    return home
  }

  /// Every SGR parameter list in `text` (`ESC[0;1;38;5;208m` → ["0", "1", "38", "5", "208"]).
  func sgrParameters(_ text: String) -> [[String]] {
    var out: [[String]] = []
    var rest = Substring(text)
    while let start = rest.range(of: "\u{1b}[") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(where: { !("0"..."9").contains($0) && $0 != ";" }) else {
        break
      }
      if rest[end] == "m" { out.append(rest[..<end].split(separator: ";").map(String.init)) }
      rest = rest[end...]
    }
    return out
  }

  /// True when an SGR sets a colour: 30–39, 40–49, 90–97, 100–107, or 38;…/48;… forms.
  func setsColour(_ params: [String]) -> Bool {
    params.contains { p in
      guard let n = Int(p) else { return false }
      return (30...49).contains(n) || (90...97).contains(n) || (100...107).contains(n)
    }
  }

  @Test func everyShippedThemePassesCheck() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.shipped)
      .filter { $0.hasSuffix(".toml") }.sorted().map { Self.shipped + "/" + $0 }
    #expect(files.count >= 6)
    let r = try LearnerPowerBinary.run(["themes", "check"] + files)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.components(separatedBy: ": ok\n").count - 1 == files.count)
  }

  @Test func checkExitsOneAndNamesFileLineAndKeyForEveryProblem() throws {
    let home = LearnerPowerBinary.tempHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let bad = home + "/bad.toml"
    try """
    name = "bad"
    extends = "nosuch"
    [styles]
    "slider.curent" = { bold = true }
    "title" = { fg = "#12", bold = "yes" }
    """.write(toFile: bad, atomically: true, encoding: .utf8)
    let syntax = home + "/syntax.toml"
    try "name = \"s\"\n[styles]\n\"title\" = { fg = }\n".write(
      toFile: syntax, atomically: true, encoding: .utf8)
    let r = try LearnerPowerBinary.run(
      ["themes", "check", Self.shipped + "/light.toml", bad, syntax],
      env: LearnerPowerBinary.environment(home: home))
    #expect(r.status == 1)
    #expect(r.stdout.contains("light.toml: ok"))
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.contains {
        $0.hasPrefix(bad + ":2: extends: ") && $0.contains("'nosuch' was not found")
      })
    #expect(
      lines.contains { $0.hasPrefix(bad + ":4: ") && $0.contains("did you mean 'slider.current'") })
    #expect(
      lines.contains { $0.hasPrefix(bad + ":5: ") && $0.contains("fg") && $0.contains("#rrggbb") })
    #expect(
      lines.contains {
        $0.hasPrefix(bad + ":5: ") && $0.contains("bold") && $0.contains("true or false")
      })
    #expect(lines.contains { $0.hasPrefix(syntax + ":3:") && $0.contains("syntax") })
    #expect(lines.count == 5, "\(r.stderr)")
  }

  @Test func designsSliderThumbExamplePassesCheck() throws {
    let home = LearnerPowerBinary.tempHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let file = home + "/thumb.toml"
    try """
    name = "thumb"
    [palette]
    accent = "#5fd7d7"
    [styles]
    "slider.thumb" = { fg = "accent", bold = true }
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let r = try LearnerPowerBinary.run(
      ["themes", "check", file], env: LearnerPowerBinary.environment(home: home))
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == file + ": ok\n")
  }

  /// DESIGN's example line alone: `accent` comes from the default theme's palette.
  @Test func designsExampleLinePassesCheckWithoutAPaletteOfItsOwn() throws {
    let home = LearnerPowerBinary.tempHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let file = home + "/thumb.toml"
    try "name = \"thumb\"\n[styles]\n\"slider.thumb\" = { fg = \"accent\", bold = true }\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    let r = try LearnerPowerBinary.run(
      ["themes", "check", file], env: LearnerPowerBinary.environment(home: home))
    #expect(r.status == 0, "\(r.stderr)")
    try "name = \"typo\"\n[styles]\n\"slider.thumb\" = { fg = \"acent\" }\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    let typo = try LearnerPowerBinary.run(
      ["themes", "check", file], env: LearnerPowerBinary.environment(home: home))
    #expect(typo.status == 1)
    #expect(typo.stderr.contains("\(file):3:"))
    #expect(typo.stderr.contains("accent"))
  }

  @Test func renderWithABrokenThemeListsEveryProblemAsCheckDoes() throws {
    let home = LearnerPowerBinary.tempHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let file = home + "/brand.toml"
    try
      "name = \"brand\"\nextends = \"corprate\"\n[styles]\n\"slider.thumb\" = { fg = \"acent\" }\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    let env = LearnerPowerBinary.environment(home: home)
    let render = try LearnerPowerBinary.run(["render", "--theme", file], env: env)
    let check = try LearnerPowerBinary.run(["themes", "check", file], env: env)
    #expect(render.status == 1 && check.status == 1)
    #expect(render.stderr.contains("\(file):2: extends: the parent theme 'corprate' was not found"))
    #expect(render.stderr.contains("\(file):4: styles.\"slider.thumb\".fg: unknown colour 'acent'"))
    // Through a pipe, read once: the same problems, not those of an empty second read.
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let piped = try LearnerPowerBinary.run(
      ["render", "--theme", "/dev/stdin"], env: env, input: text)
    #expect(piped.status == 1)
    #expect(piped.stderr.contains("unknown colour 'acent'"), "\(piped.stderr)")
    #expect(!piped.stderr.contains("missing key 'name'"))
  }

  @Test func listShowsUserThemesWithTheirOrigin() throws {
    let home = try homeWithUserTheme()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let r = try LearnerPowerBinary.run(
      ["themes", "list"], env: LearnerPowerBinary.environment(home: home))
    #expect(r.status == 0, "\(r.stderr)")
    let brand = r.stdout.split(separator: "\n").first { $0.hasPrefix("brand ") }
    #expect(brand?.contains("Our brand colours") == true)
    #expect(brand?.contains("[user \(home)/config/learnerpower/themes/brand.toml]") == true)
    // Run from the checkout, so the shipped themes are listed too.
    #expect(r.stdout.contains("okabe-ito"))
    #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("default ") })
  }

  @Test func renderUnderNoColorWritesAttributesButNoColour() throws {
    let home = LearnerPowerBinary.tempHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    for theme in ["default", "light", "okabe-ito"] {
      let args = [
        "render", "--format", "ansi", "--current", "38", "--target", "70", "--theme", theme,
      ]
      let colour = try LearnerPowerBinary.run(args, env: LearnerPowerBinary.environment(home: home))
      #expect(colour.status == 0, "\(colour.stderr)")
      #expect(
        sgrParameters(colour.stdout).contains(where: setsColour), "\(theme) has colour normally")
      let plain = try LearnerPowerBinary.run(
        args, env: LearnerPowerBinary.environment(home: home, extra: ["NO_COLOR": "1"]))
      #expect(plain.status == 0)
      let sgrs = sgrParameters(plain.stdout)
      #expect(!sgrs.isEmpty, "attributes still come through")
      #expect(!sgrs.contains(where: setsColour), "\(theme) under NO_COLOR")
      #expect(!plain.stdout.contains("38;") && !plain.stdout.contains("48;"))
      #expect(sgrs.contains { $0.contains("7") } && sgrs.contains { $0.contains("1") })
    }
    // An empty NO_COLOR means colour stays on.
    let empty = try LearnerPowerBinary.run(
      ["render", "--format", "ansi"],
      env: LearnerPowerBinary.environment(home: home, extra: ["NO_COLOR": ""]))
    #expect(sgrParameters(empty.stdout).contains(where: setsColour))
  }

  @Test func themesShowIsTextWhenPipedAndHonoursNoColor() throws {
    let home = LearnerPowerBinary.tempHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let piped = try LearnerPowerBinary.run(
      ["themes", "show", "light"], env: LearnerPowerBinary.environment(home: home))
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(!piped.stdout.contains("\u{1b}"))
    #expect(piped.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 31)
    #expect(piped.stdout.contains("Theme: light"))
    let ansi = try LearnerPowerBinary.run(
      ["themes", "show", "light", "--format", "ansi"],
      env: LearnerPowerBinary.environment(home: home))
    #expect(sgrParameters(ansi.stdout).contains(where: setsColour))
    let noColor = try LearnerPowerBinary.run(
      ["themes", "show", "light", "--format", "ansi"],
      env: LearnerPowerBinary.environment(home: home, extra: ["NO_COLOR": "yes"]))
    #expect(!sgrParameters(noColor.stdout).isEmpty)
    #expect(!sgrParameters(noColor.stdout).contains(where: setsColour))
    let missing = try LearnerPowerBinary.run(
      ["themes", "show", "nosuch"], env: LearnerPowerBinary.environment(home: home))
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no theme of that name"))
  }

  @Test func themeByPathUsesTheUsersFile() throws {
    let home = LearnerPowerBinary.tempHome()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let file = home + "/mine.toml"
    try """
    name = "mine"
    [styles]
    "title" = { fg = 201, bg = 22 }
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let r = try LearnerPowerBinary.run(
      ["render", "--format", "ansi", "--theme", file],
      env: LearnerPowerBinary.environment(home: home))
    #expect(r.status == 0, "\(r.stderr)")
    let firstLine = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
    #expect(firstLine.contains("38;5;201") && firstLine.contains("48;5;22"))
    // A broken file is refused with its problem, and a usage of the user folder by name works.
    try "name = \"mine\"\n[styles]\n\"title\" = { fg = \"nocolour\" }\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let broken = try LearnerPowerBinary.run(
      ["render", "--format", "ansi", "--theme", file],
      env: LearnerPowerBinary.environment(home: home))
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("mine.toml:3"))
  }

  @Test func aUserThemeByNameExtendsAShippedOne() throws {
    let home = try homeWithUserTheme()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let r = try LearnerPowerBinary.run(
      ["render", "--format", "ansi", "--theme", "brand"],
      env: LearnerPowerBinary.environment(home: home))
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("48;5;"))  // the brand title background, mapped to 256 colours
  }
}
