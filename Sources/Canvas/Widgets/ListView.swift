/// A scrolling list of rows, one of them selected.
///
/// The selected row is drawn with reverse video **and** a pointer glyph in front, so it reads
/// without colour. Rows that do not fit are cut with an ellipsis; trailing text (for example
/// score dots) is right-aligned and given up when the row is too narrow for it.
///
/// The caller keeps `offset` (the first row shown) between frames and passes it back; drawing
/// moves it only as far as needed to keep the selection visible, so the list does not jump.
///
/// ```swift
/// var list = ListView(rows: [.init("Compliance modules", trailing: "●●●●")], selected: 0)
/// list.offset = ListView.scrollOffset(selected: 0, count: 1, visibleRows: 5, current: list.offset)
/// list.draw(into: &grid, in: Rect(x: 0, y: 2, width: 40, height: 5))
/// ```
public struct ListView: Hashable, Sendable {
  /// One row: its main spans and optional right-aligned trailing spans.
  public struct Row: Hashable, Sendable {
    public var spans: [Span]
    public var trailing: [Span]
    /// A row made of styled spans.
    public init(spans: [Span], trailing: [Span] = []) {
      self.spans = spans
      self.trailing = trailing
    }
    /// A row of plain text in one style, with optional trailing text in the same style.
    public init(_ text: String, style: Style = .plain, trailing: String? = nil) {
      self.spans = [Span(text, style: style)]
      self.trailing = trailing.map { [Span($0, style: style)] } ?? []
    }
  }

  public var rows: [Row]
  /// The selected row index, or nil for none.
  public var selected: Int?
  /// The first row shown; adjusted when drawing so the selection is visible.
  public var offset: Int
  /// The style of blank space in the list.
  public var style: Style
  /// The pointer's style (reverse video is added on the selected row like everything else).
  public var pointerStyle: Style
  public var glyphs: GlyphSet

  /// A list; see the properties.
  public init(
    rows: [Row], selected: Int? = nil, offset: Int = 0, style: Style = .plain,
    pointerStyle: Style = .plain, glyphs: GlyphSet = .unicode
  ) {
    self.rows = rows
    self.selected = selected
    self.offset = offset
    self.style = style
    self.pointerStyle = pointerStyle
    self.glyphs = glyphs
  }

  /// The first row to show so that `selected` is visible, moving `current` as little as possible
  /// and never past the end (no blank rows below the last one when the list is long enough).
  public static func scrollOffset(selected: Int?, count: Int, visibleRows: Int, current: Int)
    -> Int
  {
    guard visibleRows > 0, count > 0 else { return 0 }
    var off = min(max(current, 0), max(0, count - visibleRows))
    if let s = selected.map({ min(max($0, 0), count - 1) }) {
      if s < off { off = s }
      if s >= off + visibleRows { off = s - visibleRows + 1 }
    }
    return off
  }

  /// The first row shown when the list is `height` rows tall.
  public func visibleOffset(height: Int) -> Int {
    Self.scrollOffset(selected: selected, count: rows.count, visibleRows: height, current: offset)
  }

  /// The row index under screen row `y` when drawn in `rect` (for mouse clicks), or nil.
  public func rowIndex(atY y: Int, in rect: Rect) -> Int? {
    guard y >= rect.y, y < rect.maxY else { return nil }
    let index = visibleOffset(height: rect.height) + (y - rect.y)
    return index < rows.count ? index : nil
  }

  /// Draws the visible rows in `rect`, clearing the rest of it.
  public func draw(into grid: inout CellGrid, in rect: Rect) {
    let area = rect.intersection(grid.bounds)
    guard !area.isEmpty else { return }
    grid.fill(area, with: .blank(style))
    let first = visibleOffset(height: rect.height)
    let pointerWidth = max(1, TextWidth.columns(glyphs.pointer))
    let prefix = pointerWidth + 1
    for y in area.y..<area.maxY {
      let index = first + (y - rect.y)
      guard index >= 0, index < rows.count else { continue }
      let row = rows[index]
      let isSelected = index == selected
      if isSelected {
        grid.put(glyphs.pointer, at: Point(x: rect.x, y: y), style: pointerStyle, clip: area)
      }
      let trailingWidth = row.trailing.reduce(0) { $0 + TextWidth.columns($1.text) }
      var mainWidth = rect.width - prefix
      // Trailing text only when at least a few columns of the row's own text remain.
      if trailingWidth > 0, mainWidth - trailingWidth - 1 >= min(4, mainWidth) {
        mainWidth -= trailingWidth + 1
        let tx = rect.maxX - trailingWidth
        grid.putSpans(
          row.trailing, x: tx, y: y, maxColumns: trailingWidth,
          ellipsis: glyphs.ellipsis, clip: area)
      }
      grid.putSpans(
        row.spans, x: rect.x + prefix, y: y, maxColumns: mainWidth,
        ellipsis: glyphs.ellipsis, clip: area)
      if isSelected {
        grid.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1).intersection(area)) {
          $0.attributes.insert(.reverse)
        }
      }
    }
  }
}
