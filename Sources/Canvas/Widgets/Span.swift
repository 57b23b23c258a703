/// A piece of text in one style; rows of lists and labels are made of spans.
///
/// ```swift
/// let row = [Span("D1", style: bold), Span(" Compliance modules")]
/// ```
public struct Span: Hashable, Sendable {
  /// The text (control characters are dropped when drawn).
  public var text: String
  /// The style it is drawn in.
  public var style: Style

  /// A span of `text` in `style`.
  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

// MARK: - Helpers shared by the widgets

extension CellGrid {
  /// Draws `text` keeping the background already in each cell when `style` has none of its own,
  /// so marks drawn over a shaded band stay on the band.
  mutating func overlay(_ text: String, x: Int, y: Int, style: Style, clip: Rect) {
    var s = style
    if s.bg == .default, let existing = self[x, y] { s.bg = existing.style.bg }
    put(text, at: Point(x: x, y: y), style: s, clip: clip)
  }

  /// Draws spans from `x` on row `y`, at most `maxColumns` wide; when they do not fit they are
  /// cut and end in `ellipsis` (in the style of the span that was cut).
  ///
  /// - Returns: the columns drawn.
  @discardableResult
  mutating func putSpans(
    _ spans: [Span], x: Int, y: Int, maxColumns: Int, ellipsis: String, clip: Rect
  ) -> Int {
    guard maxColumns > 0 else { return 0 }
    let total = spans.reduce(0) { $0 + TextWidth.columns($1.text) }
    if total <= maxColumns {
      var cx = x
      for span in spans {
        cx += put(span.text, at: Point(x: cx, y: y), style: span.style, clip: clip)
      }
      return cx - x
    }
    let markWidth = TextWidth.columns(ellipsis)
    let budget = markWidth <= maxColumns ? maxColumns - markWidth : maxColumns
    var used = 0
    var lastStyle = spans.first?.style ?? .plain
    outer: for span in spans {
      lastStyle = span.style
      for g in TextWidth.graphemes(of: span.text) {
        if used + g.width > budget { break outer }
        put(g.text, at: Point(x: x + used, y: y), style: span.style, clip: clip)
        used += g.width
      }
    }
    if markWidth <= maxColumns {
      used += put(ellipsis, at: Point(x: x + used, y: y), style: lastStyle, clip: clip)
    }
    return used
  }
}

/// `lower..<upper`, or an empty range when `upper < lower` (a plain `..<` would trap).
func safeRange(_ lower: Int, _ upper: Int) -> Range<Int> { lower..<max(lower, upper) }

/// Places short labels along one row so that none covers another.
///
/// Each label is centred on its anchor column when that is free, otherwise moved to the nearest
/// free place (one blank column is kept between labels); it is skipped only when the row has no
/// room left at all.
struct LabelRow {
  /// The columns labels may use.
  let lower: Int
  let upper: Int
  private var taken: [(start: Int, end: Int)] = []

  init(lower: Int, upper: Int) {
    self.lower = lower
    self.upper = max(lower, upper)
  }

  /// The start column for a label `width` wide centred on `anchor`, or nil when it cannot fit.
  mutating func place(width: Int, anchor: Int) -> Int? {
    guard width > 0, width <= upper - lower else { return nil }
    let maxStart = upper - width
    let ideal = min(max(anchor - (width - 1) / 2, lower), maxStart)
    // The nearest free start is either the ideal one or right beside a label already placed.
    var candidates = [ideal]
    for t in taken { candidates += [t.end + 1, t.start - 1 - width] }
    let ordered = candidates.filter { $0 >= lower && $0 <= maxStart }
      .sorted { (abs($0 - ideal), $0) < (abs($1 - ideal), $1) }
    for start in ordered {
      let free = taken.allSatisfy { start + width + 1 <= $0.start || start >= $0.end + 1 }
      if free {
        taken.append((start, start + width))
        return start
      }
    }
    return nil
  }
}
