/// Column widths of text, independent of the machine's locale.
///
/// PLACEHOLDER TABLE: the Canvas work replaces `width(of:)` with ranges generated from glibc's
/// C.UTF-8 `wcwidth`, which is what ncurses uses under a UTF-8 locale.
public enum TextWidth {
  /// One grapheme as the grid stores it.
  public struct Grapheme: Hashable, Sendable {
    public var text: String
    public var width: Int
  }

  /// Columns for one scalar: -1 for control characters, 0 for combining marks, 1 or 2.
  public static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7f && v < 0xa0) { return -1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1100...0x115f).contains(v) || (0x2e80...0xa4cf).contains(v) || (0xac00...0xd7a3).contains(v)
      || (0xf900...0xfaff).contains(v) || (0xff00...0xff60).contains(v) || (0xffe0...0xffe6).contains(v)
      || (0x1f300...0x1f64f).contains(v) || (0x1f900...0x1f9ff).contains(v) || (0x20000...0x3fffd).contains(v)
    {
      return 2
    }
    return 1
  }

  /// Splits text into drawable graphemes: control characters dropped, combining marks joined to
  /// their base, zero-width joiner sequences cut after the first member.
  public static func graphemes(of text: String) -> [Grapheme] {
    var out: [Grapheme] = []
    for ch in text {
      var kept = String.UnicodeScalarView()
      var w = 0
      for s in ch.unicodeScalars {
        if s.value == 0x200d { break }
        let sw = width(of: s)
        if sw < 0 { continue }
        if kept.isEmpty {
          if sw == 0 { continue }
          w = sw
        }
        kept.append(s)
      }
      if !kept.isEmpty { out.append(Grapheme(text: String(kept), width: w)) }
    }
    return out
  }

  /// Total columns `text` takes in the grid.
  public static func columns(_ text: String) -> Int { graphemes(of: text).reduce(0) { $0 + $1.width } }
}
