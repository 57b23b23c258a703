import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

@Suite struct ThemePickerReducerTests {
  let names = ["default", "light", "monochrome"]

  func opened(on theme: String = "light") -> AppState {
    var s = AppState(themeName: theme)
    reduce(&s, .themePicker(.opened(names: names)))
    return s
  }

  func picker(_ s: AppState) -> ThemePicker? {
    if case .themePicker(let p) = s.overlay { return p }
    return nil
  }

  @Test func opensOnTheThemeInUseWithoutLoadingAnything() {
    var s = AppState(themeName: "light")
    let effects = reduce(&s, .themePicker(.opened(names: names)))
    #expect(effects.isEmpty)
    #expect(picker(s) == ThemePicker(names: names, original: "light"))
    #expect(picker(s)?.index == 1)
    // A theme in use that is not listed (a --theme path) starts on the first row.
    #expect(ThemePicker(names: names, original: "./mine.toml").index == 0)
  }

  @Test func anEmptyListDoesNotOpen() {
    var s = AppState()
    reduce(&s, .themePicker(.opened(names: [])))
    #expect(s.overlay == .none)
    #expect(s.notice != nil)
  }

  @Test func movingPreviewsEachThemeAndStopsAtTheEnds() {
    var s = opened()
    #expect(reduce(&s, .themePicker(.moved(by: 1))) == [.themePicker(.preview("monochrome"))])
    #expect(reduce(&s, .themePicker(.moved(by: 1))) == [])  // already last: nothing to load
    #expect(picker(s)?.index == 2)
    #expect(
      reduce(&s, .themePicker(.moved(by: Int(Int32.min)))) == [.themePicker(.preview("default"))])
    #expect(picker(s)?.index == 0)
    #expect(reduce(&s, .themePicker(.moved(by: Int.max))) == [.themePicker(.preview("monochrome"))])
    // The theme in use only changes when one is kept.
    #expect(s.themeName == "light")
  }

  @Test func enterKeepsTheSelectedTheme() {
    var s = opened()
    reduce(&s, .themePicker(.moved(by: -1)))
    #expect(reduce(&s, .themePicker(.kept)) == [.themePicker(.keep("default"))])
    #expect(s.overlay == .none)
  }

  @Test func escapeRestoresTheThemeFromBefore() {
    var s = opened()
    reduce(&s, .themePicker(.moved(by: 1)))
    #expect(reduce(&s, .themePicker(.cancelled)) == [.themePicker(.restore)])
    #expect(s.overlay == .none)
    #expect(s.themeName == "light")
  }

  @Test func pickerActionsDoNothingWhenThePickerIsClosed() {
    var s = AppState()
    #expect(reduce(&s, .themePicker(.moved(by: 1))) == [])
    #expect(reduce(&s, .themePicker(.kept)) == [])
    #expect(reduce(&s, .themePicker(.cancelled)) == [])
    #expect(s == AppState())
  }

  @Test func aFailedPreviewShowsItsWarningAndKeepsThePickerOpen() {
    var s = opened()
    reduce(&s, .themePicker(.moved(by: 1)))
    reduce(&s, .themePicker(.previewFailed(warning: "Warning: theme 'monochrome' not used")))
    #expect(s.notice == "Warning: theme 'monochrome' not used")
    #expect(picker(s)?.index == 2)
  }

  @Test func keysMeanPickerThingsWhileItIsOpen() {
    #expect(ThemePicker.action(for: .down) == .themePicker(.moved(by: 1)))
    #expect(ThemePicker.action(for: .char("k")) == .themePicker(.moved(by: -1)))
    #expect(ThemePicker.action(for: .enter) == .themePicker(.kept))
    #expect(ThemePicker.action(for: .escape) == .themePicker(.cancelled))
    #expect(ThemePicker.action(for: .char("q")) == .requestedQuit)
    #expect(ThemePicker.action(for: .right) == nil)
    #expect(KeyMap.explorer.action(for: .char("T")) == .requestedThemePicker)
  }

  @Test func thePickerIsDrawnOverTheScreenWithTheSelectionMarked() throws {
    var s = opened()
    reduce(&s, .themePicker(.moved(by: 1)))
    let grid = Screen.render(
      s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 100, height: 30))
    let text = PlainTextExporter.export(grid)
    #expect(text.contains("Theme"))
    #expect(text.contains("light (in use)"))
    #expect(text.contains("› monochrome"))
    #expect(text.contains("Enter keep"))
    // The selected row is in reverse video, as list selections are.
    let rows = (0..<30).filter { grid.row($0).contains("› monochrome") }
    let row = try #require(rows.first)
    let x = grid.row(row).distance(of: "monochrome")
    #expect(grid[x, row]?.style.attributes.contains(.reverse) == true)
    // Tiny screens draw the too-small message, never trap.
    _ = Screen.render(
      s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 60, height: 20))
  }
}

extension String {
  /// The column of the first occurrence of `part` (ASCII-only rows in these tests).
  func distance(of part: String) -> Int {
    guard let r = range(of: part) else { return -1 }
    return self[..<r.lowerBound].count
  }
}

@Suite struct ThemeLoopTests {
  struct Fixture {
    var loop: ExplorerLoop
    var paths: AppPaths
    var root: String
  }

  /// A loop over a private themes folder: `good` (red titles) and `broken`, plus the built-in
  /// default; the config folder is private too.
  func fixture(theme: String = "default") throws -> Fixture {
    let root = try makeThemeFolder([
      "themes/good.toml": "name = \"good\"\n[styles]\n\"title\" = { fg = \"red\" }\n",
      "themes/broken.toml": "name = \"broken\"\n[styles]\n\"title\" = { fg = \"nocolour\" }\n",
    ])
    var paths = AppPaths(environment: ["HOME": root, "XDG_CONFIG_HOME": root + "/config"])
    paths.themesOverride = root + "/themes"
    let lib = ThemeLibrary(
      paths: paths, environment: [:], executablePath: root + "/bin/learnerpower",
      workingDirectory: root)
    let resolved = try lib.load(theme).get()
    let loop = ExplorerLoop(
      state: AppState(themeName: resolved.info.name), terminal: TestTerminal(), themes: lib,
      theme: resolved, store: StateStore(paths: paths))
    return Fixture(loop: loop, paths: paths, root: root)
  }

  func press(_ loop: ExplorerLoop, _ keys: Key...) {
    for k in keys {
      for e in loop.handle(.key(k)) { _ = loop.perform(e) }
    }
  }

  func remembered(_ f: Fixture) -> String? { StateStore(paths: f.paths).load().0.theme }

  @Test func previewingChangesTheScreenAndEnterRemembersTheChoice() throws {
    let f = try fixture()
    defer { try? FileManager.default.removeItem(atPath: f.root) }
    press(f.loop, .char("T"))
    guard case .themePicker(let p) = f.loop.state.overlay else {
      Issue.record("T must open the picker")
      return
    }
    #expect(p.names == ["broken", "default", "good"])
    press(f.loop, .down)
    #expect(f.loop.theme.info.name == "good")
    #expect(
      Screen.render(f.loop.state, theme: f.loop.theme.theme, size: Size(width: 100, height: 30))[
        1, 0]?.style.fg == .ansi(1))
    #expect(remembered(f) == nil)  // a preview is not a choice
    press(f.loop, .enter)
    #expect(f.loop.state.overlay == .none)
    #expect(f.loop.state.themeName == "good")
    #expect(remembered(f) == "good")
  }

  @Test func escapePutsTheThemeFromBeforeBack() throws {
    let f = try fixture(theme: "good")
    defer { try? FileManager.default.removeItem(atPath: f.root) }
    press(f.loop, .char("T"), .up)
    #expect(f.loop.theme.info.name == "default")
    press(f.loop, .escape)
    #expect(f.loop.theme.info.name == "good")
    #expect(f.loop.state.themeName == "good")
    #expect(f.loop.state.overlay == .none)
    #expect(remembered(f) == nil)
  }

  @Test func aBrokenThemeInThePickerWarnsAndTheScreenKeepsItsTheme() throws {
    let f = try fixture()
    defer { try? FileManager.default.removeItem(atPath: f.root) }
    press(f.loop, .char("T"), .up)
    #expect(f.loop.theme.info.name == "default")
    #expect(f.loop.state.notice?.hasPrefix("Warning: theme 'broken' not used:") == true)
    #expect(f.loop.state.notice?.contains("broken.toml:3") == true)
    press(f.loop, .enter)
    #expect(f.loop.theme.info.name == "default")
    #expect(f.loop.state.themeName == "default")
    #expect(f.loop.state.notice?.hasPrefix("Warning:") == true)
    #expect(remembered(f) == nil)
  }

  @Test func cyclingWarnsAboutABrokenThemeKeepsThePreviousAndStepsOverIt() throws {
    let f = try fixture(theme: "good")
    defer { try? FileManager.default.removeItem(atPath: f.root) }
    // good -> broken (refused) -> default.
    press(f.loop, .char("t"))
    #expect(f.loop.theme.info.name == "good")
    #expect(f.loop.state.themeName == "good")
    #expect(f.loop.state.notice?.hasPrefix("Warning: theme 'broken' not used") == true)
    // The warning is drawn on the status line.
    let grid = Screen.render(
      f.loop.state, theme: f.loop.theme.theme, size: Size(width: 100, height: 30))
    #expect(grid.row(28).contains("Warning: theme 'broken'"))
    press(f.loop, .char("t"))
    #expect(f.loop.theme.info.name == "default")
    #expect(f.loop.state.notice == "Theme: default")
    #expect(remembered(f) == "default")
  }
}
