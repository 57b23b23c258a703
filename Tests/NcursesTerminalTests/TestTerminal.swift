import Canvas
import Glibc
import Testing

@testable import NcursesTerminal

/// An ncurses screen on a pipe (input) and a temporary file (output), sized by LINES/COLUMNS.
///
/// ncurses has process-wide state, so suites using this are serialized and every terminal is
/// closed (endwin + delscreen) before the next opens.
final class TestTerminal {
  let screen: NcursesScreen
  private let input: UnsafeMutablePointer<FILE>
  private let output: UnsafeMutablePointer<FILE>
  private let inputWriter: Int32

  init(
    width: Int = 20, height: Int = 5, options: NcursesOptions = NcursesOptions(),
    term: String = "xterm-256color"
  ) throws {
    setenv("TERM", term, 1)
    setenv("LANG", "C.UTF-8", 1)
    setenv("LC_ALL", "C.UTF-8", 1)
    setenv("LINES", "\(height)", 1)
    setenv("COLUMNS", "\(width)", 1)
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    input = try #require(fdopen(fds[0], "r"))
    inputWriter = fds[1]
    output = try #require(tmpfile())
    screen = try NcursesScreen.open(
      options: options, term: term, input: input, output: output, guardTerminal: false)
  }

  /// Bytes ncurses has written to the terminal so far.
  var bytesWritten: Int {
    fflush(output)
    var info = stat()
    return fstat(fileno(output), &info) == 0 ? Int(info.st_size) : -1
  }

  /// Everything written so far, as text.
  var writtenText: String {
    fflush(output)
    let count = bytesWritten
    var bytes = [UInt8](repeating: 0, count: max(0, count))
    _ = pread(fileno(output), &bytes, bytes.count, 0)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Types bytes at the terminal.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(inputWriter, $0.baseAddress, $0.count) }
  }

  /// Paints a whole grid as the run loop does for the first frame.
  func paint(_ grid: CellGrid, since previous: CellGrid? = nil) {
    screen.paint(grid.changes(since: previous), cursor: grid.cursor)
  }

  func close() {
    screen.restore()
    fclose(input)
    fclose(output)
    Glibc.close(inputWriter)
  }
}
