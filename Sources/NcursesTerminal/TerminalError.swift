/// Why the terminal could not be opened; `description` is a message the CLI can print as is.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Standard input or standard output is not a terminal (a pipe, a file, CI).
  case notATerminal
  /// `TERM` is unset or empty.
  case noTerm
  /// terminfo has no description for this `TERM` value.
  case unknownTerminal(String)
  /// terminfo describes this `TERM` but it cannot move the cursor to a given place (no `cup`,
  /// e.g. `TERM=dumb`), so a full screen cannot be drawn on it.
  case cannotAddressCursor(String)

  /// A one-line message for stderr, with a hint where one helps.
  public var description: String {
    switch self {
    case .notATerminal:
      return "standard input and output must be a terminal for the interactive screen"
    case .noTerm:
      return "TERM is not set, so the terminal type is unknown (try TERM=xterm-256color)"
    case .unknownTerminal(let term):
      return "terminal type '\(term)' is not known to terminfo (try TERM=xterm-256color)"
    case .cannotAddressCursor(let term):
      return
        "terminal type '\(term)' cannot move the cursor, which the full screen needs (try TERM=xterm-256color)"
    }
  }
}
