/// A run of changed cells on one row, as `CellGrid.changes(since:)` reports them.
public struct CellChange: Hashable, Sendable {
  public var row: Int
  public var column: Int
  public var cells: [Cell]
  public init(row: Int, column: Int, cells: [Cell]) {
    self.row = row
    self.column = column
    self.cells = cells
  }
}

/// Where frames go: a real terminal, or memory in tests. Backends are reference types (they own a
/// terminal or a buffer), so painting is not `mutating`.
///
/// A backend receives only what changed; it never clears the screen per frame.
public protocol TerminalBackend: AnyObject {
  /// The current size of the drawing surface.
  var size: Size { get }
  /// Paint the runs of changed cells, then put the hardware cursor at `cursor` (hidden when nil),
  /// and flush once.
  func paint(_ changes: [CellChange], cursor: Point?)
}
