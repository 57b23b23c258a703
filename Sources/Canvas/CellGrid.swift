/// A rectangle of cells that screens draw into; the one drawing surface of the app.
///
/// Drawing never traps: anything outside the grid (or outside a clip rectangle) is dropped.
///
/// ```swift
/// var grid = CellGrid(size: Size(width: 20, height: 2))
/// grid.put("Guided 中", at: Point(x: 1, y: 0), style: .plain)
/// grid.row(0)  // " Guided 中" (the wide character fills two cells)
/// ```
public struct CellGrid: Hashable, Sendable {
  public private(set) var size: Size
  /// Row-major cells; `cells.count == size.width * size.height`.
  public private(set) var cells: [Cell]
  /// Where the hardware cursor should sit after painting (screen readers follow it), or nil.
  public var cursor: Point?

  public init(size: Size, fill: Cell = .blank()) {
    self.size = size
    self.cells = Array(repeating: fill, count: size.width * size.height)
    self.cursor = nil
  }

  public var width: Int { size.width }
  public var height: Int { size.height }
  public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

  /// The cell at (x, y), or nil outside the grid.
  public subscript(x: Int, y: Int) -> Cell? {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
    return cells[y * size.width + x]
  }

  /// Sets one cell, ignoring positions outside the grid or `clip`.
  ///
  /// Writing over half of a wide character blanks the other half, so no orphaned halves remain.
  public mutating func set(_ cell: Cell, x: Int, y: Int, clip: Rect? = nil) {
    let area = clip.map { $0.intersection(bounds) } ?? bounds
    guard area.contains(Point(x: x, y: y)) else { return }
    let i = y * size.width + x
    let old = cells[i]
    if old.width == 2, x + 1 < size.width, cell.width != 2 {
      cells[i + 1] = .blank(cells[i + 1].style)
    }
    if old.width == 0, x > 0 {
      cells[i - 1] = .blank(cells[i - 1].style)
    }
    if cell.width == 2 {
      // A wide character needs its continuation cell inside the same area.
      guard x + 1 < area.maxX else {
        cells[i] = .blank(cell.style)
        return
      }
      cells[i] = cell
      if cells[i + 1].width == 2, x + 2 < size.width { cells[i + 2] = .blank(cells[i + 2].style) }
      cells[i + 1] = .continuation(cell.style)
    } else {
      cells[i] = cell
    }
  }

  /// Writes `text` from `point`, one grapheme per cell (two for wide ones), clipped to `clip`.
  /// Control and escape characters never enter the grid.
  ///
  /// - Returns: the number of columns written (the column after the text is `point.x + result`).
  @discardableResult
  public mutating func put(_ text: String, at point: Point, style: Style, clip: Rect? = nil) -> Int
  {
    var x = point.x
    for g in TextWidth.graphemes(of: text) {
      set(Cell(text: g.text, width: UInt8(g.width), style: style), x: x, y: point.y, clip: clip)
      x += g.width
    }
    return x - point.x
  }

  /// Fills a rectangle with one cell.
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank()) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    // A wide cell covers two columns, so step over its continuation.
    let step = cell.width == 2 ? 2 : 1
    for y in area.y..<area.maxY {
      for x in stride(from: area.x, to: area.maxX, by: step) { set(cell, x: x, y: y, clip: area) }
    }
  }

  /// Changes the style of the cells in `rect` and keeps their text.
  public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX { transform(&cells[y * size.width + x].style) }
    }
  }

  /// The text of one row (continuation cells contribute nothing), trailing spaces kept.
  public func row(_ y: Int) -> String {
    guard y >= 0, y < size.height else { return "" }
    var s = ""
    for x in 0..<size.width { s += cells[y * size.width + x].text }
    return s
  }

  /// The runs of cells that differ from `previous`, row by row, left to right.
  ///
  /// When the sizes differ every cell counts as changed. A run never starts on a continuation
  /// cell: it is widened to include the wide character's first half.
  ///
  /// - Complexity: O(width × height).
  public func changes(since previous: CellGrid?) -> [CellChange] {
    let old: [Cell]? = previous.flatMap { $0.size == size ? $0.cells : nil }
    let w = size.width
    func differs(_ i: Int) -> Bool { old.map { $0[i] != cells[i] } ?? true }
    var out: [CellChange] = []
    for y in 0..<size.height {
      var x = 0
      while x < w {
        let i = y * w + x
        guard differs(i) else {
          x += 1
          continue
        }
        var start = x
        if cells[i].width == 0, start > 0 { start -= 1 }
        var end = x + 1
        while end < w, differs(y * w + end) || cells[y * w + end].width == 0 { end += 1 }
        let run = Array(cells[(y * w + start)..<(y * w + end)])
        out.append(CellChange(row: y, column: start, cells: run))
        x = end
      }
    }
    return out
  }

  /// Writes cells as they are, clipped to the grid; for backends mirroring painted runs.
  ///
  /// Unlike `set`, this does not repair wide characters: the run is trusted to be well formed,
  /// as `changes(since:)` produces it.
  package mutating func overwrite(row: Int, column: Int, with run: [Cell]) {
    guard row >= 0, row < size.height else { return }
    for (k, cell) in run.enumerated() {
      let x = column + k
      guard x >= 0, x < size.width else { continue }
      cells[row * size.width + x] = cell
    }
  }
}
