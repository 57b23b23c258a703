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

  private(set) var marks: [TOMLKeyPath: Mark] = [:]

  init(source: String) {
    var scanner = Scanner(bytes: Array(source.utf8))
    scanner.scanDocument()
    marks = scanner.marks
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

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == newline { starts.append(offset + 1) }
    lineStarts = starts
  }

  // MARK: Document level

  mutating func scanDocument() {
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
    case openBracket:
      scanArray(at: path)
    case openBrace:
      scanInlineTable(at: path)
    default:
      // Numbers, booleans, dates (which may contain one space: `1979-05-27 07:32:00`).
      while let next = peek(),
        ![comma, closeBracket, closeBrace, newline, carriageReturn, hash]
          .contains(next)
      {
        pos += 1
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
private let keyTerminators: Set<UInt8> = [
  space, tab, dot, equals, closeBracket, openBracket, newline, carriageReturn, hash, comma,
  openBrace, closeBrace, quote, apostrophe,
]
