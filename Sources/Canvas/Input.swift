/// A key as the app sees it, already decoded from the terminal's bytes.
public enum Key: Hashable, Sendable {
  /// A printable character (Shift already applied: `L`, `?`, `é`).
  case char(Character)
  /// A control chord such as Ctrl-C (`.ctrl("c")`).
  case ctrl(Character)
  case left, right, up, down
  case shiftLeft, shiftRight, shiftUp, shiftDown
  case pageUp, pageDown, home, end
  case tab, backTab, enter, escape, backspace, delete, insert
  case function(Int)
}

/// What a mouse did, in cell coordinates.
public struct MouseEvent: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case press, release, drag, wheelUp, wheelDown }
  public var kind: Kind
  public var point: Point
  public init(_ kind: Kind, at point: Point) {
    self.kind = kind
    self.point = point
  }
}

/// Signals the run loop handles itself rather than letting them kill the process.
public enum TerminalSignal: Hashable, Sendable {
  case interrupt, terminate, hangup
  /// A stop request from outside (SIGTSTP): suspend cleanly.
  case stop
  /// The process was continued after a stop (SIGCONT).
  case resumed
}

/// One thing that happened at the terminal.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  case resize(Size)
  case signal(TerminalSignal)
}

/// A terminal the run loop can wait on, read from and paint to.
///
/// Conformers own every call into the terminal library; the run loop only polls the descriptors,
/// drains events, and paints changed cells.
public protocol InteractiveTerminal: AnyObject, TerminalBackend {
  /// Descriptors to `poll(2)` for readability: terminal input and the signal pipe.
  var pollDescriptors: [Int32] { get }
  /// Everything pending now, without blocking (a burst of keys arrives as one batch).
  func drainEvents() -> [InputEvent]
  /// Gives the terminal back to the shell and stops the process (Ctrl-Z); returns after `fg`.
  func suspend()
  /// Restores the terminal for good: echo, line mode, cursor, mouse off, alternate screen left.
  func restore()
}
