#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

extension SnapshotTimestamp {
  /// The current time, to the second. Only called when a snapshot is saved (no formatter, no
  /// ICU: the ISO text is plain arithmetic).
  public static func now() -> SnapshotTimestamp {
    SnapshotTimestamp(secondsSince1970: Int64(Date().timeIntervalSince1970.rounded(.down)))
  }
}

/// The snapshot effects of the explorer's run loop: the only place the dialogs touch files.
extension ExplorerLoop {
  /// The store for the snapshots folder, writing through the state store's atomic writer (so a
  /// test's failing writer applies here too).
  var snapshotStore: SnapshotStore {
    SnapshotStore(folder: store.paths.snapshots, files: store.files)
  }

  /// `s`: opens the save dialog with the folder, the time and the names already taken.
  func startSnapshotSave() {
    let files = snapshotStore
    reduce(
      &state,
      .snapshot(
        .saveStarted(
          folder: files.folder, created: snapshotClock(), existing: files.existingNames())))
  }

  /// `o`: reads the snapshots folder and opens the list.
  func openSnapshotList() {
    let files = snapshotStore
    reduce(&state, .snapshot(.listed(folder: files.folder, entries: files.list())))
  }

  /// "/tmp is a folder: add a file name, e.g. /tmp/report.json".
  static func folderMessage(_ typed: String) -> String {
    let base = typed.hasSuffix("/") ? String(typed.dropLast()) : typed
    return "\(typed) is a folder: add a file name, e.g. \(base)/report.json"
  }

  /// Writes a snapshot the dialog asked for and reports back to the reducer.
  func performSnapshot(_ effect: SnapshotEffect) {
    switch effect {
    case .write(let r):
      let snapshot = Snapshot.make(
        current: r.current, target: r.target, catalogue: state.catalogue, title: r.title,
        note: r.note, created: r.created, app: .init(name: "learnerpower", version: appVersion),
        areas: state.areas, area: state.area.name,
        assessment: state.assessment.flatMap { $0.area == state.area.name ? $0.record : nil })
      let path = PathText.expandingTilde(r.path)
      let exists = FileManager.default.fileExists(atPath: path)
      if exists, PathText.isFolder(path) == true {
        // A folder is never "replaced": say so at once, with a name to add, instead of asking.
        reduce(
          &state, .snapshot(.saveFailed(message: Self.folderMessage(r.path), fileExists: false)))
        return
      }
      if !r.overwrite, exists {
        reduce(&state, .snapshot(.saveFailed(message: "", fileExists: true)))
        return
      }
      do {
        try snapshotStore.write(
          snapshot, format: SnapshotFormat(path: path) ?? .json, to: path, overwrite: r.overwrite,
          catalogue: state.catalogue)
        reduce(&state, .snapshot(.saved(path: path)))
      } catch {
        // A file that appeared since the check above is still never clobbered.
        let exists = !r.overwrite && error.reason.hasPrefix("the file already exists")
        reduce(
          &state,
          .snapshot(
            .saveFailed(
              message: "Could not save: \(error.reason). File: \(error.path)", fileExists: exists)))
      }
    }
  }
}
