import Testing

@testable import Canvas

private func grid(_ w: Int, _ h: Int) -> CellGrid { CellGrid(size: Size(width: w, height: h)) }

@Test func wideCharactersTakeTwoCells() {
  var g = grid(6, 1)
  let used = g.put("中😀", at: Point(x: 0, y: 0), style: .plain)
  #expect(used == 4)
  #expect(g.row(0) == "中😀  ")
  #expect(g[0, 0]?.width == 2)
  #expect(g[1, 0]?.width == 0)
  #expect(g[1, 0]?.text == "")
}

@Test func wideCharacterStraddlingTheClipEdgeIsNotHalfDrawn() {
  var g = grid(6, 1)
  g.put("ab中", at: Point(x: 0, y: 0), style: .plain, clip: Rect(x: 0, y: 0, width: 3, height: 1))
  #expect(g.row(0) == "ab    ")
  #expect(g.cells.allSatisfy { $0.width == 1 })
  var h = grid(3, 1)
  h.put("ab中", at: Point(x: 0, y: 0), style: .plain)
  #expect(h.row(0) == "ab ")
}

@Test func overwritingEitherHalfOfAWideCharacterBlanksTheOtherHalf() {
  var g = grid(4, 1)
  g.put("中", at: Point(x: 1, y: 0), style: .plain)
  g.put("x", at: Point(x: 2, y: 0), style: .plain)
  #expect(g.row(0) == "  x ")
  #expect(g.cells.allSatisfy { $0.width == 1 })
  g.put("中", at: Point(x: 1, y: 0), style: .plain)
  g.put("y", at: Point(x: 1, y: 0), style: .plain)
  #expect(g.row(0) == " y  ")
  #expect(g.cells.allSatisfy { $0.width == 1 })
}

@Test func wideCharacterOverAnotherWideCharacterLeavesNoOrphans() {
  var g = grid(5, 1)
  g.put("中中", at: Point(x: 0, y: 0), style: .plain)
  g.put("文", at: Point(x: 1, y: 0), style: .plain)
  #expect(g.row(0) == " 文  ")
  #expect(g.cells.map(\.width) == [1, 2, 0, 1, 1])
}

@Test func combiningMarkSharesItsBaseCell() {
  var g = grid(3, 1)
  g.put("e\u{301}x", at: Point(x: 0, y: 0), style: .plain)
  #expect(g[0, 0]?.text == "e\u{301}")
  #expect(g[1, 0]?.text == "x")
}

@Test func controlAndEscapeCharactersNeverEnterTheGrid() {
  var g = grid(12, 1)
  g.put("a\u{1b}[2Jb\u{7}\u{9b}c\r\n\t", at: Point(x: 0, y: 0), style: .plain)
  #expect(g.row(0) == "a[2Jbc      ")
  for cell in g.cells {
    #expect(
      !cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7f..<0xa0).contains($0.value) })
  }
}

@Test func drawingOutsideTheGridOrClipIsDropped() {
  var g = grid(3, 2)
  g.put("abcdef", at: Point(x: -2, y: 0), style: .plain)
  g.put("xyz", at: Point(x: 2, y: 1), style: .plain)
  g.put("q", at: Point(x: 0, y: 5), style: .plain)
  g.put("q", at: Point(x: 0, y: -1), style: .plain)
  #expect(g.row(0) == "cde")
  #expect(g.row(1) == "  x")
  g.put("mmm", at: Point(x: 0, y: 1), style: .plain, clip: Rect(x: 1, y: 1, width: 1, height: 1))
  #expect(g.row(1) == " mx")
}

@Test func fillWithAWideCellStepsOverContinuations() {
  var g = grid(5, 1)
  g.fill(g.bounds, with: Cell(text: "中", width: 2))
  #expect(g.row(0) == "中中 ")
}

@Test func noChangeGivesNoRuns() {
  var g = grid(4, 2)
  g.put("ab", at: Point(x: 0, y: 0), style: .plain)
  #expect(g.changes(since: g).isEmpty)
}

@Test func oneChangedCellGivesOneRun() {
  let before = grid(4, 2)
  var after = before
  after.put("x", at: Point(x: 2, y: 1), style: .plain)
  let runs = after.changes(since: before)
  #expect(runs == [CellChange(row: 1, column: 2, cells: [Cell(text: "x")])])
}

@Test func sizeChangeOrNoPreviousRepaintsEverything() {
  let small = grid(2, 2)
  let big = grid(3, 2)
  let runs = big.changes(since: small)
  #expect(runs.count == 2)
  #expect(runs.allSatisfy { $0.column == 0 && $0.cells.count == 3 })
  #expect(big.changes(since: nil).reduce(0) { $0 + $1.cells.count } == 6)
}

@Test func runIsWidenedOverContinuationCells() {
  var before = grid(5, 1)
  before.put("中", at: Point(x: 1, y: 0), style: .plain)
  var after = before
  // Only the continuation's style changes: the run must start at the wide character.
  after.restyle(Rect(x: 2, y: 0, width: 1, height: 1)) { $0.attributes = .bold }
  let runs = after.changes(since: before)
  #expect(runs.count == 1)
  #expect(runs.first?.column == 1)
  #expect(runs.first?.cells.count == 2)
  // A changed wide character carries its continuation along.
  var third = before
  third.put("文", at: Point(x: 1, y: 0), style: .plain)
  let r2 = third.changes(since: before)
  #expect(r2.map(\.column) == [1])
  #expect(r2.first?.cells.map(\.width) == [2, 0])
}

@Test func separateChangesGiveSeparateRuns() {
  let before = grid(6, 1)
  var after = before
  after.put("a", at: Point(x: 0, y: 0), style: .plain)
  after.put("bc", at: Point(x: 3, y: 0), style: .plain)
  #expect(after.changes(since: before).map(\.column) == [0, 3])
  #expect(after.changes(since: before).map(\.cells.count) == [1, 2])
}

@Test func hugeRectanglesSaturateInsteadOfOverflowing() {
  let r = Rect(x: Int.max - 1, y: 0, width: 10, height: 1)
  #expect(r.maxX == Int.max)
  #expect(Rect(x: 0, y: 0, width: 5, height: 5).inset(by: Int.max).isEmpty)
  var g = grid(3, 3)
  g.fill(
    Rect(x: -10, y: -10, width: Int.max, height: Int.max), with: .blank(Style(attributes: .bold)))
  #expect(g.cells.allSatisfy { $0.style.attributes == .bold })
}
