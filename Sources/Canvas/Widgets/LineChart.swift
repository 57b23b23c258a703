/// A point in a chart's data coordinates.
public struct ChartPoint: Hashable, Sendable {
  public var x: Double
  public var y: Double
  /// A point at (`x`, `y`).
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// The mapping from a chart's data coordinates to cells, shared by the cell renderer and by
/// vector writers (SVG) so both draw the same picture.
///
/// `unitX`/`unitY` give fractions of the plot (0 at the left/bottom, 1 at the right/top, not
/// clamped); `column(forX:)`/`row(forY:)` give cells, clamped into `plot`.
///
/// ```swift
/// let geo = ChartGeometry(xRange: 0...100, yRange: 0...100,
///                         plot: Rect(x: 4, y: 1, width: 101, height: 11))
/// geo.column(forX: 50)   // 54
/// geo.row(forY: 100)     // 1 (the top row)
/// ```
public struct ChartGeometry: Hashable, Sendable {
  /// The data values along x, left to right.
  public var xRange: ClosedRange<Double>
  /// The data values along y, bottom to top.
  public var yRange: ClosedRange<Double>
  /// The cells the data area covers.
  public var plot: Rect

  /// A mapping of the ranges onto `plot`.
  public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, plot: Rect) {
    self.xRange = xRange
    self.yRange = yRange
    self.plot = plot
  }

  /// Where `x` sits across the range: 0 at its start, 1 at its end (0 for an empty range).
  public func unitX(_ x: Double) -> Double { Self.unit(x, xRange) }
  /// Where `y` sits up the range: 0 at its bottom, 1 at its top (0 for an empty range).
  public func unitY(_ y: Double) -> Double { Self.unit(y, yRange) }

  /// The plot column for `x`: the range's ends on the first and last columns, rounded to nearest.
  public func column(forX x: Double) -> Int {
    plot.x + Self.cell(unitX(x), plot.width)
  }

  /// The plot row for `y`: the top of the range on the top row, the bottom on the bottom row.
  public func row(forY y: Double) -> Int {
    plot.maxY - 1 - Self.cell(unitY(y), plot.height)
  }

  /// The data x at the middle of `column`.
  public func x(atColumn column: Int) -> Double {
    guard plot.width > 1 else { return xRange.lowerBound }
    let u = Double(column - plot.x) / Double(plot.width - 1)
    return xRange.lowerBound + u * (xRange.upperBound - xRange.lowerBound)
  }

  /// The data y at the middle of `row`.
  public func y(atRow row: Int) -> Double {
    guard plot.height > 1 else { return yRange.lowerBound }
    let u = Double(plot.maxY - 1 - row) / Double(plot.height - 1)
    return yRange.lowerBound + u * (yRange.upperBound - yRange.lowerBound)
  }

  static func unit(_ v: Double, _ range: ClosedRange<Double>) -> Double {
    let span = range.upperBound - range.lowerBound
    guard span > 0, span.isFinite else { return 0 }
    return (v - range.lowerBound) / span
  }

  /// A fraction of `count` cells as a cell offset, clamped to `0..<count`; NaN goes to 0.
  static func cell(_ u: Double, _ count: Int) -> Int {
    guard count > 1, !u.isNaN else { return 0 }
    let last = Double(count - 1)
    let v = (u * last).rounded(.toNearestOrAwayFromZero)
    if !(v >= 0) { return 0 }
    if v >= last { return count - 1 }
    return Int(v)
  }
}

/// A line chart: series of points, shaded vertical bands, vertical marker lines and axes.
///
/// Series differ by glyph as well as by style, so they stay distinguishable without colour.
/// Curves are drawn column by column and steep parts are filled vertically (half in each of the
/// two columns), so a curve never shows gaps. Layout, from the outside in: a top row for band
/// and marker labels (when any has one), y labels and the y axis on the left, the x axis and x
/// labels at the bottom; rows and columns are given up in that order when the rectangle is small.
///
/// ```swift
/// var chart = LineChart(xRange: 0...100, yRange: 0...100)
/// chart.series = [.init(name: "rise", points: pts, style: .plain, glyph: "●")]
/// chart.bands = [.init(xRange: 0...25, style: shade, label: "one")]
/// chart.yLabels = [.init(value: 0, text: "0"), .init(value: 100, text: "100")]
/// chart.draw(into: &grid, in: rect)
/// ```
public struct LineChart: Hashable, Sendable {
  /// One curve.
  public struct Series: Hashable, Sendable {
    /// A name for legends and vector output.
    public var name: String
    /// The points, in any order (drawn sorted by x).
    public var points: [ChartPoint]
    public var style: Style
    /// The glyph every cell of the curve uses; distinct per series.
    public var glyph: String
    /// A series; see the properties.
    public init(name: String, points: [ChartPoint], style: Style, glyph: String) {
      self.name = name
      self.points = points
      self.style = style
      self.glyph = glyph
    }
  }

  /// A shaded vertical band across an x range.
  public struct Band: Hashable, Sendable {
    public var xRange: ClosedRange<Double>
    public var style: Style
    /// Drawn in the label row, centred over the band and cut to its width.
    public var label: String?
    /// The shading glyph; nil uses the glyph set's `bandShade`. Use " " for colour-only bands.
    public var shade: String?
    /// A band; see the properties.
    public init(
      xRange: ClosedRange<Double>, style: Style, label: String? = nil, shade: String? = nil
    ) {
      self.xRange = xRange
      self.style = style
      self.label = label
      self.shade = shade
    }
  }

  /// A vertical line at one x value.
  public struct VerticalMarker: Hashable, Sendable {
    public var x: Double
    public var style: Style
    /// The line glyph; nil uses the glyph set's `markerLine`.
    public var glyph: String?
    /// Drawn in the label row, centred on the line.
    public var label: String?
    /// A marker line; see the properties.
    public init(x: Double, style: Style, glyph: String? = nil, label: String? = nil) {
      self.x = x
      self.style = style
      self.glyph = glyph
      self.label = label
    }
  }

  /// A label at one value on an axis.
  public struct AxisLabel: Hashable, Sendable {
    public var value: Double
    public var text: String
    /// `text` shown at `value`.
    public init(value: Double, text: String) {
      self.value = value
      self.text = text
    }
  }

  public var xRange: ClosedRange<Double>
  public var yRange: ClosedRange<Double>
  public var series: [Series]
  public var bands: [Band]
  public var markers: [VerticalMarker]
  /// Right-aligned left of the plot, on the row of their value.
  public var yLabels: [AxisLabel]
  /// Under the x axis, centred on the column of their value.
  public var xLabels: [AxisLabel]
  /// Whether the y and x axis lines are drawn.
  public var showsAxes: Bool
  public var axisStyle: Style
  /// The style of axis labels; band and marker labels use their own style.
  public var labelStyle: Style
  public var glyphs: GlyphSet

  /// A chart over the given ranges; everything else can be set afterwards.
  public init(
    xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, series: [Series] = [],
    bands: [Band] = [], markers: [VerticalMarker] = [], yLabels: [AxisLabel] = [],
    xLabels: [AxisLabel] = [], showsAxes: Bool = true, axisStyle: Style = .plain,
    labelStyle: Style = .plain, glyphs: GlyphSet = .unicode
  ) {
    self.xRange = xRange
    self.yRange = yRange
    self.series = series
    self.bands = bands
    self.markers = markers
    self.yLabels = yLabels
    self.xLabels = xLabels
    self.showsAxes = showsAxes
    self.axisStyle = axisStyle
    self.labelStyle = labelStyle
    self.glyphs = glyphs
  }

  /// Where the parts of the chart go inside a rectangle.
  public struct Layout: Hashable, Sendable {
    /// The data area and its mapping.
    public var geometry: ChartGeometry
    /// The row for band and marker labels, if any.
    public var labelRow: Int?
    /// The column of the y axis, if drawn.
    public var yAxisColumn: Int?
    /// The row of the x axis, if drawn.
    public var xAxisRow: Int?
    /// The row of x labels, if any.
    public var xLabelRow: Int?
    /// The columns for y labels (empty when none).
    public var yLabelColumns: Range<Int>
  }

  /// The data→cell mapping for this chart drawn in `rect`.
  public func geometry(in rect: Rect) -> ChartGeometry { layout(in: rect).geometry }

  /// Where every part of the chart goes inside `rect`.
  public func layout(in rect: Rect) -> Layout {
    let wantsTop =
      bands.contains { !($0.label ?? "").isEmpty }
      || markers.contains { !($0.label ?? "").isEmpty }
    var top = wantsTop ? 1 : 0
    var xLabelRows = xLabels.isEmpty ? 0 : 1
    var axisRows = showsAxes ? 1 : 0
    // Give up the label row, then x labels, then the axis, until one data row remains.
    if rect.height - top - xLabelRows - axisRows < 1 { top = 0 }
    if rect.height - top - xLabelRows - axisRows < 1 { xLabelRows = 0 }
    if rect.height - top - xLabelRows - axisRows < 1 { axisRows = 0 }

    let labelColumns = yLabels.map { TextWidth.columns($0.text) }.max() ?? 0
    var gutter = labelColumns > 0 || showsAxes ? labelColumns + 1 : 0
    if rect.width - gutter < 1 { gutter = 0 }

    let plot = Rect(
      x: Rect.saturatingAdd(rect.x, gutter), y: Rect.saturatingAdd(rect.y, top),
      width: rect.width - gutter, height: rect.height - top - xLabelRows - axisRows)
    let geo = ChartGeometry(xRange: xRange, yRange: yRange, plot: plot)
    return Layout(
      geometry: geo,
      labelRow: top > 0 ? rect.y : nil,
      yAxisColumn: gutter > 0 && showsAxes ? plot.x - 1 : nil,
      xAxisRow: axisRows > 0 ? plot.maxY : nil,
      xLabelRow: xLabelRows > 0 ? plot.maxY + axisRows : nil,
      yLabelColumns: gutter > 0 ? rect.x..<(rect.x + labelColumns) : rect.x..<rect.x)
  }

  /// Draws the chart in `rect`, clipped to it and to the grid.
  public func draw(into grid: inout CellGrid, in rect: Rect) {
    let area = rect.intersection(grid.bounds)
    guard !area.isEmpty else { return }
    let lay = layout(in: rect)
    let geo = lay.geometry
    let plotArea = geo.plot.intersection(area)

    // Bands: a column belongs to a band when its middle x lies in [lo, hi); the chart's last
    // column also belongs to a band ending at the range's end. Adjacent bands never overlap.
    if !plotArea.isEmpty {
      for band in bands {
        let shade = band.shade ?? glyphs.bandShade
        for x in plotArea.x..<plotArea.maxX {
          let v = geo.x(atColumn: x)
          let inside =
            (v >= band.xRange.lowerBound && v < band.xRange.upperBound)
            || (x == geo.plot.maxX - 1 && band.xRange.upperBound >= xRange.upperBound
              && band.xRange.lowerBound <= v)
          guard inside else { continue }
          for y in plotArea.y..<plotArea.maxY {
            grid.put(shade, at: Point(x: x, y: y), style: band.style, clip: plotArea)
          }
        }
      }
      // An empty glyph means "label only": callers that repaint often skip the full-height line.
      for marker in markers where marker.glyph != "" {
        let x = geo.column(forX: marker.x)
        for y in plotArea.y..<plotArea.maxY {
          grid.overlay(
            marker.glyph ?? glyphs.markerLine, x: x, y: y, style: marker.style,
            clip: plotArea)
        }
      }
    }

    drawAxes(lay, into: &grid, clip: area)
    if !plotArea.isEmpty {
      for s in series { drawSeries(s, geo: geo, into: &grid, clip: plotArea) }
    }
    drawLabels(lay, into: &grid, rect: rect, clip: area)
  }

  private func drawAxes(_ lay: Layout, into grid: inout CellGrid, clip: Rect) {
    let plot = lay.geometry.plot
    let rows = safeRange(max(plot.y, clip.y), min(plot.maxY, clip.maxY))
    let columns = safeRange(max(plot.x, clip.x), min(plot.maxX, clip.maxX))
    if let ax = lay.yAxisColumn {
      for y in rows {
        grid.put(glyphs.axisVertical, at: Point(x: ax, y: y), style: axisStyle, clip: clip)
      }
      if let ay = lay.xAxisRow {
        grid.put(glyphs.axisCorner, at: Point(x: ax, y: ay), style: axisStyle, clip: clip)
      }
    }
    if let ay = lay.xAxisRow {
      for x in columns {
        grid.put(glyphs.axisHorizontal, at: Point(x: x, y: ay), style: axisStyle, clip: clip)
      }
    }
  }

  private func drawSeries(_ s: Series, geo: ChartGeometry, into grid: inout CellGrid, clip: Rect) {
    let points = s.points.filter { $0.x.isFinite && $0.y.isFinite }.sorted { $0.x < $1.x }
    guard let first = points.first, let last = points.last else { return }
    let firstColumn = geo.column(forX: first.x)
    let lastColumn = geo.column(forX: last.x)
    // One column beyond each side of the visible area, so steep joins at the edge are filled.
    let from = max(clip.x - 1, firstColumn)
    let to = min(clip.maxX, lastColumn)
    guard from <= to else { return }
    var segment = 0
    var previous: Int?
    for column in from...to {
      let v: Double
      if column == firstColumn {
        v = first.y
      } else if column == lastColumn {
        v = last.y
      } else {
        let x = geo.x(atColumn: column)
        while segment + 1 < points.count - 1, points[segment + 1].x <= x { segment += 1 }
        let a = points[segment]
        let b = points[min(segment + 1, points.count - 1)]
        let t = b.x > a.x ? (x - a.x) / (b.x - a.x) : 1
        v = a.y + min(max(t, 0), 1) * (b.y - a.y)
      }
      let row = geo.row(forY: v)
      plotCell(s, column: column, rows: row...row, into: &grid, clip: clip)
      if let p = previous, abs(row - p) > 1 {
        let mid = (p + row) >> 1
        if row > p {
          plotCell(s, column: column - 1, rows: (p + 1)...mid, into: &grid, clip: clip)
          if mid + 1 <= row - 1 {
            plotCell(s, column: column, rows: (mid + 1)...(row - 1), into: &grid, clip: clip)
          }
        } else {
          plotCell(s, column: column - 1, rows: mid...(p - 1), into: &grid, clip: clip)
          if row + 1 <= mid - 1 {
            plotCell(s, column: column, rows: (row + 1)...(mid - 1), into: &grid, clip: clip)
          }
        }
      }
      previous = row
    }
  }

  private func plotCell(
    _ s: Series, column: Int, rows: ClosedRange<Int>, into grid: inout CellGrid, clip: Rect
  ) {
    guard column >= clip.x, column < clip.maxX else { return }
    let lo = max(rows.lowerBound, clip.y)
    let hi = min(rows.upperBound, clip.maxY - 1)
    guard lo <= hi else { return }
    for y in lo...hi { grid.overlay(s.glyph, x: column, y: y, style: s.style, clip: clip) }
  }

  private func drawLabels(_ lay: Layout, into grid: inout CellGrid, rect: Rect, clip: Rect) {
    let geo = lay.geometry
    if let y = lay.labelRow {
      var row = LabelRow(lower: geo.plot.x, upper: geo.plot.maxX)
      for marker in markers {
        guard let label = marker.label, !label.isEmpty else { continue }
        place(
          label, anchor: geo.column(forX: marker.x), room: geo.plot.width, y: y,
          style: marker.style, row: &row, grid: &grid, clip: clip)
      }
      for band in bands {
        guard let label = band.label, !label.isEmpty else { continue }
        let lo = geo.column(forX: band.xRange.lowerBound)
        let hi = geo.column(forX: band.xRange.upperBound)
        place(
          label, anchor: (lo + hi) / 2, room: max(1, hi - lo), y: y, style: band.style,
          row: &row, grid: &grid, clip: clip)
      }
    }
    if !lay.yLabelColumns.isEmpty {
      let right = lay.yLabelColumns.upperBound
      for label in yLabels {
        let text = label.text
        let x = right - TextWidth.columns(text)
        grid.put(
          text, at: Point(x: x, y: geo.row(forY: label.value)), style: labelStyle,
          clip: clip)
      }
    }
    if let y = lay.xLabelRow {
      var row = LabelRow(lower: rect.x, upper: rect.maxX)
      for label in xLabels {
        place(
          label.text, anchor: geo.column(forX: label.value), room: rect.width, y: y,
          style: labelStyle, row: &row, grid: &grid, clip: clip)
      }
    }
  }

  private func place(
    _ label: String, anchor: Int, room: Int, y: Int, style: Style, row: inout LabelRow,
    grid: inout CellGrid, clip: Rect
  ) {
    let text = TextWidth.truncate(label, toColumns: room, ellipsis: glyphs.ellipsis)
    guard let x = row.place(width: TextWidth.columns(text), anchor: anchor) else { return }
    grid.put(text, at: Point(x: x, y: y), style: style, clip: clip)
  }
}
