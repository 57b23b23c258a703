import Canvas
import LearnerPowerModel

/// The theme picker (`T`): a list of themes over the live explorer. Moving the selection
/// previews each theme on the whole screen; Enter keeps it, Esc puts back the one from before.
///
/// The reducer owns the picker's state; the run loop does the loading, because reading theme
/// files is I/O (see `ThemePickerEffect`).
///
/// ```swift
/// var state = AppState(themeName: "default")
/// reduce(&state, .themePicker(.opened(names: ["default", "light"])))
/// reduce(&state, .themePicker(.moved(by: 1)))   // [.themePicker(.preview("light"))]
/// reduce(&state, .themePicker(.kept))           // [.themePicker(.keep("light"))]
/// ```
public struct ThemePicker: Sendable, Hashable {
  /// The themes offered, in list order.
  public var names: [String]
  /// The selected row (always a valid index while `names` is not empty).
  public var index: Int
  /// The theme in use when the picker opened; Esc goes back to it.
  public var original: String

  /// A picker over `names`, starting on `original` when it is listed, else on the first row.
  public init(names: [String], original: String) {
    self.names = names
    self.index = names.firstIndex(of: original) ?? 0
    self.original = original
  }

  /// The selected theme's name, or nil for an empty list.
  public var selected: String? { names.indices.contains(index) ? names[index] : nil }

  /// What a key means while the picker is open; other keys do nothing.
  public static func action(for key: Key) -> AppAction? {
    switch key {
    case .up, .char("k"): return .themePicker(.moved(by: -1))
    case .down, .char("j"): return .themePicker(.moved(by: 1))
    case .pageUp: return .themePicker(.moved(by: -5))
    case .pageDown: return .themePicker(.moved(by: 5))
    case .home: return .themePicker(.moved(by: Int(Int32.min)))
    case .end: return .themePicker(.moved(by: Int(Int32.max)))
    case .enter: return .themePicker(.kept)
    case .escape, .char("T"): return .themePicker(.cancelled)
    case .char("q"), .ctrl("c"): return .requestedQuit
    case .ctrl("z"): return .requestedSuspend
    default: return nil
    }
  }
}

/// What happened in the theme picker.
public enum ThemePickerAction: Sendable, Hashable {
  /// The loop listed the themes after `T`; the picker opens on the theme in use.
  case opened(names: [String])
  /// The selection moved by some rows (clamped to the list).
  case moved(by: Int)
  /// Enter: keep the selected theme.
  case kept
  /// Esc: close and go back to the theme from before.
  case cancelled
  /// Previewing a theme failed; the warning goes to the status line and the screen keeps the
  /// theme it showed before.
  case previewFailed(warning: String)
}

/// What the loop must do for the picker.
public enum ThemePickerEffect: Sendable, Hashable {
  /// Load the named theme and draw with it, without remembering it.
  case preview(String)
  /// Use the named theme from now on and remember it in `config.toml`.
  case keep(String)
  /// Draw with the theme from before the picker opened again.
  case restore
}

/// The reducer's part for the picker: pure, like `reduce`.
func reduceThemePicker(_ state: inout AppState, _ action: ThemePickerAction) -> [AppEffect] {
  switch action {
  case .opened(let names):
    guard !names.isEmpty else {
      state.notice = "No themes found"
      return []
    }
    state.overlay = .themePicker(ThemePicker(names: names, original: state.themeName))
    return []
  case .moved(let delta):
    guard case .themePicker(var picker) = state.overlay, !picker.names.isEmpty else { return [] }
    // Widen before adding so Home/End's extreme deltas cannot overflow.
    let wanted = Int64(picker.index) + Int64(delta)
    let index = Int(min(max(wanted, 0), Int64(picker.names.count - 1)))
    guard index != picker.index else { return [] }
    picker.index = index
    state.overlay = .themePicker(picker)
    return [.themePicker(.preview(picker.names[index]))]
  case .kept:
    guard case .themePicker(let picker) = state.overlay else { return [] }
    state.overlay = .none
    guard let name = picker.selected else { return [] }
    return [.themePicker(.keep(name))]
  case .cancelled:
    guard case .themePicker = state.overlay else { return [] }
    state.overlay = .none
    return [.themePicker(.restore)]
  case .previewFailed(let warning):
    state.notice = warning
    return []
  }
}

extension ExplorerLoop {
  /// Opens the picker over the themes the library lists, keeping the theme in use for Esc.
  func openThemePicker() {
    themeBeforePicker = theme
    reduce(&state, .themePicker(.opened(names: themes.list().map(\.name))))
  }

  /// Carries out a picker effect: loads, previews, keeps or restores a theme.
  func performThemePicker(_ effect: ThemePickerEffect) {
    switch effect {
    case .preview(let name):
      switch themes.load(name) {
      case .success(let t): theme = t
      case .failure(let e):
        reduce(&state, .themePicker(.previewFailed(warning: ThemeLibrary.themeWarning(name, e))))
      }
    case .keep(let name):
      let before = themeBeforePicker ?? theme
      themeBeforePicker = nil
      lastTriedTheme = nil
      if theme.info.name != name {
        switch themes.load(name) {
        case .success(let t): theme = t
        case .failure(let e):
          theme = before
          reduce(&state, .themeChanged(name: name, warning: ThemeLibrary.themeWarning(name, e)))
          return
        }
      }
      reduce(&state, .themeChanged(name: name, warning: nil))
      do {
        try store.saveTheme(name)
      } catch {
        reduce(&state, .noticed("Warning: could not remember the theme: \(error)"))
      }
    case .restore:
      if let before = themeBeforePicker { theme = before }
      themeBeforePicker = nil
    }
  }
}

extension ThemeLibrary {
  /// The status-line warning for a theme that could not be used.
  static func themeWarning(_ name: String, _ problems: DiagnosticList) -> String {
    "Warning: theme '\(name)' not used: \(problems.diagnostics.first?.description ?? name)"
  }
}

extension Context {
  /// The picker: theme names with a pointer on the previewed one, the one in use before marked,
  /// and the keys at the bottom. It sits in the lower right so most of the screen stays visible
  /// for the preview.
  func drawThemePicker(_ picker: ThemePicker, into grid: inout CellGrid) {
    let size = layout.size
    let nameWidth = picker.names.map { TextWidth.columns($0) }.max() ?? 0
    let keys =
      state.ascii ? "Up/Dn preview  Enter keep  Esc back" : "↑/↓ preview · Enter keep · Esc back"
    let width = min(size.width - 2, max(nameWidth + 16, TextWidth.columns(keys) + 4, 30))
    let height = min(size.height - 3, picker.names.count + 4)
    guard width > 6, height > 3 else { return }
    let rect = Rect(
      x: max(0, size.width - width - 1), y: max(1, size.height - height - 2), width: width,
      height: height)
    let area = drawOverlayBox("Theme", rect, into: &grid)
    guard !area.isEmpty else { return }
    let rows = max(1, area.height - 2)
    // Keep the selection in view on a short screen.
    let offset = min(max(0, picker.index - rows + 1), max(0, picker.names.count - rows))
    for (row, i) in (offset..<min(picker.names.count, offset + rows)).enumerated() {
      let y = area.y + row
      let isSelected = i == picker.index
      let mark = isSelected ? glyphs.pointer : " "
      var style = styles.overlay
      if isSelected {
        style.attributes.formUnion(styles.selected.attributes)
        if styles.selected.fg != .default { style.fg = styles.selected.fg }
        if styles.selected.bg != .default { style.bg = styles.selected.bg }
      }
      grid.put(mark, at: Point(x: area.x, y: y), style: styles.overlayKey, clip: area)
      let name = picker.names[i]
      let label = name + (name == picker.original ? " (in use)" : "")
      let line = TextWidth.truncate(
        label, toColumns: max(0, area.width - 2), ellipsis: glyphs.ellipsis)
      let padded =
        line + String(repeating: " ", count: max(0, area.width - 2 - TextWidth.columns(line)))
      grid.put(padded, at: Point(x: area.x + 2, y: y), style: style, clip: area)
    }
    grid.put(
      TextWidth.truncate(keys, toColumns: area.width, ellipsis: glyphs.ellipsis),
      at: Point(x: area.x, y: area.maxY - 1), style: styles.overlayTitle, clip: area)
  }
}
