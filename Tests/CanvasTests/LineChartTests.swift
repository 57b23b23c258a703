import Testing

@testable import Canvas

@Test func diagonalSeriesMapsCornerToCorner() {
  var g = CellGrid(size: Size(width: 5, height: 5))
  let chart = LineChart(
    xRange: 0...4, yRange: 0...4,
    series: [
      .init(name: "d", points: [.init(x: 0, y: 0), .init(x: 4, y: 4)], style: .plain, glyph: "*")
    ],
    showsAxes: false, glyphs: .ascii)
  chart.draw(into: &g, in: g.bounds)
  #expect(g.rows == ["    *", "   * ", "  *  ", " *   ", "*    "])
}

@Test func steepSeriesIsFilledWithoutGaps() {
  var g = CellGrid(size: Size(width: 2, height: 5))
  let chart = LineChart(
    xRange: 0...1, yRange: 0...4,
    series: [
      .init(name: "s", points: [.init(x: 0, y: 0), .init(x: 1, y: 4)], style: .plain, glyph: "*")
    ],
    showsAxes: false, glyphs: .ascii)
  chart.draw(into: &g, in: g.bounds)
  #expect(g.rows == [" *", " *", "* ", "* ", "* "])
  // Falling just as steeply.
  var h = CellGrid(size: Size(width: 2, height: 5))
  var falling = chart
  falling.series[0].points = [.init(x: 0, y: 4), .init(x: 1, y: 0)]
  falling.draw(into: &h, in: h.bounds)
  #expect(h.rows == ["* ", "* ", "* ", " *", " *"])
}

@Test func chartWithAxesLabelsBandAndSeries() {
  var g = CellGrid(size: Size(width: 16, height: 6))
  let chart = LineChart(
    xRange: 0...10, yRange: 0...10,
    series: [
      .init(
        name: "flat", points: [.init(x: 0, y: 10), .init(x: 10, y: 10)], style: .plain, glyph: "*")
    ],
    bands: [.init(xRange: 0...5, style: .plain, label: "A")],
    yLabels: [.init(value: 0, text: "0"), .init(value: 10, text: "10")],
    glyphs: .ascii)
  chart.draw(into: &g, in: g.bounds)
  #expect(
    g.rows == [
      "      A         ",
      "10|*************",
      "  |::::::       ",
      "  |::::::       ",
      " 0|::::::       ",
      "  +-------------",
    ])
  let geo = chart.geometry(in: g.bounds)
  #expect(geo.plot == Rect(x: 3, y: 1, width: 13, height: 4))
  #expect(geo.column(forX: 10) == 15)
  #expect(geo.row(forY: 0) == 4)
  #expect(geo.unitX(5) == 0.5)
}

@Test func seriesAreDistinguishableByGlyphAndKeepBandBackground() {
  var g = CellGrid(size: Size(width: 5, height: 2))
  let bandStyle = Style(bg: .ansi(4))
  let chart = LineChart(
    xRange: 0...4, yRange: 0...1,
    series: [
      .init(name: "a", points: [.init(x: 0, y: 1), .init(x: 4, y: 1)], style: .plain, glyph: "*"),
      .init(name: "b", points: [.init(x: 0, y: 0), .init(x: 4, y: 0)], style: .plain, glyph: "o"),
    ],
    bands: [.init(xRange: 0...4, style: bandStyle, shade: " ")], showsAxes: false, glyphs: .ascii)
  chart.draw(into: &g, in: g.bounds)
  #expect(g.rows == ["*****", "ooooo"])
  #expect(g.cells.allSatisfy { $0.style.bg == .ansi(4) })
}

@Test func verticalMarkerLineWithLabel() {
  var g = CellGrid(size: Size(width: 9, height: 3))
  let chart = LineChart(
    xRange: 0...8, yRange: 0...1,
    markers: [.init(x: 4, style: .plain, label: "now")], showsAxes: false, glyphs: .ascii)
  chart.draw(into: &g, in: g.bounds)
  #expect(g.rows == ["   now   ", "    |    ", "    |    "])
}

@Test func geometryNeverTrapsOnOddNumbers() {
  let geo = ChartGeometry(
    xRange: 0...0, yRange: 0...1, plot: Rect(x: 0, y: 0, width: 10, height: 5))
  #expect(geo.column(forX: 3) == 0)
  #expect(geo.row(forY: .nan) == 4)
  #expect(geo.row(forY: .infinity) == 0)
  #expect(geo.row(forY: -.infinity) == 4)
  #expect(geo.row(forY: 1e300) == 0)
}
