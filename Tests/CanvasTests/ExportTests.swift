import Testing

@testable import Canvas

@Test func plainTextHasExactlyHeightTrimmedLines() {
  var g = CellGrid(size: Size(width: 5, height: 3))
  g.put("ab", at: Point(x: 0, y: 0), style: .plain)
  g.put("中x", at: Point(x: 1, y: 1), style: .plain)
  #expect(PlainTextExporter.export(g) == "ab\n 中x\n\n")
  #expect(PlainTextExporter.export(CellGrid(size: Size(width: 0, height: 2))) == "\n\n")
  #expect(PlainTextExporter.export(CellGrid(size: Size(width: 3, height: 0))) == "")
}

@Test func ansiGroupsRunsAndResetsAtLineEnd() {
  var g = CellGrid(size: Size(width: 6, height: 2))
  let red = Style(fg: .rgb(255, 0, 0), attributes: .bold)
  g.put("ab", at: Point(x: 0, y: 0), style: red)
  g.put("c", at: Point(x: 2, y: 0), style: .plain)
  g.put("d", at: Point(x: 0, y: 1), style: red)
  let out = ANSIExporter.export(g, depth: .sixteen)
  #expect(out == "\u{1b}[0;1;91mab\u{1b}[0mc\n\u{1b}[0;1;91md\u{1b}[0m\n")
  #expect(ANSIExporter.export(g, depth: .indexed256).hasPrefix("\u{1b}[0;1;38;5;196mab"))
  #expect(ANSIExporter.export(g, depth: .direct).hasPrefix("\u{1b}[0;1;38;2;255;0;0mab"))
}

@Test func ansiMonochromeHasAttributesButNoColourCodes() {
  var g = CellGrid(size: Size(width: 4, height: 1))
  g.put(
    "ab", at: Point(x: 0, y: 0), style: Style(fg: .ansi(2), bg: .indexed(17), attributes: .reverse))
  g.put("c", at: Point(x: 2, y: 0), style: Style(fg: .ansi(3)))
  let out = ANSIExporter.export(g, depth: .monochrome)
  #expect(out == "\u{1b}[0;7mab\u{1b}[0mc\n")
}

@Test func ansiKeepsTrailingCellsThatHaveABackground() {
  var g = CellGrid(size: Size(width: 3, height: 1))
  g.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: .blank(Style(bg: .ansi(4))))
  #expect(ANSIExporter.export(g, depth: .sixteen) == " \u{1b}[0;44m  \u{1b}[0m\n")
}

@Test func ansiWideCharacterIsWrittenOnce() {
  var g = CellGrid(size: Size(width: 3, height: 1))
  g.put("中", at: Point(x: 0, y: 0), style: Style(attributes: .underline))
  #expect(ANSIExporter.export(g, depth: .sixteen) == "\u{1b}[0;4m中\u{1b}[0m\n")
}

@Test func memoryBackendMirrorsPaintedFramesAndCounts() {
  let screen = MemoryBackend(size: Size(width: 4, height: 2))
  var frame = CellGrid(size: screen.size)
  frame.put("hi中", at: Point(x: 0, y: 0), style: .plain)
  screen.paint(frame.changes(since: nil), cursor: Point(x: 1, y: 1))
  #expect(screen.grid == frame)
  #expect(screen.cursor == Point(x: 1, y: 1))
  #expect(screen.paintCount == 1)
  #expect(screen.cellsPainted == 8)
  var next = frame
  next.put("o", at: Point(x: 1, y: 0), style: .plain)
  screen.paint(next.changes(since: frame), cursor: nil)
  #expect(screen.grid == next)
  #expect(screen.cellsPainted == 9)
  #expect(screen.cursor == nil)
  screen.resize(to: Size(width: 2, height: 1))
  #expect(screen.size == Size(width: 2, height: 1))
  screen.paint(
    [CellChange(row: 0, column: 1, cells: [Cell(text: "a"), Cell(text: "b")])], cursor: nil)
  #expect(screen.grid.row(0) == " a")
}
