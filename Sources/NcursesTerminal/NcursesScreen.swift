import CNcurses
import CTerminalGuard
import Canvas

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ncurses terminal: the only place the app's frames, keys and mouse touch the real terminal.
///
/// One thread owns it (ncurses is not thread-safe). Open it, wait on `pollDescriptors`, call
/// `drainEvents()` once per wake-up, paint the changed cells, and `restore()` on the way out:
///
/// ```swift
/// let screen = try NcursesScreen.open(options: NcursesOptions(environment: env))
/// defer { screen.restore() }
/// var previous: CellGrid? = nil
/// let grid = render(state, screen.size)
/// screen.paint(grid.changes(since: previous), cursor: grid.cursor)
/// previous = grid
/// ```
public final class NcursesScreen: InteractiveTerminal {
  /// Bytes written by the crash guard (and on suspend): every mouse mode off, attributes reset,
  /// cursor visible, alternate screen left, keypad transmit off.
  package static let restoreSequence: [UInt8] = Array(
    ("\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1003l\u{1b}[?1006l" + "\u{1b}[0m\u{1b}[?25h"
      + "\u{1b}[?1049l" + "\u{1b}[?1l\u{1b}>").utf8)

  /// Mouse reporting: press/release (1000), motion while a button is held (1002), SGR encoding
  /// (1006, no 223-column limit). Written directly rather than through `mousemask`: ncurses'
  /// `XM` for xterm asks only for 1000, and its parser merges a burst of reports into one event
  /// (a press or release inside a fast drag is lost), so the reports are decoded here instead.
  private static let mouseOn = Array("\u{1b}[?1000h\u{1b}[?1002h\u{1b}[?1006h".utf8)
  private static let mouseOff = Array("\u{1b}[?1006l\u{1b}[?1002l\u{1b}[?1000l".utf8)

  /// The options the screen was opened with.
  public let options: NcursesOptions
  /// The locale's character set is UTF-8 (checked after `setlocale(LC_ALL, "")`).
  public let isUTF8: Bool
  /// Draw with ASCII glyphs: the locale is not UTF-8, or `options.ascii` asked for it.
  public var prefersASCII: Bool { options.ascii || !isUTF8 }
  /// What theme colours are mapped to: monochrome when the terminal has no colours or colour is
  /// disabled, 16 below 256 colours, 256, or direct colour when terminfo offers it.
  public let colorDepth: ColorDepth
  private let colorCount: Int32
  /// The current size in cells; changes are reported as `.resize` events.
  public private(set) var size: Size
  /// Terminal input and the signal self-pipe, to `poll(2)` for readability.
  public let pollDescriptors: [Int32]

  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let inputFD: Int32
  private let outputFD: Int32
  private let output: UnsafeMutablePointer<FILE>
  private let guarded: Bool
  private var mouseEnabled = false
  private var pendingInput: [RawInput] = []
  private var pairs: [PairKey: Int32] = [:]
  /// Pairs defined once and no longer on the screen, to define again before taking a new one.
  private var freePairs: [Int32] = []
  private var nextPair: Int32 = 1
  /// How often the pair table ran full and unused pairs were reclaimed (tests read it).
  package private(set) var pairRecycleCount = 0
  private var cursorVisibility: Int32 = -1
  private var button1Down = false
  private var pendingEvents: [InputEvent] = []
  private var extraKeys: [Int32: Key] = [:]
  private var isRestored = false

  private struct PairKey: Hashable {
    var fg: Int32
    var bg: Int32
  }

  // MARK: - Opening

  /// Opens the screen on the process's terminal (standard input and output).
  ///
  /// Sets the locale from the environment, switches to raw mode (Ctrl-C and Ctrl-Z arrive as
  /// keys), enters the alternate screen, enables the mouse when asked and installs the crash
  /// guard and the signal pipe.
  /// - Throws: `.notATerminal` when stdin or stdout is not a terminal, `.noTerm` when `TERM` is
  ///   unset, `.unknownTerminal` when terminfo does not know it (or it is hardcopy or generic,
  ///   which ncurses itself refuses), `.cannotAddressCursor` when it cannot move the cursor.
  public static func open(
    options: NcursesOptions = NcursesOptions()
  ) throws(TerminalError) -> NcursesScreen {
    guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
    guard let raw = getenv("TERM"), raw.pointee != 0 else { throw .noTerm }
    return try open(
      options: options, term: String(cString: raw), input: lp_stdin(), output: lp_stdout(),
      guardTerminal: true)
  }

  /// Opens the screen on explicit streams (tests use a pipe and a temporary file).
  ///
  /// `guardTerminal` installs the crash guard on the output descriptor; the signal pipe is
  /// always installed (so ncurses installs no handlers of its own).
  package static func open(
    options: NcursesOptions, term: String, input: UnsafeMutablePointer<FILE>,
    output: UnsafeMutablePointer<FILE>, guardTerminal: Bool
  ) throws(TerminalError) -> NcursesScreen {
    guard !term.isEmpty else { throw .noTerm }
    setlocale(LC_ALL, "")
    let codeset = lp_codeset().map { String(cString: $0).uppercased() } ?? ""
    let isUTF8 = codeset == "UTF-8" || codeset == "UTF8"

    let outputFD = fileno(output)
    if guardTerminal {
      // Saved before ncurses leaves cooked mode, so a crash restores the shell's settings.
      _ = restoreSequence.withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) {
          lp_guard_install(outputFD, $0.baseAddress, $0.count)
        }
      }
    }
    // Installed before newterm: ncurses then leaves SIGINT/SIGTERM/SIGTSTP/SIGWINCH to us.
    let signalFD = lp_signals_install()

    guard let screen = newterm(term, output, input), let window = lp_stdscr() else {
      if guardTerminal { lp_guard_uninstall() }
      lp_signals_uninstall()
      throw .unknownTerminal(term)
    }
    guard lp_can_address_cursor() != 0 else {
      // Opened but unusable (TERM=dumb): give the terminal back before saying so. ncurses has
      // changed nothing visible yet; endwin restores the modes newterm saved.
      endwin()
      fflush(output)
      delscreen(screen)
      if guardTerminal { lp_guard_uninstall() }
      lp_signals_uninstall()
      throw .cannotAddressCursor(term)
    }
    return NcursesScreen(
      options: options, isUTF8: isUTF8, screen: screen, window: window, input: input,
      output: output, signalFD: signalFD, guarded: guardTerminal)
  }

  private init(
    options: NcursesOptions, isUTF8: Bool, screen: OpaquePointer,
    window: UnsafeMutablePointer<WINDOW>, input: UnsafeMutablePointer<FILE>,
    output: UnsafeMutablePointer<FILE>, signalFD: Int32, guarded: Bool
  ) {
    self.options = options
    self.isUTF8 = isUTF8
    self.screen = screen
    self.window = window
    self.inputFD = fileno(input)
    self.outputFD = fileno(output)
    self.output = output
    self.guarded = guarded
    self.pollDescriptors = signalFD >= 0 ? [fileno(input), signalFD] : [fileno(input)]

    raw()
    noecho()
    nonl()
    intrflush(window, false)
    keypad(window, true)
    nodelay(window, true)
    scrollok(window, false)
    leaveok(window, false)
    set_escdelay(25)

    if options.color, has_colors() {
      start_color()
      use_default_colors()
      let colors = lp_colors()
      colorCount = colors
      if lp_has_direct_color() != 0 {
        colorDepth = .direct
      } else if colors >= 256 {
        colorDepth = .indexed256
      } else if colors >= 8 {
        colorDepth = .sixteen
      } else {
        colorDepth = .monochrome
      }
    } else {
      colorDepth = .monochrome
      colorCount = 0
    }

    size = Size(width: Int(lp_cols()), height: Int(lp_lines()))
    extraKeys = Self.defineExtraKeys()
    setCursor(visible: true)
    // Enters the alternate screen and clears it once; frames then only paint changes.
    wnoutrefresh(window)
    doupdate()
    if options.mouse { setMouse(enabled: true) }
  }

  deinit {
    restore()
  }

  /// Keys some terminals send that the terminfo entry does not list, and shifted keys that only
  /// have extended (user-defined) capability names.
  private static func defineExtraKeys() -> [Int32: Key] {
    // Normal-mode cursor keys (ESC [ A) arrive when keypad-transmit mode was lost (tmux,
    // screen readers, a program that ran before us); terminfo lists only ESC O A.
    let normalMode: [(String, Int32)] = [
      ("\u{1b}[A", Int32(LP_KEY_UP)), ("\u{1b}[B", Int32(LP_KEY_DOWN)),
      ("\u{1b}[C", Int32(LP_KEY_RIGHT)), ("\u{1b}[D", Int32(LP_KEY_LEFT)),
      ("\u{1b}[H", Int32(LP_KEY_HOME)), ("\u{1b}[F", Int32(LP_KEY_END)),
      // vt220-style Home/End (tmux and screen send these whatever TERM says, rxvt uses 7~/8~);
      // left undefined, "ESC [ 4 ~" would arrive as a stray 4 and jump to stage 4.
      ("\u{1b}[1~", Int32(LP_KEY_HOME)), ("\u{1b}[4~", Int32(LP_KEY_END)),
      ("\u{1b}[7~", Int32(LP_KEY_HOME)), ("\u{1b}[8~", Int32(LP_KEY_END)),
      ("\u{1b}OH", Int32(LP_KEY_HOME)), ("\u{1b}OF", Int32(LP_KEY_END)),
    ]
    for (sequence, code) in normalMode where key_defined(sequence) == 0 {
      define_key(sequence, code)
    }
    // SGR mouse reports must reach drainEvents as plain bytes (see `mouseOn`).
    if key_defined("\u{1b}[<") > 0 { define_key("\u{1b}[<", 0) }
    var keys: [Int32: Key] = [:]
    let extended: [(String, Key)] = [
      ("kUP", .shiftUp), ("kDN", .shiftDown), ("kLFT", .shiftLeft), ("kRIT", .shiftRight),
    ]
    for (name, key) in extended {
      let code = lp_key_for_capability(name)
      if code > 0 { keys[code] = key }
    }
    return keys
  }

  // MARK: - Painting

  /// Paints the runs of changed cells, parks the cursor at `cursor` (hidden when nil) and
  /// flushes once. Wide characters are written once; continuation cells are skipped.
  public func paint(_ changes: [CellChange], cursor: Point?) {
    guard !isRestored else { return }
    let width = size.width
    let height = size.height
    var cc = cchar_t()
    // Cells whose colours found the pair table full: drawn in the default pair for now, and
    // again below once the pairs this frame no longer shows are reclaimed.
    var starved: [(x: Int, y: Int, cell: Cell, fits: Bool)] = []
    for change in changes where change.row >= 0 && change.row < height {
      for (offset, cell) in change.cells.enumerated() {
        let x = change.column + offset
        guard x >= 0, x < width, cell.width != 0 else { continue }
        let fits = cell.width < 2 || x + 1 < width
        let pair = allocatedPair(for: cell.style)
        if pair == nil { starved.append((x, change.row, cell, fits)) }
        setCell(
          &cc, text: fits ? cell.text : " ", wide: cell.width == 2 && fits, style: cell.style,
          pair: pair ?? 0)
        mvwadd_wch(window, Int32(change.row), Int32(x), &cc)
      }
    }
    if !starved.isEmpty {
      // Typically a theme switch on a terminal with few pairs (TERM=xterm has 64). Every changed
      // cell is in the window now, so what it does not show is free; the starved cells are
      // rewritten before the single refresh below, so the terminal only sees the final colours.
      recycleUnusedPairs()
      for s in starved {
        setCell(
          &cc, text: s.fits ? s.cell.text : " ", wide: s.cell.width == 2 && s.fits,
          style: s.cell.style, pair: allocatedPair(for: s.cell.style) ?? 0)
        mvwadd_wch(window, Int32(s.y), Int32(s.x), &cc)
      }
    }
    if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < width, cursor.y < height {
      setCursor(visible: true)
      wmove(window, Int32(cursor.y), Int32(cursor.x))
    } else {
      setCursor(visible: false)
    }
    wnoutrefresh(window)
    doupdate()
  }

  private func setCell(_ cc: inout cchar_t, text: String, wide: Bool, style: Style, pair: Int32) {
    // Base character plus combining marks, NUL-terminated, within ncurses' per-cell limit.
    var chars: [wchar_t] = []
    chars.reserveCapacity(Int(LP_CCHARW_MAX))
    for scalar in text.unicodeScalars {
      guard chars.count < Int(LP_CCHARW_MAX) - 1 else { break }
      if !isUTF8, scalar.value > 0x7e {
        // A non-UTF-8 terminal would show mojibake; keep the column count right instead.
        if chars.isEmpty { chars.append(wchar_t(UInt8(ascii: "?"))) }
        continue
      }
      guard scalar.value >= 0x20, scalar.value != 0x7f else { continue }
      chars.append(wchar_t(bitPattern: scalar.value))
    }
    if chars.isEmpty { chars.append(wchar_t(UInt8(ascii: " "))) }
    if wide, !isUTF8 { chars = [wchar_t(UInt8(ascii: "?"))] }
    chars.append(0)
    let attrs = Self.attributes(style.attributes)
    _ = chars.withUnsafeBufferPointer { lp_setcchar(&cc, $0.baseAddress, attrs, pair) }
  }

  private static func attributes(_ a: Attributes) -> attr_t {
    var out = lp_a_normal()
    if a.contains(.bold) { out |= lp_a_bold() }
    if a.contains(.dim) { out |= lp_a_dim() }
    if a.contains(.italic) { out |= lp_a_italic() }
    if a.contains(.underline) { out |= lp_a_underline() }
    if a.contains(.reverse) { out |= lp_a_reverse() }
    return out
  }

  /// The colour pair for a style, allocated once per (foreground, background); 0 is the
  /// terminal's default pair and the fallback when the terminal's pairs run out.
  package func pairNumber(for style: Style) -> Int32 { allocatedPair(for: style) ?? 0 }

  /// The style's pair: 0 for the default colours, nil when every pair is taken.
  ///
  /// A pair is reused only after `recycleUnusedPairs` found it nowhere on the screen: ncurses
  /// repaints every cell of a redefined pair, so redefining one still in use would recolour it.
  private func allocatedPair(for style: Style) -> Int32? {
    guard colorDepth != .monochrome else { return 0 }
    let key = PairKey(
      fg: ColorPalette.number(for: style.fg, depth: colorDepth, colors: colorCount),
      bg: ColorPalette.number(for: style.bg, depth: colorDepth, colors: colorCount))
    if key.fg == -1, key.bg == -1 { return 0 }
    if let pair = pairs[key] { return pair }
    let pair: Int32
    if let free = freePairs.popLast() {
      pair = free
    } else if nextPair < lp_color_pairs() {
      pair = nextPair
      nextPair += 1
    } else {
      return nil
    }
    guard init_extended_pair(pair, key.fg, key.bg) == OK else {
      freePairs.append(pair)
      return nil
    }
    pairs[key] = pair
    return pair
  }

  /// Frees every allocated pair that no cell of the window uses. Called only when the table is
  /// full, so ordinary frames never pay for the scan.
  private func recycleUnusedPairs() {
    pairRecycleCount += 1
    var used = Set<Int32>()
    var cc = cchar_t()
    var chars = [wchar_t](repeating: 0, count: Int(LP_CCHARW_MAX) + 1)
    var attrs: attr_t = 0
    var pair: Int32 = 0
    for y in 0..<Int32(size.height) {
      for x in 0..<Int32(size.width) where mvwin_wch(window, y, x, &cc) != ERR {
        if lp_getcchar(&cc, &chars, &attrs, &pair) != ERR { used.insert(pair) }
      }
    }
    for (key, pair) in pairs where !used.contains(pair) {
      pairs[key] = nil
      freePairs.append(pair)
    }
  }

  private func setCursor(visible: Bool) {
    let wanted: Int32 = visible ? 1 : 0
    guard wanted != cursorVisibility else { return }
    // curs_set writes at once; only call it when the visibility really changes.
    curs_set(wanted)
    cursorVisibility = wanted
  }

  // MARK: - Suspend and restore

  /// Gives the terminal back to the shell and stops the process (Ctrl-Z, or `.signal(.stop)`);
  /// returns after `fg` with the screen exactly as it was (ncurses repaints its virtual screen).
  ///
  /// A size change while stopped is reported by the next `drainEvents()` as `.resize`.
  public func suspend() {
    guard !isRestored else { return }
    let visibility = cursorVisibility
    let hadMouse = mouseEnabled
    setMouse(enabled: false)
    def_prog_mode()
    endwin()
    fflush(output)
    if guarded { lp_guard_restore_now() }
    lp_signals_stop_self()

    // Back after SIGCONT.
    reset_prog_mode()
    cursorVisibility = -1
    setCursor(visible: visibility != 0)
    let sizeBefore = size
    resizeFromTerminal()
    if size != sizeBefore { pendingEvents.append(.resize(size)) }
    // Signals that came while stopped (a resize, SIGTERM) are kept for the next drain.
    pendingEvents += readSignals(afterOwnSuspend: true)
    clearok(lp_curscr(), true)
    wnoutrefresh(window)
    doupdate()
    button1Down = false
    if hadMouse { setMouse(enabled: true) }
  }

  /// Restores the terminal for good: mouse off, attributes reset, cursor visible, alternate
  /// screen left, shell's terminal modes back, guard and signal handlers removed. Idempotent;
  /// also runs from `deinit`. Painting afterwards does nothing.
  public func restore() {
    guard !isRestored else { return }
    isRestored = true
    setMouse(enabled: false)
    curs_set(1)
    if !isendwin() { endwin() }
    fflush(output)
    delscreen(screen)
    if guarded { lp_guard_uninstall() }
    lp_signals_uninstall()
  }

  /// Switches mouse reporting; the bytes go straight to the terminal after ncurses' own output
  /// (`putp` would write to the process's stdout, not to this screen's stream).
  private func setMouse(enabled: Bool) {
    guard enabled != mouseEnabled else { return }
    mouseEnabled = enabled
    fflush(output)
    let bytes = enabled ? Self.mouseOn : Self.mouseOff
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(outputFD, $0.baseAddress, $0.count) }
      if n > 0 {
        offset += n
      } else if n < 0, errno == EINTR {
        continue
      } else {
        break
      }
    }
  }

  /// Traps on purpose so end-to-end tests can check the crash guard restores the terminal.
  package static func crashForTesting() -> Never {
    let values: [Int] = []
    _ = values[Int(getpid()) % 1 + 1]
    fatalError("unreachable")
  }

  // MARK: - Input

  /// One item as `wget_wch` returned it: a character, or a key code (`KEY_CODE_YES`).
  enum RawInput: Hashable {
    case char(UInt32)
    case code(Int32)
  }

  /// Everything pending now, without blocking: signals from the pipe first, then keys and mouse
  /// events in arrival order. Consecutive resizes collapse into the last one.
  public func drainEvents() -> [InputEvent] {
    guard !isRestored else { return [] }
    var events = pendingEvents
    pendingEvents = []
    func append(_ event: InputEvent) {
      if case .resize = event, case .resize = events.last {
        events[events.count - 1] = event
      } else {
        events.append(event)
      }
    }

    var raw = pendingInput
    pendingInput = []
    // A bound keeps a flood (a paste, a stuck key) from starving the frame; the rest stays
    // readable, so the next poll wakes at once.
    for _ in 0..<4096 {
      var wch: wint_t = 0
      let rc = wget_wch(window, &wch)
      if rc == ERR { break }
      raw.append(rc == Int32(LP_KEY_CODE_YES) ? .code(Int32(bitPattern: wch)) : .char(wch))
    }

    // Signals are read after the keys: wget_wch refreshes a touched stdscr by itself, which
    // after a resize would repaint the stale frame before the app paints the new one.
    for event in readSignals(afterOwnSuspend: false) { append(event) }
    for event in decode(raw) { append(event) }
    return events
  }

  /// Events for the signal bytes waiting in the pipe. Right after `suspend()` returns, its own
  /// SIGCONT needs no second repaint, so it is dropped.
  private func readSignals(afterOwnSuspend: Bool) -> [InputEvent] {
    var events: [InputEvent] = []
    for signal in SignalPipe.drain() {
      switch signal {
      case .windowChanged:
        resizeFromTerminal()
        events.append(.resize(size))
      case .terminate: events.append(.signal(.terminate))
      case .hangup: events.append(.signal(.hangup))
      case .interrupt: events.append(.signal(.interrupt))
      case .stop: events.append(.signal(.stop))
      case .continued:
        guard !afterOwnSuspend else { continue }
        continued()
        events.append(.signal(.resumed))
      }
    }
    return events
  }

  /// Turns raw items into events; SGR mouse reports (`ESC [ < b ; x ; y M|m`) arrive as plain
  /// characters and are parsed here. An unfinished report at the end waits for the next drain.
  func decode(_ raw: [RawInput]) -> [InputEvent] {
    var events: [InputEvent] = []
    var i = 0
    while i < raw.count {
      if raw[i] == .char(0x1b) {
        switch parseSGRMouse(raw, from: i) {
        case .complete(let event, let next):
          if let event { events.append(event) }
          i = next
          continue
        case .incomplete:
          pendingInput = Array(raw[i...])
          return events
        case .notMouse:
          break
        }
      }
      let event: InputEvent?
      switch raw[i] {
      case .char(let c): event = decodeChar(c)
      case .code(let c): event = decodeKeyCode(c)
      }
      if let event { events.append(event) }
      i += 1
    }
    return events
  }

  private enum MouseParse {
    case complete(InputEvent?, next: Int)
    case incomplete
    case notMouse
  }

  private func parseSGRMouse(_ raw: [RawInput], from start: Int) -> MouseParse {
    let prefix: [RawInput] = [.char(0x1b), .char(0x5b), .char(0x3c)]
    var i = start
    // Only a full `ESC [ <` counts as the start of a report; a lone ESC stays the Escape key.
    for expected in prefix {
      guard i < raw.count, raw[i] == expected else { return .notMouse }
      i += 1
    }
    var numbers: [Int] = [0]
    while i < raw.count {
      guard case .char(let c) = raw[i] else { return .notMouse }
      i += 1
      switch c {
      case 0x30...0x39:
        // Clamped so a garbled report cannot overflow.
        numbers[numbers.count - 1] = min(100_000, numbers[numbers.count - 1] * 10 + Int(c - 0x30))
      case 0x3b:
        guard numbers.count < 3 else { return .notMouse }
        numbers.append(0)
      case 0x4d, 0x6d:
        guard numbers.count == 3 else { return .notMouse }
        return .complete(
          mouseEvent(button: numbers[0], x: numbers[1] - 1, y: numbers[2] - 1, pressed: c == 0x4d),
          next: i)
      default:
        return .notMouse
      }
    }
    return .incomplete
  }

  /// One SGR report: the low two bits name the button (3 = none), +32 marks motion, +64 the
  /// wheel; 4, 8 and 16 are Shift, Alt and Ctrl, which the app does not use for the mouse.
  private func mouseEvent(button: Int, x: Int, y: Int, pressed: Bool) -> InputEvent? {
    let point = Point(x: max(0, x), y: max(0, y))
    let which = button & 3
    if button & 64 != 0 {
      guard pressed else { return nil }
      return .mouse(MouseEvent(which == 0 ? .wheelUp : .wheelDown, at: point))
    }
    if button & 32 != 0 {
      return which == 0 && button1Down ? .mouse(MouseEvent(.drag, at: point)) : nil
    }
    guard which == 0 else { return nil }
    button1Down = pressed
    return .mouse(MouseEvent(pressed ? .press : .release, at: point))
  }

  /// Stopped and continued from outside (`kill -STOP`/`-CONT`): the shell may have changed the
  /// terminal modes and drawn over the screen, so re-apply ours and repaint everything once.
  private func continued() {
    reset_prog_mode()
    clearok(lp_curscr(), true)
    wnoutrefresh(window)
    doupdate()
  }

  /// Takes the size from the tty (ncurses' own SIGWINCH handler is replaced by the pipe).
  private func resizeFromTerminal() {
    var rows: Int32 = 0
    var cols: Int32 = 0
    guard lp_tty_size(outputFD, &rows, &cols) == 0 || lp_tty_size(inputFD, &rows, &cols) == 0
    else { return }
    let newSize = Size(width: Int(cols), height: Int(rows))
    guard newSize != size else { return }
    resize_term(rows, cols)
    // The terminal reflowed or cleared the old content: repaint everything on the next frame.
    clearok(lp_curscr(), true)
    size = newSize
  }

  func decodeChar(_ wch: wint_t) -> InputEvent? {
    switch wch {
    case 0x09: return .key(.tab)
    case 0x0d, 0x0a: return .key(.enter)
    case 0x08, 0x7f: return .key(.backspace)
    case 0x1b: return .key(.escape)
    case 0x00: return .key(.ctrl(" "))
    case 0x01...0x1a:
      return .key(.ctrl(Character(Unicode.Scalar(UInt8(wch) + 0x60))))
    case 0x1c...0x1f:
      return .key(.ctrl(Character(Unicode.Scalar(UInt8(wch) + 0x40))))
    case 0x80...0x9f:
      return nil
    default:
      guard let scalar = Unicode.Scalar(UInt32(wch)) else { return nil }
      return .key(.char(Character(scalar)))
    }
  }

  func decodeKeyCode(_ code: Int32) -> InputEvent? {
    let f0 = Int32(LP_KEY_F0)
    switch code {
    case Int32(LP_KEY_LEFT): return .key(.left)
    case Int32(LP_KEY_RIGHT): return .key(.right)
    case Int32(LP_KEY_UP): return .key(.up)
    case Int32(LP_KEY_DOWN): return .key(.down)
    case Int32(LP_KEY_SLEFT): return .key(.shiftLeft)
    case Int32(LP_KEY_SRIGHT): return .key(.shiftRight)
    case Int32(LP_KEY_SR): return .key(.shiftUp)
    case Int32(LP_KEY_SF): return .key(.shiftDown)
    case Int32(LP_KEY_PPAGE): return .key(.pageUp)
    case Int32(LP_KEY_NPAGE): return .key(.pageDown)
    case Int32(LP_KEY_HOME): return .key(.home)
    case Int32(LP_KEY_END): return .key(.end)
    case Int32(LP_KEY_BTAB): return .key(.backTab)
    case Int32(LP_KEY_ENTER): return .key(.enter)
    case Int32(LP_KEY_BACKSPACE): return .key(.backspace)
    case Int32(LP_KEY_DC): return .key(.delete)
    case Int32(LP_KEY_IC): return .key(.insert)
    case Int32(LP_KEY_RESIZE):
      size = Size(width: Int(lp_cols()), height: Int(lp_lines()))
      return .resize(size)
    case (f0 + 1)...(f0 + 63): return .key(.function(Int(code - f0)))
    default: return extraKeys[code].map { .key($0) }
    }
  }
}
