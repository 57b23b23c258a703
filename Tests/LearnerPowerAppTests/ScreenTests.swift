import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// Golden screens: the explorer as text at several sizes and positions. Re-record with
/// `LEARNERPOWER_RECORD=1 make test` and review the diff.
@Suite struct ScreenGoldenTests {
  static let cases:
    [(
      name: String, current: Int, target: Int, active: Marker, width: Int, height: Int, ascii: Bool
    )] = [
      ("explorer-38-70-100x30", 38, 70, .current, 100, 30, false),
      ("explorer-38-70-60x20", 38, 70, .current, 60, 20, false),
      ("explorer-38-70-80x24", 38, 70, .current, 80, 24, false),
      ("explorer-38-70-160x48", 38, 70, .current, 160, 48, false),
      ("explorer-0-100-target-100x30", 0, 100, .target, 100, 30, false),
      ("explorer-12-12-80x24", 12, 12, .current, 80, 24, false),
      ("explorer-87-20-160x48", 87, 20, .current, 160, 48, false),
      ("explorer-50-74-ascii-80x24", 50, 74, .target, 80, 24, true),
      ("too-small-59x20", 40, 60, .current, 59, 20, false),
      ("too-small-20x5", 40, 60, .current, 20, 5, false),
    ]

  @Test(arguments: 0..<cases.count)
  func screenMatchesGolden(_ index: Int) throws {
    let c = Self.cases[index]
    var state = AppState(
      current: Position(clamping: c.current), target: Position(clamping: c.target), ascii: c.ascii)
    state.active = c.active
    let grid = Screen.render(
      state, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: c.width, height: c.height))
    let text = PlainTextExporter.export(grid)
    #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == c.height + 1)
    try Golden.check(text, c.name + ".txt")
  }
}

@Suite struct ScreenTests {
  let theme = ThemeLibrary.builtInDefault.theme

  func text(_ s: AppState, _ w: Int = 100, _ h: Int = 30) -> String {
    PlainTextExporter.export(Screen.render(s, theme: theme, size: Size(width: w, height: h)))
  }

  @Test func everySizeFromZeroToLargeRendersWithoutTrapping() {
    for w in [0, 1, 2, 5, 19, 59, 60, 61, 79, 80, 99, 100, 160, 300] {
      for h in [0, 1, 2, 5, 19, 20, 21, 23, 24, 25, 26, 30, 48, 120] {
        let grid = Screen.render(
          AppState(current: 99, target: 1), theme: theme, size: Size(width: w, height: h))
        #expect(grid.size == Size(width: w, height: h))
      }
    }
  }

  @Test func theDoneWhenScreenShowsWhatTheIssueAsks() {
    let t = text(AppState(current: 38, target: 70))
    #expect(t.contains("Guided"))
    #expect(t.contains("Organisation 62%"))
    #expect(t.contains("38% Learner"))
    #expect(t.contains("Blended cohort"))
    #expect(t.contains("Target 70"))
    #expect(t.contains("Enabled"))
    #expect(t.contains("Introduce"))
  }

  @Test func tooSmallMessageFitsAndNamesTheMinimum() {
    let t = text(AppState(), 40, 10)
    #expect(t.contains("60"))
    #expect(t.contains("too small") || t.contains("Terminal"))
    for line in t.split(separator: "\n") { #expect(TextWidth.columns(String(line)) <= 40) }
  }

  @Test func theCursorSitsOnTheActiveMarker() {
    var s = AppState(current: 0, target: 100)
    let layout = Screen.layout(Size(width: 100, height: 30))
    let c = Screen.cursor(s, layout: layout)
    #expect(c == Point(x: layout.track.x, y: layout.track.y))
    s.active = .target
    #expect(Screen.cursor(s, layout: layout) == Point(x: layout.track.maxX - 1, y: layout.track.y))
  }

  @Test func aClickOnTheTrackPlacesTheActiveMarkerThere() {
    let size = Size(width: 100, height: 30)
    let track = Screen.layout(size).track
    let left = Screen.action(
      for: MouseEvent(.press, at: Point(x: track.x, y: track.y)), state: AppState(), size: size)
    #expect(left == .placedMarker(at: 0))
    let right = Screen.action(
      for: MouseEvent(.press, at: Point(x: track.maxX - 1, y: track.y)), state: AppState(),
      size: size)
    #expect(right == .placedMarker(at: 100))
    let wheel = Screen.action(
      for: MouseEvent(.wheelUp, at: Point(x: 0, y: 0)), state: AppState(), size: size)
    #expect(wheel == .nudged(by: 1))
  }

  @Test func theWheelScrollsTheListOverItAndNudgesTheMarkerElsewhere() {
    let size = Size(width: 100, height: 30)
    let list = Box.inner(
      of: Screen.layout(size, listRows: AppState().recommendations.count).listBox)
    let over = Point(x: list.x + 3, y: list.y + 1)
    #expect(
      Screen.action(for: MouseEvent(.wheelDown, at: over), state: AppState(), size: size)
        == .movedSelection(by: 1))
    #expect(
      Screen.action(for: MouseEvent(.wheelUp, at: over), state: AppState(), size: size)
        == .movedSelection(by: -1))
    #expect(
      Screen.action(for: MouseEvent(.wheelUp, at: Point(x: 5, y: 3)), state: AppState(), size: size)
        == .nudged(by: 1))
  }

  @Test func aClickOnARecommendationSelectsIt() {
    let size = Size(width: 100, height: 30)
    let list = Box.inner(of: Screen.layout(size).listBox)
    let a = Screen.action(
      for: MouseEvent(.press, at: Point(x: list.x + 3, y: list.y + 2)), state: AppState(),
      size: size)
    #expect(a == .selectedRecommendation(index: 2))
  }

  @Test func markersSelectionAndStagesDifferByAttributesInMonochrome() throws {
    let mono = Theme(
      name: "mono",
      specs: [
        "slider.current": StyleSpec(attributes: [.bold]),
        "slider.target": StyleSpec(attributes: [.underline]),
        "slider.active": StyleSpec(attributes: [.reverse]),
        "list.selected": StyleSpec(attributes: [.reverse]),
      ])
    let s = AppState(current: 38, target: 70)
    let grid = Screen.render(s, theme: mono, size: Size(width: 100, height: 30))
    let track = Screen.layout(grid.size).track
    let geometry = Slider.Geometry(range: Position.range, x: track.x, width: track.width)
    let cur = try #require(grid[geometry.column(for: 38), track.y])
    let tgt = try #require(grid[geometry.column(for: 70), track.y])
    #expect(cur.text != tgt.text)
    #expect(cur.style.attributes != tgt.style.attributes)
  }

  @Test func textFromACatalogueIsDrawnWithoutControlCharacters() throws {
    let toml = """
      name = "evil"
      version = "1"
      [[approaches]]
      id = "X1"
      name = "Bad\\u001b[31m name"
      stage = "guided"
      fit = [30, 50]
      description = "d"
      ld_role = "r"
      tools = ["t"]
      risk = "k"
      social_mode = "group"
      pinned = false
      """
    let cat = try Catalogue.parse(toml, file: "evil.toml").get()
    let grid = Screen.render(
      AppState(current: 40, target: 40, catalogue: cat), theme: theme,
      size: Size(width: 100, height: 30))
    for cell in grid.cells {
      #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f })
    }
  }
}
