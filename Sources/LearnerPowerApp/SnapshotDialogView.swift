import Canvas
import LearnerPowerModel

/// Where the parts of the save dialog go; drawing and the hardware cursor share it.
struct SnapshotSaveLayout {
  var box: Rect
  var area: Rect
  /// One rect per field, in ``SnapshotSaveDialog/Field`` order.
  var fields: [Rect]
  static let labelWidth = 7

  init?(size: Size) {
    guard size.width >= Screen.minimum.width, size.height >= Screen.minimum.height else {
      return nil
    }
    let w = min(76, size.width - 4), h = 14
    box = Rect(x: (size.width - w) / 2, y: max(1, (size.height - h) / 2), width: w, height: h)
    let inner = Box.inner(of: box)
    area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    let fx = area.x + Self.labelWidth
    let fw = max(1, area.maxX - fx)
    let top = area.y
    fields = [3, 5, 7].map { Rect(x: fx, y: top + $0, width: fw, height: 1) }
  }
}

extension Screen {
  /// The cursor in the focused text field while the save dialog is open; nil otherwise.
  static func snapshotCursor(_ state: AppState, size: Size) -> Point? {
    guard case .save(let dialog) = state.snapshotModal, !dialog.confirmingOverwrite,
      let layout = SnapshotSaveLayout(size: size)
    else { return nil }
    let rect = layout.fields[dialog.focus.rawValue]
    let column = dialog.focused.visible(width: rect.width).cursorColumn
    return Point(x: rect.x + column, y: rect.y)
  }
}

extension Context {
  func drawSnapshotModal(_ modal: SnapshotModal, into grid: inout CellGrid) {
    switch modal {
    case .save(let dialog): drawSaveDialog(dialog, into: &grid)
    case .open(let dialog): drawOpenDialog(dialog, into: &grid)
    }
  }

  private func drawSaveDialog(_ d: SnapshotSaveDialog, into grid: inout CellGrid) {
    guard let layout = SnapshotSaveLayout(size: layout.size) else { return }
    let area = drawOverlayBox("Save snapshot", layout.box, into: &grid)
    guard !area.isEmpty else { return }
    let arrow = glyphs.arrowRight
    let c = state.current, t = state.target
    let summary =
      "Current \(c.value) (\(c.stage.name)) \(arrow) target \(t.value) (\(t.stage.name))"
    put(summary, at: area.y, in: area, style: styles.overlay, into: &grid)

    let labels = ["Title", "Note", "File"]
    let fields = [d.title, d.note, d.path]
    for (i, rect) in layout.fields.enumerated() {
      let focused = d.focus.rawValue == i && !d.confirmingOverwrite
      var labelStyle = styles.overlayKey
      if focused { labelStyle.attributes.insert(.bold) }
      grid.put(labels[i], at: Point(x: area.x, y: rect.y), style: labelStyle, clip: area)
      // The field shows as an underlined strip (reverse when focused), so it reads as a place
      // to type in monochrome too.
      var fieldStyle = styles.overlay
      fieldStyle.attributes.insert(focused ? .reverse : .underline)
      grid.fill(rect, with: .blank(fieldStyle))
      let shown = fields[i].visible(width: rect.width).text
      grid.put(shown, at: Point(x: rect.x, y: rect.y), style: fieldStyle, clip: rect)
      if i == 0, d.title.isEmpty, !focused {
        grid.put("(untitled)", at: Point(x: rect.x, y: rect.y), style: fieldStyle, clip: rect)
      }
    }
    // The File field holds the whole path. When it is too long for the field, the part the
    // field scrolls out of sight goes on the line below it (the folder, or the name when the
    // cursor is at the start), so nothing is shown twice and nothing is hidden.
    if let hidden = Self.hiddenPathPart(d.path, width: layout.fields[2].width) {
      put(hidden, at: layout.fields[2].y + 1, in: area, style: styles.muted, into: &grid)
    }
    if let error = d.error {
      var style = styles.warning
      style.attributes.insert(.bold)
      let rect = Rect(x: area.x, y: layout.fields[2].y + 2, width: area.width, height: 2)
      _ = Text(TextSanitizer.cleanLine(error), style: style, ellipsis: glyphs.ellipsis)
        .draw(into: &grid, in: rect)
    }
    let keys =
      d.confirmingOverwrite
      ? "y replace the file · n keep it and choose another name"
      : "Enter save · Tab next field · Esc cancel"
    put(keys, at: area.maxY - 1, in: area, style: styles.overlayTitle, into: &grid)
  }

  /// "Folder: …" or "File name: …" for a path the field cannot show whole; nil when it fits.
  ///
  /// ```swift
  /// // width 20, "/home/ana/snapshots/2024-05-01-0930-q3.json", cursor at the end:
  /// hiddenPathPart(field, width: 20)  // "Folder: /home/ana/snapshots"
  /// ```
  static func hiddenPathPart(_ path: TextField, width: Int) -> String? {
    let shown = path.visible(width: width).text
    guard shown != path.text else { return nil }
    let text = path.text
    guard let slash = text.lastIndex(of: "/") else { return nil }
    let folder = slash == text.startIndex ? "/" : String(text[..<slash])
    let name = String(text[text.index(after: slash)...])
    return text.hasPrefix(shown) ? "File name: \(name)" : "Folder: \(folder)"
  }

  private func drawOpenDialog(_ d: SnapshotOpenDialog, into grid: inout CellGrid) {
    let rows = max(1, d.entries.count)
    let rect = overlayRect(width: 78, height: min(rows, 14) + 6)
    let count = d.entries.count
    let title = count == 1 ? "Open snapshot (1 saved)" : "Open snapshot (\(count) saved)"
    let area = drawOverlayBox(title, rect, into: &grid)
    guard !area.isEmpty else { return }
    if d.entries.isEmpty {
      let text = "No snapshots yet in \(d.folder). Press s in the explorer to save one."
      _ = Text(text, style: styles.overlay, ellipsis: glyphs.ellipsis)
        .draw(into: &grid, in: Rect(x: area.x, y: area.y, width: area.width, height: 3))
    } else {
      let listHeight = max(1, area.height - 4)
      let top = min(max(0, d.selection - listHeight + 1), max(0, count - listHeight))
      for (row, index) in (top..<min(count, top + listHeight)).enumerated() {
        let e = d.entries[index]
        let y = area.y + row
        let selected = index == d.selection
        var style = styles.overlay
        if selected {
          style.attributes.formUnion(styles.selected.attributes)
          if styles.selected.fg != .default { style.fg = styles.selected.fg }
          if styles.selected.bg != .default { style.bg = styles.selected.bg }
        }
        let pointer = selected ? (state.ascii ? ">" : glyphs.arrowRight) : " "
        grid.put(pointer, at: Point(x: area.x, y: y), style: styles.overlayKey, clip: area)
        let line: String
        if let s = e.summary {
          let areas = s.areas.count > 1 ? "  \(s.areas.count) areas" : ""
          let right =
            "\(areas)  \(s.created.display)  \(s.current.value) \(glyphs.arrowRight) \(s.target.value)"
          let titleWidth = max(0, area.width - 2 - TextWidth.columns(right))
          let name = s.title.isEmpty ? e.fileName : s.title
          let shown = TextWidth.truncate(name, toColumns: titleWidth, ellipsis: glyphs.ellipsis)
          line =
            shown + String(repeating: " ", count: max(0, titleWidth - TextWidth.columns(shown)))
            + right
        } else {
          line = "! \(e.fileName): cannot be read"
        }
        let rowRect = Rect(x: area.x + 2, y: y, width: area.width - 2, height: 1)
        grid.fill(rowRect, with: .blank(style))
        grid.put(
          TextWidth.truncate(line, toColumns: rowRect.width, ellipsis: glyphs.ellipsis),
          at: Point(x: rowRect.x, y: y), style: e.summary == nil ? styles.warning : style,
          clip: rowRect)
      }
    }
    if let message = d.message {
      _ = Text(message, style: styles.warning, ellipsis: glyphs.ellipsis)
        .draw(into: &grid, in: Rect(x: area.x, y: area.maxY - 3, width: area.width, height: 2))
    } else if count > 0 {
      put("Folder: \(d.folder)", at: area.maxY - 2, in: area, style: styles.muted, into: &grid)
    }
    put(
      "Enter restore the markers · a take every area · \(state.ascii ? "Up/Dn" : "↑/↓") select · Esc close",
      at: area.maxY - 1, in: area, style: styles.overlayTitle, into: &grid)
  }

  private func put(
    _ text: String, at y: Int, in area: Rect, style: Style, into grid: inout CellGrid
  ) {
    guard y >= area.y, y < area.maxY else { return }
    grid.put(
      TextWidth.truncate(
        TextSanitizer.cleanLine(text), toColumns: area.width, ellipsis: glyphs.ellipsis),
      at: Point(x: area.x, y: y), style: style, clip: area)
  }
}
