/// One screen cell.
///
/// A wide character occupies two cells: the first holds the text with `width == 2`, the second is
/// a continuation cell with empty text and `width == 0`. Combining marks travel with their base
/// character inside `text`.
public struct Cell: Hashable, Sendable {
  /// One grapheme (a base character plus any combining marks), or "" for a continuation cell.
  public var text: String
  /// 1 for normal cells, 2 for the first half of a wide character, 0 for its continuation.
  public var width: UInt8
  public var style: Style

  public init(text: String = " ", width: UInt8 = 1, style: Style = .plain) {
    self.text = text
    self.width = width
    self.style = style
  }

  /// A blank cell in the given style.
  public static func blank(_ style: Style = .plain) -> Cell {
    Cell(text: " ", width: 1, style: style)
  }

  /// The right half of a wide character.
  public static func continuation(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }
}

/// A grid size in cells.
public struct Size: Hashable, Sendable {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
  }
}

/// A cell position: column `x`, row `y`, both from 0 at the top left.
public struct Point: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }
  /// The column just right of the rectangle (saturating, so huge rectangles never overflow).
  public var maxX: Int { Rect.saturatingAdd(x, width) }
  /// The row just below the rectangle (saturating, so huge rectangles never overflow).
  public var maxY: Int { Rect.saturatingAdd(y, height) }
  public var isEmpty: Bool { width <= 0 || height <= 0 }
  public func contains(_ p: Point) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }
  /// The overlap of two rectangles (empty when they do not meet).
  public func intersection(_ other: Rect) -> Rect {
    let x0 = max(x, other.x)
    let y0 = max(y, other.y)
    let x1 = min(maxX, other.maxX)
    let y1 = min(maxY, other.maxY)
    return Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
  }
  /// This rectangle shrunk by `n` cells on every side.
  public func inset(by n: Int) -> Rect {
    let twice = Rect.saturatingAdd(n, n)
    return Rect(
      x: Rect.saturatingAdd(x, n), y: Rect.saturatingAdd(y, n),
      width: Rect.saturatingAdd(width, -twice), height: Rect.saturatingAdd(height, -twice))
  }

  static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (r, overflow) = a.addingReportingOverflow(b)
    if !overflow { return r }
    return b > 0 ? Int.max : Int.min
  }
}
