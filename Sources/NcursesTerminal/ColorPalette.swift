import Canvas

/// Turns theme colours into ncurses colour numbers; -1 is the terminal's own default colour
/// (valid after `use_default_colors()`).
package enum ColorPalette {
  /// The ncurses colour number for `color` on a terminal of `depth` with `colors` colours
  /// (`COLORS`; an 8-colour terminal folds the bright ANSI colours onto the normal ones).
  package static func number(for color: Color, depth: ColorDepth, colors: Int32) -> Int32 {
    switch ColorMapper.map(color, to: depth) {
    case .default:
      return -1
    case .ansi(let n):
      if depth == .direct, n >= 8 { return packed(ColorMapper.rgb(forIndex: n & 15)) }
      return Int32(colors < 16 ? n & 7 : n & 15)
    case .indexed(let n):
      // Only reached at 256 colours or more; in direct colour 0–7 stay the ANSI colours.
      if depth == .direct, n >= 8 { return packed(ColorMapper.rgb(forIndex: n)) }
      return Int32(n)
    case .rgb(let r, let g, let b):
      return packed((r, g, b))
    }
  }

  /// A direct-colour number: packed RGB. xterm-direct's `setaf` treats values below 8 as ANSI
  /// colours, so those near-blacks are nudged to 8 (0x000008), which looks the same.
  private static func packed(_ c: (r: UInt8, g: UInt8, b: UInt8)) -> Int32 {
    let value = Int32(c.r) << 16 | Int32(c.g) << 8 | Int32(c.b)
    return value < 8 ? 8 : value
  }
}
