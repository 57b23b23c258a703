/// A word-wrapped paragraph in a rectangle.
///
/// Lines that do not fit the rectangle's height are left out and the last line shown ends in
/// an ellipsis, so cut text never looks complete.
///
/// ```swift
/// let used = Text("There is no right or wrong place.").draw(into: &grid, in: rect)
/// ```
public struct Text: Hashable, Sendable {
  /// How each line sits in the rectangle's width.
  public enum Alignment: Hashable, Sendable { case leading, center, trailing }

  /// The text; `\n` starts a new line.
  public var text: String
  public var style: Style
  public var alignment: Alignment
  /// Ends the last visible line when lines were left out.
  public var ellipsis: String

  /// A paragraph; see the properties.
  public init(
    _ text: String, style: Style = .plain, alignment: Alignment = .leading,
    ellipsis: String = "…"
  ) {
    self.text = text
    self.style = style
    self.alignment = alignment
    self.ellipsis = ellipsis
  }

  /// The wrapped lines for a given width.
  public func lines(width: Int) -> [String] { TextWidth.wrap(text, width: width) }

  /// Draws the paragraph from the top of `rect`.
  ///
  /// - Returns: the rows used (at most `rect.height`).
  @discardableResult
  public func draw(into grid: inout CellGrid, in rect: Rect) -> Int {
    guard rect.width > 0, rect.height > 0 else { return 0 }
    var lines = lines(width: rect.width)
    if lines.count > rect.height {
      lines = Array(lines.prefix(rect.height))
      let last = lines[lines.count - 1]
      let cut = TextWidth.truncate(
        last, toColumns: max(0, rect.width - TextWidth.columns(ellipsis)), ellipsis: "")
      lines[lines.count - 1] = cut + ellipsis
    }
    let clip = rect.intersection(grid.bounds)
    for (k, line) in lines.enumerated() where !clip.isEmpty {
      let free = rect.width - TextWidth.columns(line)
      let dx: Int
      switch alignment {
      case .leading: dx = 0
      case .center: dx = max(0, free / 2)
      case .trailing: dx = max(0, free)
      }
      grid.put(line, at: Point(x: rect.x + dx, y: rect.y + k), style: style, clip: clip)
    }
    return lines.count
  }
}
