/// A one-row list of key hints ("q quit  ? help"), dropping whole hints that do not fit.
///
/// Hints are laid out in order and the first one that does not fit ends the row, so a hint is
/// never shown cut in half; put the most important hints first.
///
/// ```swift
/// KeyHints([(key: "q", label: "quit"), (key: "?", label: "help")],
///          keyStyle: bold, labelStyle: .plain)
///   .draw(into: &grid, in: Rect(x: 0, y: 29, width: 100, height: 1))
/// ```
public struct KeyHints: Hashable, Sendable {
  /// One hint: the key as shown and what it does.
  public struct Hint: Hashable, Sendable {
    public var key: String
    public var label: String
    /// A hint for `key`, described by `label`.
    public init(key: String, label: String) {
      self.key = key
      self.label = label
    }
  }

  public var hints: [Hint]
  public var keyStyle: Style
  public var labelStyle: Style
  /// Between two hints.
  public var separator: String

  /// Hints from `(key, label)` pairs.
  public init(
    _ hints: [(key: String, label: String)], keyStyle: Style = .plain,
    labelStyle: Style = .plain, separator: String = "  "
  ) {
    self.init(
      hints: hints.map { Hint(key: $0.key, label: $0.label) }, keyStyle: keyStyle,
      labelStyle: labelStyle, separator: separator)
  }

  /// Hints from `Hint` values.
  public init(
    hints: [Hint], keyStyle: Style = .plain, labelStyle: Style = .plain,
    separator: String = "  "
  ) {
    self.hints = hints
    self.keyStyle = keyStyle
    self.labelStyle = labelStyle
    self.separator = separator
  }

  /// How many hints fit in `width` columns.
  public func fittingCount(width: Int) -> Int {
    var used = 0
    var count = 0
    let gap = TextWidth.columns(separator)
    for hint in hints {
      let w = Self.columns(of: hint) + (count > 0 ? gap : 0)
      guard used + w <= width else { break }
      used += w
      count += 1
    }
    return count
  }

  /// Draws the hints that fit on the first row of `rect`.
  ///
  /// - Returns: how many hints were drawn.
  @discardableResult
  public func draw(into grid: inout CellGrid, in rect: Rect) -> Int {
    let area = rect.intersection(grid.bounds)
    let count = fittingCount(width: rect.width)
    guard !area.isEmpty, rect.height > 0 else { return count }
    var x = rect.x
    let y = rect.y
    for (k, hint) in hints.prefix(count).enumerated() {
      if k > 0 { x += grid.put(separator, at: Point(x: x, y: y), style: labelStyle, clip: area) }
      x += grid.put(hint.key, at: Point(x: x, y: y), style: keyStyle, clip: area)
      if TextWidth.columns(hint.label) > 0 {
        x += grid.put(" ", at: Point(x: x, y: y), style: labelStyle, clip: area)
        x += grid.put(hint.label, at: Point(x: x, y: y), style: labelStyle, clip: area)
      }
    }
    return count
  }

  static func columns(of hint: Hint) -> Int {
    let label = TextWidth.columns(hint.label)
    return TextWidth.columns(hint.key) + (label > 0 ? 1 + label : 0)
  }
}
