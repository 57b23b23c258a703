import Canvas
import LearnerPowerModel

/// Draws the projected workshop screen. Facilitator notes never appear here.
///
/// ```swift
/// let grid = WorkshopScreen.render(state, theme: theme, size: Size(width: 80, height: 24))
/// ```
public enum WorkshopScreen {
  /// The smallest size the workshop screen draws in.
  public static let minimum = Size(width: 80, height: 24)
  /// Width of the agenda column.
  static let agendaWidth = 24

  /// The whole screen as a cell grid.
  public static func render(_ state: WorkshopState, theme: Theme, size: Size) -> CellGrid {
    var grid = CellGrid(size: size, fill: Cell(text: " ", width: 1, style: theme.style("base")))
    guard size.width >= minimum.width, size.height >= minimum.height else {
      Screen.drawTooSmall(
        into: &grid, style: theme.style("message"), ascii: state.ascii, screen: "The workshop",
        minimum: minimum)
      return grid
    }
    let glyphs: GlyphSet = state.ascii ? .ascii : .unicode
    drawTitle(&grid, state, theme)
    drawAgenda(&grid, state, theme, glyphs)
    let main = Rect(
      x: agendaWidth + 2, y: 2, width: size.width - agendaWidth - 3, height: size.height - 4)
    var y = drawStepHeader(&grid, state, theme, in: main)
    y = drawTrack(&grid, state, theme, glyphs, in: main, top: y + 1)
    if state.session.step?.kind == .summary {
      drawSummary(&grid, state, theme, in: main, top: y + 1)
    } else if state.session.step?.kind.collectsVotes == true {
      drawVotes(&grid, state, theme, glyphs, in: main, top: y + 1)
    } else if state.session.step?.startPosition != nil {
      drawStageCard(&grid, state, theme, glyphs, in: main, top: y + 1)
    }
    drawStatus(&grid, state, theme)
    if state.showingHelp { drawHelp(&grid, state, theme, glyphs) }
    if let report = state.report { drawReport(&grid, state, theme, glyphs, report) }
    return grid
  }

  /// What a mouse event at a point of the screen means, or nil: a click on an agenda step goes
  /// there; on the summary step a click on the track puts the agreed marker being adjusted
  /// there and a click on an area's row chooses it; the wheel selects votes on vote steps.
  /// Positions come from the same drawing code as the screen (drawn into a scratch grid), so
  /// they cannot drift from what is shown.
  public static func action(for mouse: MouseEvent, state: WorkshopState, size: Size)
    -> WorkshopMouseAction?
  {
    guard size.width >= minimum.width, size.height >= minimum.height, !state.showingHelp,
      state.report == nil, state.field == nil, let step = state.session.step
    else { return nil }
    let p = mouse.point
    switch mouse.kind {
    case .wheelUp, .wheelDown:
      guard step.kind.collectsVotes else { return nil }
      return .selectVote(by: mouse.kind == .wheelUp ? -1 : 1)
    case .release, .drag:
      return nil
    case .press:
      break
    }
    if p.x < agendaWidth, p.y >= 3 {
      let (first, rows) = agendaWindow(state, height: size.height)
      let index = first + p.y - 3
      guard p.y - 3 < rows, state.session.script.steps.indices.contains(index) else { return nil }
      return .goTo(step: index)
    }
    guard step.kind == .summary else { return nil }
    let main = Rect(
      x: agendaWidth + 2, y: 2, width: size.width - agendaWidth - 3, height: size.height - 4)
    var scratch = CellGrid(size: size)
    let theme = Theme(name: "layout")
    let top = drawStepHeader(&scratch, state, theme, in: main) + 1
    let trackRow = top + 1
    let geometry = Slider.Geometry(range: Position.range, x: main.x + 1, width: main.width - 2)
    if p.y == trackRow, p.x >= geometry.x, p.x < geometry.x + geometry.width {
      return .setAgreed(Position(clamping: geometry.value(atColumn: p.x)))
    }
    let results = state.session.results
    guard step.area == nil, state.session.hasAreaResults else { return nil }
    // The summary's heading is two rows below the track's scale, the area rows after it.
    let rowsTop = trackRow + 2 + 1 + 1
    let (first, visible, _) = areaWindow(state, count: results.count, area: main, rowsTop: rowsTop)
    let row = p.y - rowsTop
    guard p.x >= main.x, row >= 0, row < visible, first + row < results.count else { return nil }
    return .selectArea(first + row)
  }

  /// Where the terminal cursor goes (in the open field), else nil.
  public static func cursor(_ state: WorkshopState, size: Size) -> Point? {
    guard state.field != nil, size.width >= minimum.width, size.height >= minimum.height else {
      return nil
    }
    let x = fieldLabel(state).count + TextWidth.columns(state.text)
    return Point(x: min(x, size.width - 1), y: size.height - 2)
  }

  // MARK: - Parts

  static func drawTitle(_ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme) {
    let style = theme.style("title")
    grid.fill(
      Rect(x: 0, y: 0, width: grid.width, height: 1), with: Cell(text: " ", width: 1, style: style))
    var title = " " + state.session.script.title
    if let org = state.session.script.organisation { title += " — " + org }
    let count = state.session.script.steps.count
    let right = "Step \(state.session.stepIndex + 1) of \(count) "
    grid.put(
      TextWidth.truncate(title, toColumns: grid.width - right.count - 2, ellipsis: ellipsis(state)),
      at: Point(x: 0, y: 0), style: style)
    grid.put(
      right, at: Point(x: grid.width - right.count, y: 0), style: theme.style("title.accent"))
  }

  static func drawAgenda(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme, _ glyphs: GlyphSet
  ) {
    grid.put("Agenda", at: Point(x: 1, y: 2), style: theme.style("panel.title"))
    let steps = state.session.script.steps
    let (first, rows) = agendaWindow(state, height: grid.height)
    guard rows > 0 else { return }
    for (row, i) in (first..<min(steps.count, first + rows)).enumerated() {
      let step = steps[i]
      let isCurrent = i == state.session.stepIndex
      let done = i != state.session.stepIndex && state.session.visited.contains(i)
      let mark = isCurrent ? glyphs.pointer : (done ? (state.ascii ? "x" : "✓") : " ")
      let number = i + 1 < 10 ? " \(i + 1)" : "\(i + 1)"
      let text = TextWidth.truncate(
        "\(mark)\(number) \(step.title)", toColumns: agendaWidth - 1, ellipsis: ellipsis(state))
      let role: Role =
        isCurrent ? "workshop.agenda.current" : (done ? "workshop.agenda.done" : "workshop.agenda")
      let style = theme.style(role)
      if isCurrent {
        grid.fill(
          Rect(x: 0, y: 3 + row, width: agendaWidth, height: 1),
          with: Cell(text: " ", width: 1, style: style))
      }
      grid.put(text, at: Point(x: 1, y: 3 + row), style: style)
    }
    for y in 2..<(grid.height - 2) {
      grid.put(glyphs.vertical, at: Point(x: agendaWidth, y: y), style: theme.style("panel.border"))
    }
  }

  /// The agenda's first shown step and how many rows it has (the current step kept in view on
  /// long agendas); step `first + n` is on row `3 + n`.
  static func agendaWindow(_ state: WorkshopState, height: Int) -> (first: Int, rows: Int) {
    let rows = height - 6
    let count = state.session.script.steps.count
    return (max(0, min(state.session.stepIndex - rows / 2, count - rows)), rows)
  }

  /// Rows the track and a two-sided vote distribution need below the step header.
  static let votesPanelHeight = 13

  /// Title, kind, timer and prompt; returns the next free row.
  static func drawStepHeader(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme, in area: Rect
  ) -> Int {
    guard let step = state.session.step else { return area.y }
    var heading = step.title
    // The area leads the heading unless the title already names it ("Compliance and safety").
    if let area = step.area, !step.title.lowercased().contains(area.lowercased()) {
      heading = "\(area) — " + step.title
    }
    var kind = step.kind.rawValue
    if step.kind == .vote { kind += " · " + step.collect.rawValue }
    if step.kind == .assess, let q = step.question { kind += " · " + q }
    heading += "  (\(kind))"
    let timer = timerText(state)
    let timerStyle = Self.timerStyle(state, theme)
    grid.put(
      TextWidth.truncate(
        heading, toColumns: area.width - timer.count - 2, ellipsis: ellipsis(state)),
      at: Point(x: area.x, y: area.y), style: theme.style("panel.heading"))
    grid.put(timer, at: Point(x: area.x + area.width - timer.count, y: area.y), style: timerStyle)
    var y = area.y + 2
    if let prompt = step.prompt {
      for line in TextWidth.wrap(prompt, width: area.width).prefix(3) {
        grid.put(line, at: Point(x: area.x, y: y), style: theme.style("workshop.prompt"))
        y += 1
      }
    }
    // An assess step lists the question's four answers, numbered as the room answers them: one
    // a line when there is room, else two a line, so the track and the votes below still fit.
    if step.kind == .assess, let answers = Self.answers(of: step) {
      let numbered = answers.enumerated().map { "\($0.offset + 1) \($0.element)" }
      let room = area.y + area.height - y - votesPanelHeight
      let style = theme.style("panel")
      func put(_ text: String, x: Int, width: Int) {
        grid.put(
          TextWidth.truncate(text, toColumns: max(0, width), ellipsis: ellipsis(state)),
          at: Point(x: x, y: y), style: style,
          clip: Rect(x: x, y: y, width: max(0, width), height: 1))
      }
      if room >= numbered.count + 1 {
        for line in numbered + ["? not sure (or 0)"] {
          put(line, x: area.x, width: area.width)
          y += 1
        }
      } else if room >= 2 {
        let half = area.width / 2
        for pair in stride(from: 0, to: numbered.count, by: 2) {
          put(numbered[pair], x: area.x, width: half - 1)
          if pair + 1 < numbered.count {
            put(numbered[pair + 1], x: area.x + half, width: area.width - half)
          }
          y += 1
        }
      }
    }
    return y
  }

  /// The answers an assess step offers: its own (journals since custom question files), else
  /// the built-in question's.
  static func answers(of step: WorkshopStep) -> [String]? {
    if let answers = step.answers { return answers }
    guard let id = step.question else { return nil }
    return AssessmentQuestions.builtIn[id]?.answers
  }

  /// `1:23 / 3:00` (or just the time spent without a time box); past the box it says so in
  /// words, `3:05 / 3:00 time up`, `4:30 / 3:00 over time`, so colour never carries it alone.
  public static func timerText(_ state: WorkshopState) -> String {
    let spent = WorkshopExport.clock(state.stepSeconds)
    guard let box = state.session.step?.timeBox else { return spent }
    let words: String
    switch timerLevel(state) {
    case .normal: words = ""
    case .amber: words = " time up"
    case .red: words = " over time"
    }
    return spent + " / " + WorkshopExport.clock(box) + words
  }

  /// Normal, amber at the time box, red at 150 %.
  public enum TimerLevel: Hashable, Sendable { case normal, amber, red }

  /// The timer's level now.
  public static func timerLevel(_ state: WorkshopState) -> TimerLevel {
    guard let box = state.session.step?.timeBox, box > 0 else { return .normal }
    let spent = state.stepSeconds
    if spent >= box * 1.5 { return .red }
    if spent >= box { return .amber }
    return .normal
  }

  /// The theme role for the timer at its level.
  public static func timerRole(_ level: TimerLevel) -> Role {
    switch level {
    case .normal: return "workshop.timer"
    case .amber: return "workshop.timer.amber"
    case .red: return "workshop.timer.red"
    }
  }

  static func timerStyle(_ state: WorkshopState, _ theme: Theme) -> Style {
    theme.style(timerRole(timerLevel(state)))
  }

  /// Stage names, the track with the slider, the scale; returns the last row used.
  static func drawTrack(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme, _ glyphs: GlyphSet,
    in area: Rect, top: Int
  ) -> Int {
    let geometry = Slider.Geometry(range: Position.range, x: area.x + 1, width: area.width - 2)
    for stage in Stage.allCases {
      let x = geometry.column(for: stage.band.lowerBound)
      grid.put(stage.name, at: Point(x: x, y: top), style: theme.style(Role("stage." + stage.id)))
    }
    let trackRow = top + 1
    for x in geometry.x..<(geometry.x + geometry.width) {
      grid.put(glyphs.sliderTrack, at: Point(x: x, y: trackRow), style: theme.style("slider.track"))
    }
    for b in [25, 50, 75] {
      grid.put(
        glyphs.sliderTick, at: Point(x: geometry.column(for: b), y: trackRow),
        style: theme.style("slider.tick"))
    }
    let isSummary = state.session.step?.kind == .summary
    let step = state.session.step
    // A vote step with no position of its own shows no marker: a marker left from the previous
    // step would anchor the room's answers.
    let unanchored =
      (step?.kind == .vote || step?.kind == .assess) && step?.position == nil && step?.from == nil
    if isSummary {
      // The marker being adjusted is drawn last, so it stays visible when both share a column.
      let scope = state.summaryArea
      var marks: [(Position?, String, Role, Bool)] = [
        (
          state.session.agreedCurrent(in: scope), state.ascii ? "C" : glyphs.markerPrimary,
          "slider.current", !state.adjustingTarget
        ),
        (
          state.session.agreedTarget(in: scope), state.ascii ? "T" : glyphs.markerSecondary,
          "slider.target", state.adjustingTarget
        ),
      ]
      if !state.adjustingTarget { marks.reverse() }
      for (p, glyph, role, active) in marks {
        guard let p else { continue }
        var style = theme.style(role).bold(active)
        if active { style.attributes.insert(.reverse) }
        grid.put(glyph, at: Point(x: geometry.column(for: p.value), y: trackRow), style: style)
      }
    } else if !unanchored {
      let value = VoteStatistics.position(state.display).value
      grid.put(
        glyphs.markerPrimary, at: Point(x: geometry.column(for: value), y: trackRow),
        style: theme.style("slider.current").bold(true))
      let label = "\(value)"
      let lx = min(
        max(geometry.column(for: value) - label.count / 2, area.x),
        area.x + area.width - label.count)
      grid.put(label, at: Point(x: lx, y: trackRow + 1), style: theme.style("slider.label"))
    }
    grid.put("0", at: Point(x: area.x, y: trackRow + 2), style: theme.style("slider.end"))
    grid.put(
      "100", at: Point(x: area.x + area.width - 3, y: trackRow + 2),
      style: theme.style("slider.end"))
    grid.put(
      "Organisation", at: Point(x: area.x + 2, y: trackRow + 2), style: theme.style("panel.muted"))
    grid.put(
      "Learner", at: Point(x: area.x + area.width - 11, y: trackRow + 2),
      style: theme.style("panel.muted"))
    return trackRow + 2
  }

  /// On an explore or discuss step, what the slider's position means, following the slider as
  /// it glides or sweeps: the stage and its meaning, the control split, social empowerment, the
  /// L&D role and technology, and the approaches that fit best, so the room has something to
  /// talk about besides a marker.
  static func drawStageCard(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme, _ glyphs: GlyphSet,
    in area: Rect, top: Int
  ) {
    let p = VoteStatistics.position(state.display)
    let stage = p.stage
    let bottom = area.maxY
    var y = top
    func line(_ text: String, _ style: Style) {
      guard y < bottom else { return }
      grid.put(
        TextWidth.truncate(text, toColumns: area.width, ellipsis: ellipsis(state)),
        at: Point(x: area.x, y: y), style: style)
      y += 1
    }
    let dot = state.ascii ? "|" : "·"
    let band = "\(stage.band.lowerBound)\(state.ascii ? "-" : "–")\(stage.band.upperBound)"
    line(
      "Stage \(stage.rawValue) of \(Stage.allCases.count) \(dot) \(stage.name) (\(band))",
      theme.style(Role("stage." + stage.id)).bold(true))
    for text in TextWidth.wrap(stage.meaning, width: area.width).prefix(2) {
      line(text, theme.style("panel"))
    }
    line(
      "Organisation \(p.organisationalControl)% \(dot) learner \(p.learnerControl)% \(dot) social "
        + "\(Int(p.socialEmpowerment.rounded()))/100 (\(p.socialLevel.name))",
      theme.style("panel"))
    line("L&D role: \(stage.ldRole)", theme.style("panel.muted"))
    line("Technology: \(stage.technology)", theme.style("panel.muted"))
    // The best fits, as many as the room allows (one row kept free above the status line).
    let fits = Recommender(catalogue: state.catalogue).recommendations(at: p).filter {
      $0.score > 0
    }
    guard y + 2 < bottom, !fits.isEmpty else { return }
    y += 1
    line("Fits here:", theme.style("panel.heading"))
    for r in fits.prefix(max(0, bottom - y)) {
      let dots =
        String(repeating: glyphs.dotFilled, count: r.coarseFit)
        + String(repeating: glyphs.dotEmpty, count: 4 - r.coarseFit)
      let name = TextWidth.truncate(
        "\(r.approach.id) \(r.approach.name)", toColumns: max(1, area.width - 6),
        ellipsis: ellipsis(state))
      guard y < bottom else { break }
      grid.put(name, at: Point(x: area.x, y: y), style: theme.style("list"))
      grid.put(dots, at: Point(x: area.maxX - 4, y: y), style: theme.style("list.fit"))
      y += 1
    }
  }

  static func drawVotes(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme, _ glyphs: GlyphSet,
    in area: Rect, top: Int
  ) {
    guard let step = state.session.step else { return }
    let index = state.session.stepIndex
    let votes = state.session.votes(of: index)
    let shown = state.session.revealed.contains(index)
    var y = top
    guard shown else {
      let n = votes.count
      grid.put(
        "\(n) vote\(n == 1 ? "" : "s") in; hidden until revealed (r).", at: Point(x: area.x, y: y),
        style: theme.style("workshop.votes.hidden"))
      let how =
        step.kind == .assess
        ? "Type two answers, today then target, each 1-4 or ? (not sure), and a name: 2 4 Ana"
        : step.collect == .both
          ? "Type two positions (and a name) to add a vote: 30 70 Ana"
          : "Type a position (and a name) to add a vote: 45 Ana"
      grid.put(
        TextWidth.truncate(how, toColumns: area.width, ellipsis: ellipsis(state)),
        at: Point(x: area.x, y: y + 1), style: theme.style("panel.muted"))
      return
    }
    let geometry = Slider.Geometry(range: Position.range, x: area.x + 1, width: area.width - 2)
    for (label, target) in WorkshopExport.labels(step.collect) {
      let stats = state.session.statistics(of: index, target: target)
      let role: Role = target ? "slider.target" : "slider.current"
      // A dot strip: one column per position range, the count shown as a digit when above one.
      var columns: [Int: Int] = [:]
      for v in stats.values { columns[geometry.column(for: v), default: 0] += 1 }
      grid.put(
        String(label.prefix(1)).uppercased(), at: Point(x: area.x - 1, y: y),
        style: theme.style(role))
      for (x, count) in columns {
        let text = count == 1 ? glyphs.dotFilled : (count < 10 ? String(count) : "+")
        grid.put(text, at: Point(x: x, y: y), style: theme.style(role).bold(true))
      }
      if let q1 = stats.lowerQuartile, let q3 = stats.upperQuartile, let median = stats.median {
        let a = geometry.column(for: VoteStatistics.position(q1).value)
        let b = geometry.column(for: VoteStatistics.position(q3).value)
        let bar = theme.style("workshop.votes")
        for x in a...max(a, b) {
          grid.put(glyphs.horizontal, at: Point(x: x, y: y + 1), style: bar)
        }
        grid.put("[", at: Point(x: a, y: y + 1), style: bar)
        grid.put("]", at: Point(x: max(a, b), y: y + 1), style: bar)
        grid.put(
          "|", at: Point(x: geometry.column(for: VoteStatistics.position(median).value), y: y + 1),
          style: theme.style(role).bold(true))
      }
      let line =
        "\(label): n=\(stats.count)  median \(stats.medianText)  mean \(stats.meanText)  IQR \(stats.quartilesText)"
      grid.put(
        TextWidth.truncate(line, toColumns: area.width, ellipsis: ellipsis(state)),
        at: Point(x: area.x, y: y + 2), style: theme.style("workshop.votes"))
      grid.put(
        TextWidth.truncate(
          stats.sentence(label: label), toColumns: area.width, ellipsis: ellipsis(state)),
        at: Point(x: area.x, y: y + 3), style: theme.style("panel.muted"))
      y += 4
    }
    // The votes, newest last, several to a row, scrolled by whole rows to keep the selection
    // in view (every vote shows while they all fit).
    let rows = area.y + area.height - y
    guard rows > 0, !votes.isEmpty else { return }
    let selected = state.selection ?? votes.count - 1
    var x = area.x
    let cellWidth = 18
    let perRow = max(1, area.width / cellWidth)
    let totalRows = (votes.count + perRow - 1) / perRow
    let firstRow = max(0, min(selected / perRow - rows + 1, totalRows - rows))
    let first = firstRow * perRow
    for (n, i) in (first..<votes.count).enumerated() {
      let row = n / perRow
      guard row < rows else { break }
      x = area.x + (n % perRow) * cellWidth
      let v = votes[i]
      let text = TextWidth.truncate(
        "\(WorkshopExport.voteText(v, step.collect)) \(v.name ?? "")", toColumns: cellWidth - 1,
        ellipsis: ellipsis(state))
      let style = i == state.selection ? theme.style("list.selected") : theme.style("panel")
      grid.put(text, at: Point(x: x, y: y + row), style: style)
    }
  }

  static func drawSummary(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme, in area: Rect, top: Int
  ) {
    let s = state.session
    let results = s.results
    // A script with learning areas gets a row per area; one without keeps the single line.
    if state.session.step?.area == nil, s.hasAreaResults {
      drawAreaSummary(&grid, state, theme, results, in: area, top: top)
      return
    }
    var y = top
    let scope = state.summaryArea
    let c = s.agreedCurrent(in: scope)
    let t = s.agreedTarget(in: scope)
    let name = scope.map { "\($0): agreed" } ?? "Agreed"
    let agreed =
      "\(name): current \(c.map { "\($0) \($0.stage.name)" } ?? "–") · target \(t.map { "\($0) \($0.stage.name)" } ?? "–") (\(s.agreedSource(in: scope).words))"
    grid.put(
      TextWidth.truncate(agreed, toColumns: area.width, ellipsis: ellipsis(state)),
      at: Point(x: area.x, y: y), style: theme.style("panel.heading"))
    y += 1
    y = drawPlan(&grid, state, theme, current: c, target: t, in: area, top: y)
    y += 1
    if let c = s.assessed(target: false, in: scope), let t = s.assessed(target: true, in: scope),
      y < area.y + area.height
    {
      let text =
        "Self-assessment (room medians per question, then the mean): current \(c.value), target \(t.value)"
      grid.put(
        TextWidth.truncate(text, toColumns: area.width, ellipsis: ellipsis(state)),
        at: Point(x: area.x, y: y), style: theme.style("panel"))
      y += 1
    }
    for (i, step) in s.script.steps.enumerated() where step.kind == .vote && step.area == scope {
      guard y < area.y + area.height else { break }
      let parts = WorkshopExport.labels(step.collect).map { label, target in
        let st = s.statistics(of: i, target: target)
        return "\(label) n=\(st.count) med \(st.medianText) IQR \(st.quartilesText)"
      }
      // No colon after a title that already ends in punctuation ("Where are we today?").
      let separator = step.title.last.map { "?!.:".contains($0) } == true ? " " : ": "
      let text = "\(i + 1). \(step.title)\(separator)" + parts.joined(separator: " · ")
      grid.put(
        TextWidth.truncate(text, toColumns: area.width, ellipsis: ellipsis(state)),
        at: Point(x: area.x, y: y), style: theme.style("panel"))
      y += 1
    }
  }

  /// Introduce / keep / phase down and the caveat for the move from `current` to `target`;
  /// returns the next free row.
  static func drawPlan(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme, current: Position?,
    target: Position?,
    in area: Rect, top: Int
  ) -> Int {
    guard let c = current, let t = target else { return top }
    var y = top
    let plan = Transition(from: c, to: t, catalogue: state.catalogue)
    let lines: [(String, Role, [Approach])] = [
      ("Introduce", "transition.introduce", plan.introduce), ("Keep", "transition.keep", plan.keep),
      ("Phase down", "transition.phase-down", plan.phaseDown),
    ]
    for (label, role, list) in lines where y < area.maxY {
      let text = "\(label): " + (list.isEmpty ? "none" : list.map(\.name).joined(separator: ", "))
      grid.put(
        TextWidth.truncate(text, toColumns: area.width, ellipsis: ellipsis(state)),
        at: Point(x: area.x, y: y), style: theme.style(role))
      y += 1
    }
    if let caveat = plan.caveat, y < area.maxY {
      grid.put(
        TextWidth.truncate(caveat, toColumns: area.width, ellipsis: ellipsis(state)),
        at: Point(x: area.x, y: y), style: theme.style("transition.caveat"))
      y += 1
    }
    return y
  }

  /// Every learning area's agreed positions, a row each on aligned mini-tracks, the selected
  /// one's transition plan below (the big track above shows the selected area's markers).
  /// Which area rows the summary shows from `rowsTop`: the first, how many, and the selected
  /// one (kept in view), leaving room for the selected area's line and plan below.
  static func areaWindow(_ state: WorkshopState, count: Int, area: Rect, rowsTop: Int)
    -> (first: Int, visible: Int, selected: Int)
  {
    let planRows = 5
    let visible = max(1, min(count, area.maxY - rowsTop - planRows))
    let selected = min(max(state.summaryRow, 0), count - 1)
    return (min(max(0, selected - visible + 1), max(0, count - visible)), visible, selected)
  }

  static func drawAreaSummary(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme,
    _ results: [WorkshopSession.AreaResult],
    in area: Rect, top: Int
  ) {
    let glyphs: GlyphSet = state.ascii ? .ascii : .unicode
    let (dot, arrow, none) = state.ascii ? ("|", "->", "-") : ("·", "→", "–")
    var y = top
    // The key names come from the key map, so the heading cannot drift from what the keys do.
    func label(_ command: WorkshopCommand) -> String {
      let b = WorkshopKeyMap.workshop.bindings.first { $0.command == command }
      return (state.ascii ? b?.asciiKeyLabel : b?.keyLabel) ?? "?"
    }
    let keys = (label(.selectArea(by: 1)), label(.adjust(by: 1)))
    let heading =
      "Agreed by area \(dot) \(keys.0) area \(dot) \(keys.1) \(state.adjustingTarget ? "target" : "current") \(dot) \(label(.switchAgreed)) switch"
    grid.put(
      TextWidth.truncate(heading, toColumns: area.width, ellipsis: ellipsis(state)),
      at: Point(x: area.x, y: y), style: theme.style("panel.muted"))
    y += 1
    let (first, visible, selected) = areaWindow(state, count: results.count, area: area, rowsTop: y)
    let nameWidth = min(26, max(12, area.width * 2 / 5))
    let numbersWidth = 8
    let trackX = area.x + nameWidth + 4
    let trackWidth = max(5, area.maxX - trackX - numbersWidth - 1)
    let geometry = Slider.Geometry(range: Position.range, x: trackX, width: trackWidth)
    for (row, index) in (first..<min(results.count, first + visible)).enumerated() {
      let r = results[index]
      let rowY = y + row
      let isSelected = index == selected
      var nameStyle = isSelected ? theme.style("list.selected") : theme.style("panel")
      if isSelected { nameStyle.attributes.insert(.bold) }
      let pointer = isSelected ? glyphs.pointer + " " : "  "
      grid.put(
        pointer + TextWidth.truncate(r.name, toColumns: nameWidth - 3, ellipsis: ellipsis(state)),
        at: Point(x: area.x, y: rowY), style: nameStyle)
      if r.pinned {
        grid.put(
          "pin", at: Point(x: area.x + nameWidth, y: rowY), style: theme.style("list.pinned"))
      }
      grid.put(
        String(repeating: glyphs.sliderTrack, count: trackWidth), at: Point(x: trackX, y: rowY),
        style: theme.style("slider.track"))
      // Different values never share a cell on these short tracks; the numbers give them exactly.
      var cx = r.current.map { geometry.column(for: $0.value) }
      var tx = r.target.map { geometry.column(for: $0.value) }
      if let c = r.current, let t = r.target {
        (cx, tx) = geometry.columns(for: c.value, and: t.value)
      }
      if let tx {
        grid.put(
          state.ascii ? "T" : glyphs.markerSecondary, at: Point(x: tx, y: rowY),
          style: theme.style("slider.target").bold(isSelected))
      }
      if let cx {
        grid.put(
          state.ascii ? "C" : glyphs.markerPrimary, at: Point(x: cx, y: rowY),
          style: theme.style("slider.current").bold(isSelected))
      }
      let numbers =
        r.current == nil && r.target == nil
        ? none : "\(r.current.map(String.init) ?? none)\(arrow)\(r.target.map(String.init) ?? none)"
      grid.put(
        numbers, at: Point(x: area.maxX - TextWidth.columns(numbers), y: rowY),
        style: theme.style("panel"))
    }
    y += visible
    let r = results[selected]
    var line =
      "\(r.name): \(r.current.map { "\($0) \($0.stage.name)" } ?? none) \(arrow) \(r.target.map { "\($0) \($0.stage.name)" } ?? none) (\(r.source.words))"
    if results.count > visible { line += " \(dot) \(selected + 1) of \(results.count)" }
    guard y < area.maxY else { return }
    grid.put(
      TextWidth.truncate(line, toColumns: area.width, ellipsis: ellipsis(state)),
      at: Point(x: area.x, y: y), style: theme.style("panel.heading"))
    _ = drawPlan(&grid, state, theme, current: r.current, target: r.target, in: area, top: y + 1)
  }

  /// The `?` overlay: every key of the workshop's key map, by where it works, in two columns.
  static func drawHelp(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme, _ glyphs: GlyphSet
  ) {
    let sections = WorkshopKeyMap.workshop.helpSections(ascii: state.ascii)
    // Every step and the summary step on the left; vote steps and the fields on the right.
    let left = sections.filter {
      $0.heading == WorkshopKeyScope.anyStep.heading
        || $0.heading == WorkshopKeyScope.summaryStep.heading
    }
    let right = sections.filter { s in !left.contains { $0.heading == s.heading } }
    func lines(_ part: [(heading: String, rows: [(key: String, label: String)])]) -> [(
      String, String?
    )] {
      var out: [(String, String?)] = []
      for (i, section) in part.enumerated() {
        if i > 0 { out.append(("", nil)) }
        out.append((section.heading, nil))
        out += section.rows.map { ($0.key, $0.label) }
      }
      return out
    }
    let columns = [lines(left), lines(right)]
    let height = (columns.map(\.count).max() ?? 0) + 4
    let width = min(grid.width - 2, 78)
    let rect = Rect(
      x: (grid.width - width) / 2, y: max(1, (grid.height - height) / 2), width: width,
      height: min(height, grid.height - 2))
    let overlay = theme.style("overlay")
    grid.fill(rect, with: Cell(text: " ", width: 1, style: overlay))
    let inner = Box(
      title: "Workshop keys", style: theme.style("overlay.border"),
      titleStyle: theme.style("overlay.title"), fill: overlay, glyphs: glyphs
    )
    .draw(into: &grid, in: rect)
    guard inner.width > 4, inner.height > 1 else { return }
    let columnWidth = (inner.width - 2) / 2
    let keyWidth = 10
    for (c, column) in columns.enumerated() {
      let x = inner.x + 1 + c * (columnWidth + 1)
      for (row, line) in column.enumerated() where row < inner.height - 1 {
        let y = inner.y + row
        if let label = line.1 {
          grid.put(
            TextWidth.truncate(line.0, toColumns: keyWidth - 1, ellipsis: ellipsis(state)),
            at: Point(x: x, y: y), style: theme.style("overlay.key"))
          grid.put(
            TextWidth.truncate(label, toColumns: columnWidth - keyWidth, ellipsis: ellipsis(state)),
            at: Point(x: x + keyWidth, y: y), style: overlay)
        } else {
          grid.put(
            TextWidth.truncate(line.0, toColumns: columnWidth, ellipsis: ellipsis(state)),
            at: Point(x: x, y: y), style: theme.style("overlay.title"))
        }
      }
    }
    let footer = "? or Esc closes; any other key closes and does its job"
    grid.put(
      TextWidth.truncate(footer, toColumns: inner.width - 2, ellipsis: ellipsis(state)),
      at: Point(x: inner.x + 1, y: inner.y + inner.height - 1), style: theme.style("overlay.title"))
  }

  /// A long report (an import's skipped rows) in a box over the screen, wrapped; rows that do
  /// not fit end with how many more there are.
  static func drawReport(
    _ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme, _ glyphs: GlyphSet,
    _ report: WorkshopState.Report
  ) {
    let width = min(grid.width - 4, 90)
    let textWidth = max(1, width - 4)
    var lines = report.lines.flatMap {
      TextWidth.wrap(TextSanitizer.cleanLine($0), width: textWidth)
    }
    let room = max(1, grid.height - 8)
    if lines.count > room {
      let hidden = lines.count - room + 1
      lines =
        Array(lines.prefix(room - 1)) + [
          "… and \(hidden) more line\(hidden == 1 ? "" : "s") (the CLI's workshop import lists them all)"
        ]
    }
    let height = lines.count + 4
    let rect = Rect(
      x: (grid.width - width) / 2, y: max(1, (grid.height - height) / 2), width: width,
      height: height)
    let overlay = theme.style("overlay")
    grid.fill(rect, with: Cell(text: " ", width: 1, style: overlay))
    let inner = Box(
      title: report.title, style: theme.style("overlay.border"),
      titleStyle: theme.style("overlay.title"), fill: overlay, glyphs: glyphs
    )
    .draw(into: &grid, in: rect)
    guard inner.width > 2, inner.height > 1 else { return }
    for (row, line) in lines.enumerated() where row < inner.height - 1 {
      let style = row == 0 ? theme.style("overlay.title") : theme.style("status.warning")
      grid.put(
        TextWidth.truncate(line, toColumns: inner.width - 2, ellipsis: ellipsis(state)),
        at: Point(x: inner.x + 1, y: inner.y + row), style: style)
    }
    grid.put(
      "Any key closes", at: Point(x: inner.x + 1, y: inner.y + inner.height - 1),
      style: theme.style("overlay.key"))
  }

  /// `…`, or `...` on ASCII terminals.
  static func ellipsis(_ state: WorkshopState) -> String {
    state.ascii ? GlyphSet.ascii.ellipsis : GlyphSet.unicode.ellipsis
  }

  static func fieldLabel(_ state: WorkshopState) -> String {
    switch state.field {
    case .vote:
      if state.session.step?.kind == .assess { return "Answers 1-4 or ? (today target [name]): " }
      return state.session.step?.collect == .both
        ? "Vote (current target [name]): " : "Vote (position [name]): "
    case .note: return "Note: "
    case .goTo: return "Go to step: "
    case .importCSV: return "Import votes CSV: "
    case nil: return ""
    }
  }

  static func drawStatus(_ grid: inout CellGrid, _ state: WorkshopState, _ theme: Theme) {
    let y = grid.height - 2
    if state.field != nil {
      let text = fieldLabel(state) + state.text
      grid.put(
        TextWidth.truncate(text, toColumns: grid.width, ellipsis: ellipsis(state)),
        at: Point(x: 0, y: y), style: theme.style("status"))
      if let notice = state.notice {
        let x = min(grid.width - 1, TextWidth.columns(text) + 3)
        grid.put(
          TextWidth.truncate(notice, toColumns: grid.width - x, ellipsis: ellipsis(state)),
          at: Point(x: x, y: y), style: theme.style("status.warning"))
      }
    } else if let notice = state.notice {
      grid.put(
        TextWidth.truncate(notice, toColumns: grid.width, ellipsis: ellipsis(state)),
        at: Point(x: 0, y: y), style: theme.style("status.notice"))
    } else if !state.exported.isEmpty {
      let names = state.exported.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
      grid.put(
        TextWidth.truncate(
          "Exported: " + names.joined(separator: "  "), toColumns: grid.width,
          ellipsis: ellipsis(state)), at: Point(x: 0, y: y), style: theme.style("status.notice"))
    }
    let hints = WorkshopKeyMap.workshop.hints(
      kind: state.session.step?.kind, field: state.field, ascii: state.ascii)
    var x = 0
    for (key, label) in hints {
      let width = key.count + label.count + 3
      guard x + width <= grid.width else { break }
      grid.put(key, at: Point(x: x, y: grid.height - 1), style: theme.style("hints.key"))
      grid.put(
        " " + label, at: Point(x: x + TextWidth.columns(key), y: grid.height - 1),
        style: theme.style("hints"))
      x += width
    }
  }
}

extension Style {
  fileprivate func bold(_ on: Bool) -> Style {
    var s = self
    if on { s.attributes.insert(.bold) }
    return s
  }
}
