import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

#if canImport(Glibc)
  import Glibc
#endif

/// The explorer's run loop: one thread owns the terminal; a synchronous `poll(2)` on the terminal
/// and signal descriptors; every pending event is drained and reduced before one render, so a held
/// arrow key or a paste never lags behind.
public final class ExplorerLoop {
  // Settable in the module so the theme picker (ThemePicker.swift) can reduce into it.
  public internal(set) var state: AppState
  let terminal: any InteractiveTerminal
  let themes: ThemeLibrary
  var theme: ResolvedTheme
  let store: StateStore
  var previous: CellGrid?
  var dragging = false
  /// The theme in use when the picker opened, for Esc.
  var themeBeforePicker: ResolvedTheme?
  /// The theme `t` last tried, so a broken theme is stepped over on the next press.
  var lastTriedTheme: String?
  /// Set when saving the state failed on the way out; printed after the terminal is restored.
  public private(set) var exitMessage: String?
  /// Frames painted, for tests and the benchmark.
  public private(set) var frames = 0
  /// 128 + the signal number when a signal ended the run, as shells expect.
  var signalExit: Int32 = 0
  /// Called once after the first frame is on screen (the hidden crash switch uses it).
  public var onFirstFrame: (() -> Void)?
  /// The time a saved snapshot records (tests fix it).
  public var snapshotClock: @Sendable () -> SnapshotTimestamp = { SnapshotTimestamp.now() }
  /// The questions `a` asks: the built-in twelve, or a consultancy's own (`--questions`).
  /// Lazy so the built-in set is parsed when `a` is first pressed, not before the first frame.
  public lazy var questions: AssessmentQuestions = .builtIn

  public init(
    state: AppState, terminal: any InteractiveTerminal, themes: ThemeLibrary, theme: ResolvedTheme,
    store: StateStore
  ) {
    self.state = state
    self.terminal = terminal
    self.themes = themes
    self.theme = theme
    self.store = store
  }

  /// Runs until the user quits; returns the exit status.
  public func run() -> Int32 {
    paint()
    onFirstFrame?()
    var fds = terminal.pollDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    while true {
      for i in fds.indices { fds[i].revents = 0 }
      let rc = poll(&fds, nfds_t(fds.count), -1)
      if rc < 0 && errno != EINTR { return 1 }
      if process(terminal.drainEvents()) { return signalExit }
    }
  }

  /// One turn of the loop without waiting: reduces a batch of events, then renders and paints
  /// once. Returns true when the user quit. The benchmark drives the app through it.
  public func process(_ events: [InputEvent]) -> Bool {
    for event in events {
      for effect in handle(event) where perform(effect) { return true }
    }
    paint()
    return false
  }

  /// Renders the state and paints only what changed since the last frame.
  public func paint() {
    let size = terminal.size
    var grid = Screen.render(state, theme: theme.theme, size: size)
    grid.cursor =
      Screen.areaEditorCursor(state, size: size) ?? Screen.snapshotCursor(state, size: size)
      ?? Screen.cursor(state, layout: Screen.layout(size))
    let changes = grid.changes(since: previous)
    if !changes.isEmpty || previous?.cursor != grid.cursor {
      terminal.paint(changes, cursor: grid.cursor)
      frames += 1
    }
    previous = grid
  }

  /// Turns one terminal event into actions, reduces them, and returns the effects.
  func handle(_ event: InputEvent) -> [AppEffect] {
    switch event {
    case .key(let key):
      guard let action = action(for: key) else { return [] }
      return reduce(&state, action)
    case .mouse(let m):
      // A snapshot dialog is keyboard-only; clicks must not move markers behind it.
      if state.snapshotModal != nil || state.areaEditor != nil { return [] }
      if m.kind == .release {
        dragging = false
        return []
      }
      if m.kind == .drag && dragging {
        let track = Screen.layout(terminal.size).track
        let geometry = Slider.Geometry(range: Position.range, x: track.x, width: track.width)
        return reduce(
          &state, .placedMarker(at: Position(clamping: geometry.value(atColumn: m.point.x))))
      }
      guard let action = Screen.action(for: m, state: state, size: terminal.size) else { return [] }
      if m.kind == .press, case .placedMarker = action { dragging = true }
      return reduce(&state, action)
    case .resize:
      return []
    case .signal(let s):
      switch s {
      case .interrupt, .terminate, .hangup:
        signalExit = s == .terminate ? 143 : s == .hangup ? 129 : 130
        return reduce(&state, .requestedQuit)
      case .stop: return reduce(&state, .requestedSuspend)
      case .resumed: return []
      }
    }
  }

  /// Overlays change what a few keys mean; everything else goes through the key map.
  func action(for key: Key) -> AppAction? {
    // Below the minimum size nothing is drawn but the size message, so keys that change what
    // would be drawn are ignored; quitting and suspending still work.
    if !Screen.layout(terminal.size).fits {
      let action = KeyMap.explorer.action(for: key)
      return action == .requestedQuit || action == .requestedSuspend ? action : nil
    }
    // An open snapshot dialog gets every key (its text fields take letters); Ctrl-C still quits.
    if state.snapshotModal != nil {
      return key == .ctrl("c") ? .requestedQuit : .snapshot(.key(key))
    }
    if state.areaEditor != nil {
      return key == .ctrl("c") ? .requestedQuit : .area(.key(key))
    }
    switch state.overlay {
    case .help:
      if key == .char("q") || key == .ctrl("c") { return .requestedQuit }
      return key == .char("?") ? .toggledHelp : .closedOverlay
    case .detail:
      if key == .enter { return .closedOverlay }
    case .themePicker:
      return ThemePicker.action(for: key)
    case .none:
      break
    }
    return KeyMap.explorer.action(for: key)
  }

  /// Carries out one effect; returns true when the loop must end.
  func perform(_ effect: AppEffect) -> Bool {
    switch effect {
    case .quit:
      return true
    case .saveState:
      do {
        try store.saveState(state)
      } catch {
        exitMessage = "could not save the explorer state: \(error)"
      }
    case .suspend:
      terminal.suspend()
    case .cycleTheme:
      cycleTheme()
    case .openThemePicker:
      openThemePicker()
    case .themePicker(let e):
      performThemePicker(e)
    case .saveSnapshot:
      startSnapshotSave()
    case .openSnapshots:
      openSnapshotList()
    case .snapshot(let e):
      performSnapshot(e)
    case .startAssessment:
      return runAssessmentFromExplorer()
    }
    return false
  }

  func cycleTheme() {
    guard let (next, result) = themes.next(after: lastTriedTheme ?? theme.info.name) else { return }
    lastTriedTheme = next
    switch result {
    case .success(let t):
      theme = t
      lastTriedTheme = nil
      reduce(&state, .themeChanged(name: t.info.name, warning: nil))
      do {
        try store.saveTheme(t.info.name)
      } catch {
        reduce(&state, .noticed("Warning: could not remember the theme: \(error)"))
      }
    case .failure(let e):
      reduce(&state, .themeChanged(name: next, warning: ThemeLibrary.themeWarning(next, e)))
    }
  }
}
