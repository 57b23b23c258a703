/// Column widths of text, independent of the machine's locale.
///
/// Widths come from tables generated from glibc's `wcwidth` under `C.UTF-8` (see
/// `TextWidth+Tables.swift`), which is what ncurses uses under a UTF-8 locale: layout measured
/// here matches what the terminal library will draw, whatever `LANG` the user has.
///
/// ```swift
/// TextWidth.columns("Guided 中")                      // 9
/// TextWidth.truncate("Organisation", toColumns: 6)   // "Organ…"
/// TextWidth.wrap("one two three", width: 7)          // ["one two", "three"]
/// ```
public enum TextWidth {
  /// One grapheme as the grid stores it.
  public struct Grapheme: Hashable, Sendable {
    /// The base scalar plus any zero-width marks that join it.
    public var text: String
    /// 1 or 2 columns.
    public var width: Int
  }

  /// The most scalars one cell keeps: a base plus four marks, as ncurses' `CCHARW_MAX` (5) allows.
  static let maxScalarsPerCell = 5

  /// Columns for one scalar, exactly as glibc's `wcwidth` in `C.UTF-8`: -1 for control and
  /// unassigned scalars, 0 for combining marks and other zero-width scalars, otherwise 1 or 2.
  public static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    // Printable ASCII and Latin-1 are by far the most common: skip the searches.
    if v >= 0x20 && v < 0x7f { return 1 }
    if v >= 0xa0 && v < 0x300 { return 1 }
    if contains(unprintableRanges, v) { return -1 }
    if contains(zeroWidthRanges, v) { return 0 }
    if contains(doubleWidthRanges, v) { return 2 }
    return 1
  }

  /// Binary search over a flat array of inclusive `[low, high]` pairs sorted by `low`.
  static func contains(_ ranges: [UInt32], _ v: UInt32) -> Bool {
    var lo = 0
    var hi = ranges.count / 2 - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      if v < ranges[2 * mid] {
        hi = mid - 1
      } else if v > ranges[2 * mid + 1] {
        lo = mid + 1
      } else {
        return true
      }
    }
    return false
  }

  /// Whether a scalar is a C0/C1 control or DEL: these never reach the grid, even as "marks".
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || (v >= 0x7f && v < 0xa0)
  }

  /// Splits text into drawable graphemes.
  ///
  /// - Control, escape and unprintable scalars are dropped, so text from files cannot move the
  ///   terminal's cursor or change its state.
  /// - Zero-width marks join the scalar before them in one cell (`e` + U+0301 is one cell);
  ///   at most four marks are kept, as many as ncurses stores.
  /// - A grapheme is cut after its first spacing member: zero-width-joiner sequences and emoji
  ///   modifiers keep only their first emoji, so the width never depends on the terminal's font.
  /// - A mark with nothing before it is dropped.
  public static func graphemes(of text: String) -> [Grapheme] {
    var out: [Grapheme] = []
    out.reserveCapacity(text.utf8.count)
    for ch in text {
      // Fast path: a grapheme of one scalar (nearly all text) needs no rebuilding, and
      // `String(ch)` of it is a small inline string. This loop runs for every cell of every frame.
      let scalars = ch.unicodeScalars
      if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
        if first.value != 0x200d, !isControl(first) {
          let w = width(of: first)
          if w > 0 { out.append(Grapheme(text: String(ch), width: w)) }
        }
        continue
      }
      var kept = String.UnicodeScalarView()
      var count = 0
      var w = 0
      for s in ch.unicodeScalars {
        if s.value == 0x200d { break }
        if isControl(s) { continue }
        let sw = width(of: s)
        if sw < 0 { continue }
        if count == 0 {
          if sw == 0 { continue }
          w = sw
        } else if sw != 0 {
          // A second spacing scalar (skin tone, second regional indicator): terminals disagree
          // on how to draw the pair, so only the first one is kept.
          break
        }
        if count == maxScalarsPerCell { break }
        kept.append(s)
        count += 1
      }
      if count > 0 { out.append(Grapheme(text: String(kept), width: w)) }
    }
    return out
  }

  /// Total columns `text` takes in the grid.
  public static func columns(_ text: String) -> Int {
    // Printable ASCII is one column per byte: layout code asks this of every label.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) { return text.utf8.count }
    return graphemes(of: text).reduce(0) { $0 + $1.width }
  }

  /// `text` cut to at most `columns` columns, ending in `ellipsis` when anything was cut.
  ///
  /// Control characters are removed. A wide character that would straddle the limit is left out
  /// (the result may then be one column narrower). When even the ellipsis does not fit, the text
  /// is cut hard without one.
  ///
  /// ```swift
  /// TextWidth.truncate("Self-directed", toColumns: 8)                  // "Self-di…"
  /// TextWidth.truncate("Self-directed", toColumns: 8, ellipsis: "...") // "Self-..."
  /// ```
  public static func truncate(_ text: String, toColumns columns: Int, ellipsis: String = "…")
    -> String
  {
    guard columns > 0 else { return "" }
    let parts = graphemes(of: text)
    let total = parts.reduce(0) { $0 + $1.width }
    if total <= columns { return parts.map(\.text).joined() }
    let mark = graphemes(of: ellipsis)
    let markWidth = mark.reduce(0) { $0 + $1.width }
    let budget = markWidth <= columns ? columns - markWidth : columns
    var out = ""
    var used = 0
    for g in parts {
      if used + g.width > budget { break }
      out += g.text
      used += g.width
    }
    if markWidth <= columns { out += mark.map(\.text).joined() }
    return out
  }

  /// Word-wraps `text` into lines of at most `width` columns.
  ///
  /// Each `\n` starts a new line (an empty line stays empty). Words are separated by runs of
  /// spaces or tabs, which collapse to one space inside a line and vanish at a break. A word
  /// longer than `width` is broken hard. A wide character in a width-1 layout gets a line of its
  /// own (it cannot be split), so every line makes progress and the loop always ends.
  /// A width of 0 or less gives no lines.
  ///
  /// ```swift
  /// TextWidth.wrap("horses for courses", width: 10)  // ["horses for", "courses"]
  /// TextWidth.wrap("abcdefgh", width: 3)             // ["abc", "def", "gh"]
  /// ```
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    let paragraphs = text.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r\n" || $0 == "\r"
    }
    for paragraph in paragraphs {
      var line = ""
      var lineWidth = 0
      let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" })
      var any = false
      for word in words {
        let parts = graphemes(of: String(word))
        let wordWidth = parts.reduce(0) { $0 + $1.width }
        if wordWidth == 0 { continue }
        any = true
        if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
          line += " "
          line += parts.map(\.text).joined()
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        if wordWidth <= width {
          line = parts.map(\.text).joined()
          lineWidth = wordWidth
          continue
        }
        // Hard-break the long word; the last piece stays open for the next word.
        for g in parts {
          if lineWidth > 0 && lineWidth + g.width > width {
            lines.append(line)
            line = ""
            lineWidth = 0
          }
          line += g.text
          lineWidth += g.width
        }
      }
      if lineWidth > 0 || !any { lines.append(line) }
    }
    return lines
  }
}
