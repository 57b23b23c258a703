import Canvas
import LearnerPowerModel

/// How a row of the all-areas view is split: pointer, name, pin, track, numbers.
struct AllAreasColumns: Equatable {
  /// Columns for the name's text (the pointer and a gap come on top).
  var name: Int
  /// Columns of the pin column (0 when no area is pinned), and whether it is the short form.
  var pin: Int
  var shortPin: Bool
  /// Columns of the track.
  var track: Int
  /// Columns of the `current→target` numbers, the widest of every area (stable while scrolling).
  var numbers: Int

  /// The smallest track that still shows which marker is further along (20 points a column).
  static let minimumTrack = 6

  /// Splits `width`: names as long as the longest name, but never leaving the track less than
  /// eleven twentieths of what names and track share: the view exists to compare areas on one
  /// scale, so the track keeps enough columns to separate markers a few points apart. Pinned rows say `pin`, or just `p` when that keeps two more
  /// columns of names. Nil when even the smallest track does not fit.
  init?(width: Int, longestName: Int, numbers: Int, anyPinned: Bool) {
    // pointer (2) + gap after the name (1) + gap before the numbers (1)
    let fixed = 4 + numbers
    func split(pin: Int) -> (name: Int, track: Int) {
      let free = width - fixed - pin
      var name = max(0, min(longestName, free - max(Self.minimumTrack, free * 11 / 20)))
      // A name two columns short of whole takes them while the track keeps ten.
      if longestName - name <= 2, free - longestName >= 10 { name = longestName }
      return (name, free - name)
    }
    var pin = anyPinned ? 4 : 0
    var chosen = split(pin: pin)
    var short = false
    if anyPinned, chosen.name < longestName {
      let compact = split(pin: 2)
      if compact.name >= chosen.name + 2 {
        pin = 2
        chosen = compact
        short = true
      }
    }
    guard chosen.track >= Self.minimumTrack, chosen.name >= 1 else { return nil }
    self.name = chosen.name
    self.pin = pin
    self.shortPin = short
    self.track = chosen.track
    self.numbers = numbers
  }
}

extension Context {
  /// `current→target` as the all-areas view prints it (`->` in ASCII, where `>` alone reads badly).
  func areaNumbers(_ a: LearningArea) -> (current: String, arrow: String, target: String) {
    (String(a.current.value), state.ascii ? "->" : glyphs.arrowRight, String(a.target.value))
  }

  /// Every learning area on one continuum, a row each, in the chart panel's place: the tracks
  /// share one geometry so markers line up down the column and areas compare at a glance; each
  /// row ends with its numbers, so values read without cycling through the areas.
  func drawAllAreas(into grid: inout CellGrid) {
    let areas = state.areas
    let inner = box("Learning areas (\(areas.count))", layout.chartBox, into: &grid)
    guard inner.height >= 3, inner.width >= 20 else { return }
    // Current numbers right-aligned and targets left-aligned about one column of arrows; as
    // wide as every area needs, so the column holds still while the list scrolls.
    let numbers = areas.map(areaNumbers)
    let currentWidth = numbers.map { TextWidth.columns($0.current) }.max() ?? 0
    let targetWidth = numbers.map { TextWidth.columns($0.target) }.max() ?? 0
    let arrowWidth = TextWidth.columns(numbers.first?.arrow ?? "")
    let numbersWidth = currentWidth + arrowWidth + targetWidth
    let longestName = areas.map { TextWidth.columns($0.name) }.max() ?? 0
    let anyPinned = areas.contains(where: \.pinned)
    // A column of padding each side, unless names would be cut below ten columns (60x20): then
    // the numbers may touch the right border and the name gets that column.
    var area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    var fitted = AllAreasColumns(
      width: area.width, longestName: longestName, numbers: numbersWidth, anyPinned: anyPinned)
    if fitted.map({ $0.name < min(longestName, 10) }) ?? true {
      area.width += 1
      fitted = AllAreasColumns(
        width: area.width, longestName: longestName, numbers: numbersWidth, anyPinned: anyPinned)
    }
    guard let columns = fitted else { return }
    let pinX = area.x + 2 + columns.name + 1
    let trackX = pinX + columns.pin
    let trackWidth = columns.track
    let numbersEnd = area.maxX  // exclusive: the numbers' last column is the area's last
    let geometry = Slider.Geometry(range: Position.range, x: trackX, width: trackWidth)

    // Scale along the top, on the same columns as every row's track; 50 only where it keeps a
    // space from 0 and 100 (a short track has no room for it).
    var taken: [ClosedRange<Int>] = []
    for (value, text) in [(0, "0"), (100, "100"), (50, "50")] {
      let w = TextWidth.columns(text)
      let col = geometry.column(for: value)
      let x = value == 0 ? col : value == 100 ? col - w + 1 : col - w / 2
      guard !taken.contains(where: { $0.overlaps((x - 1)...(x + w)) }) else { continue }
      taken.append(x...(x + w - 1))
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
      let name = TextWidth.truncate(a.name, toColumns: columns.name, ellipsis: glyphs.ellipsis)
      grid.put(pointer + name, at: Point(x: area.x, y: y), style: nameStyle, clip: area)
      if a.pinned {
        grid.put(
          columns.shortPin ? "p" : "pin", at: Point(x: pinX, y: y), style: styles.pinned, clip: area
        )
      }
      grid.put(
        String(repeating: glyphs.sliderTrack, count: trackWidth), at: Point(x: trackX, y: y),
        style: styles.track, clip: area)
      let currentStyle = isActive ? styles.emphasised(styles.current) : styles.current
      let targetStyle = isActive ? styles.emphasised(styles.target) : styles.target
      // Different values never share a cell (the numbers give them exactly); equal ones do, and
      // the current marker, drawn last, wins.
      let (cx, tx) = geometry.columns(for: a.current.value, and: a.target.value)
      grid.put(glyphs.markerSecondary, at: Point(x: tx, y: y), style: targetStyle, clip: area)
      grid.put(glyphs.markerPrimary, at: Point(x: cx, y: y), style: currentStyle, clip: area)
      let n = numbers[index]
      var x = numbersEnd - numbersWidth + currentWidth - TextWidth.columns(n.current)
      for (text, style) in [
        (n.current, currentStyle), (n.arrow, styles.muted), (n.target, targetStyle),
      ] {
        grid.put(text, at: Point(x: x, y: y), style: style, clip: area)
        x += TextWidth.columns(text)
      }
    }
    let more =
      areas.count > visible
      ? "\(first + 1)-\(first + min(visible, areas.count)) of \(areas.count)" : ""
    let pin = columns.pin == 0 ? "" : columns.shortPin ? "p" : "pin"
    let (c, t) = (glyphs.markerPrimary, glyphs.markerSecondary)
    // The roomiest wording that fits; when none does, the scroll position goes first, since
    // the markers explain themselves more readily than a hidden part of the list.
    let roomy =
      ["\(c) current", "\(t) target"] + (pin.isEmpty ? [] : ["\(pin) = pinned"])
      + (more.isEmpty ? [] : [more])
    let tight = ["\(c) current", "\(t) target"] + (pin.isEmpty ? [] : ["\(pin)=pinned"])
    let legends = [
      roomy.joined(separator: "  "), (tight + (more.isEmpty ? [] : [more])).joined(separator: " "),
      ([more].filter { !$0.isEmpty } + tight).joined(separator: " "),
    ]
    let legend = legends.first { TextWidth.columns($0) <= area.width } ?? legends[legends.count - 1]
    grid.put(
      TextWidth.truncate(legend, toColumns: area.width, ellipsis: glyphs.ellipsis),
      at: Point(x: area.x, y: legendRow), style: styles.muted, clip: area)
  }
}
