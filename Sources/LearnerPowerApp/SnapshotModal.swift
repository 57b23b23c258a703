import Canvas
import LearnerPowerModel

/// A snapshot dialog over the explorer. While one is open it receives every key.
public enum SnapshotModal: Sendable, Hashable {
  /// `s`: title, note and file, then Enter saves.
  case save(SnapshotSaveDialog)
  /// `o`: the saved snapshots; Enter restores the markers.
  case open(SnapshotOpenDialog)
}

/// The save dialog: three text fields and what happened on the last try.
///
/// The file field follows the title (`YYYY-MM-DD-HHMM-<slug>.json`, skipping taken names) until
/// the user edits it; after a failed save it keeps everything typed so another place can be
/// chosen.
public struct SnapshotSaveDialog: Sendable, Hashable {
  /// The fields, in Tab order.
  public enum Field: Int, Sendable, Hashable, CaseIterable {
    case title, note, path
  }

  public var title = TextField("", limit: 120)
  public var note = TextField("", limit: 500)
  public var path: TextField
  public var focus: Field = .title
  /// The folder the proposed name goes in.
  public var folder: String
  /// The moment the snapshot records (also in its proposed name).
  public var created: SnapshotTimestamp
  /// File names already in the folder, so the proposal never names an existing file.
  public var existing: Set<String>
  /// The user typed in the file field; it no longer follows the title.
  public var pathEdited = false
  /// Why the last save failed; nil before any failure.
  public var error: String?
  /// The file exists: waiting for y (replace); n or Esc go back to editing, and any other key
  /// goes back to editing and is typed.
  public var confirmingOverwrite = false

  public init(folder: String, created: SnapshotTimestamp, existing: Set<String>) {
    self.folder = folder
    self.created = created
    self.existing = existing
    path = TextField("", limit: 1024)
    path.set(proposedPath)
  }

  /// Where the snapshot would go with the current title.
  public var proposedPath: String {
    let name = SnapshotStore.firstFree(
      SnapshotStore.fileName(title: title.text, created: created), existing: existing)
    return folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// The field that has the cursor.
  public var focused: TextField {
    switch focus {
    case .title: title
    case .note: note
    case .path: path
    }
  }
}

/// The open dialog: the snapshots folder's entries and the selected row.
public struct SnapshotOpenDialog: Sendable, Hashable {
  public var folder: String
  public var entries: [SnapshotListing]
  public var selection: Int = 0
  /// A problem with the chosen entry, shown until the next key.
  public var message: String?

  public init(folder: String, entries: [SnapshotListing]) {
    self.folder = folder
    self.entries = entries
  }
}

/// What the loop needs to write a snapshot the user asked for.
public struct SnapshotWriteRequest: Sendable, Hashable {
  public var path: String
  public var title: String
  public var note: String
  public var current: Position
  public var target: Position
  public var created: SnapshotTimestamp
  /// Replace an existing file (only after the user said yes).
  public var overwrite: Bool

  public init(
    path: String, title: String, note: String, current: Position, target: Position,
    created: SnapshotTimestamp, overwrite: Bool
  ) {
    self.path = path
    self.title = title
    self.note = note
    self.current = current
    self.target = target
    self.created = created
    self.overwrite = overwrite
  }
}

/// What happened around the snapshot dialogs (reduced by ``reduce(_:_:)`` as `.snapshot`).
public enum SnapshotAction: Sendable, Hashable {
  /// A key pressed while a snapshot dialog is open: the dialog gets every key.
  case key(Key)
  /// The loop prepared the save dialog: the folder, the moment, and the names already taken.
  case saveStarted(folder: String, created: SnapshotTimestamp, existing: Set<String>)
  /// The file was written.
  case saved(path: String)
  /// The write failed; `fileExists` means it was refused because the file is there.
  case saveFailed(message: String, fileExists: Bool)
  /// The loop read the snapshots folder for the open dialog.
  case listed(folder: String, entries: [SnapshotListing])
}

/// What the loop must do for the snapshot dialogs.
public enum SnapshotEffect: Sendable, Hashable {
  /// Build the snapshot and write it; answer with `.saved` or `.saveFailed`.
  case write(SnapshotWriteRequest)
}

/// The snapshot part of the reducer: dialogs open, take keys, and close. Pure, like `reduce`.
func reduceSnapshot(_ state: inout AppState, _ action: SnapshotAction) -> [AppEffect] {
  switch action {
  case .saveStarted(let folder, let created, let existing):
    state.overlay = .none
    state.snapshotModal = .save(
      SnapshotSaveDialog(folder: folder, created: created, existing: existing))
  case .listed(let folder, let entries):
    state.overlay = .none
    state.snapshotModal = .open(SnapshotOpenDialog(folder: folder, entries: entries))
  case .saved(let path):
    state.snapshotModal = nil
    state.notice = "Saved snapshot: \(path)"
  case .saveFailed(let message, let fileExists):
    guard case .save(var dialog) = state.snapshotModal else { return [] }
    dialog.confirmingOverwrite = fileExists
    dialog.error =
      fileExists
      ? "\(dialog.path.text) already exists. Replace it? y = replace, n = keep it" : message
    // The file field is where another place is chosen.
    dialog.focus = .path
    state.snapshotModal = .save(dialog)
  case .key(let key):
    switch state.snapshotModal {
    case .save(let dialog): return saveKey(&state, dialog, key)
    case .open(let dialog): return openKey(&state, dialog, key)
    case nil: break
    }
  }
  return []
}

private func saveKey(_ state: inout AppState, _ d: SnapshotSaveDialog, _ key: Key) -> [AppEffect] {
  var dialog = d
  if dialog.confirmingOverwrite {
    dialog.confirmingOverwrite = false
    switch key {
    case .char("y"), .char("Y"):
      dialog.error = nil
      state.snapshotModal = .save(dialog)
      return [.snapshot(.write(request(state, dialog, overwrite: true)))]
    case .char("n"), .char("N"), .escape:
      // No: the old file stays; back to editing, the file field focused.
      dialog.error = "Not replaced. Change the file name, or press Esc to cancel."
      state.snapshotModal = .save(dialog)
      return []
    default:
      // Any other key also keeps the old file, and is the user already editing the name:
      // apply it below rather than swallow it.
      dialog.error = nil
    }
  }
  switch key {
  case .escape:
    state.snapshotModal = nil
    state.notice = "Snapshot not saved"
    return []
  case .enter:
    if dialog.path.text.trimmed(of: " ").isEmpty {
      dialog.error = "Enter a file name to save to."
      dialog.focus = .path
      state.snapshotModal = .save(dialog)
      return []
    }
    state.snapshotModal = .save(dialog)
    return [.snapshot(.write(request(state, dialog, overwrite: false)))]
  case .tab, .down:
    dialog.focus = SnapshotSaveDialog.Field(rawValue: (dialog.focus.rawValue + 1) % 3) ?? .title
  case .backTab, .up:
    dialog.focus = SnapshotSaveDialog.Field(rawValue: (dialog.focus.rawValue + 2) % 3) ?? .title
  default:
    switch dialog.focus {
    case .title:
      guard dialog.title.apply(key) else { return [] }
      if !dialog.pathEdited { dialog.path.set(dialog.proposedPath) }
    case .note:
      guard dialog.note.apply(key) else { return [] }
    case .path:
      let before = dialog.path.text
      guard dialog.path.apply(key) else { return [] }
      if dialog.path.text != before { dialog.pathEdited = true }
    }
    dialog.error = nil
  }
  state.snapshotModal = .save(dialog)
  return []
}

private func request(_ state: AppState, _ d: SnapshotSaveDialog, overwrite: Bool)
  -> SnapshotWriteRequest
{
  SnapshotWriteRequest(
    path: d.path.text.trimmed(of: " "), title: d.title.text, note: d.note.text,
    current: state.current, target: state.target, created: d.created, overwrite: overwrite)
}

private func openKey(_ state: inout AppState, _ d: SnapshotOpenDialog, _ key: Key) -> [AppEffect] {
  var dialog = d
  dialog.message = nil
  let count = dialog.entries.count
  func select(_ i: Int) { dialog.selection = count == 0 ? 0 : min(max(i, 0), count - 1) }
  switch key {
  case .escape:
    state.snapshotModal = nil
    return []
  case .char("a"), .char("A"):
    guard dialog.selection >= 0, dialog.selection < count else { break }
    let entry = dialog.entries[dialog.selection]
    guard let summary = entry.summary else {
      dialog.message = entry.problem ?? "\(entry.path): cannot be read"
      break
    }
    guard !summary.areas.isEmpty else {
      dialog.message = "This snapshot predates learning areas; Enter restores its markers."
      break
    }
    let (updated, added) = state.takeAreas(summary.areas, active: summary.area)
    state.selection = 0
    state.snapshotModal = nil
    let title = summary.title.isEmpty ? entry.fileName : summary.title
    var parts: [String] = []
    if updated > 0 { parts.append("\(updated) updated") }
    if added > 0 { parts.append("\(added) added") }
    state.notice =
      "Took \(summary.areas.count) area\(summary.areas.count == 1 ? "" : "s") from \"\(title)\": "
      + parts.joined(separator: ", ")
    // The area list changed: keep it now, as the area editor does.
    return [.saveState]
  case .up, .char("k"): select(dialog.selection - 1)
  case .down, .char("j"): select(dialog.selection + 1)
  case .pageUp: select(dialog.selection - 10)
  case .pageDown: select(dialog.selection + 10)
  case .home: select(0)
  case .end: select(count - 1)
  case .enter:
    guard dialog.selection >= 0, dialog.selection < count else { break }
    let entry = dialog.entries[dialog.selection]
    guard let summary = entry.summary else {
      dialog.message = entry.problem ?? "\(entry.path): cannot be read"
      break
    }
    // The markers go back into the area they were saved from when it still exists.
    var into = ""
    if let name = summary.area, let index = state.areas.firstIndex(where: { $0.name == name }) {
      state.selectArea(index)
      if state.areas.count > 1 { into = " in \(name)" }
    }
    state.current = summary.current
    state.target = summary.target
    state.selection = 0
    state.snapshotModal = nil
    let title = summary.title.isEmpty ? entry.fileName : summary.title
    state.notice =
      "Restored \"\(title)\"\(into): current \(summary.current.value) → target \(summary.target.value)"
    return []
  default:
    break
  }
  state.snapshotModal = .open(dialog)
  return []
}

extension String {
  /// The text without leading and trailing `set` characters (no Foundation needed).
  fileprivate func trimmed(of set: Character) -> String {
    guard let first = firstIndex(where: { $0 != set }), let last = lastIndex(where: { $0 != set })
    else { return "" }
    return String(self[first...last])
  }
}
