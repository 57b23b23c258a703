import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

/// Where the parts of the explorer go at one terminal size. Rendering and mouse hit-testing both
/// use it, so a click lands on what was drawn.
public struct ScreenLayout: Hashable, Sendable {
  public var size: Size
  /// False below `Screen.minimum`; only the size message is drawn then.
  public var fits: Bool
  public var title: Rect
  public var sliderBox: Rect
  /// The columns of the slider's track (the mouse maps them to positions).
  public var track: Rect
  public var chartBox: Rect
  /// Empty in the compact layout, where the stage shows as one line in the slider box.
  public var stageBox: Rect
  public var listBox: Rect
  public var transitionBox: Rect
  public var status: Rect
  public var hints: Rect
  /// True when the stage panel is folded into the slider box.
  public var compact: Bool
}

/// Draws the explorer: the one drawing path used by the TUI, `render`, `show --format txt` and the
/// golden tests.
///
/// ```swift
/// let grid = Screen.render(AppState(current: 38, target: 70), theme: theme,
///                          size: Size(width: 100, height: 30))
/// print(PlainTextExporter.export(grid))
/// ```
public enum Screen {
  /// The smallest size the explorer lays out in; below it the size message shows.
  public static let minimum = Size(width: 60, height: 20)

  /// Lays out the screen for a size.
  ///
  /// - Parameter listRows: how many recommendations there are; on tall screens the list takes
  ///   only the rows it needs and the transition plan gets the rest.
  public static func layout(_ size: Size, listRows: Int? = nil) -> ScreenLayout {
    let w = size.width, h = size.height
    let fits = w >= minimum.width && h >= minimum.height
    let compact = h < 26 || w < 80
    let sliderHeight = compact ? 8 : 7
    let title = Rect(x: 0, y: 0, width: w, height: 1)
    let sliderBox = Rect(x: 0, y: 1, width: w, height: sliderHeight)
    let inner = Box.inner(of: sliderBox)
    let track = Rect(x: inner.x + 1, y: inner.y + 1, width: max(0, inner.width - 2), height: 1)
    let bodyTop = sliderBox.maxY
    let bodyHeight = max(0, h - 2 - bodyTop)
    let leftWidth = w * 52 / 100
    let rightWidth = w - leftWidth
    var chartBox = Rect(x: 0, y: bodyTop, width: leftWidth, height: bodyHeight)
    var stageBox = Rect(x: 0, y: 0, width: 0, height: 0)
    if !compact {
      let stageHeight = min(9, max(6, bodyHeight * 2 / 5))
      chartBox.height = bodyHeight - stageHeight
      stageBox = Rect(x: 0, y: chartBox.maxY, width: leftWidth, height: stageHeight)
    }
    // Compact: from 80x24 (13 body rows) the plan gets four lines, enough for its summary and
    // one line each for introduce, keep and phase down (or a large jump's caveat and a line of
    // counts); smaller screens keep two lines for the summary and the counts.
    var transitionHeight =
      compact ? (bodyHeight >= 13 ? 6 : 4) : min(12, max(6, bodyHeight * 2 / 5))
    if !compact, let rows = listRows {
      // A short list hands its spare rows to the transition plan, never shrinking below 5. The
      // count is rounded up to a multiple of 4 so the border does not move on every key press.
      let listHeight = max(5, min((rows + 3) / 4 * 4 + 2, bodyHeight - transitionHeight))
      transitionHeight = bodyHeight - listHeight
    }
    let listBox = Rect(
      x: leftWidth, y: bodyTop, width: rightWidth, height: bodyHeight - transitionHeight)
    let transitionBox = Rect(
      x: leftWidth, y: listBox.maxY, width: rightWidth, height: transitionHeight)
    return ScreenLayout(
      size: size, fits: fits, title: title, sliderBox: sliderBox, track: track, chartBox: chartBox,
      stageBox: stageBox, listBox: listBox, transitionBox: transitionBox,
      status: Rect(x: 0, y: h - 2, width: w, height: 1),
      hints: Rect(x: 0, y: h - 1, width: w, height: 1),
      compact: compact)
  }

  /// Draws the whole explorer for `state` at `size`.
  public static func render(_ state: AppState, theme: Theme, size: Size) -> CellGrid {
    let styles = Styles(theme)
    var grid = CellGrid(size: size, fill: .blank(styles.base))
    // Computed once per frame and shared by the layout and the list.
    let recommendations = state.recommendations
    let layout = layout(size, listRows: recommendations.count)
    guard layout.fits else {
      drawTooSmall(into: &grid, style: styles.message, ascii: state.ascii)
      return grid
    }
    let glyphs: GlyphSet = state.ascii ? .ascii : .unicode
    let ctx = Context(
      state: state, recommendations: recommendations, styles: styles, glyphs: glyphs, layout: layout
    )
    ctx.drawTitle(into: &grid)
    ctx.drawSlider(into: &grid)
    if state.showsAllAreas { ctx.drawAllAreas(into: &grid) } else { ctx.drawChart(into: &grid) }
    if !layout.compact { ctx.drawStage(into: &grid) }
    ctx.drawRecommendations(into: &grid)
    ctx.drawTransition(into: &grid)
    ctx.drawStatus(into: &grid)
    ctx.drawHints(into: &grid)
    switch state.overlay {
    case .none: break
    case .help: ctx.drawHelp(into: &grid)
    case .detail(let id): ctx.drawDetail(id, into: &grid)
    case .themePicker(let picker): ctx.drawThemePicker(picker, into: &grid)
    }
    return grid
  }

  /// What a mouse event at `point` means for the explorer, or nil when it means nothing.
  public static func action(for mouse: MouseEvent, state: AppState, size: Size) -> AppAction? {
    let recs = state.recommendations
    let layout = layout(size, listRows: recs.count)
    guard layout.fits, state.overlay == .none else { return nil }
    // The wheel scrolls the list when over it, and nudges the marker anywhere else.
    let overList = layout.listBox.contains(mouse.point)
    switch mouse.kind {
    case .wheelUp: return overList ? .movedSelection(by: -1) : .nudged(by: 1)
    case .wheelDown: return overList ? .movedSelection(by: 1) : .nudged(by: -1)
    case .release: return nil
    case .press, .drag:
      let track = layout.track
      // The row above and below the track count too: markers and their labels sit there.
      let hitArea = Rect(x: track.x - 1, y: track.y - 1, width: track.width + 2, height: 3)
      if hitArea.contains(mouse.point) {
        let geometry = Slider.Geometry(range: Position.range, x: track.x, width: track.width)
        return .placedMarker(at: Position(clamping: geometry.value(atColumn: mouse.point.x)))
      }
      if mouse.kind == .press {
        let inner = Box.inner(of: layout.listBox)
        let list = recommendationList(state, recommendations: recs, glyphs: .unicode, styles: nil)
        if let index = list.rowIndex(atY: mouse.point.y, in: inner), inner.contains(mouse.point) {
          return .selectedRecommendation(index: index)
        }
      }
      return nil
    }
  }

  /// Where the hardware cursor goes: on the active marker, so screen readers follow it.
  static func cursor(_ state: AppState, layout: ScreenLayout) -> Point? {
    guard layout.fits, layout.track.width > 0 else { return nil }
    let geometry = Slider.Geometry(
      range: Position.range, x: layout.track.x, width: layout.track.width)
    return Point(x: geometry.column(for: state.activePosition.value), y: layout.track.y)
  }

  /// Draws "terminal too small", wrapped and centred, in the longest wording that fits any size
  /// down to 1×1. Every screen (explorer, questionnaire, workshop) uses it with its own name and
  /// minimum.
  static func drawTooSmall(
    into grid: inout CellGrid, style: Style, ascii: Bool, screen: String = "The explorer",
    minimum: Size = Screen.minimum
  ) {
    let size = grid.size
    guard size.width > 0, size.height > 0 else { return }
    let by = ascii ? "x" : "×"
    let need = "\(minimum.width)\(by)\(minimum.height)"
    // The longest wording that fits wins; the last resort still names the size needed.
    let candidates = [
      "Terminal too small: \(size.width)\(by)\(size.height). \(screen) needs at least \(need). "
        + "Enlarge the window, or press q to quit.",
      "Too small: \(size.width)\(by)\(size.height), need \(need).",
      "Need \(need)",
      "\(need)",
    ]
    var lines: [String] = []
    for text in candidates {
      lines = TextWidth.wrap(text, width: size.width).map { $0.trimmingWhitespace() }
      if lines.count <= size.height { break }
    }
    let top = max(0, (size.height - lines.count) / 2)
    for (i, line) in lines.prefix(size.height).enumerated() {
      let x = max(0, (size.width - TextWidth.columns(line)) / 2)
      grid.put(line, at: Point(x: x, y: top + i), style: style)
    }
  }

  /// The recommendation rows for the active marker (shared by drawing and hit-testing).
  static func recommendationList(
    _ state: AppState, recommendations recs: [Recommendation], glyphs: GlyphSet, styles: Styles?
  ) -> ListView {
    let plain = styles?.panel ?? .plain
    let rows = recs.map { rec -> ListView.Row in
      var trailing: [Span] = []
      if rec.isPinned {
        trailing.append(Span("pinned ", style: styles?.pinned ?? plain))
      } else if rec.isNextStep {
        trailing.append(Span("next ", style: styles?.next ?? plain))
      }
      let dots =
        String(repeating: glyphs.dotFilled, count: rec.coarseFit)
        + String(repeating: glyphs.dotEmpty, count: 4 - rec.coarseFit)
      trailing.append(Span(dots, style: styles?.fit ?? plain))
      return ListView.Row(
        spans: [
          Span(rec.approach.id + " ", style: styles?.muted ?? plain),
          Span(rec.approach.name, style: plain),
        ], trailing: trailing)
    }
    let selected = recs.isEmpty ? nil : min(max(state.selection, 0), recs.count - 1)
    return ListView(
      rows: rows, selected: selected, style: plain, pointerStyle: styles?.pointer ?? plain,
      glyphs: glyphs)
  }
}

/// The theme's styles resolved once per frame, by what they are for.
struct Styles {
  let base, title, titleAccent, panel, border, panelTitle, heading, muted: Style
  let track, tick, sliderLabel, sliderEnd, current, target, active: Style
  /// `slider.thumb` exactly as the theme and its parents write it, without the dotted fallback.
  let thumbSpec: StyleSpec
  let stages: [Stage: Style]
  let axis, band, organisation, learner, social, chartCurrent, chartTarget: Style
  let barOrganisation, barLearner: Style
  let selected, pointer, fit, next, pinned: Style
  let introduce, keep, phaseDown, caveat: Style
  let status, notice, warning, hints, hintKey: Style
  let overlay, overlayBorder, overlayTitle, overlayKey, message: Style

  init(_ t: Theme) {
    base = t.style("base")
    title = t.style("title")
    titleAccent = t.style("title.accent")
    panel = t.style("panel")
    border = t.style("panel.border")
    panelTitle = t.style("panel.title")
    heading = t.style("panel.heading")
    muted = t.style("panel.muted")
    track = t.style("slider.track")
    tick = t.style("slider.tick")
    sliderLabel = t.style("slider.label")
    sliderEnd = t.style("slider.end")
    current = t.style("slider.current")
    target = t.style("slider.target")
    active = t.style("slider.active")
    thumbSpec = Self.ownSpec("slider.thumb", in: t)
    var stages: [Stage: Style] = [:]
    for s in Stage.allCases { stages[s] = t.style(Role("stage." + s.id)) }
    self.stages = stages
    axis = t.style("chart.axis")
    band = t.style("chart.band")
    organisation = t.style("chart.organisation")
    learner = t.style("chart.learner")
    social = t.style("chart.social")
    chartCurrent = t.style("chart.current")
    chartTarget = t.style("chart.target")
    barOrganisation = t.style("bar.organisation")
    barLearner = t.style("bar.learner")
    selected = t.style("list.selected")
    pointer = t.style("list.pointer")
    fit = t.style("list.fit")
    next = t.style("list.next")
    pinned = t.style("list.pinned")
    introduce = t.style("transition.introduce")
    keep = t.style("transition.keep")
    phaseDown = t.style("transition.phase-down")
    caveat = t.style("transition.caveat")
    status = t.style("status")
    notice = t.style("status.notice")
    warning = t.style("status.warning")
    hints = t.style("hints")
    hintKey = t.style("hints.key")
    overlay = t.style("overlay")
    overlayBorder = t.style("overlay.border")
    overlayTitle = t.style("overlay.title")
    overlayKey = t.style("overlay.key")
    message = t.style("message")
  }

  func stage(_ s: Stage) -> Style { stages[s] ?? panel }

  /// The slider's thumb (the marker the keys move): `emphasised(marker)` with whatever
  /// `slider.thumb` sets. Its colours replace the marker's; its attributes add to the emphasis,
  /// so the thumb stays in reverse video when colour is stripped.
  func thumb(_ marker: Style) -> Style {
    var s = emphasised(marker)
    if let fg = thumbSpec.fg { s.fg = fg }
    if let bg = thumbSpec.bg { s.bg = bg }
    if let a = thumbSpec.attributes { s.attributes.formUnion(a) }
    return s
  }

  /// A role's fields as the theme's lineage sets them for that exact name. The thumb must not
  /// inherit from `slider` (a theme colouring the whole slider would repaint it in the track's
  /// colour); what it leaves unset comes from the active marker instead.
  static func ownSpec(_ role: Role, in theme: Theme) -> StyleSpec {
    var out = StyleSpec()
    var level: Theme? = theme
    while let t = level {
      if let s = t.specs[role] {
        out.fg = out.fg ?? s.fg
        out.bg = out.bg ?? s.bg
        out.attributes = out.attributes ?? s.attributes
      }
      level = t.parent
    }
    return out
  }

  /// The active marker: its own colours with the active attributes added, so it stands out
  /// in monochrome too.
  func emphasised(_ style: Style) -> Style {
    var s = style
    s.attributes.formUnion(active.attributes)
    if active.fg != .default { s.fg = active.fg }
    if active.bg != .default { s.bg = active.bg }
    return s
  }
}
