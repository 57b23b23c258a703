import Canvas
import LearnerPowerModel

/// The small dialog for learning areas: a name field (add, rename) or a yes/no question (remove).
/// While it is open it takes every key.
///
/// ```swift
/// var state = AppState()
/// reduce(&state, .area(.requestedAdd))        // the name field opens
/// for c in "Compliance" { reduce(&state, .area(.key(.char(c)))) }
/// reduce(&state, .area(.key(.enter)))         // [.saveState]: "Compliance" is active
/// ```
public struct AreaEditor: Sendable, Hashable {
  /// What the dialog is for.
  public enum Mode: Sendable, Hashable {
    case add
    case rename(index: Int)
    /// Asks before removing area `index`: `y` removes, any other key keeps it.
    case remove(index: Int)
  }

  public var mode: Mode
  /// The name being typed (unused when removing).
  public var field: TextField
  /// Why Enter was refused (empty or duplicate name), until the next key.
  public var error: String?

  public init(mode: Mode, name: String = "") {
    self.mode = mode
    self.field = TextField(name, limit: LearningArea.nameLimit)
    self.error = nil
  }

  /// The dialog's title.
  public var title: String {
    switch mode {
    case .add: "New learning area"
    case .rename: "Rename learning area"
    case .remove: "Remove learning area"
    }
  }
}

/// What the user did to the learning areas.
public enum AreaAction: Sendable, Hashable {
  /// Made another area active, `by` steps along the list (wrapping).
  case switched(by: Int)
  /// Showed or hid every area on one continuum in the chart panel.
  case toggledAllAreas
  case requestedAdd
  case requestedRename
  case requestedRemove
  /// Pinned or unpinned the active area.
  case toggledPin
  /// A key pressed while the area dialog is open.
  case key(Key)
}

/// Applies an area action. Changes to the list of areas save the state at once, so an added or
/// renamed area is not lost if the terminal goes away.
func reduceArea(_ state: inout AppState, _ action: AreaAction) -> [AppEffect] {
  switch action {
  case .switched(let step):
    let n = state.areas.count
    guard n > 1 else {
      state.notice = "Only one area (N adds another)"
      return []
    }
    state.selectArea(((state.activeArea + step) % n + n) % n)
    state.selection = 0
    if case .detail = state.overlay { state.overlay = .none }
    state.notice = "Area \(state.activeArea + 1) of \(n): \(state.area.name)"
  case .toggledAllAreas:
    state.showsAllAreas.toggle()
  case .requestedAdd:
    state.overlay = .none
    state.areaEditor = AreaEditor(mode: .add)
  case .requestedRename:
    state.overlay = .none
    state.areaEditor = AreaEditor(mode: .rename(index: state.activeArea), name: state.area.name)
  case .requestedRemove:
    if state.area.pinned {
      state.notice = "\(state.area.name) is pinned: unpin it (P) before removing it"
    } else if state.areas.count == 1 {
      state.notice = "The last area cannot be removed"
    } else {
      state.overlay = .none
      state.areaEditor = AreaEditor(mode: .remove(index: state.activeArea))
    }
  case .toggledPin:
    let pinned = !state.area.pinned
    state.updateArea(state.activeArea) { $0.pinned = pinned }
    state.notice = (pinned ? "Pinned: " : "Unpinned: ") + state.area.name
    return [.saveState]
  case .key(let key):
    guard var editor = state.areaEditor else { return [] }
    return editorKey(&state, &editor, key)
  }
  return []
}

private func editorKey(_ state: inout AppState, _ editor: inout AreaEditor, _ key: Key)
  -> [AppEffect]
{
  if case .remove(let index) = editor.mode {
    state.areaEditor = nil
    guard key == .char("y") || key == .char("Y"), state.areas.indices.contains(index) else {
      return []
    }
    let name = state.areas[index].name
    guard !state.areas[index].pinned, state.areas.count > 1 else { return [] }
    state.removeArea(index)
    state.selection = 0
    state.notice = "Removed \(name)"
    return [.saveState]
  }
  switch key {
  case .escape:
    state.areaEditor = nil
  case .enter:
    let name = LearningArea.cleanName(editor.field.text)
    let own: Int? = if case .rename(let i) = editor.mode { i } else { nil }
    if name.isEmpty {
      editor.error = "Type a name, or Esc to cancel"
    } else if let taken = state.areas.indices.first(where: {
      $0 != own && state.areas[$0].name.lowercased() == name.lowercased()
    }) {
      editor.error = "There is already an area called \(state.areas[taken].name)"
    } else {
      state.areaEditor = nil
      switch editor.mode {
      case .add:
        // A new area starts where the active one is: the organisation-wide picture is the
        // usual starting point before an area is placed on its own.
        let i = state.appendArea(
          LearningArea(name: name, current: state.current, target: state.target))
        state.selectArea(i)
        state.selection = 0
        state.notice = "Added \(name)"
      case .rename(let i):
        state.updateArea(i) { $0.name = name }
        state.notice = "Renamed to \(name)"
      case .remove:
        break
      }
      return [.saveState]
    }
    state.areaEditor = editor
  default:
    if editor.field.apply(key) { editor.error = nil }
    state.areaEditor = editor
  }
  return []
}

// MARK: - Drawing

/// Where the area dialog goes; drawing and the hardware cursor share it.
struct AreaEditorLayout {
  var box: Rect
  var area: Rect
  var field: Rect

  init?(size: Size) {
    guard size.width >= Screen.minimum.width, size.height >= Screen.minimum.height else {
      return nil
    }
    let w = min(56, size.width - 4), h = 8
    box = Rect(x: (size.width - w) / 2, y: max(1, (size.height - h) / 2), width: w, height: h)
    let inner = Box.inner(of: box)
    area = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
    field = Rect(x: area.x + 6, y: area.y + 1, width: max(1, area.width - 6), height: 1)
  }
}

extension Screen {
  /// The cursor in the area name field while it is open; nil otherwise.
  static func areaEditorCursor(_ state: AppState, size: Size) -> Point? {
    guard let editor = state.areaEditor, let layout = AreaEditorLayout(size: size) else {
      return nil
    }
    if case .remove = editor.mode { return nil }
    let column = editor.field.visible(width: layout.field.width).cursorColumn
    return Point(x: layout.field.x + column, y: layout.field.y)
  }
}

extension Context {
  func drawAreaEditor(_ editor: AreaEditor, into grid: inout CellGrid) {
    guard let layout = AreaEditorLayout(size: layout.size) else { return }
    let area = drawOverlayBox(editor.title, layout.box, into: &grid)
    guard !area.isEmpty else { return }
    func line(_ text: String, _ y: Int, _ style: Style) {
      guard y >= area.y, y < area.maxY else { return }
      grid.put(
        TextWidth.truncate(
          TextSanitizer.cleanLine(text), toColumns: area.width, ellipsis: glyphs.ellipsis),
        at: Point(x: area.x, y: y), style: style, clip: area)
    }
    if case .remove(let index) = editor.mode {
      let name = state.areas.indices.contains(index) ? state.areas[index].name : ""
      line("Remove \(name) and its markers?", area.y + 1, styles.overlay)
      line("y removes it; any other key keeps it", area.y + 3, styles.overlayTitle)
      return
    }
    var label = styles.overlayKey
    label.attributes.insert(.bold)
    grid.put("Name", at: Point(x: area.x, y: layout.field.y), style: label, clip: area)
    var fieldStyle = styles.overlay
    fieldStyle.attributes.insert(.reverse)
    grid.fill(layout.field, with: .blank(fieldStyle))
    grid.put(
      editor.field.visible(width: layout.field.width).text,
      at: Point(x: layout.field.x, y: layout.field.y),
      style: fieldStyle, clip: layout.field)
    if let error = editor.error {
      var style = styles.warning
      style.attributes.insert(.bold)
      line(error, area.y + 3, style)
    } else if case .add = editor.mode {
      line("Starts at the \(state.area.name) markers", area.y + 3, styles.muted)
    }
    line("Enter keeps \(state.ascii ? "|" : "·") Esc cancels", area.maxY - 1, styles.overlayTitle)
  }
}
