/// Writes a grid as plain text: exactly `height` lines, each ending in "\n", trailing spaces
/// trimmed; the right half of a wide character adds nothing.
///
/// ```swift
/// PlainTextExporter.export(grid)   // "┌─ Title ─┐\n│ …\n"
/// ```
public enum PlainTextExporter {
  /// The grid's text, one line per row.
  public static func export(_ grid: CellGrid) -> String {
    var out = ""
    for y in 0..<grid.height {
      var line = grid.row(y)
      while line.last == " " { line.removeLast() }
      out += line
      out += "\n"
    }
    return out
  }
}

/// Writes a grid as text with ANSI SGR escapes, for `render --format ansi` and previews.
///
/// A new escape is written only where the style changes, and each escape sets the whole style
/// (`ESC[0;…m`), so a run never inherits anything from the one before. Lines that end in a
/// non-default style end with `ESC[0m`; trailing blank cells in the default style are trimmed.
/// Colours are first mapped to `depth`: 16 colours as 30–37/90–97 (40–47/100–107 for
/// backgrounds), 256 as `38;5;n`, direct as `38;2;r;g;b`; `.monochrome` writes attributes only.
public enum ANSIExporter {
  /// The grid as lines of text with SGR escapes, one line per row, each ending in "\n".
  public static func export(_ grid: CellGrid, depth: ColorDepth) -> String {
    var out = ""
    for y in 0..<grid.height {
      var end = grid.width
      while end > 0, let c = grid[end - 1, y], c.text == " ", c.style == .plain { end -= 1 }
      var current = Style.plain
      for x in 0..<end {
        guard let cell = grid[x, y] else { continue }
        if cell.width != 0 {
          let style = effective(cell.style, depth)
          if style != current {
            out += sgr(style, depth)
            current = style
          }
        }
        out += cell.text
      }
      if current != .plain { out += "\u{1b}[0m" }
      out += "\n"
    }
    return out
  }

  /// The style as it will be written at `depth` (colours mapped or dropped).
  static func effective(_ style: Style, _ depth: ColorDepth) -> Style {
    Style(
      fg: ColorMapper.map(style.fg, to: depth), bg: ColorMapper.map(style.bg, to: depth),
      attributes: style.attributes)
  }

  /// The SGR escape that sets exactly `style`, starting from a reset.
  public static func sgr(_ style: Style, _ depth: ColorDepth) -> String {
    let s = effective(style, depth)
    var codes = ["0"]
    let a = s.attributes
    if a.contains(.bold) { codes.append("1") }
    if a.contains(.dim) { codes.append("2") }
    if a.contains(.italic) { codes.append("3") }
    if a.contains(.underline) { codes.append("4") }
    if a.contains(.reverse) { codes.append("7") }
    if let fg = colorCode(s.fg, background: false) { codes.append(fg) }
    if let bg = colorCode(s.bg, background: true) { codes.append(bg) }
    return "\u{1b}[" + codes.joined(separator: ";") + "m"
  }

  static func colorCode(_ color: Color, background: Bool) -> String? {
    switch color {
    case .default: return nil
    case .ansi(let n):
      let n = Int(n & 15)
      let base = n < 8 ? (background ? 40 : 30) : (background ? 100 : 90)
      return String(base + n % 8)
    case .indexed(let n): return (background ? "48;5;" : "38;5;") + String(n)
    case .rgb(let r, let g, let b):
      return (background ? "48;2;" : "38;2;") + "\(r);\(g);\(b)"
    }
  }
}
