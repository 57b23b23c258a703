import CNcurses
import Canvas

// MARK: - Read-back for screen tests (ncurses' virtual screen, no terminal needed)

extension NcursesScreen {
  /// One cell as ncurses holds it: text (base plus combining marks), attributes, colour pair.
  package struct VirtualCell: Hashable, Sendable {
    package var text: String
    package var attributes: Attributes
    package var pair: Int32
  }

  /// The cell at (x, y) of ncurses' screen, or nil outside it. The window's cursor is kept.
  package func virtualCell(x: Int, y: Int) -> VirtualCell? {
    let window = lp_stdscr()
    let (oldY, oldX) = (getcury(window), getcurx(window))
    defer { wmove(window, oldY, oldX) }
    var cc = cchar_t()
    guard mvwin_wch(window, Int32(y), Int32(x), &cc) != ERR else { return nil }
    var chars = [wchar_t](repeating: 0, count: Int(LP_CCHARW_MAX) + 1)
    var attrs: attr_t = 0
    var pair: Int32 = 0
    guard lp_getcchar(&cc, &chars, &attrs, &pair) != ERR else { return nil }
    var text = ""
    for c in chars {
      guard c != 0, let scalar = Unicode.Scalar(UInt32(bitPattern: c)) else { break }
      text.unicodeScalars.append(scalar)
    }
    var attributes: Attributes = []
    if attrs & lp_a_bold() != 0 { attributes.insert(.bold) }
    if attrs & lp_a_dim() != 0 { attributes.insert(.dim) }
    if attrs & lp_a_italic() != 0 { attributes.insert(.italic) }
    if attrs & lp_a_underline() != 0 { attributes.insert(.underline) }
    if attrs & lp_a_reverse() != 0 { attributes.insert(.reverse) }
    return VirtualCell(text: text, attributes: attributes, pair: pair)
  }

  /// The foreground and background colour numbers of a pair (-1 is the terminal's default).
  package func pairColors(_ pair: Int32) -> (fg: Int32, bg: Int32)? {
    var fg: Int32 = 0
    var bg: Int32 = 0
    guard extended_pair_content(pair, &fg, &bg) != ERR else { return nil }
    return (fg, bg)
  }

  /// Where the window's cursor is.
  package var virtualCursor: Point {
    let window = lp_stdscr()
    return Point(x: Int(getcurx(window)), y: Int(getcury(window)))
  }
}
