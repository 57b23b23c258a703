import Testing

@testable import Canvas

private func rows(_ g: CellGrid) -> [String] { (0..<g.height).map { g.row($0) } }

@Test func asciiSliderDrawsTrackTicksMarkersAndLabels() {
  var g = CellGrid(size: Size(width: 11, height: 4))
  let slider = Slider(
    range: 0...10,
    markers: [
      .init(value: 3, glyph: "C", style: .plain, label: "now", isActive: true),
      .init(value: 7, glyph: "T", style: .plain, label: "goal", placement: .below),
    ],
    ticks: Slider.ticks(every: 5, in: 0...10), glyphs: .ascii)
  slider.draw(into: &g, in: g.bounds)
  #expect(
    rows(g) == [
      "  now      ",
      "+--C-+-T--+",
      "0    5   10",
      "      goal ",
    ])
  #expect(slider.layout(in: g.bounds).trackRow == 1)
}

@Test func unicodeSliderFillsUpToAValue() {
  var g = CellGrid(size: Size(width: 11, height: 1))
  let slider = Slider(
    range: 0...10, markers: [.init(value: 4, glyph: "●", style: .plain)], fillTo: 4,
    fillStyle: Style(attributes: .bold))
  slider.draw(into: &g, in: g.bounds)
  #expect(g.row(0) == "━━━━●──────")
  #expect(g[3, 0]?.style.attributes == .bold)
  #expect(g[5, 0]?.style.attributes == [])
}

@Test func coincidingMarkersShowTheActiveGlyphAndBothLabels() {
  var g = CellGrid(size: Size(width: 21, height: 2))
  let slider = Slider(
    range: 0...20,
    markers: [
      .init(value: 10, glyph: "T", style: .plain, label: "goal"),
      .init(value: 10, glyph: "C", style: .plain, label: "now", isActive: true),
    ], glyphs: .ascii)
  slider.draw(into: &g, in: g.bounds)
  #expect(g.row(1) == "----------C----------")
  #expect(g.row(0) == "         now goal    ")
  // The active marker wins whichever order the markers come in.
  var h = CellGrid(size: Size(width: 21, height: 2))
  var swapped = slider
  swapped.markers.reverse()
  swapped.draw(into: &h, in: h.bounds)
  #expect(h.row(1) == "----------C----------")
  #expect(h.row(0) == "         now goal    ")
}

@Test func trackIsKeptWhenTheRectangleIsOneRowHigh() {
  var g = CellGrid(size: Size(width: 5, height: 1))
  let slider = Slider(
    range: 0...4, markers: [.init(value: 0, glyph: "C", style: .plain, label: "x")],
    ticks: Slider.ticks(every: 2, in: 0...4), glyphs: .ascii)
  slider.draw(into: &g, in: g.bounds)
  #expect(g.row(0) == "C-+-+")
}

@Test func sliderIsClippedAtEveryEdge() {
  let slider = Slider(range: 0...10, ticks: Slider.ticks(every: 5, in: 0...10), glyphs: .ascii)
  var g = CellGrid(size: Size(width: 6, height: 2))
  slider.draw(into: &g, in: Rect(x: -5, y: 0, width: 11, height: 2))
  #expect(g.rows == ["+----+", "5   10"])
  var h = CellGrid(size: Size(width: 6, height: 2))
  slider.draw(into: &h, in: Rect(x: 2, y: 1, width: 11, height: 2))
  #expect(h.rows == ["      ", "  +---"])
}

@Test(arguments: [2, 10, 57, 101, 160])
func sliderColumnAndValueRoundTrip(width: Int) {
  let geo = Slider.Geometry(range: 0...100, x: 3, width: width)
  #expect(geo.column(for: 0) == 3)
  #expect(geo.column(for: 100) == 3 + width - 1)
  #expect(geo.value(atColumn: 3) == 0)
  #expect(geo.value(atColumn: 3 + width - 1) == 100)
  if width - 1 <= 100 {
    // Fewer columns than values: clicking any column gives a value drawn on that column.
    for c in 3..<(3 + width) { #expect(geo.column(for: geo.value(atColumn: c)) == c) }
  }
  if width - 1 >= 100 {
    // More columns than values: every value's column gives the value back.
    for v in 0...100 { #expect(geo.value(atColumn: geo.column(for: v)) == v) }
  }
  // Columns grow with values and outside clicks clamp to the ends.
  for v in 1...100 { #expect(geo.column(for: v) >= geo.column(for: v - 1)) }
  #expect(geo.value(atColumn: -50) == 0)
  #expect(geo.value(atColumn: 10_000) == 100)
}

@Test func geometryHandlesExtremeRangesAndWidths() {
  let geo = Slider.Geometry(range: Int.min...Int.max, x: 0, width: 3)
  #expect(geo.column(for: Int.min) == 0)
  #expect(geo.column(for: Int.max) == 2)
  #expect(geo.value(atColumn: 2) == Int.max)
  #expect(geo.value(atColumn: 0) == Int.min)
  let narrow = Slider.Geometry(range: 5...5, x: 1, width: 10)
  #expect(narrow.column(for: 5) == 1)
  #expect(narrow.value(atColumn: 7) == 5)
  #expect(Slider.Geometry(range: 0...100, x: 4, width: 0).column(for: 50) == 4)
  #expect(Slider.Geometry(range: -50...50, x: 0, width: 101).value(atColumn: 50) == 0)
}

extension CellGrid {
  var rows: [String] { (0..<height).map { row($0) } }
}

@Test func twoDifferentValuesNeverShareAColumn() {
  let g = Slider.Geometry(range: 0...100, x: 5, width: 11)
  #expect(g.column(for: 10) == g.column(for: 12))
  #expect(g.columns(for: 10, and: 12) == (6, 7))  // b lies above: drawn to the right
  #expect(g.columns(for: 12, and: 10) == (6, 5))  // b lies below: drawn to the left
  #expect(g.columns(for: 40, and: 40) == (9, 9))  // equal values share
  #expect(g.columns(for: 97, and: 100) == (14, 15))  // b at the end: a moves instead
  #expect(g.columns(for: 3, and: 0) == (6, 5))
  #expect(g.columns(for: 0, and: 3) == (5, 6))
  #expect(g.columns(for: 20, and: 80) == (g.column(for: 20), g.column(for: 80)))
}
