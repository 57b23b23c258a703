import Testing

@testable import Canvas

/// Every widget drawn once in `rect`.
private func drawAll(into g: inout CellGrid, in rect: Rect, glyphs: GlyphSet) {
  Slider(
    range: 0...100,
    markers: [
      .init(value: 40, glyph: glyphs.markerPrimary, style: .plain, label: "now 40", isActive: true),
      .init(
        value: 40, glyph: glyphs.markerSecondary, style: .plain, label: "goal", placement: .below),
    ], ticks: Slider.ticks(every: 25, in: 0...100), fillTo: 40, glyphs: glyphs
  ).draw(into: &g, in: rect)
  LineChart(
    xRange: 0...100, yRange: 0...100,
    series: [
      .init(
        name: "s", points: (0...100).map { .init(x: Double($0), y: Double($0 * $0) / 100) },
        style: .plain, glyph: glyphs.seriesGlyph(0))
    ],
    bands: [.init(xRange: 0...25, style: .plain, label: "band 中")],
    markers: [.init(x: 40, style: .plain, label: "mark")],
    yLabels: [.init(value: 0, text: "0"), .init(value: 100, text: "100")],
    xLabels: [.init(value: 0, text: "0"), .init(value: 100, text: "100")], glyphs: glyphs
  ).draw(into: &g, in: rect)
  ListView(
    rows: (0..<30).map { .init("row 中 \($0)", trailing: "●●○") }, selected: 17, offset: 3,
    glyphs: glyphs
  ).draw(into: &g, in: rect)
  Box(title: "Title 😀 long", fill: .plain, glyphs: glyphs).draw(into: &g, in: rect)
  KeyHints([(key: "q", label: "quit"), (key: "←/→", label: "move")]).draw(into: &g, in: rect)
  Bar(fraction: 0.62, label: "62% / 38%", glyphs: glyphs).draw(into: &g, in: rect)
  Text("Words 中文 and e\u{301} and \u{1b}[31m escapes wrapped").draw(into: &g, in: rect)
}

private let sizes = [
  Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 7, height: 4),
]
private let rects = [
  Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 2, y: 1, width: 0, height: 3),
  Rect(x: -3, y: -2, width: -5, height: -1), Rect(x: -3, y: -2, width: 5, height: 4),
  Rect(x: 0, y: 0, width: 1, height: 1), Rect(x: 0, y: 0, width: 2, height: 2),
  Rect(x: 5, y: 3, width: 40, height: 20), Rect(x: -100, y: -100, width: 400, height: 300),
  Rect(x: 100, y: 100, width: 5, height: 5), Rect(x: 1, y: 1, width: 1_000_000, height: 2),
]

@Test(arguments: [GlyphSet.unicode, GlyphSet.ascii])
func widgetsNeverTrapAndNeverDrawOutsideTheirRect(glyphs: GlyphSet) {
  for size in sizes {
    for rect in rects {
      let marker = Cell(text: "#", width: 1, style: Style(attributes: .dim))
      var g = CellGrid(size: size, fill: marker)
      drawAll(into: &g, in: rect, glyphs: glyphs)
      for y in 0..<g.height {
        for x in 0..<g.width where !rect.contains(Point(x: x, y: y)) {
          #expect(g[x, y] == marker, "\(size) \(rect) touched (\(x), \(y))")
        }
      }
      // No orphaned halves of wide characters anywhere.
      for y in 0..<g.height {
        for x in 0..<g.width {
          if g[x, y]?.width == 2 { #expect(g[x + 1, y]?.width == 0) }
          if g[x, y]?.width == 0 { #expect(x > 0 && g[x - 1, y]?.width == 2) }
        }
      }
    }
  }
}

@Test func asciiGlyphsAreAllOneColumnExceptTheEllipsis() {
  let g = GlyphSet.ascii
  let single =
    [
      g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.horizontal, g.vertical, g.sliderTrack,
      g.sliderFill, g.sliderTick, g.markerPrimary, g.markerSecondary, g.pointer, g.dotFilled,
      g.dotEmpty, g.bandShade, g.markerLine, g.axisHorizontal, g.axisVertical, g.axisCorner,
      g.barFilled, g.barEmpty, g.arrowLeft, g.arrowRight, g.arrowUp, g.arrowDown,
    ] + g.seriesGlyphs
  #expect(
    single.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) && TextWidth.columns($0) == 1 })
  #expect(g.markerPrimary != g.markerSecondary)
  #expect(Set(g.seriesGlyphs).count == g.seriesGlyphs.count)
  #expect(Set(GlyphSet.unicode.seriesGlyphs).count == GlyphSet.unicode.seriesGlyphs.count)
  #expect(g.seriesGlyph(5) == g.seriesGlyphs[1])
}
