import LearnerPowerModel

/// What the user did, already decoded from keys or the mouse.
public enum AppAction: Sendable, Hashable {
  /// Moved the active marker by a number of points (clamped to 0…100).
  case nudged(by: Int)
  /// Put the active marker at a position (a click or drag on the track, a stage key, Home/End).
  case placedMarker(at: Position)
  /// Moved the active marker to the centre of a stage (keys 1–4).
  case jumpedToStage(Stage)
  /// Swapped which marker the keys move (Tab).
  case switchedMarker
  /// Moved the recommendation selection by some rows.
  case movedSelection(by: Int)
  /// Selected a recommendation row directly (mouse click).
  case selectedRecommendation(index: Int)
  /// Asked for the selected approach in full (Enter).
  case openedDetail
  /// Closed whatever overlay is open (Esc).
  case closedOverlay
  /// Asked for the key list (?).
  case toggledHelp
  case requestedSnapshotSave
  case requestedSnapshotOpen
  /// Something happened in a snapshot dialog (see `SnapshotModal`).
  case snapshot(SnapshotAction)
  case requestedNextTheme
  case requestedThemePicker
  case requestedAssessment
  /// Asked to suspend to the shell (Ctrl-Z).
  case requestedSuspend
  /// Asked to quit (q, Ctrl-C, SIGTERM, SIGHUP).
  case requestedQuit
  /// A theme was applied (by name), or failed with a warning for the status line.
  case themeChanged(name: String, warning: String?)
  /// Something outside the reducer wants a line on the status bar.
  case noticed(String)
  /// Something happened in the theme picker (see `ThemePicker`).
  case themePicker(ThemePickerAction)
  /// Something happened to the learning areas (see `AreaEditor`).
  case area(AreaAction)
}

/// What must happen outside the pure reducer.
public enum AppEffect: Sendable, Hashable {
  case saveState
  case quit
  case suspend
  case saveSnapshot
  case openSnapshots
  /// Write a snapshot the save dialog asked for.
  case snapshot(SnapshotEffect)
  case cycleTheme
  case openThemePicker
  case startAssessment
  /// Preview, keep or restore a theme for the picker.
  case themePicker(ThemePickerEffect)
}
