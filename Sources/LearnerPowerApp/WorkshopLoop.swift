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

/// The workshop's run loop: like the explorer's, one thread and a synchronous `poll(2)`; the poll
/// timeout drives the slider glide (about 60 frames a second while it moves) and the timer (once
/// a second otherwise). Every session change is appended to the journal and fsynced before the
/// next key is handled.
public final class WorkshopLoop {
  /// The current state.
  public private(set) var state: WorkshopState
  let terminal: any InteractiveTerminal
  var theme: Theme
  let journal: WorkshopJournal
  var previous: CellGrid?
  /// Set when something went wrong that must be printed after the terminal is restored.
  public private(set) var exitMessage: String?
  /// Paths of files written by `x`.
  public private(set) var exports: [String] = []
  /// The clock; tests can replace it.
  public var clock: () -> Double = { Date().timeIntervalSince1970 }
  /// The themes `t` cycles through and where the choice is remembered; nil: `t` says it cannot.
  public var themes: (library: ThemeLibrary, current: String, store: StateStore)?
  /// Where `x` also saves the agreed learning areas as an explorer snapshot
  /// (`<session id>-agreed.json`, replaced on each export); nil: no snapshot.
  public var snapshotsFolder: String?

  /// A loop over `terminal` writing to `journal`.
  public init(
    state: WorkshopState, terminal: any InteractiveTerminal, theme: Theme, journal: WorkshopJournal
  ) {
    self.state = state
    self.terminal = terminal
    self.theme = theme
    self.journal = journal
  }

  /// Journals that a saved session is being taken up again, so its clock restarts from now for
  /// anyone following the journal (the time it was closed is not counted).
  public func markResumed() {
    perform(reduceWorkshop(&state, .resumed))
  }

  /// Runs until the facilitator quits; returns the exit status.
  public func run() -> Int32 {
    perform(reduceWorkshop(&state, .tick(clock())))
    paint()
    var fds = terminal.pollDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    while true {
      for i in fds.indices { fds[i].revents = 0 }
      let timeout: Int32 = state.isGliding ? 16 : 250
      let rc = poll(&fds, nfds_t(fds.count), timeout)
      if rc < 0 && errno != EINTR { return 1 }
      var quit = false
      perform(reduceWorkshop(&state, .tick(clock())))
      pickUpEntriesFromElsewhere()
      for event in terminal.drainEvents() where handle(event) {
        quit = true
        break
      }
      if quit { return exitMessage == nil ? 0 : 1 }
      paint()
    }
  }

  /// Applies what another process (`workshop import`) appended to the journal. When such an
  /// entry landed before one of ours, the session is rebuilt from the file, so what the room
  /// sees is exactly what a resume would show.
  func pickUpEntriesFromElsewhere() {
    let appended = journal.appendedByOthers()
    guard !appended.entries.isEmpty else { return }
    if appended.outOfOrder, case .success(let replay) = WorkshopSessionFiles.load(journal.path) {
      perform(reduceWorkshop(&state, .reloaded(replay.session, appended.entries)))
    } else {
      perform(reduceWorkshop(&state, .appendedElsewhere(appended.entries)))
    }
  }

  /// Reduces one input event and carries out its effects; true when the loop must end.
  @discardableResult
  func handle(_ event: InputEvent) -> Bool {
    var effects: [WorkshopEffect] = []
    switch event {
    case .key(let key):
      // Below the minimum only the size message shows: a key that did something there (a vote
      // typed blind) would change the session unseen. Quit and suspend still work.
      let size = terminal.size
      let tooSmall =
        size.width < WorkshopScreen.minimum.width || size.height < WorkshopScreen.minimum.height
      if tooSmall, ![.char("q"), .ctrl("c"), .ctrl("z")].contains(key) { return false }
      effects = reduceWorkshop(&state, .key(key))
    case .signal(.interrupt), .signal(.terminate), .signal(.hangup):
      // A signal always ends the session, whatever is open on screen: a closed terminal sends
      // SIGHUP once, and a process left running would keep the session locked.
      state.report = nil
      state.showingHelp = false
      state.field = nil
      effects = reduceWorkshop(&state, .key(.char("q")))
    case .signal(.stop): terminal.suspend()
    case .mouse(let event):
      guard let action = WorkshopScreen.action(for: event, state: state, size: terminal.size) else {
        return false
      }
      effects = reduceWorkshop(&state, .mouse(action))
    default: break
    }
    return perform(effects)
  }

  /// Carries out effects; true when the loop must end.
  @discardableResult
  func perform(_ effects: [WorkshopEffect]) -> Bool {
    var quit = false
    for effect in effects {
      switch effect {
      case .journal(let entry):
        do {
          try journal.append(entry)
        } catch {
          // Never lose silently: say so on screen at once and after the session ends.
          exitMessage = "the journal could not be written: \(error)"
          state.notice = "JOURNAL NOT SAVED: \(error)"
        }
      case .export:
        exportAll()
      case .importCSV(let path):
        let expanded =
          path.hasPrefix("~/") ? (PathText.homeDirectory() ?? "") + String(path.dropFirst()) : path
        switch readText(expanded) {
        case .failure(let d): state.notice = d.description
        case .success(let text):
          perform(importWorkshopVotes(&state, csv: text, file: path))
        }
      case .quit:
        quit = true
      case .suspend:
        terminal.suspend()
      case .cycleTheme:
        cycleTheme()
      }
    }
    return quit
  }

  /// `t`: the next theme, remembered for the explorer and the next session; a theme that cannot
  /// be used keeps the current one and says why.
  func cycleTheme() {
    guard var themes, let (next, result) = themes.library.next(after: themes.current) else {
      state.notice = "No other themes to switch to"
      return
    }
    // Broken themes are stepped over on the next `t`, not retried.
    themes.current = next
    self.themes = themes
    switch result {
    case .success(let t):
      theme = t.theme
      state.notice = "Theme: \(t.info.name)"
      do {
        try themes.store.saveTheme(t.info.name)
      } catch {
        state.notice = "Theme: \(t.info.name) (could not remember it: \(error))"
      }
    case .failure(let e):
      state.notice = ThemeLibrary.themeWarning(next, e)
    }
  }

  /// Writes md, json, csv and svg next to the journal, and the agreed areas as a snapshot.
  func exportAll() {
    let base = String(journal.path.dropLast(".jsonl".count))
    var written: [String] = []
    for format in WorkshopExportFormat.allCases {
      let path = base + "." + format.rawValue
      let text = WorkshopExport.render(state.session, format: format, catalogue: state.catalogue)
      do {
        try AtomicFile().write(Data(text.utf8), to: path, overwrite: true)
        written.append(path)
      } catch {
        state.notice = "Export failed: \(error)"
        return
      }
    }
    // One snapshot per session, replaced as the agreement moves on, so `o` in the explorer
    // lists it once.
    if let folder = snapshotsFolder,
      let snapshot = WorkshopExport.snapshot(
        state.session, catalogue: state.catalogue,
        created: SnapshotTimestamp(secondsSince1970: Int64(clock())))
    {
      let path = WorkshopExport.agreedSnapshotPath(state.session, folder: folder)
      do {
        try SnapshotStore(folder: folder).write(
          snapshot, format: .json, to: path, overwrite: true, catalogue: state.catalogue)
        written.append(path)
      } catch {
        // The reports are written; say which, and why the snapshot is not.
        state.exported = written
        exports = written
        state.notice = "Reports exported; the agreed snapshot failed: \(error.description)"
        return
      }
    }
    state.exported = written
    exports = written
    state.notice = nil
    // Full paths are too long for the status line: list them until the next key.
    let reports = written.filter { !$0.hasSuffix("-agreed.json") }
    var lines = ["Reports next to the session journal:"] + reports.map { "  " + $0 }
    if let snapshot = written.first(where: { $0.hasSuffix("-agreed.json") }) {
      lines += ["The agreed areas as a snapshot (o, then a, in the explorer):", "  " + snapshot]
    }
    state.report = .init(title: "Exported", lines: lines)
  }

  func paint() {
    let size = terminal.size
    var grid = WorkshopScreen.render(state, theme: theme, size: size)
    grid.cursor = WorkshopScreen.cursor(state, size: size)
    let changes = grid.changes(since: previous)
    if !changes.isEmpty || previous?.cursor != grid.cursor {
      terminal.paint(changes, cursor: grid.cursor)
    }
    previous = grid
  }
}

extension WorkshopLoop {
  /// Before a new session exists: shows the too-small message until the terminal reaches
  /// `WorkshopScreen.minimum`. True once it has (at once when it already is); false when the
  /// facilitator quits first (q, Ctrl-C, SIGINT, SIGTERM, SIGHUP), so no journal need be made.
  ///
  /// ```swift
  /// guard WorkshopLoop.waitForUsableSize(terminal: screen, theme: theme, ascii: false) else { return 0 }
  /// let journal = try WorkshopJournal.create(in: folder, session: session)
  /// ```
  public static func waitForUsableSize(terminal: any InteractiveTerminal, theme: Theme, ascii: Bool)
    -> Bool
  {
    let minimum = WorkshopScreen.minimum
    var previous: CellGrid?
    var fds = terminal.pollDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    while true {
      let size = terminal.size
      if size.width >= minimum.width, size.height >= minimum.height { return true }
      var grid = CellGrid(size: size, fill: Cell(text: " ", width: 1, style: theme.style("base")))
      Screen.drawTooSmall(
        into: &grid, style: theme.style("message"), ascii: ascii, screen: "The workshop",
        minimum: minimum)
      let changes = grid.changes(since: previous)
      if !changes.isEmpty || previous == nil { terminal.paint(changes, cursor: nil) }
      previous = grid
      for i in fds.indices { fds[i].revents = 0 }
      if poll(&fds, nfds_t(fds.count), -1) < 0 && errno != EINTR { return false }
      for event in terminal.drainEvents() {
        switch event {
        case .key(.char("q")), .key(.char("Q")), .key(.ctrl("c")),
          .signal(.interrupt), .signal(.terminate), .signal(.hangup):
          return false
        case .key(.ctrl("z")), .signal(.stop):
          terminal.suspend()
        default:
          break
        }
      }
    }
  }
}

/// Tells other processes (`workshop notes`) that a session's screen is open: an exclusive
/// `flock(2)` on its journal, held while the workshop runs. The kernel drops it however the
/// process ends (quit, crash, `kill -9`), so it never goes stale the way a pid file would, and a
/// `workshop resume` takes it again.
///
/// ```swift
/// let running = WorkshopRunningLock(journalPath: journal.path)   // keep it until the screen closes
/// WorkshopRunningLock.isHeld(on: journal.path)                   // true, in any process
/// ```
public final class WorkshopRunningLock {
  private let fd: Int32

  /// Takes the lock; nil when the journal cannot be opened or another process holds it.
  public init?(journalPath: String) {
    let fd = open(journalPath, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      return nil
    }
    self.fd = fd
  }

  deinit { close(fd) }

  /// Takes the lock, trying for about a fifth of a second: `isHeld(on:)` in another process
  /// (a `workshop notes` view polling) holds a shared lock for an instant, which must not be
  /// mistaken for another screen. Nil when another screen really holds it.
  public static func acquire(journalPath: String) -> WorkshopRunningLock? {
    for attempt in 0..<20 {
      if let lock = WorkshopRunningLock(journalPath: journalPath) { return lock }
      if attempt < 19 { usleep(10_000) }
    }
    return nil
  }

  /// True while a workshop screen has the session at `path` open (in this or another process).
  public static func isHeld(on path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    if flock(fd, LOCK_SH | LOCK_NB) == 0 {
      _ = flock(fd, LOCK_UN)
      return false
    }
    return errno == EWOULDBLOCK
  }
}
