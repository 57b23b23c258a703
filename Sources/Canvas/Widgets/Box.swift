/// A border around a rectangle, with an optional title in the top edge.
///
/// ```swift
/// let rect = Rect(x: 0, y: 0, width: 30, height: 8)
/// let inner = Box(title: "Approaches").draw(into: &grid, in: rect)
/// // ┌─ Approaches ───────────────┐   inner == Rect(x: 1, y: 1, width: 28, height: 6)
/// ```
public struct Box: Hashable, Sendable {
  /// Drawn as `─ Title ─` after the top-left corner, cut with an ellipsis when too long.
  public var title: String?
  /// The border's style.
  public var style: Style
  /// The title's style.
  public var titleStyle: Style
  /// When set, the inside is cleared with blanks in this style.
  public var fill: Style?
  public var glyphs: GlyphSet

  /// A box; see the properties.
  public init(
    title: String? = nil, style: Style = .plain, titleStyle: Style = .plain, fill: Style? = nil,
    glyphs: GlyphSet = .unicode
  ) {
    self.title = title
    self.style = style
    self.titleStyle = titleStyle
    self.fill = fill
    self.glyphs = glyphs
  }

  /// The rectangle inside the border of a box drawn in `rect` (empty when `rect` is smaller than
  /// 2×2, where no border is drawn).
  public static func inner(of rect: Rect) -> Rect {
    guard rect.width >= 2, rect.height >= 2 else {
      return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
    }
    return rect.inset(by: 1)
  }

  /// Draws the border (clipped to the grid) and returns the inner rectangle.
  @discardableResult
  public func draw(into grid: inout CellGrid, in rect: Rect) -> Rect {
    let inside = Self.inner(of: rect)
    guard rect.width >= 2, rect.height >= 2 else { return inside }
    let area = rect.intersection(grid.bounds)
    guard !area.isEmpty else { return inside }
    if let fill { grid.fill(inside.intersection(area), with: .blank(fill)) }
    let top = rect.y
    let bottom = rect.maxY - 1
    let left = rect.x
    let right = rect.maxX - 1
    for x in safeRange(max(area.x, left + 1), min(area.maxX, right)) {
      grid.put(glyphs.horizontal, at: Point(x: x, y: top), style: style, clip: area)
      grid.put(glyphs.horizontal, at: Point(x: x, y: bottom), style: style, clip: area)
    }
    for y in safeRange(max(area.y, top + 1), min(area.maxY, bottom)) {
      grid.put(glyphs.vertical, at: Point(x: left, y: y), style: style, clip: area)
      grid.put(glyphs.vertical, at: Point(x: right, y: y), style: style, clip: area)
    }
    grid.put(glyphs.topLeft, at: Point(x: left, y: top), style: style, clip: area)
    grid.put(glyphs.topRight, at: Point(x: right, y: top), style: style, clip: area)
    grid.put(glyphs.bottomLeft, at: Point(x: left, y: bottom), style: style, clip: area)
    grid.put(glyphs.bottomRight, at: Point(x: right, y: bottom), style: style, clip: area)
    // Corner, one edge glyph, a space, the title, a space, and at least the other corner.
    if let title, !title.isEmpty, rect.width >= 6 {
      let text = TextWidth.truncate(title, toColumns: rect.width - 5, ellipsis: glyphs.ellipsis)
      if !text.isEmpty {
        let width = TextWidth.columns(text)
        let titleClip = Rect(x: left + 1, y: top, width: rect.width - 2, height: 1)
          .intersection(area)
        grid.put(" ", at: Point(x: left + 2, y: top), style: style, clip: titleClip)
        grid.put(text, at: Point(x: left + 3, y: top), style: titleStyle, clip: titleClip)
        grid.put(" ", at: Point(x: left + 3 + width, y: top), style: style, clip: titleClip)
      }
    }
    return inside
  }
}
