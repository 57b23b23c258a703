import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// The explorer's all-areas view (`v`): every row carries its `current→target` numbers, names get
/// the room the width allows, and the tracks stay on one geometry. Goldens re-record with
/// `LEARNERPOWER_RECORD=1`.
@Suite struct AllAreasViewTests {
  let theme = ThemeLibrary.builtInDefault.theme

  /// Four areas with a long name, a pinned one and the widest numbers (100→0).
  func state(ascii: Bool = false) -> AppState {
    var s = AppState(current: 38, target: 70, ascii: ascii)
    s.setAreas(
      [
        LearningArea(name: "Whole organisation", current: 38, target: 70),
        LearningArea(name: "Compliance", current: 10, target: 15, pinned: true),
        LearningArea(name: "Leadership development", current: 55, target: 85),
        LearningArea(name: "Onboarding", current: 100, target: 0),
      ], active: 1)
    s.showsAllAreas = true
    return s
  }

  func lines(_ s: AppState, _ w: Int, _ h: Int) -> [String] {
    PlainTextExporter.export(Screen.render(s, theme: theme, size: Size(width: w, height: h)))
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The row of the areas box (its left panel, borders dropped) whose name starts with `name`.
  func row(_ lines: [String], _ name: String) -> String? {
    lines.lazy.compactMap { line -> String? in
      let chars = Array(line)
      guard chars.first == "│" || chars.first == "|" else { return nil }
      let end = chars.dropFirst().firstIndex(where: { $0 == "│" || $0 == "|" }) ?? chars.count
      let inside = String(chars[1..<end])
      return inside.dropFirst(3).hasPrefix(name) ? inside : nil
    }.first
  }

  @Test(arguments: [(60, 20, false), (80, 24, false), (100, 30, false), (80, 24, true)])
  func theViewMatchesItsGolden(_ width: Int, _ height: Int, _ ascii: Bool) throws {
    let text = lines(state(ascii: ascii), width, height).joined(separator: "\n")
    try Golden.check(text, "explorer-all-areas-\(ascii ? "ascii-" : "")\(width)x\(height).txt")
  }

  @Test func everyRowEndsWithItsNumbersAtEverySize() throws {
    for (w, h) in [(60, 20), (80, 24), (100, 30), (160, 48)] {
      let l = lines(state(), w, h)
      for (name, numbers) in [
        ("Whole ", " 38→70"), ("Compli", " 10→15"), ("Leader", " 55→85"), ("Onboar", "100→0 "),
      ] {
        let r = try #require(row(l, name), "\(w)x\(h): no row for \(name)")
        // At 60x20 the right padding goes to the names.
        #expect(r.hasSuffix(w == 60 ? numbers : numbers + " "), "\(w)x\(h): \(r)")
      }
    }
    let ascii = try #require(row(lines(state(ascii: true), 80, 24), "Compliance"))
    #expect(ascii.hasSuffix(" 10->15 "), "\(ascii)")
  }

  /// Columns of track in a row (the run of track glyphs and markers).
  func trackWidth(_ row: String) -> Int {
    let cells = Array(row)
    guard let first = cells.firstIndex(where: { "─●◆".contains($0) }) else { return 0 }
    var end = first
    while end < cells.count, "─●◆".contains(cells[end]) { end += 1 }
    return end - first
  }

  @Test func theTrackKeepsMostOfTheRoomAndNamesTakeTheRest() throws {
    // The view compares areas on one scale, so the track keeps over half of what it shares
    // with the names: 18 columns at 100x30, 12 at 80x24; names get what is left.
    let wide = lines(state(), 100, 30)
    #expect(trackWidth(try #require(row(wide, "Whole organisat…"))) == 18)
    #expect(row(wide, "Compliance")?.contains(" pin ") == true)
    let mid = lines(state(), 80, 24)
    #expect(trackWidth(try #require(row(mid, "Compliance"))) == 12)
    #expect(row(mid, "Leadership…") != nil)
    // At 60x20 names keep six columns and the track seven.
    let small = lines(state(), 60, 20)
    #expect(trackWidth(try #require(row(small, "Compli…"))) == 7)
    // Same geometry in every row: 0 and 100 land on the same columns whatever the name.
    for l in [wide, small] {
      let onboarding = try #require(row(l, "Onboar"))
      let whole = try #require(row(l, "Whole "))
      let target0 = try #require(onboarding.firstIndex(of: "◆"))
      let current100 = try #require(onboarding.firstIndex(of: "●"))
      let trackStart = try #require(whole.firstIndex(of: "─"))
      #expect(
        onboarding.distance(from: onboarding.startIndex, to: target0)
          == whole.distance(from: whole.startIndex, to: trackStart))
      #expect(current100 > target0)
    }
  }

  @Test func withoutPinnedAreasThereIsNoPinColumnAndNamesTakeIt() throws {
    var s = state()
    s.setAreas(
      s.areas.map {
        var a = $0; a.pinned = false; return a
      }, active: 0)
    let l = lines(s, 80, 24)
    #expect(!l.contains { $0.contains("pinned") && $0.contains("current") })
    let r = try #require(row(l, "Leadership"))
    #expect(r.contains("Leadership d…"))
  }

  @Test func aLongListScrollsWithTheNumbersColumnHeldStill() throws {
    var s = AppState()
    s.setAreas(
      (0..<12).map {
        LearningArea(name: "Area \($0)", current: Position(clamping: $0 * 9), target: 90)
      }, active: 11)
    s.showsAllAreas = true
    let l = lines(s, 60, 20)
    let last = try #require(row(l, "Area 11"))
    #expect(last.hasSuffix(" 99→90 "))
    #expect(l.contains { $0.contains("of 12") }, "\(l.joined(separator: "\n"))")
    let earlier = try #require(row(l, "Area 9"))
    #expect(earlier.hasSuffix(" 81→90 "))
  }
}
