import CTerminalGuard
import Canvas

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Single key presses from a terminal that stays on its normal screen, for views that print plain
/// text rather than drawing with ncurses (the workshop notes view) but still close on `q`.
///
/// While it is open the terminal neither echoes nor waits for Enter; Ctrl-C, Ctrl-Z, SIGTERM,
/// SIGHUP and resizes arrive as events through the signal self-pipe instead of killing the
/// process, and the shell's settings come back on `restore()`, on `exit()` and on a crash.
/// Only one of these (or one `NcursesScreen`) may be open at a time: the signal pipe and the
/// crash guard are process-wide.
///
/// ```swift
/// guard let keys = KeyboardInput(fd: STDIN_FILENO) else { return }  // nil: not a terminal
/// defer { keys.restore() }
/// var fds = keys.pollDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
/// _ = poll(&fds, nfds_t(fds.count), 500)
/// if keys.drainEvents().contains(.key(.char("q"))) { return }
/// ```
public final class KeyboardInput {
  /// The terminal and the signal pipe, to `poll(2)` for readability.
  public let pollDescriptors: [Int32]
  private let fd: Int32
  private let saved: termios
  private var isRestored = false

  /// Takes single keys from `fd`; nil when it is not a terminal.
  public init?(fd: Int32) {
    var settings = termios()
    guard isatty(fd) == 1, tcgetattr(fd, &settings) == 0 else { return nil }
    self.fd = fd
    saved = settings
    // Saved before the modes change, so a crash or a stray exit() puts the shell's back.
    _ = lp_guard_install(fd, nil, 0)
    let signalFD = lp_signals_install()
    pollDescriptors = signalFD >= 0 ? [fd, signalFD] : [fd]
    applyKeyMode()
  }

  deinit { restore() }

  /// No echo, no line buffering, reads that never wait (VMIN 0, VTIME 0: the descriptor's own
  /// flags are shared with the shell, so O_NONBLOCK is not touched). Signals stay on, so
  /// Ctrl-C and Ctrl-Z reach the pipe as signals.
  private func applyKeyMode() {
    var t = saved
    t.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &t.c_cc) { cc in
      cc[Int(VMIN)] = 0
      cc[Int(VTIME)] = 0
    }
    _ = tcsetattr(fd, TCSANOW, &t)
  }

  /// Everything pending now, without blocking: signals first, then printable keys (escape
  /// sequences such as arrows are read and dropped; this view has no use for them).
  public func drainEvents() -> [InputEvent] {
    guard !isRestored else { return [] }
    var events: [InputEvent] = []
    for signal in SignalPipe.drain() {
      switch signal {
      case .windowChanged:
        var rows: Int32 = 0
        var cols: Int32 = 0
        if lp_tty_size(fd, &rows, &cols) == 0 {
          events.append(.resize(Size(width: Int(cols), height: Int(rows))))
        }
      case .terminate: events.append(.signal(.terminate))
      case .hangup: events.append(.signal(.hangup))
      case .interrupt: events.append(.signal(.interrupt))
      case .stop: events.append(.signal(.stop))
      case .continued: events.append(.signal(.resumed))
      }
    }
    var buffer = [UInt8](repeating: 0, count: 64)
    var bytes: [UInt8] = []
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { break }
      bytes += buffer.prefix(n)
    }
    events += Self.decode(bytes)
    return events
  }

  /// Printable characters as `.key(.char)`; escape sequences and other control bytes dropped.
  static func decode(_ bytes: [UInt8]) -> [InputEvent] {
    var kept: [UInt8] = []
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      if b == 0x1b {
        // ESC [ … final or ESC O x: skip to the final byte.
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "O") else {
          continue
        }
        i += 1
        while i < bytes.count, !(0x40...0x7e).contains(bytes[i]) { i += 1 }
        i += 1
        continue
      }
      if b >= 0x20, b != 0x7f { kept.append(b) }
    }
    return String(decoding: kept, as: UTF8.self).map { .key(.char($0)) }
  }

  /// Gives the terminal back to the shell and stops the process (Ctrl-Z); returns after `fg`
  /// with the key mode on again. The caller prints its page again.
  public func suspend() {
    guard !isRestored else { return }
    var t = saved
    _ = tcsetattr(fd, TCSANOW, &t)
    lp_signals_stop_self()
    applyKeyMode()
  }

  /// The shell's terminal settings back, the signal handlers and crash guard removed.
  /// Idempotent; also runs from `deinit`.
  public func restore() {
    guard !isRestored else { return }
    isRestored = true
    var t = saved
    _ = tcsetattr(fd, TCSANOW, &t)
    lp_guard_uninstall()
    lp_signals_uninstall()
  }
}
