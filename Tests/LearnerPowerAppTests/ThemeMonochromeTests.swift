import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// The monochrome theme must carry every meaning by attributes: read the rendered grid's cells.
@Suite struct MonochromeThemeTests {
  static let theme: Theme = {
    (try? ShippedThemeTests.library.load("monochrome").get().theme) ?? Theme(name: "missing")
  }()
  static let size = Size(width: 100, height: 30)

  func render(current: Int, target: Int, active: Marker = .current) -> CellGrid {
    var s = AppState(current: Position(clamping: current), target: Position(clamping: target))
    s.active = active
    return Screen.render(s, theme: Self.theme, size: Self.size)
  }

  /// The attributes of the first cell showing `text` in row `y`.
  func attributes(of text: String, row y: Int, in grid: CellGrid) -> Attributes? {
    for x in 0..<grid.width where grid[x, y]?.text == String(text.prefix(1)) {
      let matches = text.enumerated().allSatisfy { i, ch in grid[x + i, y]?.text == String(ch) }
      if matches { return grid[x, y]?.style.attributes }
    }
    return nil
  }

  @Test func usesNoColourAtAll() throws {
    #expect(Self.theme.name == "monochrome")
    let grid = render(current: 38, target: 70)
    for y in 0..<grid.height {
      for x in 0..<grid.width {
        let style = try #require(grid[x, y]).style
        #expect(style.fg == .default && style.bg == .default, "cell \(x),\(y)")
      }
    }
  }

  @Test(arguments: [Marker.current, .target])
  func currentAndTargetMarkersDiffer(active: Marker) throws {
    let grid = render(current: 30, target: 70, active: active)
    let row = Screen.layout(Self.size).track.y
    let current = try #require(attributes(of: GlyphSet.unicode.markerPrimary, row: row, in: grid))
    let target = try #require(attributes(of: GlyphSet.unicode.markerSecondary, row: row, in: grid))
    let track = try #require(grid[Screen.layout(Self.size).track.x + 2, row]).style.attributes
    #expect(current != target)
    #expect(current != track && target != track)
    // The marker the keys move is the one in reverse video.
    #expect((active == .current ? current : target).contains(.reverse))
    #expect(!(active == .current ? target : current).contains(.reverse))
  }

  @Test func theSelectedRecommendationStandsOut() throws {
    let grid = render(current: 40, target: 60)
    let list = Screen.layout(Self.size).listBox
    let pointer = GlyphSet.unicode.pointer
    let rows = (list.y + 1..<list.maxY - 1).filter { grid.row($0).contains(pointer) }
    let selected = try #require(rows.first)
    #expect(rows.count == 1)
    let other = selected + 1
    let x = list.x + 4
    let on = try #require(grid[x, selected]).style.attributes
    let off = try #require(grid[x, other]).style.attributes
    #expect(on.contains(.reverse))
    #expect(on != off)
  }

  @Test(arguments: [12, 37, 62, 87])
  func theFourStagesDifferByAttributesWhereverTheMarkerIs(position: Int) throws {
    let grid = render(current: position, target: position)
    let row = Screen.layout(Self.size).track.y + 2
    var seen: [Attributes] = []
    for stage in Stage.allCases {
      let a = try #require(attributes(of: stage.name, row: row, in: grid), "\(stage.name)")
      seen.append(a)
    }
    #expect(Set(seen.map(\.rawValue)).count == 4, "\(seen)")
  }
}
