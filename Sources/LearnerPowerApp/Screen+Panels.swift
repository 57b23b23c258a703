import Canvas
import LearnerPowerModel

/// One frame's drawing: the state, resolved styles, glyphs and layout in one place.
struct Context {
  let state: AppState
  /// The active marker's ranked approaches, computed once per frame.
  let recommendations: [Recommendation]
  let styles: Styles
  let glyphs: GlyphSet
  let layout: ScreenLayout

  private var dash: String { state.ascii ? "-" : "–" }
  private var arrow: String { glyphs.arrowRight }
  private var dot: String { state.ascii ? "|" : "·" }

  func box(_ title: String, _ rect: Rect, into grid: inout CellGrid) -> Rect {
    Box(title: title, style: styles.border, titleStyle: styles.panelTitle, glyphs: glyphs)
      .draw(into: &grid, in: rect)
  }

  func markerLabel(_ m: Marker) -> String {
    let p = m == .current ? state.current : state.target
    return "\(m.title) \(p.value)"
  }

  // MARK: - Title and slider

  func drawTitle(into grid: inout CellGrid) {
    let r = layout.title
    grid.fill(r, with: .blank(styles.title))
    let c = state.current, t = state.target
    // Stages only: the numbers are on the slider and the status line, and repeating them here
    // would repaint the title on every key press.
    let right = " \(c.stage.name) \(arrow) \(t.stage.name) "
    let rightWidth = TextWidth.columns(right)
    // The area name matters more than the product name, so the product words go first.
    let room = max(0, r.width - rightWidth - 1)
    let name = state.area.name + (state.area.pinned ? " (pinned)" : "")
    let candidates = [
      " Learner Power explorer \(dot) \(name)", " Learner Power \(dot) \(name)", " \(name)",
    ]
    let left = TextWidth.truncate(
      candidates.first { TextWidth.columns($0) <= room } ?? candidates[2], toColumns: room,
      ellipsis: glyphs.ellipsis)
    grid.put(left, at: Point(x: r.x, y: r.y), style: styles.title, clip: r)
    if rightWidth < r.width {
      grid.put(right, at: Point(x: r.maxX - rightWidth, y: r.y), style: styles.titleAccent, clip: r)
    }
  }

  func drawSlider(into grid: inout CellGrid) {
    let inner = box("Continuum: who controls workplace learning", layout.sliderBox, into: &grid)
    guard !inner.isEmpty else { return }
    let track = layout.track
    let geometry = Slider.Geometry(range: Position.range, x: track.x, width: track.width)
    let currentStyle = state.active == .current ? styles.thumb(styles.current) : styles.current
    let targetStyle = state.active == .target ? styles.thumb(styles.target) : styles.target
    var markers = [
      Slider.Marker(
        value: state.current.value, glyph: glyphs.markerPrimary, style: currentStyle,
        label: markerLabel(.current), labelStyle: styles.current, placement: .above,
        isActive: state.active == .current),
      Slider.Marker(
        value: state.target.value, glyph: glyphs.markerSecondary, style: targetStyle,
        label: markerLabel(.target), labelStyle: styles.target, placement: .below,
        isActive: state.active == .target),
    ]
    // The active marker is drawn last so it wins a shared cell.
    if state.active == .current { markers.reverse() }
    let slider = Slider(
      range: Position.range, markers: markers,
      ticks: [25, 50, 75].map { Slider.Tick(value: $0) },
      trackStyle: styles.track, tickStyle: styles.tick, tickLabelStyle: styles.sliderLabel,
      glyphs: glyphs)
    slider.draw(into: &grid, in: Rect(x: track.x, y: track.y - 1, width: track.width, height: 3))

    let stageRow = track.y + 2
    for stage in Stage.allCases {
      let lo = geometry.column(for: stage.band.lowerBound)
      let hi = geometry.column(for: stage.band.upperBound)
      let name = stage.name
      let band = "\(stage.band.lowerBound)\(dash)\(stage.band.upperBound)"
      let span = hi - lo + 1
      let full = "\(name) \(band)"
      let text =
        TextWidth.columns(full) + 1 <= span
        ? full : TextWidth.truncate(name, toColumns: max(0, span - 1), ellipsis: "")
      let x = lo + max(0, (span - TextWidth.columns(text)) / 2)
      let isHere = state.activePosition.stage == stage
      var style = styles.stage(stage)
      if isHere { style.attributes.insert(.underline) }
      grid.put(text, at: Point(x: x, y: stageRow), style: style, clip: inner)
    }

    // Organisation vs learner control, in numbers and bars.
    let p = state.activePosition
    let barRow = stageRow + 1
    guard barRow < inner.maxY else { return }
    let leftLabel = "Organisation \(p.organisationalControl)% "
    let rightLabel = " \(p.learnerControl)% Learner"
    var x = inner.x + 1
    x += grid.put(leftLabel, at: Point(x: x, y: barRow), style: styles.barOrganisation, clip: inner)
    let barWidth = max(0, inner.maxX - 1 - x - TextWidth.columns(rightLabel))
    if barWidth > 0 {
      let orgCols = Int((Double(barWidth) * Double(p.organisationalControl) / 100).rounded())
      let filled = String(repeating: glyphs.barFilled, count: orgCols)
      let rest = String(repeating: state.ascii ? "=" : "▒", count: barWidth - orgCols)
      grid.put(filled, at: Point(x: x, y: barRow), style: styles.barOrganisation, clip: inner)
      grid.put(rest, at: Point(x: x + orgCols, y: barRow), style: styles.barLearner, clip: inner)
      x += barWidth
    }
    grid.put(rightLabel, at: Point(x: x, y: barRow), style: styles.barLearner, clip: inner)

    // Compact layout: the stage panel folds into one line here.
    if layout.compact, barRow + 1 < inner.maxY {
      let s = p.stage
      let line = "\(s.name): \(s.meaning) \(dot) L&D: \(s.ldRole)"
      grid.put(
        TextWidth.truncate(line, toColumns: inner.width - 2, ellipsis: glyphs.ellipsis),
        at: Point(x: inner.x + 1, y: barRow + 1), style: styles.muted, clip: inner)
    }
  }

  // MARK: - Chart

  func drawChart(into grid: inout CellGrid) {
    let inner = box("Social empowerment", layout.chartBox, into: &grid)
    guard inner.height >= 3, inner.width >= 12 else { return }
    let legendRow = inner.maxY - 1
    let chartRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
    let n = max(2, chartRect.width * 2)
    let samples = Continuum.samples(count: n)
    // The series use glyphs the slider's markers (● current, ◆ target) do not, so the marker
    // labels above the plot cannot be mistaken for a line in the legend.
    let series = state.ascii ? ["*", "o", "+"] : ["■", "▲", "★"]
    let lines = [
      LineChart.Series(
        name: "organisation",
        points: samples.map { ChartPoint(x: $0.position, y: $0.organisational) },
        style: styles.organisation, glyph: series[0]),
      LineChart.Series(
        name: "learner", points: samples.map { ChartPoint(x: $0.position, y: $0.learner) },
        style: styles.learner, glyph: series[1]),
      LineChart.Series(
        name: "social", points: samples.map { ChartPoint(x: $0.position, y: $0.social) },
        style: styles.social, glyph: series[2]),
    ]
    let bands = Stage.allCases.map { s in
      LineChart.Band(
        xRange: Double(s.band.lowerBound)...Double(s.band.upperBound + (s == .learnerLed ? 0 : 1)),
        style: s.rawValue % 2 == 0 ? styles.band : styles.base,
        label: String(s.name.prefix(1)),
        shade: s.rawValue % 2 == 0 ? (state.ascii ? "." : "·") : " ")
    }
    // Markers are labelled above the plot and ticked on the x axis rather than drawn as
    // full-height lines: a line would repaint a whole column twice on every key press.
    let markers = [
      LineChart.VerticalMarker(
        x: Double(state.current.value), style: styles.chartCurrent, glyph: "",
        label: state.ascii ? "C" : glyphs.markerPrimary),
      LineChart.VerticalMarker(
        x: Double(state.target.value), style: styles.chartTarget, glyph: "",
        label: state.ascii ? "T" : glyphs.markerSecondary),
    ]
    let chart = LineChart(
      xRange: 0...100, yRange: 0...100, series: lines, bands: bands, markers: markers,
      yLabels: chartRect.height >= 6
        ? [
          .init(value: 0, text: "0"), .init(value: 50, text: "50"), .init(value: 100, text: "100"),
        ]
        : [],
      xLabels: [], showsAxes: true, axisStyle: styles.axis, labelStyle: styles.muted, glyphs: glyphs
    )
    chart.draw(into: &grid, in: chartRect)
    let chartLayout = chart.layout(in: chartRect)
    if let axis = chartLayout.xAxisRow {
      let geo = chartLayout.geometry
      let ticks: [(Int, String, Style)] = [
        (state.target.value, state.ascii ? "T" : "┴", styles.chartTarget),
        (state.current.value, state.ascii ? "C" : "┴", styles.chartCurrent),
      ]
      for (value, glyph, style) in ticks {
        grid.put(
          glyph, at: Point(x: geo.column(forX: Double(value)), y: axis), style: style,
          clip: chartRect)
      }
    }

    // The legend names each line by its glyph, so colour is never needed to tell them apart.
    // All three always show: narrower charts get shorter names and gaps rather than losing one.
    let styles3 = [styles.organisation, styles.learner, styles.social]
    let forms: [(names: [String], gap: Int)] = [
      (["organisation", "learner", "social empowerment"], 2),
      (["organisation", "learner", "social"], 2),
      (["organisation", "learner", "social"], 1),
      (["org.", "learner", "social"], 1),
    ]
    func width(_ f: (names: [String], gap: Int)) -> Int {
      zip(series, f.names).map { TextWidth.columns($0) + 1 + TextWidth.columns($1) }.reduce(0, +)
        + f.gap * (f.names.count - 1)
    }
    let room = inner.maxX - (inner.x + 1)
    let form = forms.first { width($0) <= room } ?? forms[forms.count - 1]
    var x = inner.x + 1
    for (i, name) in form.names.enumerated() {
      let w = TextWidth.columns(series[i]) + 1 + TextWidth.columns(name)
      if x + w > inner.maxX { break }
      x += grid.put(series[i], at: Point(x: x, y: legendRow), style: styles3[i], clip: inner)
      let gap = String(repeating: " ", count: form.gap)
      x += grid.put(
        " " + name + gap, at: Point(x: x, y: legendRow), style: styles.muted, clip: inner)
    }
  }

  // MARK: - Stage panel

  func drawStage(into grid: inout CellGrid) {
    let p = state.activePosition
    let s = p.stage
    let title = "Stage \(s.rawValue): \(s.name) (\(s.band.lowerBound)\(dash)\(s.band.upperBound))"
    let inner = box(title, layout.stageBox, into: &grid)
    guard !inner.isEmpty else { return }
    let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    var y = area.y
    y += Text(s.meaning, style: styles.panel, ellipsis: glyphs.ellipsis)
      .draw(
        into: &grid, in: Rect(x: area.x, y: y, width: area.width, height: min(2, area.maxY - y)))
    let lines: [(String, String)] = [
      ("L&D role", s.ldRole),
      (
        "Social empowerment",
        "\(Int(p.socialEmpowerment.rounded()))/100, \(p.socialLevel.name.lowercased()) level"
      ),
      ("Technology", s.technology),
    ]
    for (head, body) in lines where y < area.maxY {
      let hx = grid.put(head + ": ", at: Point(x: area.x, y: y), style: styles.heading, clip: area)
      grid.put(
        TextWidth.truncate(body, toColumns: max(0, area.width - hx), ellipsis: glyphs.ellipsis),
        at: Point(x: area.x + hx, y: y), style: styles.panel, clip: area)
      y += 1
    }
  }

  // MARK: - Recommendations

  func drawRecommendations(into grid: inout CellGrid) {
    let p = state.activePosition
    let title = "Fits the \(state.active.title.lowercased()) marker (\(p.stage.name))"
    let inner = box(title, layout.listBox, into: &grid)
    guard !inner.isEmpty else { return }
    var list = Screen.recommendationList(
      state, recommendations: recommendations, glyphs: glyphs, styles: styles)
    if list.rows.isEmpty {
      grid.put(
        "Nothing in the catalogue fits here.", at: Point(x: inner.x + 1, y: inner.y),
        style: styles.muted, clip: inner)
      return
    }
    list.style = styles.panel
    list.draw(into: &grid, in: inner)
    // Selection shows by reverse video and the pointer glyph, never by colour alone.
    if let sel = list.selected {
      let offset = list.visibleOffset(height: inner.height)
      let y = inner.y + sel - offset
      if y >= inner.y, y < inner.maxY {
        grid.restyle(Rect(x: inner.x + 2, y: y, width: inner.width - 2, height: 1)) { st in
          st.attributes.formUnion(styles.selected.attributes)
          if styles.selected.fg != .default { st.fg = styles.selected.fg }
          if styles.selected.bg != .default { st.bg = styles.selected.bg }
        }
      }
    }
  }

  // MARK: - Transition

  func drawTransition(into grid: inout CellGrid) {
    let tr = state.transition
    let title = "Transition: current \(arrow) target"
    let inner = box(title, layout.transitionBox, into: &grid)
    guard !inner.isEmpty else { return }
    let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    var y = area.y
    func line(_ text: String, _ style: Style) {
      guard y < area.maxY else { return }
      grid.put(
        TextWidth.truncate(text, toColumns: area.width, ellipsis: glyphs.ellipsis),
        at: Point(x: area.x, y: y), style: style, clip: area)
      y += 1
    }
    if tr.distance == 0 {
      line("Current and target are the same.", styles.panel)
      // Wrapped over the lines the plan would use, so a narrow panel shows it whole.
      let hint = TextWidth.wrap(
        "Press Tab, then move the target to plan a change.", width: area.width)
      let room = area.maxY - y
      for (i, l) in hint.prefix(room).enumerated() {
        let cut = i == room - 1 && hint.count > room
        line(cut ? l + " " + glyphs.ellipsis : l, styles.muted)
      }
      return
    }
    let toward =
      tr.direction == .towardsLearner ? "towards the learner" : "towards the organisation"
    let stages =
      tr.stagesCrossed == 0
      ? "within \(tr.current.stage.name)"
      : "\(tr.current.stage.name) \(arrow) \(tr.target.stage.name)"
    // A large jump's caveat names the points and stages itself: with only two lines, it
    // takes the summary's place so the counts still fit under it.
    if !(tr.isLargeJump && area.height <= 2) {
      line("\(tr.distance) points \(toward) \(dot) \(stages)", styles.panel)
    }
    let rows: [(mark: String, head: String, short: String, items: [Approach], style: Style)] = [
      ("+", "Introduce", "in", tr.introduce, styles.introduce),
      ("=", "Keep", "keep", tr.keep, styles.keep),
      ("-", "Phase down", "down", tr.phaseDown, styles.phaseDown),
    ]
    // The caveat is the one thing not to miss: two lines, four when there is room.
    let caveat =
      tr.isLargeJump ? tr.caveat.map { TextWidth.wrap("! " + $0, width: area.width) } ?? [] : []
    let caveatRoom = area.height >= 10 ? 4 : 2
    func drawCaveat(_ count: Int) {
      let shown = caveat.prefix(max(0, count))
      for (i, l) in shown.enumerated() {
        // A cut caveat says so, rather than stopping mid-sentence.
        let cut = i == shown.count - 1 && caveat.count > shown.count
        line(
          cut
            ? TextWidth.truncate(
              l + " " + glyphs.ellipsis, toColumns: area.width, ellipsis: glyphs.ellipsis) : l,
          styles.caveat)
      }
    }
    let left = area.maxY - y
    guard left >= min(caveat.count, caveatRoom) + rows.count else {
      // Too few lines for one per group (a small screen): the caveat first, then every group
      // as a count on one line, so none of the three is dropped.
      drawCaveat(min(caveat.count, caveatRoom, max(1, left - 1)))
      let counts = rows.map { "\($0.mark)\($0.items.count) \($0.short)" }.joined(
        separator: " \(dot) ")
      line(counts, styles.panel)
      return
    }
    drawCaveat(min(caveat.count, caveatRoom))
    // One group per line. A narrow panel that would cut a list of ids uses short heads
    // ("+8 in:") for all three, so the ids show whole and the lines still read alike.
    func ids(_ items: [Approach]) -> String {
      items.isEmpty
        ? "none"
        : items.count == 1
          ? "\(items[0].id) \(items[0].name)" : items.map(\.id).joined(separator: " ")
    }
    let short = rows.contains { r in
      r.items.count > 1
        && TextWidth.columns("\(r.mark) \(r.head) (\(r.items.count)): " + ids(r.items)) > area.width
    }
    // Each group is listed one approach per line when the rows left allow it (keeping a line
    // for each later group), otherwise as one line of ids.
    for (index, r) in rows.enumerated() {
      guard y < area.maxY else { break }
      let later = rows.count - index - 1
      if r.items.count > 1, 1 + r.items.count <= area.maxY - y - later {
        line("\(r.mark) \(r.head) (\(r.items.count)):", styles.heading)
        for a in r.items { line("   \(a.id) \(a.name)", r.style) }
        continue
      }
      // One approach fits on its heading line with its name; several become a line of ids.
      let head =
        short
        ? "\(r.mark)\(r.items.count) \(r.short): " : "\(r.mark) \(r.head) (\(r.items.count)): "
      let x = grid.put(head, at: Point(x: area.x, y: y), style: styles.heading, clip: area)
      grid.put(
        TextWidth.truncate(
          ids(r.items), toColumns: max(0, area.width - x), ellipsis: glyphs.ellipsis),
        at: Point(x: area.x + x, y: y), style: r.style, clip: area)
      y += 1
    }
  }

  // MARK: - Status and hints

  func drawStatus(into grid: inout CellGrid) {
    let r = layout.status
    grid.fill(r, with: .blank(styles.status))
    let p = state.activePosition
    var sentence =
      " " + state.statusSentence
      + " \(dot) social \(Int(p.socialEmpowerment.rounded())) (\(p.socialLevel.name))"
    if state.ascii { sentence = sentence.replacing("·", with: dot) }
    if let notice = state.notice {
      let isWarning =
        notice.lowercased().hasPrefix("warning") || notice.lowercased().hasPrefix("could not")
      let text = " " + notice + " "
      let w = min(TextWidth.columns(text), r.width)
      let left = TextWidth.truncate(
        sentence, toColumns: max(0, r.width - w - 1), ellipsis: glyphs.ellipsis)
      grid.put(left, at: Point(x: r.x, y: r.y), style: styles.status, clip: r)
      grid.put(
        TextWidth.truncate(text, toColumns: w, ellipsis: glyphs.ellipsis),
        at: Point(x: r.maxX - w, y: r.y),
        style: isWarning ? styles.warning : styles.notice, clip: r)
    } else {
      grid.put(
        TextWidth.truncate(sentence, toColumns: r.width, ellipsis: glyphs.ellipsis),
        at: Point(x: r.x, y: r.y), style: styles.status, clip: r)
    }
  }

  func drawHints(into grid: inout CellGrid) {
    let r = layout.hints
    grid.fill(r, with: .blank(styles.hints))
    let hints = KeyHints(
      KeyMap.explorer.hints(ascii: state.ascii), keyStyle: styles.hintKey, labelStyle: styles.hints)
    _ = hints.draw(into: &grid, in: Rect(x: r.x + 1, y: r.y, width: r.width - 1, height: 1))
    // Drawn here, after everything in the explorer: while a snapshot dialog is open no other
    // overlay is (opening it closes them), so it is always on top.
    if let modal = state.snapshotModal { drawSnapshotModal(modal, into: &grid) }
    if let editor = state.areaEditor { drawAreaEditor(editor, into: &grid) }
  }

  // MARK: - Overlays

  func overlayRect(width: Int, height: Int) -> Rect {
    let size = layout.size
    let w = min(width, size.width - 4), h = min(height, size.height - 2)
    return Rect(x: (size.width - w) / 2, y: max(1, (size.height - h) / 2), width: w, height: h)
  }

  func drawOverlayBox(_ title: String, _ rect: Rect, into grid: inout CellGrid) -> Rect {
    grid.fill(rect, with: .blank(styles.overlay))
    let inner = Box(
      title: title, style: styles.overlayBorder, titleStyle: styles.overlayTitle,
      fill: styles.overlay, glyphs: glyphs
    )
    .draw(into: &grid, in: rect)
    return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
  }

  func drawHelp(into grid: inout CellGrid) {
    let rows = KeyMap.explorer.helpRows(ascii: state.ascii)
    let credit =
      "The continuum idea is Kineo's (\"Power to the learner\", 2018). Stage names, catalogue and wording here are our own interpretation."
    // One column when it fits; otherwise two, so every key (quit included) shows at 60×20.
    let fullHeight = rows.count + 6
    let columns = fullHeight <= layout.size.height - 2 ? 1 : 2
    let perColumn = (rows.count + columns - 1) / columns
    let rect = overlayRect(width: columns == 1 ? 72 : 96, height: perColumn + 6)
    let area = drawOverlayBox("Keys", rect, into: &grid)
    guard !area.isEmpty else { return }
    let keyWidth = min(14, (rows.map { TextWidth.columns($0.key) }.max() ?? 0) + 2)
    let columnWidth = area.width / columns
    for (i, row) in rows.enumerated() {
      let column = i / perColumn
      let y = area.y + i % perColumn
      guard y < area.maxY - 3 else { continue }
      let x = area.x + column * columnWidth
      let cell = Rect(x: x, y: y, width: columnWidth - 1, height: 1).intersection(area)
      grid.put(row.key, at: Point(x: x, y: y), style: styles.overlayKey, clip: cell)
      grid.put(
        TextWidth.truncate(
          row.label, toColumns: max(0, columnWidth - 1 - keyWidth), ellipsis: glyphs.ellipsis),
        at: Point(x: x + keyWidth, y: y), style: styles.overlay, clip: cell)
    }
    let y = area.y + min(perColumn, max(0, area.height - 3))
    let creditRect = Rect(
      x: area.x, y: max(y + 1, area.maxY - 2), width: area.width, height: min(2, area.maxY - y - 1))
    _ = Text(credit, style: styles.overlay, ellipsis: glyphs.ellipsis).draw(
      into: &grid, in: creditRect)
  }

  func drawDetail(_ id: String, into grid: inout CellGrid) {
    guard let a = state.catalogue[id] else { return }
    let rect = overlayRect(width: 76, height: 18)
    let area = drawOverlayBox("\(a.id) \(a.name)", rect, into: &grid)
    guard !area.isEmpty else { return }
    var y = area.y
    let fitScore = a.fitScore(at: state.activePosition)
    let facts =
      "\(a.stage.name) \(dot) fits \(a.fit.lowerBound)\(dash)\(a.fit.upperBound) \(dot) \(a.socialMode.rawValue)"
      + (a.pinned ? " \(dot) pinned: kept at every position" : "")
      + " \(dot) fit here \(Int((fitScore * 100).rounded()))%"
    grid.put(
      TextWidth.truncate(facts, toColumns: area.width, ellipsis: glyphs.ellipsis),
      at: Point(x: area.x, y: y), style: styles.overlayKey, clip: area)
    y += 2
    let sections: [(String, String)] = [
      ("", a.description), ("L&D role", a.ldRole), ("Tools", a.tools.joined(separator: ", ")),
      ("Risk", a.risk),
    ]
    for (head, body) in sections where y < area.maxY - 1 {
      let text = head.isEmpty ? body : "\(head): \(body)"
      let h = min(3, area.maxY - 1 - y)
      y += Text(text, style: styles.overlay, ellipsis: glyphs.ellipsis).draw(
        into: &grid, in: Rect(x: area.x, y: y, width: area.width, height: h))
      y += 1
    }
    grid.put(
      "Esc closes", at: Point(x: area.x, y: area.maxY - 1), style: styles.overlayTitle, clip: area)
  }
}
