/// A horizontal proportion bar with an optional label, on the first row of its rectangle.
///
/// The filled part covers `fraction` of the bar's columns (rounded half up); the rest is drawn
/// with the empty glyph, so with distinct glyphs both parts read without colour:
///
/// ```swift
/// Bar(fraction: 0.62, label: "62% / 38%", glyphs: .ascii)
///   .draw(into: &grid, in: Rect(x: 0, y: 0, width: 20, height: 1))
/// // "#######.... 62% / 38%"
/// ```
public struct Bar: Hashable, Sendable {
  /// Which side of the bar the label goes.
  public enum LabelPosition: Hashable, Sendable { case leading, trailing }

  /// The filled proportion, 0...1 (out-of-range values clamp; NaN counts as 0).
  public var fraction: Double
  public var label: String?
  public var labelPosition: LabelPosition
  public var filledStyle: Style
  public var emptyStyle: Style
  public var labelStyle: Style
  public var glyphs: GlyphSet

  /// A bar filled to `fraction` (0...1).
  public init(
    fraction: Double, label: String? = nil, labelPosition: LabelPosition = .trailing,
    filledStyle: Style = .plain, emptyStyle: Style = .plain, labelStyle: Style = .plain,
    glyphs: GlyphSet = .unicode
  ) {
    self.fraction = fraction
    self.label = label
    self.labelPosition = labelPosition
    self.filledStyle = filledStyle
    self.emptyStyle = emptyStyle
    self.labelStyle = labelStyle
    self.glyphs = glyphs
  }

  /// A bar filled to `value / max` (empty when `max` is not positive).
  public init(
    value: Double, max: Double, label: String? = nil, labelPosition: LabelPosition = .trailing,
    filledStyle: Style = .plain, emptyStyle: Style = .plain, labelStyle: Style = .plain,
    glyphs: GlyphSet = .unicode
  ) {
    self.init(
      fraction: max > 0 ? value / max : 0, label: label, labelPosition: labelPosition,
      filledStyle: filledStyle, emptyStyle: emptyStyle, labelStyle: labelStyle, glyphs: glyphs)
  }

  /// The number of filled columns in a bar `width` columns wide.
  public func filledColumns(width: Int) -> Int {
    guard width > 0, fraction > 0 else { return 0 }
    if fraction >= 1 { return width }
    let v = (fraction * Double(width)).rounded(.toNearestOrAwayFromZero)
    return min(width, max(0, Int(v)))
  }

  /// Draws the bar and its label on the first row of `rect`. The label keeps at least two
  /// columns for the bar and is cut with an ellipsis when longer.
  public func draw(into grid: inout CellGrid, in rect: Rect) {
    let area = rect.intersection(grid.bounds)
    guard !area.isEmpty else { return }
    let y = rect.y
    var text = ""
    if let label, rect.width > 3 {
      text = TextWidth.truncate(label, toColumns: rect.width - 3, ellipsis: glyphs.ellipsis)
    }
    let labelWidth = TextWidth.columns(text)
    let barWidth = rect.width - (labelWidth > 0 ? labelWidth + 1 : 0)
    let barX = labelPosition == .leading && labelWidth > 0 ? rect.x + labelWidth + 1 : rect.x
    let filled = filledColumns(width: barWidth)
    let columns = safeRange(max(area.x, barX), min(area.maxX, barX + barWidth))
    for x in columns {
      let isFilled = x - barX < filled
      grid.put(
        isFilled ? glyphs.barFilled : glyphs.barEmpty, at: Point(x: x, y: y),
        style: isFilled ? filledStyle : emptyStyle, clip: area)
    }
    if labelWidth > 0 {
      let lx = labelPosition == .leading ? rect.x : barX + barWidth + 1
      if labelPosition == .trailing {
        grid.put(" ", at: Point(x: barX + barWidth, y: y), style: labelStyle, clip: area)
      } else {
        grid.put(" ", at: Point(x: rect.x + labelWidth, y: y), style: labelStyle, clip: area)
      }
      grid.put(text, at: Point(x: lx, y: y), style: labelStyle, clip: area)
    }
  }
}
