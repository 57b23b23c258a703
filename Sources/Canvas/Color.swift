/// A colour as a theme names it, before it is mapped to what a terminal can show.
///
/// ```swift
/// let accent = Color.rgb(0x4f, 0xc3, 0xf7)
/// let warn: Color = .ansi(3)        // yellow
/// ```
public enum Color: Hashable, Sendable {
  /// The terminal's own foreground or background.
  case `default`
  /// One of the 16 ANSI colours: 0–7 normal, 8–15 bright.
  case ansi(UInt8)
  /// One of the 256 indexed colours.
  case indexed(UInt8)
  /// A 24-bit colour, mapped to the nearest available one where the terminal has fewer.
  case rgb(UInt8, UInt8, UInt8)
}
