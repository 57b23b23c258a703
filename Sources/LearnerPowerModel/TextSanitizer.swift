/// Strips control and escape characters from text that came from files, before it is shown.
///
/// A catalogue, theme or workshop script is written by someone else; its text must not be able
/// to move the cursor, change colours, retitle the window or reorder the line on the screen.
/// Dropped: C0 controls (tab and, in single-line use, line breaks, including the Unicode line and
/// paragraph separators U+2028/U+2029, become a space), DEL, C1
/// controls, whole escape sequences (CSI `ESC [ … final`, OSC/DCS/SOS/PM/APC strings up to BEL or
/// ST, and two- or three-byte `ESC x` forms, also their 8-bit C1 introducers), bidirectional
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069), bidi marks (U+200E, U+200F, U+061C) and
/// the byte-order mark U+FEFF.
///
/// ```swift
/// TextSanitizer.clean("\u{1B}[31mred\u{1B}[0m")     // "red"
/// TextSanitizer.cleanLine("a\tb\nc")                  // "a b c"
/// TextSanitizer.cleanMultiline("a\r\nb\u{7}")         // "a\nb"
/// ```
public enum TextSanitizer {
  /// The single-line form, ``cleanLine(_:)``: the safe default for anything shown in a cell row.
  public static func clean(_ s: String) -> String { cleanLine(s) }

  /// Cleans text for one line: tabs and line breaks (`\n`, `\r`, `\r\n`) become one space each.
  public static func cleanLine(_ s: String) -> String { sanitize(s, keepNewlines: false) }

  /// Cleans text that may span lines: keeps `\n` (and turns `\r\n` or a lone `\r` into `\n`);
  /// tabs become a space.
  public static func cleanMultiline(_ s: String) -> String { sanitize(s, keepNewlines: true) }

  /// Whether `s` would be changed by ``cleanMultiline(_:)`` (cheap check before copying).
  public static func needsCleaning(_ s: String) -> Bool {
    s.unicodeScalars.contains { isUnsafe($0) }
  }

  private static func isUnsafe(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
      || isInvisibleFormat(v)
  }

  private static func isInvisibleFormat(_ v: UInt32) -> Bool {
    (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E
      || v == 0x200F || v == 0x061C || v == 0xFEFF
  }

  private static func sanitize(_ s: String, keepNewlines: Bool) -> String {
    // Fast path: most text from files is already clean.
    guard needsCleaning(s) else { return s }
    let scalars = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    let lineBreak: Unicode.Scalar = keepNewlines ? "\n" : " "
    while i < scalars.count {
      let c = scalars[i]
      let v = c.value
      i += 1
      switch v {
      case 0x09:
        out.append(" ")
      case 0x0A, 0x2028, 0x2029:
        out.append(lineBreak)
      case 0x0D:
        // \r\n is one line break; a lone \r is one too.
        if i < scalars.count, scalars[i] == "\n" { i += 1 }
        out.append(lineBreak)
      case 0x1B:
        i = skipEscape(scalars, from: i)
      case 0x9B:
        i = skipCSI(scalars, from: i)
      case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
        i = skipString(scalars, from: i)
      case ..<0x20, 0x7F...0x9F:
        continue
      default:
        if !isInvisibleFormat(v) { out.append(c) }
      }
    }
    return String(out)
  }

  /// Skips what follows an ESC (at `i`), returning the index after the sequence.
  private static func skipEscape(_ s: [Unicode.Scalar], from start: Int) -> Int {
    guard start < s.count else { return start }
    switch s[start] {
    case "[":
      return skipCSI(s, from: start + 1)
    case "]", "P", "X", "^", "_":
      return skipString(s, from: start + 1)
    default:
      var i = start
      // nF sequences: intermediates 0x20–0x2F, then one final byte (e.g. ESC ( B).
      while i < s.count, (0x20...0x2F).contains(s[i].value) { i += 1 }
      if i < s.count, (0x30...0x7E).contains(s[i].value) { i += 1 }
      return i
    }
  }

  /// Skips CSI parameters, intermediates and the final byte; stops early at anything else so a
  /// broken sequence cannot swallow the visible text that follows.
  private static func skipCSI(_ s: [Unicode.Scalar], from start: Int) -> Int {
    var i = start
    while i < s.count {
      let v = s[i].value
      if (0x20...0x3F).contains(v) {
        i += 1
      } else if (0x40...0x7E).contains(v) {
        return i + 1
      } else {
        return i
      }
    }
    return i
  }

  /// Skips an OSC/DCS/SOS/PM/APC string up to and including BEL, ESC \ or the 8-bit ST.
  private static func skipString(_ s: [Unicode.Scalar], from start: Int) -> Int {
    var i = start
    while i < s.count {
      switch s[i].value {
      case 0x07, 0x9C: return i + 1
      case 0x1B: return i + 1 < s.count && s[i + 1] == "\\" ? i + 2 : i + 1
      default: i += 1
      }
    }
    return i
  }
}

extension StringProtocol {
  /// The text without leading and trailing horizontal white space: tabs, the Unicode space
  /// separators and U+200B (exactly what Foundation's `trimmingCharacters(in: .whitespaces)`
  /// removes), scalar by scalar. Line breaks are kept.
  public func trimmingWhitespace() -> String {
    let isBlank: (Unicode.Scalar) -> Bool = {
      $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator
    }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !isBlank($0) }),
      let last = scalars.lastIndex(where: { !isBlank($0) })
    else { return "" }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[first...last])
    return String(out)
  }
}
