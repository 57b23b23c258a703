/// Maps key paths to the lines where they are written, by scanning the TOML source.
///
/// TOMLKit gives positions only for syntax errors, so semantic errors ("duplicate id") would have
/// no line without this. The scanner understands just enough TOML to keep its place: `[table]`
/// and `[[array.of.tables]]` headers (counting occurrences to give indices, also when nested),
/// bare, quoted and dotted keys, basic, literal and multi-line strings (which may contain `[`,
/// `=` or `#`), arrays that span lines, and inline tables. Keys inside arrays and inline tables
/// get the line where they are written, which for a one-line value is the line of its parent key.
///
/// It runs after TOMLKit accepted the text, but it is written to make progress on any input and
/// never trap.
///
/// ```swift
/// let locator = TOMLLocator(source: "[[a]]\nx = 1\n[[a]]\nx = 2\n")
/// locator.line(of: ["a", 1, "x"])  // 4
/// ```
struct TOMLLocator: Sendable {
  /// Where a path is first written, and in which order paths appear.
  struct Mark: Hashable, Sendable {
    let line: Int
    let order: Int
  }

  /// A place where toml++ (under TOMLKit) would hit one of its internal assertions instead of
  /// reporting an error: a header key starting with a character that cannot start a key (`[}a]`),
  /// or an array element starting with `}` or a Unicode line separator (`[1, }]`). The assertion
  /// aborts debug builds and is undefined behaviour in release builds, so ``TOMLDocument``
  /// reports these itself and never hands them to TOMLKit.
  struct UnsafeSpot: Hashable, Sendable {
    /// Byte offset of the start of the spot's line.
    let lineStart: Int
    let line: Int
    /// 1-based column of the offending character, counted in Unicode scalars.
    let column: Int
    /// The syntax error message, e.g. "TOML syntax error in table header: expected a key, saw '}'".
    let message: String
  }

  private(set) var marks: [TOMLKeyPath: Mark] = [:]

  /// The first ``UnsafeSpot`` in the text, if any.
  private(set) var firstUnsafeSpot: UnsafeSpot?

  init(source: String) {
    var scanner = Scanner(bytes: Array(source.utf8))
    scanner.scanDocument()
    marks = scanner.marks
    firstUnsafeSpot = scanner.firstUnsafeSpot
  }

  /// The line where `path` is written, else the line of its nearest written ancestor.
  func line(of path: TOMLKeyPath) -> Int? {
    var current = path
    while true {
      if let mark = marks[current] { return mark.line }
      if current.isRoot { return nil }
      current = current.parent
    }
  }

  /// The position of `path` in document order, for keeping table keys in the order written.
  func order(of path: TOMLKeyPath) -> Int? { marks[path]?.order }
}

// MARK: - Scanner

private struct Scanner {
  let bytes: [UInt8]
  /// Byte offsets where each line starts; line numbers are found by binary search, so no scanning
  /// step has to remember to count newlines.
  let lineStarts: [Int]
  var pos = 0
  var marks: [TOMLKeyPath: TOMLLocator.Mark] = [:]
  var arrayTableCounts: [TOMLKeyPath: Int] = [:]
  var table = TOMLKeyPath.root
  var firstUnsafeSpot: TOMLLocator.UnsafeSpot?
  /// Current nesting of arrays and inline tables; deeper values are skipped, not recursed into.
  var depth = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == newline { starts.append(offset + 1) }
    lineStarts = starts
  }

  // MARK: Document level

  mutating func scanDocument() {
    if starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }  // a UTF-8 byte-order mark is not a key
    while pos < bytes.count {
      let before = pos
      skipSpaces()
      guard let byte = peek() else { break }
      switch byte {
      case newline, carriageReturn:
        pos += 1
      case hash:
        skipComment()
      case openBracket:
        scanHeader()
        skipToLineEnd()
      default:
        scanKeyValue(in: table)
        skipToLineEnd()
      }
      if pos == before { pos += 1 }  // never stall on something unexpected
    }
  }

  mutating func scanHeader() {
    let line = lineNumber(at: pos)
    checkHeaderStart()
    pos += 1
    let isArray = peek() == openBracket
    if isArray { pos += 1 }
    let keys = scanKey()
    guard !keys.isEmpty else { return }
    var path = TOMLKeyPath.root
    for (index, key) in keys.enumerated() {
      path = path.appending(key)
      let isLast = index == keys.count - 1
      // A header below an array of tables belongs to its latest element.
      if !(isLast && isArray), let count = arrayTableCounts[path] {
        mark(path, line: line)
        path = path.appending(index: count - 1)
      }
      mark(path, line: line)
    }
    if isArray {
      let count = (arrayTableCounts[path] ?? 0) + 1
      arrayTableCounts[path] = count
      path = path.appending(index: count - 1)
      mark(path, line: line)
    }
    skipSpaces()
    while peek() == closeBracket { pos += 1 }
    table = path
  }

  /// Records the header at `pos` if its key cannot start where toml++ will look for it: after
  /// `[`, spaces, an optional second `[` (directly after the first), and more spaces.
  mutating func checkHeaderStart() {
    let bytes = self.bytes
    let isBlank = { (offset: Int) in
      offset < bytes.count && (bytes[offset] == space || bytes[offset] == tab)
    }
    var i = pos + 1
    var hadBlank = false
    while isBlank(i) {
      i += 1
      hadBlank = true
    }
    if i < bytes.count, bytes[i] == openBracket {
      guard !hadBlank else { return }  // toml++ reports "[ [" itself
      i += 1
      while isBlank(i) { i += 1 }
    }
    guard i < bytes.count else { return }  // toml++ reports the end of file itself
    let byte = bytes[i]
    let isBare =
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    guard !isBare, byte != quote, byte != apostrophe, byte != closeBracket else { return }
    recordUnsafeSpot(at: i, "TOML syntax error in table header: expected a key, saw ")
  }

  /// Records an array element that starts with `}` or a Unicode line break (U+0085, U+2028,
  /// U+2029), which toml++ would pass to its value parser unchecked.
  mutating func checkElementStart() {
    guard let byte = peek() else { return }
    let unicodeBreak =
      starts(with: [0xC2, 0x85]) || starts(with: [0xE2, 0x80, 0xA8])
      || starts(with: [0xE2, 0x80, 0xA9])
    guard byte == closeBrace || unicodeBreak else { return }
    recordUnsafeSpot(at: pos, "TOML syntax error in array: expected a value or ']', saw ")
  }

  mutating func recordUnsafeSpot(at offset: Int, _ message: String, showFound: Bool = true) {
    guard firstUnsafeSpot == nil else { return }
    let lineIndex = lineNumber(at: offset) - 1
    let lineStart = lineStarts[lineIndex]
    // Columns count characters, as toml++ does: skip UTF-8 continuation bytes.
    let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
    var end = offset + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    let character = decode(Array(bytes[offset..<end]))
    let found: String
    switch bytes[offset] {
    case newline, carriageReturn: found = "end of line"
    case _ where TextSanitizer.cleanLine(character) == character && character != " ":
      found = "'" + TextSanitizer.cleanLine(character) + "'"
    default:
      let code = String(character.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)
      found = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
    }
    firstUnsafeSpot = TOMLLocator.UnsafeSpot(
      lineStart: lineStart, line: lineIndex + 1, column: column,
      message: showFound ? message + found : message)
  }

  mutating func scanKeyValue(in base: TOMLKeyPath) {
    let line = lineNumber(at: pos)
    let keys = scanKey()
    guard !keys.isEmpty else { return }
    var path = base
    for key in keys {
      path = path.appending(key)
      mark(path, line: line)
    }
    skipSpaces()
    guard peek() == equals else { return }
    pos += 1
    skipSpaces()
    scanValue(at: path)
  }

  // MARK: Values

  mutating func scanValue(at path: TOMLKeyPath) {
    guard let byte = peek() else { return }
    switch byte {
    case quote:
      if starts(with: [quote, quote, quote]) {
        skipMultilineString(delimiter: quote)
      } else {
        _ = scanSingleLineString(delimiter: quote)
      }
    case apostrophe:
      if starts(with: [apostrophe, apostrophe, apostrophe]) {
        skipMultilineString(delimiter: apostrophe)
      } else {
        _ = scanSingleLineString(delimiter: apostrophe)
      }
    case openBracket, openBrace:
      // toml++ refuses more than 256 levels; stop recursing well before the stack could suffer
      // (the loops above still make progress byte by byte).
      guard depth < 300 else {
        pos += 1
        return
      }
      depth += 1
      defer { depth -= 1 }
      if byte == openBracket { scanArray(at: path) } else { scanInlineTable(at: path) }
    default:
      // Numbers, booleans, dates (which may contain one space: `1979-05-27 07:32:00`).
      let start = pos
      while let next = peek(), !valueTerminators.contains(next) { pos += 1 }
      var end = pos
      while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
      let token = Array(bytes[start..<end])
      if !token.isEmpty, !TOMLScalarSyntax.isValid(token) {
        let shown = TextSanitizer.cleanLine(decode(Array(token.prefix(40))))
        recordUnsafeSpot(
          at: start,
          "TOML syntax error in value: '\(shown)' is not a valid value (text needs quotes; "
            + "numbers, true/false, dates and times are written bare)",
          showFound: false)
      }
    }
  }

  mutating func scanArray(at path: TOMLKeyPath) {
    pos += 1
    var index = 0
    while pos < bytes.count {
      skipBlanksAndComments()
      guard let byte = peek() else { return }
      if byte == closeBracket {
        pos += 1
        return
      }
      let before = pos
      checkElementStart()
      let element = path.appending(index: index)
      mark(element, line: lineNumber(at: pos))
      scanValue(at: element)
      skipBlanksAndComments()
      if peek() == comma {
        pos += 1
        index += 1
      } else if peek() == closeBracket {
        pos += 1
        return
      } else if pos == before {
        pos += 1
      }
    }
  }

  mutating func scanInlineTable(at path: TOMLKeyPath) {
    pos += 1
    while pos < bytes.count {
      skipBlanksAndComments()
      guard let byte = peek() else { return }
      if byte == closeBrace {
        pos += 1
        return
      }
      let before = pos
      scanKeyValue(in: path)
      skipBlanksAndComments()
      if peek() == comma {
        pos += 1
      } else if peek() == closeBrace {
        pos += 1
        return
      } else if pos == before {
        pos += 1
      }
    }
  }

  // MARK: Keys and strings

  /// Reads a possibly dotted key (`a."b.c".'d'`), returning its decoded parts.
  mutating func scanKey() -> [String] {
    var keys: [String] = []
    while true {
      skipSpaces()
      guard let byte = peek() else { break }
      if byte == quote || byte == apostrophe {
        guard let key = scanSingleLineString(delimiter: byte) else { break }
        keys.append(key)
      } else {
        let start = pos
        while let next = peek(), !keyTerminators.contains(next) { pos += 1 }
        guard pos > start else { break }
        keys.append(String(decoding: bytes[start..<pos], as: UTF8.self))
      }
      skipSpaces()
      guard peek() == dot else { break }
      pos += 1
    }
    return keys
  }

  /// Reads `"…"` (with escapes) or `'…'` starting at the opening delimiter; nil when it does not
  /// close on this line.
  mutating func scanSingleLineString(delimiter: UInt8) -> String? {
    pos += 1
    var content: [UInt8] = []
    while let byte = peek() {
      if byte == newline { return nil }
      pos += 1
      if byte == delimiter { return delimiter == quote ? unescape(content) : decode(content) }
      content.append(byte)
      if delimiter == quote, byte == backslash, let escaped = peek(), escaped != newline {
        content.append(escaped)
        pos += 1
      }
    }
    return nil
  }

  /// Skips a `"""…"""` or `'''…'''` string, which may hold newlines, brackets, `=` and `#`.
  mutating func skipMultilineString(delimiter: UInt8) {
    pos += 3
    while let byte = peek() {
      if delimiter == quote, byte == backslash {
        pos += 2
        continue
      }
      if starts(with: [delimiter, delimiter, delimiter]) {
        pos += 3
        // Up to two more delimiters may close it: `""""` is a quote followed by the end.
        var extra = 0
        while extra < 2, peek() == delimiter {
          pos += 1
          extra += 1
        }
        return
      }
      pos += 1
    }
  }

  private func decode(_ content: [UInt8]) -> String { String(decoding: content, as: UTF8.self) }

  /// Decodes the escapes of a TOML basic string (`\"`, `\\`, `\n`, `\u00E9`, …).
  private func unescape(_ content: [UInt8]) -> String {
    // Most strings have no escapes; decoding them scalar by scalar dominated start-up time.
    if !content.contains(backslash) { return decode(content) }
    var out = String.UnicodeScalarView()
    let text = Array(decode(content).unicodeScalars)
    var i = 0
    while i < text.count {
      let c = text[i]
      i += 1
      guard c == "\\", i < text.count else {
        out.append(c)
        continue
      }
      let e = text[i]
      i += 1
      switch e {
      case "b": out.append("\u{08}")
      case "t": out.append("\t")
      case "n": out.append("\n")
      case "f": out.append("\u{0C}")
      case "r": out.append("\r")
      case "e": out.append("\u{1B}")
      case "u", "U", "x":
        let width = e == "u" ? 4 : e == "U" ? 8 : 2
        let end = min(i + width, text.count)
        var hex = String.UnicodeScalarView()
        hex.append(contentsOf: text[i..<end])
        if let value = UInt32(String(hex), radix: 16), let scalar = Unicode.Scalar(value) {
          out.append(scalar)
        }
        i = end
      default: out.append(e)
      }
    }
    return String(out)
  }

  // MARK: Helpers

  mutating func mark(_ path: TOMLKeyPath, line: Int) {
    guard marks[path] == nil else { return }
    marks[path] = TOMLLocator.Mark(line: line, order: marks.count)
  }

  func lineNumber(at offset: Int) -> Int {
    // The last line start that is <= offset; lines are 1-based.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  func peek() -> UInt8? { pos < bytes.count ? bytes[pos] : nil }

  func starts(with prefix: [UInt8]) -> Bool {
    pos + prefix.count <= bytes.count && Array(bytes[pos..<pos + prefix.count]) == prefix
  }

  mutating func skipSpaces() {
    while let byte = peek(), byte == space || byte == tab { pos += 1 }
  }

  mutating func skipComment() {
    while let byte = peek(), byte != newline { pos += 1 }
  }

  /// Skips spaces, line breaks and comments (inside arrays and inline tables).
  mutating func skipBlanksAndComments() {
    while let byte = peek() {
      if byte == space || byte == tab || byte == newline || byte == carriageReturn {
        pos += 1
      } else if byte == hash {
        skipComment()
      } else {
        return
      }
    }
  }

  /// Moves to the start of the next line unless a multi-line value already took us there.
  mutating func skipToLineEnd() {
    while let byte = peek(), byte != newline { pos += 1 }
  }
}

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let hash = UInt8(ascii: "#")
private let quote = UInt8(ascii: "\"")
private let apostrophe = UInt8(ascii: "'")
private let backslash = UInt8(ascii: "\\")
private let dot = UInt8(ascii: ".")
private let comma = UInt8(ascii: ",")
private let equals = UInt8(ascii: "=")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
private let valueTerminators: Set<UInt8> = [
  comma, closeBracket, closeBrace, newline, carriageReturn, hash,
]
private let keyTerminators: Set<UInt8> = [
  space, tab, dot, equals, closeBracket, openBracket, newline, carriageReturn, hash, comma,
  openBrace, closeBrace, quote, apostrophe,
]
