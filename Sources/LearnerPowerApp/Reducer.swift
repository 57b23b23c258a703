import LearnerPowerModel

/// Applies one user action to the state and says what must happen outside.
///
/// Pure: no I/O, no clock. Every transition is covered by `ReducerTests`.
///
/// ```swift
/// var state = AppState(current: 38, target: 70)
/// reduce(&state, .switchedMarker)     // [] – the target marker is now active
/// reduce(&state, .nudged(by: 5))      // [] – target 75
/// reduce(&state, .requestedQuit)      // [.saveState, .quit]
/// ```
@discardableResult
public func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
  // A notice is for one look only: any key press after it clears it.
  if case .themeChanged = action {} else if case .noticed = action {} else { state.notice = nil }

  switch action {
  case .nudged(let delta):
    move(&state, to: state.activePosition.nudged(by: delta))
  case .placedMarker(let p):
    move(&state, to: p)
  case .jumpedToStage(let stage):
    move(&state, to: stage.centre)
  case .switchedMarker:
    state.active = state.active.other
    state.selection = 0
    if case .detail = state.overlay { state.overlay = .none }
  case .movedSelection(let delta):
    let count = state.recommendations.count
    guard count > 0 else {
      state.selection = 0
      return []
    }
    state.selection = min(max(state.selection + delta, 0), count - 1)
    if case .detail = state.overlay { state.overlay = .detail(approachID: selectedID(state) ?? "") }
  case .selectedRecommendation(let index):
    let count = state.recommendations.count
    if index >= 0, index < count { state.selection = index }
  case .openedDetail:
    if let id = selectedID(state) { state.overlay = .detail(approachID: id) }
  case .closedOverlay:
    state.overlay = .none
  case .toggledHelp:
    state.overlay = state.overlay == .help ? .none : .help
  case .requestedSnapshotSave: return [.saveSnapshot]
  case .requestedSnapshotOpen: return [.openSnapshots]
  case .snapshot(let a): return reduceSnapshot(&state, a)
  case .requestedNextTheme: return [.cycleTheme]
  case .requestedThemePicker: return [.openThemePicker]
  case .requestedAssessment: return [.startAssessment]
  case .requestedSuspend: return [.suspend]
  case .requestedQuit: return [.saveState, .quit]
  case .themeChanged(let name, let warning):
    if warning == nil { state.themeName = name }
    state.notice = warning ?? "Theme: \(name)"
  case .noticed(let text):
    state.notice = text
  case .themePicker(let a):
    return reduceThemePicker(&state, a)
  case .area(let a):
    return reduceArea(&state, a)
  }
  return []
}

/// Moves the active marker; the selection then follows ``AppState/reselect(after:wasTop:)``.
private func move(_ state: inout AppState, to p: Position) {
  guard p != state.activePosition else { return }
  let keep = selectedID(state)
  let wasTop = state.selection == 0
  state.activePosition = p
  state.reselect(after: keep, wasTop: wasTop)
  if case .detail = state.overlay { state.overlay = .none }
}

private func selectedID(_ state: AppState) -> String? {
  let list = state.recommendations
  guard state.selection >= 0, state.selection < list.count else { return nil }
  return list[state.selection].approach.id
}
