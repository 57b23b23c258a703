/// A terminal in memory: applies painted changes to its own grid, for tests and benchmarks.
///
/// ```swift
/// let screen = MemoryBackend(size: Size(width: 80, height: 24))
/// screen.paint(frame.changes(since: nil), cursor: nil)
/// screen.grid.row(0)      // what a real terminal would now show on row 0
/// screen.cellsPainted     // 1920
/// ```
public final class MemoryBackend: TerminalBackend {
  /// What the screen shows now.
  public private(set) var grid: CellGrid
  /// Where the cursor was left by the last paint (nil: hidden).
  public private(set) var cursor: Point?
  /// How many times `paint` was called.
  public private(set) var paintCount = 0
  /// How many cells all paints wrote in total.
  public private(set) var cellsPainted = 0

  /// A blank screen of `size`.
  public init(size: Size) { self.grid = CellGrid(size: size) }

  /// The screen's size.
  public var size: Size { grid.size }

  /// Writes each run of cells at its place (clipped to the screen) and records the cursor.
  public func paint(_ changes: [CellChange], cursor: Point?) {
    paintCount += 1
    for change in changes {
      cellsPainted += change.cells.count
      grid.overwrite(row: change.row, column: change.column, with: change.cells)
    }
    self.cursor = cursor
  }

  /// Simulates a terminal resize: the screen becomes blank at the new size.
  public func resize(to size: Size) { grid = CellGrid(size: size) }

  /// Zeroes the paint counters (for measuring one frame).
  public func resetCounters() {
    paintCount = 0
    cellsPainted = 0
  }
}
