import ArgumentParser
import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerApp
import LearnerPowerModel
import NcursesTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// `learnerpower workshop …`: run, resume, follow, check, export and import workshop sessions.
struct WorkshopCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workshop",
    abstract: "Walk a group through the continuum with a script; votes and notes are journalled.",
    discussion: "SESSION is a journal file path or its id in the sessions folder.",
    subcommands: [Run.self, Resume.self, Notes.self, Check.self, Export.self, Import.self],
    defaultSubcommand: Run.self
  )

  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run",
      abstract: "Run a workshop script (checked first; a bad script never opens the screen).")

    @Argument(help: ArgumentHelp("The workshop script (TOML).", valueName: "script"))
    var script: String

    @OptionGroup var screen: WorkshopScreenOptions

    @OptionGroup var common: CommonOptions

    func run() throws {
      let catalogue = try common.catalogue()
      let parsed: WorkshopScript
      switch WorkshopSessionFiles.loadScript(script) {
      case .success(let s): parsed = s
      case .failure(let e):
        Output.err((e.description + "\n"))
        throw ExitCode(1)
      }
      let code = runWorkshopSession(
        .start(parsed, source: script), catalogue: catalogue, paths: common.paths, screen: screen)
      if code != 0 { throw ExitCode(code) }
    }
  }

  struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "resume",
      abstract: "Resume a session exactly where it was (the latest when none is named).")

    @Argument(help: ArgumentHelp("Journal path or session id.", valueName: "session"))
    var session: String?

    @OptionGroup var screen: WorkshopScreenOptions

    @OptionGroup var common: CommonOptions

    func run() throws {
      let catalogue = try common.catalogue()
      let path = try resolveSession(session, common: common)
      let code = runWorkshopSession(
        .resume(path), catalogue: catalogue, paths: common.paths, screen: screen)
      if code != 0 { throw ExitCode(code) }
    }
  }

  struct Notes: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "notes",
      abstract:
        "Follow a running session in a second terminal: facilitator notes, next step, timer.",
      discussion: """
        When the session's screen closes the view says SESSION ENDED and the clock stops; q \
        closes the view. Without a terminal to read q from (input not a terminal), it exits once \
        the session has ended.
        """)

    @Argument(
      help: ArgumentHelp("Journal path or session id (the latest when none).", valueName: "session")
    )
    var session: String?

    @Flag(help: "Print the notes view once and exit instead of following.")
    var once = false

    @OptionGroup var common: CommonOptions

    func run() throws {
      let path = try resolveSession(session, common: common)
      let code = followWorkshopNotes(path: path, once: once)
      if code != 0 { throw ExitCode(code) }
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check workshop scripts and report every problem with its line.")

    @Argument(help: ArgumentHelp("Workshop scripts to check.", valueName: "script"))
    var scripts: [String]

    func run() throws {
      var failed = false
      for file in scripts {
        switch WorkshopSessionFiles.loadScript(file) {
        case .success(let s):
          let votes = s.steps.filter { $0.kind == .vote }.count
          print(
            "\(file): ok (\(s.steps.count) steps, \(votes) vote\(votes == 1 ? "" : "s"), "
              + "\(VoteStatistics.format(s.plannedMinutes)) minutes planned)")
        case .failure(let e):
          failed = true
          Output.err((e.description + "\n"))
        }
      }
      if failed { throw ExitCode(1) }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export a session as a Markdown report, JSON, CSV of votes or SVG charts.")

    @Argument(help: ArgumentHelp("Journal path or session id.", valueName: "session"))
    var session: String

    @Option(
      help:
        "md, json, csv, svg or snapshot (the agreed learning areas as an explorer snapshot); defaults from the -o extension, else md."
    )
    var format: String?

    @Option(
      name: [.short, .customLong("output")],
      help: ArgumentHelp("Write here ('-' or none: standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace an existing output file.")
    var force = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
      if let format, format != "snapshot", WorkshopExportFormat(rawValue: format) == nil {
        throw ValidationError("--format must be md, json, csv, svg or snapshot (got '\(format)').")
      }
    }

    func run() throws {
      let catalogue = try common.catalogue()
      let path = try resolveSession(session, common: common)
      let replay: WorkshopSession.Replay
      switch WorkshopSessionFiles.load(path) {
      case .success(let r): replay = r
      case .failure(let d):
        printError(d.description)
        throw ExitCode(1)
      }
      // The report is what reaches the client: say when part of the journal could not be read.
      if !replay.skippedLines.isEmpty {
        let lines = replay.skippedLines.map(String.init).joined(separator: ", ")
        printError(
          "warning: \(path): journal line\(replay.skippedLines.count == 1 ? "" : "s") \(lines) could not be read and \(replay.skippedLines.count == 1 ? "is" : "are") left out of the export"
        )
      }
      if format == "snapshot" {
        try exportSnapshot(replay.session, catalogue: catalogue)
        return
      }
      let ext = output.map { PathText.pathExtension($0).lowercased() } ?? ""
      let chosen =
        format.flatMap(WorkshopExportFormat.init(rawValue:))
        ?? WorkshopExportFormat(rawValue: ext == "markdown" ? "md" : ext) ?? .md
      let text = WorkshopExport.render(replay.session, format: chosen, catalogue: catalogue)
      guard let output, output != "-" else {
        Output.out(text)
        return
      }
      do {
        try AtomicFile().write(Data(text.utf8), to: output, overwrite: force)
      } catch {
        printError(error.description)
        throw ExitCode(1)
      }
      print(output)
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract:
        "Add votes from a CSV (name,current,target, or a file 'workshop export' wrote) to a session's vote step.",
      discussion: """
        A header row naming its columns (name, current, target; step, step_title and area are \
        read or ignored) is matched by name; with a step column only that step's rows are taken. \
        Bad rows are reported by line and skipped; good rows are kept. Exit 1 when any row was \
        bad. A session running on another screen shows the votes at once.
        """)

    @Argument(help: ArgumentHelp("Journal path or session id.", valueName: "session"))
    var session: String

    @Argument(help: ArgumentHelp("The votes CSV.", valueName: "votes.csv"))
    var csv: String

    @Option(
      help: ArgumentHelp("The vote step (1-based); default: the current step.", valueName: "n"))
    var step: Int?

    @OptionGroup var common: CommonOptions

    func run() throws {
      let path = try resolveSession(session, common: common)
      let journal: WorkshopJournal
      let replay: WorkshopSession.Replay
      // A session open on another screen picks the votes up from the journal as they land.
      let running = WorkshopRunningLock.isHeld(on: path)
      switch WorkshopJournal.open(path, repairTail: !running) {
      case .success(let (j, r)):
        journal = j
        replay = r
      case .failure(let d):
        printError(d.description)
        throw ExitCode(1)
      }
      let s = replay.session
      let index = step.map { $0 - 1 } ?? s.stepIndex
      guard s.script.steps.indices.contains(index) else {
        printError(
          "\(path): there is no step \(index + 1); the script has \(s.script.steps.count) steps")
        throw ExitCode(1)
      }
      guard s.script.steps[index].kind == .vote else {
        printError(
          "\(path): step \(index + 1) is not a vote step; name one with --step "
            + "(vote steps: \(s.script.steps.indices.filter { s.script.steps[$0].kind == .vote }.map { String($0 + 1) }.joined(separator: ", ")))"
        )
        throw ExitCode(1)
      }
      let text: String
      switch readCSV(csv) {
      case .success(let t): text = t
      case .failure(let problem):
        printError(problem.description)
        throw ExitCode(1)
      }
      let result = WorkshopVoteCSV.parse(
        text, collect: s.script.steps[index].collect, step: index + 1)
      for problem in result.problems { printError("\(csv): \(problem)") }
      // A session may be running in another terminal with its own id counter in memory:
      // imported ids come from a range of their own, so `d` (which deletes by id) can never
      // remove an imported vote by mistake.
      var nextID = WorkshopVote.firstImportedID(in: s)
      let now = Date().timeIntervalSince1970
      do {
        for row in result.rows {
          let vote = WorkshopVote(
            id: nextID, name: row.name, current: row.current, target: row.target)
          nextID += 1
          try journal.append(.voted(vote, step: index, at: now))
        }
      } catch {
        printError(error.description)
        throw ExitCode(1)
      }
      print(
        "\(path): imported \(result.rows.count) vote\(result.rows.count == 1 ? "" : "s") into step \(index + 1); "
          + "skipped \(result.problems.count)" + result.otherStepsNote
          + (running ? " (the running session shows them now)" : ""))
      if !result.problems.isEmpty { throw ExitCode(1) }
    }
  }
}

extension WorkshopCommand.Export {
  /// `--format snapshot`: the agreed learning areas as an explorer snapshot (JSON), written
  /// into the snapshots folder (or to `-o`), so `o` then `a` in the explorer takes them.
  func exportSnapshot(_ session: WorkshopSession, catalogue: Catalogue) throws {
    guard
      let snapshot = WorkshopExport.snapshot(session, catalogue: catalogue, created: .now())
    else {
      printError(
        "\(session.id): nothing has been agreed yet (no votes, answers or adjusted positions), so there is no snapshot to write."
      )
      throw ExitCode(1)
    }
    if output == "-" {
      do {
        Output.out(String(decoding: try SnapshotCodec.encode(snapshot), as: UTF8.self))
      } catch {
        printError("could not encode the snapshot: \(error)")
        throw ExitCode(1)
      }
      return
    }
    let store = SnapshotStore(folder: common.paths.snapshots)
    // The same file `x` in the session replaces, so the explorer lists one per session.
    let path = output ?? WorkshopExport.agreedSnapshotPath(session, folder: store.folder)
    do {
      try store.write(
        snapshot, format: .json, to: path, overwrite: force || output == nil, catalogue: catalogue,
        createFolder: output == nil)
    } catch {
      printError(error.description)
      throw ExitCode(1)
    }
    print(path)
  }
}

/// A SESSION argument as a journal path, or exit 1 with the reason.
func resolveSession(_ name: String?, common: CommonOptions) throws -> String {
  switch WorkshopSessionFiles.resolve(name, folder: common.paths.sessions) {
  case .success(let p): return p
  case .failure(let d):
    printError(d.description)
    throw ExitCode(1)
  }
}

/// Reads a CSV file as text with a message naming the file.
func readCSV(_ path: String) -> Result<String, Diagnostic> {
  let data: Data
  switch readFileData(path, limit: 16 << 20) {
  case .failure(let d): return .failure(d)
  case .success(let d): data = d
  }
  guard let text = String(data: data, encoding: .utf8) else {
    return .failure(Diagnostic(file: path, message: "is not UTF-8 text"))
  }
  return .success(text)
}

/// How the workshop screen looks and listens, shared by `run` and `resume`.
struct WorkshopScreenOptions: ParsableArguments {
  @Flag(help: "Use ASCII glyphs only.")
  var ascii = false

  @Option(
    help: ArgumentHelp(
      "Theme name or path to a theme file (default: the explorer's last choice).",
      valueName: "theme"))
  var theme: String?

  @Flag(help: "Do not turn on mouse reporting (leaves the terminal's own text selection alone).")
  var noMouse = false
}

/// How a workshop screen starts: a new session from a script, or an existing journal.
enum WorkshopStart {
  case start(WorkshopScript, source: String)
  case resume(String)
}

/// Opens the journal of a resumed session, then the terminal; a new session's journal is created
/// only once the terminal is at least 80×24 (quitting before that leaves no file). Runs the
/// session and always gives the terminal back. Returns the exit status (2 without a terminal).
func runWorkshopSession(
  _ start: WorkshopStart, catalogue: Catalogue, paths: AppPaths,
  screen options: WorkshopScreenOptions
) -> Int32 {
  let env = ProcessInfo.processInfo.environment
  // Two screens appending to one journal would interleave two sessions' worth of changes, so a
  // resume takes the session's lock before anything else (and says so first, as it is the
  // reason whatever the terminal). While it is held, `workshop notes` knows the session runs.
  var running: WorkshopRunningLock?
  if case .resume(let path) = start {
    guard let lock = WorkshopRunningLock.acquire(journalPath: path) else {
      if WorkshopRunningLock.isHeld(on: path) {
        printError(
          "\(path): this session is open on another screen; quit it there first "
            + "(or follow it with 'learnerpower workshop notes').")
      } else {
        printError("\(path): cannot open the session journal (\(String(cString: strerror(errno))))")
      }
      return 1
    }
    running = lock
  }
  guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
    printError(
      "the workshop needs a terminal. To check a script use 'learnerpower workshop check', "
        + "to write a report use 'learnerpower workshop export'.")
    return 2
  }
  // A resumed journal is opened (and its problems reported) before the screen; a new session's
  // journal is only created once the terminal is big enough to run it (below).
  var journal: WorkshopJournal?
  var session: WorkshopSession?
  var notice: String?
  if case .resume(let path) = start {
    switch WorkshopJournal.open(path) {
    case .failure(let d):
      printError(d.description)
      return 1
    case .success(let (j, replay)):
      journal = j
      session = replay.session
      notice = "Resumed \(replay.session.id)"
      if !replay.skippedLines.isEmpty {
        notice =
          "Resumed; unreadable journal lines skipped: \(replay.skippedLines.map(String.init).joined(separator: ", "))"
      }
    }
  }
  let screen: NcursesScreen
  do {
    screen = try NcursesScreen.open(
      options: NcursesOptions(environment: env, mouse: !options.noMouse, ascii: options.ascii))
  } catch {
    switch error {
    case .notATerminal:
      printError("\(error)." + (journal.map { " The session journal is \($0.path)." } ?? ""))
      return 2
    default:
      printError("\(error).")
      return 1
    }
  }
  defer { screen.restore() }
  let store = StateStore(paths: paths)
  let (remembered, _) = store.load()
  let library = ThemeLibrary(paths: paths, environment: env)
  let (theme, themeWarning) = library.choose(wanted: options.theme, remembered: remembered.theme)
  if case .start(let script, let source) = start {
    // Started in a small window, the facilitator may give up: no empty journal is left behind.
    guard
      WorkshopLoop.waitForUsableSize(
        terminal: screen, theme: theme.theme, ascii: screen.prefersASCII)
    else {
      screen.restore()
      Output.err("No session was started (the workshop needs at least 80x24).\n")
      return 0
    }
    let startedAt = Date().timeIntervalSince1970
    let id = WorkshopSessionFiles.newID(title: script.title, at: startedAt, folder: paths.sessions)
    let fresh = WorkshopSession(id: id, script: script, source: source, startedAt: startedAt)
    do {
      journal = try WorkshopJournal.create(in: paths.sessions, session: fresh)
    } catch {
      screen.restore()
      printError("cannot start the session journal: \(error)")
      return 1
    }
    session = fresh
  }
  guard let journal, let session else { return 1 }
  // A new journal is this process's alone; only a notes view's probe can delay the lock.
  if running == nil { running = WorkshopRunningLock.acquire(journalPath: journal.path) }
  let now = Date().timeIntervalSince1970
  var state = WorkshopState(
    session: session, catalogue: catalogue, now: now, ascii: screen.prefersASCII)
  state.notice = themeWarning ?? notice
  let loop = WorkshopLoop(state: state, terminal: screen, theme: theme.theme, journal: journal)
  loop.snapshotsFolder = paths.snapshots
  loop.themes = (library, theme.info.name, store)
  if case .resume = start { loop.markResumed() }
  let code = loop.run()
  screen.restore()
  withExtendedLifetime(running) {}
  if let message = loop.exitMessage { printError(message) }
  Output.err("Session journal: \(journal.path)\n")
  return code
}

/// Follows a journal and prints the facilitator's view: current step, its notes, the next step
/// and the timer. Redraws when the journal changes (and every second for the timer). When the
/// session's screen closes (its running lock is released) the view says so and the clock stops;
/// `q` closes the view. Without a keyboard to read `q` from, it exits once the session has ended.
func followWorkshopNotes(path: String, once: Bool) -> Int32 {
  let onTerminal = isatty(STDOUT_FILENO) != 0
  let keys = once ? nil : KeyboardInput(fd: STDIN_FILENO)
  defer { keys?.restore() }
  var lastText = ""
  var lastSize = -1
  var session: WorkshopSession?
  var changed = false
  var wasEnded: Bool?
  while true {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
    if size != lastSize {
      lastSize = size
      changed = true
      switch WorkshopSessionFiles.load(path) {
      case .success(let r):
        session = r.session
      case .failure(let d):
        printError(d.description)
        return 1
      }
    }
    guard let s = session else { return 1 }
    let ended = !WorkshopRunningLock.isHeld(on: path)
    if ended != wasEnded {
      wasEnded = ended
      changed = true
    }
    var text = workshopNotesView(
      s, now: Date().timeIntervalSince1970, ended: ended, width: terminalWidth())
    if keys != nil { text += "\n(q closes this view)\n" }
    // On a terminal the view is redrawn as the timer ticks; into a pipe or file a new page is
    // written only when the journal or the session's state changes, not every second.
    if once || (onTerminal ? text != lastText : changed) {
      changed = false
      let clear = (onTerminal && !once) ? "\u{1B}[H\u{1B}[2J" : ""
      Output.out((clear + text))
      lastText = text
    }
    if once { return 0 }
    // Nothing more will come and no key could close the view: finish like --once.
    if ended && keys == nil { return 0 }
    guard let keys else {
      usleep(500_000)
      continue
    }
    var fds = keys.pollDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    _ = poll(&fds, nfds_t(fds.count), 500)
    for event in keys.drainEvents() {
      switch event {
      case .key(.char("q")), .key(.char("Q")), .signal(.interrupt), .signal(.terminate),
        .signal(.hangup):
        return 0
      case .signal(.stop):
        keys.suspend()
        lastText = ""
      case .signal(.resumed), .resize:
        lastText = ""
      default:
        break
      }
    }
  }
}

/// The width of the terminal on standard output, or 80.
func terminalWidth() -> Int {
  var size = winsize()
  guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
  return Int(size.ws_col)
}
