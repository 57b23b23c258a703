/// A horizontal track over an integer range, with markers, ticks and an optional filled part.
///
/// Rows, top to bottom, as far as the rectangle's height allows (the track first, then the
/// other rows in the order listed here): labels of markers placed `.above`, the track, tick
/// labels, labels of markers placed `.below`.
///
/// **Markers on the same column.** The active marker's glyph is drawn last, so it wins the
/// shared cell; every marker keeps its label, and labels on one row never cover each other (a
/// clashing label moves to the nearest free place), so a marker hidden under the active one is
/// still named on screen. Give markers labels (or place them on different rows) to keep that.
///
/// ```swift
/// var slider = Slider(range: 0...100)
/// slider.markers = [
///   .init(value: 40, glyph: "●", style: now, label: "now 40", isActive: true),
///   .init(value: 60, glyph: "◆", style: goal, label: "goal 60", placement: .below),
/// ]
/// slider.ticks = Slider.ticks(every: 25, in: 0...100)
/// slider.draw(into: &grid, in: Rect(x: 2, y: 3, width: 60, height: 4))
/// ```
public struct Slider: Hashable, Sendable {
  /// Where a marker's label goes relative to the track.
  public enum LabelPlacement: Hashable, Sendable { case above, below }

  /// A point of interest on the track.
  public struct Marker: Hashable, Sendable {
    /// Where it sits; values outside the range sit at the nearest end.
    public var value: Int
    /// What is drawn on the track.
    public var glyph: String
    /// The glyph's style.
    public var style: Style
    /// Text drawn above or below, centred on the marker when there is room.
    public var label: String?
    /// The label's style; nil uses `style`.
    public var labelStyle: Style?
    /// Which side of the track the label goes.
    public var placement: LabelPlacement
    /// The marker being moved: drawn over others and labelled first.
    public var isActive: Bool

    /// A marker; see the properties for each field.
    public init(
      value: Int, glyph: String, style: Style, label: String? = nil, labelStyle: Style? = nil,
      placement: LabelPlacement = .above, isActive: Bool = false
    ) {
      self.value = value
      self.glyph = glyph
      self.style = style
      self.label = label
      self.labelStyle = labelStyle
      self.placement = placement
      self.isActive = isActive
    }
  }

  /// A tick on the track, optionally labelled under it.
  public struct Tick: Hashable, Sendable {
    public var value: Int
    public var label: String?
    /// A tick at `value`, labelled with `label` when given.
    public init(value: Int, label: String? = nil) {
      self.value = value
      self.label = label
    }
  }

  /// The value↔column mapping of a track, for drawing and for mouse clicks.
  ///
  /// `column(for:)` puts the range's ends on the first and last columns and rounds half up in
  /// between; `value(atColumn:)` is its inverse: the value it returns maps back to the clicked
  /// column whenever the track has no more columns than values, and every value maps back to
  /// itself when it has more. Both ends are reachable at every width of 2 or more.
  public struct Geometry: Hashable, Sendable {
    /// The values the track shows.
    public var range: ClosedRange<Int>
    /// The first column of the track.
    public var x: Int
    /// The number of columns.
    public var width: Int

    /// A mapping of `range` onto `width` columns from column `x`.
    public init(range: ClosedRange<Int>, x: Int, width: Int) {
      self.range = range
      self.x = x
      self.width = max(0, width)
    }

    /// The column of `value` (values outside the range clamp to the ends).
    public func column(for value: Int) -> Int {
      let v = min(max(value, range.lowerBound), range.upperBound)
      let span = Self.distance(range.lowerBound, range.upperBound)
      guard width > 1, span > 0 else { return x }
      let offset = Self.scale(Self.distance(range.lowerBound, v), UInt(width - 1), span)
      return Rect.saturatingAdd(x, Int(offset))
    }

    /// Columns for two markers that must both stay visible: as ``column(for:)``, except that two
    /// different values landing on one column are drawn side by side (`b` on the side it lies
    /// towards, or `a` moved when `b` is at the track's end). Equal values share a column.
    ///
    /// ```swift
    /// let g = Slider.Geometry(range: 0...100, x: 0, width: 11)
    /// g.columns(for: 10, and: 12)  // (1, 2): 12 alone would land on column 1 too
    /// ```
    public func columns(for a: Int, and b: Int) -> (a: Int, b: Int) {
      let ca = column(for: a)
      let cb = column(for: b)
      guard ca == cb, a != b, width > 1 else { return (ca, cb) }
      let last = Rect.saturatingAdd(x, width - 1)
      if b > a {
        return cb < last ? (ca, cb + 1) : (ca - 1, cb)
      }
      return cb > x ? (ca, cb - 1) : (ca + 1, cb)
    }

    /// The value at `column` (columns outside the track clamp to its ends).
    public func value(atColumn column: Int) -> Int {
      let span = Self.distance(range.lowerBound, range.upperBound)
      guard width > 1, span > 0 else { return range.lowerBound }
      let last = Rect.saturatingAdd(x, width - 1)
      let c = min(max(column, x), last)
      let offset = Self.scale(Self.distance(x, c), span, UInt(width - 1))
      return range.lowerBound &+ Int(bitPattern: offset)
    }

    /// `b - a` for `a <= b`, exact even when it exceeds `Int.max`.
    static func distance(_ a: Int, _ b: Int) -> UInt { UInt(bitPattern: b &- a) }

    /// `a * num / den` rounded half up, for `a <= den`; exact, with no overflow.
    static func scale(_ a: UInt, _ num: UInt, _ den: UInt) -> UInt {
      let (q, r) = den.dividingFullWidth(a.multipliedFullWidth(by: num))
      return r >= den - r ? q + 1 : q
    }
  }

  /// The rows a slider uses inside a rectangle (nil for rows it does not draw).
  public struct Layout: Hashable, Sendable {
    public var aboveLabelRow: Int?
    public var trackRow: Int?
    public var tickLabelRow: Int?
    public var belowLabelRow: Int?
  }

  /// The values shown.
  public var range: ClosedRange<Int>
  /// Markers, drawn inactive first, then active.
  public var markers: [Marker]
  /// Ticks on the track.
  public var ticks: [Tick]
  /// When set, the track is drawn filled from the start up to this value.
  public var fillTo: Int?
  /// Styles of the empty track, the filled part, ticks and tick labels.
  public var trackStyle: Style
  public var fillStyle: Style
  public var tickStyle: Style
  public var tickLabelStyle: Style
  /// Track, fill and tick glyphs.
  public var glyphs: GlyphSet

  /// A slider over `range`; everything else can be set afterwards.
  public init(
    range: ClosedRange<Int>, markers: [Marker] = [], ticks: [Tick] = [], fillTo: Int? = nil,
    trackStyle: Style = .plain, fillStyle: Style = .plain, tickStyle: Style = .plain,
    tickLabelStyle: Style = .plain, glyphs: GlyphSet = .unicode
  ) {
    self.range = range
    self.markers = markers
    self.ticks = ticks
    self.fillTo = fillTo
    self.trackStyle = trackStyle
    self.fillStyle = fillStyle
    self.tickStyle = tickStyle
    self.tickLabelStyle = tickLabelStyle
    self.glyphs = glyphs
  }

  /// Ticks every `step` values across `range`, labelled with their value when `labelled`.
  ///
  /// ```swift
  /// Slider.ticks(every: 25, in: 0...100).map(\.value)   // [0, 25, 50, 75, 100]
  /// ```
  public static func ticks(every step: Int, in range: ClosedRange<Int>, labelled: Bool = true)
    -> [Tick]
  {
    guard step > 0 else { return [] }
    return stride(from: range.lowerBound, through: range.upperBound, by: step).prefix(1000).map {
      Tick(value: $0, label: labelled ? String($0) : nil)
    }
  }

  /// The mapping between values and columns for this slider drawn in `rect`.
  public func geometry(in rect: Rect) -> Geometry {
    Geometry(range: range, x: rect.x, width: rect.width)
  }

  /// Which rows of `rect` hold the track and the label rows.
  public func layout(in rect: Rect) -> Layout {
    let hasAbove = markers.contains { $0.placement == .above && !($0.label ?? "").isEmpty }
    let hasBelow = markers.contains { $0.placement == .below && !($0.label ?? "").isEmpty }
    let hasTickLabels = ticks.contains { !($0.label ?? "").isEmpty }
    var budget = rect.height
    func take(_ wanted: Bool) -> Bool {
      guard wanted, budget > 0 else { return false }
      budget -= 1
      return true
    }
    let track = take(true)
    let above = take(hasAbove)
    let tickLabels = take(hasTickLabels)
    let below = take(hasBelow)
    var y = rect.y
    func next(_ used: Bool) -> Int? {
      guard used else { return nil }
      defer { y += 1 }
      return y
    }
    let aboveRow = next(above)
    let trackRow = next(track)
    let tickRow = next(tickLabels)
    let belowRow = next(below)
    return Layout(
      aboveLabelRow: aboveRow, trackRow: trackRow, tickLabelRow: tickRow, belowLabelRow: belowRow)
  }

  /// Draws the slider in `rect`, clipped to it and to the grid.
  public func draw(into grid: inout CellGrid, in rect: Rect) {
    let area = rect.intersection(grid.bounds)
    guard !area.isEmpty else { return }
    let lay = layout(in: rect)
    let geo = geometry(in: rect)

    if let y = lay.trackRow {
      let fillColumn = fillTo.map { geo.column(for: $0) }
      for x in area.x..<area.maxX {
        let filled = fillColumn.map { x <= $0 } ?? false
        grid.put(
          filled ? glyphs.sliderFill : glyphs.sliderTrack, at: Point(x: x, y: y),
          style: filled ? fillStyle : trackStyle, clip: area)
      }
      for tick in ticks {
        grid.put(
          glyphs.sliderTick, at: Point(x: geo.column(for: tick.value), y: y), style: tickStyle,
          clip: area)
      }
      for marker in markers.filter({ !$0.isActive }) + markers.filter(\.isActive) {
        grid.put(
          marker.glyph, at: Point(x: geo.column(for: marker.value), y: y), style: marker.style,
          clip: area)
      }
    }

    if let y = lay.tickLabelRow {
      var row = LabelRow(lower: rect.x, upper: rect.maxX)
      for tick in ticks {
        guard let label = tick.label, !label.isEmpty else { continue }
        drawLabel(
          label, anchor: geo.column(for: tick.value), y: y, style: tickLabelStyle,
          row: &row, grid: &grid, clip: area)
      }
    }

    for (placement, rowY) in [
      (LabelPlacement.above, lay.aboveLabelRow), (.below, lay.belowLabelRow),
    ] {
      guard let y = rowY else { continue }
      var row = LabelRow(lower: rect.x, upper: rect.maxX)
      // The active marker's label is placed first so it sits centred on its marker.
      let ordered = markers.filter(\.isActive) + markers.filter { !$0.isActive }
      for marker in ordered where marker.placement == placement {
        guard let label = marker.label, !label.isEmpty else { continue }
        drawLabel(
          label, anchor: geo.column(for: marker.value), y: y,
          style: marker.labelStyle ?? marker.style, row: &row, grid: &grid, clip: area)
      }
    }
  }

  private func drawLabel(
    _ label: String, anchor: Int, y: Int, style: Style, row: inout LabelRow,
    grid: inout CellGrid, clip: Rect
  ) {
    let room = row.upper - row.lower
    let text = TextWidth.truncate(label, toColumns: room, ellipsis: glyphs.ellipsis)
    guard let x = row.place(width: TextWidth.columns(text), anchor: anchor) else { return }
    grid.put(text, at: Point(x: x, y: y), style: style, clip: clip)
  }
}
