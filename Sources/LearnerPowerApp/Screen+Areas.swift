import Canvas
import LearnerPowerModel

extension Context {
  /// Every learning area on one continuum, a row each, in the chart panel's place: the tracks
  /// share one geometry so markers line up down the column and areas compare at a glance.
  func drawAllAreas(into grid: inout CellGrid) {
    let areas = state.areas
    let inner = box("Learning areas (\(areas.count))", layout.chartBox, into: &grid)
    guard inner.height >= 3, inner.width >= 20 else { return }
    let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    let nameWidth = min(22, max(10, area.width / 2 - 2))
    let pinWidth = 4
    let trackX = area.x + nameWidth + pinWidth
    let trackWidth = area.maxX - trackX
    guard trackWidth >= 5 else { return }
    let geometry = Slider.Geometry(range: Position.range, x: trackX, width: trackWidth)

    // Scale along the top, on the same columns as every row's track.
    for (value, text) in [(0, "0"), (50, "50"), (100, "100")] {
      let w = TextWidth.columns(text)
      let col = geometry.column(for: value)
      let x = value == 0 ? col : value == 100 ? col - w + 1 : col - w / 2
      grid.put(text, at: Point(x: x, y: area.y), style: styles.muted, clip: area)
    }

    let legendRow = area.maxY - 1
    let rowsTop = area.y + 1
    let visible = max(0, legendRow - rowsTop)
    // Scroll so the active area is always on screen.
    let first = min(max(0, state.activeArea - visible + 1), max(0, areas.count - visible))
    for (row, index) in (first..<min(areas.count, first + visible)).enumerated() {
      let a = areas[index]
      let y = rowsTop + row
      let isActive = index == state.activeArea
      var nameStyle = isActive ? styles.selected : styles.panel
      if isActive { nameStyle.attributes.insert(.bold) }
      let pointer = isActive ? glyphs.pointer + " " : "  "
      let name = TextWidth.truncate(a.name, toColumns: nameWidth - 3, ellipsis: glyphs.ellipsis)
      grid.put(pointer + name, at: Point(x: area.x, y: y), style: nameStyle, clip: area)
      if a.pinned {
        grid.put("pin", at: Point(x: area.x + nameWidth, y: y), style: styles.pinned, clip: area)
      }
      grid.put(
        String(repeating: glyphs.sliderTrack, count: trackWidth), at: Point(x: trackX, y: y),
        style: styles.track, clip: area)
      // Target first so the current marker wins a shared cell, as on the slider's labels.
      grid.put(
        glyphs.markerSecondary, at: Point(x: geometry.column(for: a.target.value), y: y),
        style: isActive ? styles.emphasised(styles.target) : styles.target, clip: area)
      grid.put(
        glyphs.markerPrimary, at: Point(x: geometry.column(for: a.current.value), y: y),
        style: isActive ? styles.emphasised(styles.current) : styles.current, clip: area)
    }
    let more = areas.count > visible ? "  \(first + 1)-\(first + min(visible, areas.count)) of \(areas.count)" : ""
    let legend =
      "\(glyphs.markerPrimary) current  \(glyphs.markerSecondary) target  pin = pinned\(more)"
    grid.put(
      TextWidth.truncate(legend, toColumns: area.width, ellipsis: glyphs.ellipsis),
      at: Point(x: area.x, y: legendRow), style: styles.muted, clip: area)
  }
}
