import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// `slider.thumb`: the glyph of the marker the keys move, as DESIGN.md's theme example styles it.
@Suite struct ThemeThumbTests {
  static let size = Size(width: 100, height: 30)

  /// DESIGN.md's example line in an otherwise ordinary theme file.
  static let designExample = """
    name = "thumb"
    description = "DESIGN.md's example"
    [palette]
    accent = "#5fd7d7"
    [styles]
    "slider.thumb" = { fg = "accent", bold = true }
    """

  func theme(_ text: String) throws -> Theme {
    let dir = try makeThemeFolder(["t.toml": text])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lib = isolatedLibrary(themesDir: nil)
    #expect(lib.check(dir + "/t.toml").isEmpty, "\(lib.check(dir + "/t.toml").map(\.description))")
    return try lib.load(dir + "/t.toml").get().theme
  }

  /// The styles of the current and target marker glyphs on the slider's track.
  func markers(_ theme: Theme, active: Marker) throws -> (current: Style, target: Style) {
    var s = AppState(current: Position(clamping: 30), target: Position(clamping: 70))
    s.active = active
    let grid = Screen.render(s, theme: theme, size: Self.size)
    let row = Screen.layout(Self.size).track.y
    func style(of glyph: String) throws -> Style {
      let x = try #require((0..<grid.width).first { grid[$0, row]?.text == glyph }, "\(glyph)")
      return try #require(grid[x, row]).style
    }
    return (
      try style(of: GlyphSet.unicode.markerPrimary), try style(of: GlyphSet.unicode.markerSecondary)
    )
  }

  @Test func theDesignExamplePassesCheckAndStylesOnlyTheActiveMarker() throws {
    let t = try theme(Self.designExample)
    let builtIn = ThemeLibrary.builtInDefault.theme
    for active in [Marker.current, .target] {
      let (current, target) = try markers(t, active: active)
      let (thumb, other) = active == .current ? (current, target) : (target, current)
      #expect(thumb.fg == .rgb(0x5f, 0xd7, 0xd7))
      // Its attributes add to slider.active's, so it is still the one in reverse video.
      #expect(thumb.attributes.isSuperset(of: [.bold, .reverse]))
      // The other marker keeps its own role's style.
      let otherRole: Role = active == .current ? "slider.target" : "slider.current"
      #expect(other == builtIn.style(otherRole))
    }
  }

  @Test func withoutSliderThumbTheActiveMarkerIsDrawnAsBefore() throws {
    let builtIn = ThemeLibrary.builtInDefault.theme
    #expect(builtIn.specs["slider.thumb"] == StyleSpec.empty)
    let (current, _) = try markers(builtIn, active: .current)
    var expected = builtIn.style("slider.current")
    expected.attributes.formUnion(builtIn.style("slider.active").attributes)
    #expect(current == expected)
  }

  @Test func theThumbDoesNotFallBackToTheWholeSlidersColour() throws {
    // A theme that colours every slider part keeps the current marker's colour on the thumb.
    // (slider.active does fall back to "slider", so this theme keeps it colourless.)
    let t = try theme(
      """
      name = "t"
      [styles]
      "slider" = { fg = "white", bg = "blue" }
      "slider.current" = { fg = "yellow" }
      "slider.active" = { fg = "default", bg = "default", reverse = true }
      """)
    let (current, _) = try markers(t, active: .current)
    #expect(current.fg == .ansi(3))
    #expect(current.attributes.contains(.reverse))
  }

  @Test func aChildThemeInheritsItsParentsThumb() throws {
    let dir = try makeThemeFolder([
      "thumb.toml": Self.designExample,
      "child.toml":
        "name = \"child\"\nextends = \"thumb\"\n[styles]\n\"slider.thumb\" = { underline = true }\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let t = try isolatedLibrary(themesDir: dir).load("child").get().theme
    let (current, _) = try markers(t, active: .current)
    #expect(current.fg == .rgb(0x5f, 0xd7, 0xd7))  // the parent's colour
    #expect(current.attributes.contains(.underline) && current.attributes.contains(.reverse))
    #expect(!current.attributes.contains(.italic))
  }
}
