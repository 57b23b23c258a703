import Testing

@testable import Canvas

@Test func listShowsPointerReverseVideoAndTrailingText() {
  var g = CellGrid(size: Size(width: 12, height: 2))
  let list = ListView(
    rows: [
      .init("alpha"), .init("beta", trailing: "**"), .init("gamma"), .init("delta"),
    ], selected: 2, glyphs: .ascii)
  list.draw(into: &g, in: g.bounds)
  #expect(g.rows == ["  beta    **", "> gamma     "])
  #expect((0..<12).allSatisfy { g[$0, 1]?.style.attributes.contains(.reverse) == true })
  #expect((0..<12).allSatisfy { g[$0, 0]?.style.attributes.contains(.reverse) == false })
  #expect(list.visibleOffset(height: 2) == 1)
  #expect(list.rowIndex(atY: 1, in: g.bounds) == 2)
  #expect(list.rowIndex(atY: 5, in: g.bounds) == nil)
}

@Test func listCutsLongRowsWithAnEllipsisAndDropsTrailingWhenNarrow() {
  var g = CellGrid(size: Size(width: 12, height: 1))
  ListView(rows: [.init("a very long row text", trailing: "●●")]).draw(into: &g, in: g.bounds)
  #expect(g.row(0) == "  a very… ●●")
  var narrow = CellGrid(size: Size(width: 6, height: 1))
  ListView(rows: [.init("abcdefgh", trailing: "●●")], selected: 0).draw(
    into: &narrow, in: narrow.bounds)
  #expect(narrow.row(0) == "› abc…")
}

@Test func listStyledSpansKeepTheirStyles() {
  var g = CellGrid(size: Size(width: 10, height: 1))
  let bold = Style(attributes: .bold)
  ListView(rows: [.init(spans: [Span("D1", style: bold), Span(" x")])]).draw(into: &g, in: g.bounds)
  #expect(g.row(0) == "  D1 x    ")
  #expect(g[2, 0]?.style == bold)
  #expect(g[4, 0]?.style == .plain)
}

@Test func scrollOffsetMovesOnlyAsFarAsNeeded() {
  #expect(ListView.scrollOffset(selected: 5, count: 10, visibleRows: 3, current: 0) == 3)
  #expect(ListView.scrollOffset(selected: 4, count: 10, visibleRows: 3, current: 3) == 3)
  #expect(ListView.scrollOffset(selected: 1, count: 10, visibleRows: 3, current: 3) == 1)
  #expect(ListView.scrollOffset(selected: nil, count: 10, visibleRows: 3, current: 50) == 7)
  #expect(ListView.scrollOffset(selected: 99, count: 10, visibleRows: 3, current: 0) == 7)
  #expect(ListView.scrollOffset(selected: 0, count: 0, visibleRows: 3, current: 4) == 0)
  #expect(ListView.scrollOffset(selected: 0, count: 5, visibleRows: 0, current: 4) == 0)
}

@Test func asciiBoxWithTruncatedTitle() {
  var g = CellGrid(size: Size(width: 12, height: 3))
  let inner = Box(title: "Approaches", glyphs: .ascii).draw(into: &g, in: g.bounds)
  #expect(g.rows == ["+- Appr... +", "|          |", "+----------+"])
  #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
}

@Test func unicodeBoxWithTitle() {
  var g = CellGrid(size: Size(width: 14, height: 2))
  Box(title: "Hi").draw(into: &g, in: g.bounds)
  #expect(
    g.rows == [
      "┌─ Hi " + String(repeating: "─", count: 7) + "┐",
      "└" + String(repeating: "─", count: 12) + "┘",
    ])
}

@Test func boxClippedByTheGridKeepsItsShape() {
  var g = CellGrid(size: Size(width: 4, height: 3))
  Box(glyphs: .ascii).draw(into: &g, in: Rect(x: 1, y: -1, width: 6, height: 3))
  #expect(g.rows == [" |  ", " +--", "    "])
}

@Test func keyHintsDropWholeHintsThatDoNotFit() {
  let hints = KeyHints(
    [(key: "q", label: "quit"), (key: "?", label: "help"), (key: "s", label: "save snapshot")],
    keyStyle: Style(attributes: .bold))
  var g = CellGrid(size: Size(width: 14, height: 1))
  #expect(hints.draw(into: &g, in: g.bounds) == 2)
  #expect(g.row(0) == "q quit  ? help")
  #expect(g[0, 0]?.style.attributes == .bold)
  #expect(g[2, 0]?.style.attributes == [])
  var h = CellGrid(size: Size(width: 13, height: 1))
  #expect(hints.draw(into: &h, in: h.bounds) == 1)
  #expect(h.row(0) == "q quit       ")
  #expect(hints.fittingCount(width: 5) == 0)
}

@Test func barFillsItsProportionWithALabel() {
  var g = CellGrid(size: Size(width: 14, height: 1))
  Bar(fraction: 0.62, label: "62%", glyphs: .ascii).draw(into: &g, in: g.bounds)
  #expect(g.row(0) == "######.... 62%")
  var h = CellGrid(size: Size(width: 14, height: 1))
  Bar(value: 38, max: 100, label: "38%", labelPosition: .leading, glyphs: .ascii).draw(
    into: &h, in: h.bounds)
  #expect(h.row(0) == "38% ####......")
  #expect(Bar(fraction: .nan).filledColumns(width: 10) == 0)
  #expect(Bar(fraction: 7).filledColumns(width: 10) == 10)
  #expect(Bar(value: 1, max: 0).filledColumns(width: 10) == 0)
  var u = CellGrid(size: Size(width: 4, height: 1))
  Bar(fraction: 0.5).draw(into: &u, in: u.bounds)
  #expect(u.row(0) == "██░░")
}

@Test func textWrapsAndMarksCutText() {
  var g = CellGrid(size: Size(width: 10, height: 2))
  let used = Text("There is no right or wrong place").draw(into: &g, in: g.bounds)
  #expect(used == 2)
  #expect(g.rows == ["There is  ", "no right… "])
  var c = CellGrid(size: Size(width: 6, height: 1))
  #expect(Text("ab", alignment: .center).draw(into: &c, in: c.bounds) == 1)
  #expect(c.row(0) == "  ab  ")
  var t = CellGrid(size: Size(width: 6, height: 1))
  Text("ab", alignment: .trailing).draw(into: &t, in: t.bounds)
  #expect(t.row(0) == "    ab")
}
