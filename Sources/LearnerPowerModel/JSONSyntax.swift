/// A strict check of JSON text (RFC 8259) that says where the first problem is.
///
/// Decoding a snapshot reads only the fields the app knows, and JSON decoders skip unknown
/// fields without looking closely; a file corrupted in a field nobody reads (`"x": 01`) would then
/// load without a word. Checking the whole text first keeps "not valid JSON" meaning what it says,
/// and gives the line and column a user needs to find the damage.
///
/// ```swift
/// JSONSyntax.firstProblem(in: Array("{\"a\": 01}".utf8))
/// // Problem(line: 1, column: 8, message: "a number may not start with 0 followed by digits", atEnd: false)
/// JSONSyntax.firstProblem(in: Array("{\"a\": [1, 2".utf8))?.atEnd  // true: the text stops early
/// ```
public enum JSONSyntax {
  /// What is wrong and where.
  public struct Problem: Hashable, Sendable {
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based column (in bytes) of the offending byte.
    public var column: Int
    /// What is wrong, as a plain phrase.
    public var message: String
    /// True when the text simply stops before the value is complete (a file cut short).
    public var atEnd: Bool
  }

  /// Nesting deeper than this is refused rather than recursed into.
  static let depthLimit = 512

  /// The first problem in `bytes` (UTF-8, a leading byte-order mark allowed), or nil when the
  /// whole text is one valid JSON value with nothing after it but white space.
  public static func firstProblem(in bytes: [UInt8]) -> Problem? {
    var checker = Checker(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { checker.pos = 3 }
    do {
      checker.skipSpace()
      try checker.value(depth: 0)
      checker.skipSpace()
      if checker.pos < bytes.count {
        throw checker.problem("unexpected text after the end of the JSON value")
      }
      return nil
    } catch let problem as Problem {
      return problem
    } catch {
      return nil
    }
  }

  private struct Checker {
    let bytes: [UInt8]
    var pos = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func problem(_ message: String, at offset: Int? = nil) -> Problem {
      let at = min(offset ?? pos, bytes.count)
      var line = 1
      var lineStart = 0
      for i in 0..<at where bytes[i] == 0x0A {
        line += 1
        lineStart = i + 1
      }
      return Problem(
        line: line, column: at - lineStart + 1, message: message, atEnd: at >= bytes.count)
    }

    var atEnd: Bool { pos >= bytes.count }

    mutating func skipSpace() {
      while pos < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[pos]) { pos += 1 }
    }

    mutating func expect(_ literal: String) throws {
      let start = pos
      for byte in literal.utf8 {
        guard pos < bytes.count else { throw problem("the text ends inside '\(literal)'") }
        guard bytes[pos] == byte else {
          throw problem(
            "expected a value (an object, array, string, number, true, false or null)", at: start)
        }
        pos += 1
      }
    }

    mutating func value(depth: Int) throws {
      guard pos < bytes.count else { throw problem("the text ends where a value should be") }
      guard depth < JSONSyntax.depthLimit else {
        throw problem("nested more than \(JSONSyntax.depthLimit) levels deep")
      }
      switch bytes[pos] {
      case UInt8(ascii: "{"): try object(depth: depth)
      case UInt8(ascii: "["): try array(depth: depth)
      case UInt8(ascii: "\""): try string()
      case UInt8(ascii: "t"): try expect("true")
      case UInt8(ascii: "f"): try expect("false")
      case UInt8(ascii: "n"): try expect("null")
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
      default:
        throw problem("expected a value (an object, array, string, number, true, false or null)")
      }
    }

    mutating func object(depth: Int) throws {
      pos += 1
      skipSpace()
      if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
        pos += 1
        return
      }
      while true {
        guard pos < bytes.count else { throw problem("the text ends inside an object") }
        guard bytes[pos] == UInt8(ascii: "\"") else { throw problem("expected a quoted key") }
        try string()
        skipSpace()
        guard pos < bytes.count else { throw problem("the text ends inside an object") }
        guard bytes[pos] == UInt8(ascii: ":") else { throw problem("expected ':' after the key") }
        pos += 1
        skipSpace()
        try value(depth: depth + 1)
        skipSpace()
        guard pos < bytes.count else { throw problem("the text ends inside an object") }
        if bytes[pos] == UInt8(ascii: ",") {
          pos += 1
          skipSpace()
          continue
        }
        guard bytes[pos] == UInt8(ascii: "}") else {
          throw problem("expected ',' or '}' in an object")
        }
        pos += 1
        return
      }
    }

    mutating func array(depth: Int) throws {
      pos += 1
      skipSpace()
      if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
        pos += 1
        return
      }
      while true {
        try value(depth: depth + 1)
        skipSpace()
        guard pos < bytes.count else { throw problem("the text ends inside an array") }
        if bytes[pos] == UInt8(ascii: ",") {
          pos += 1
          skipSpace()
          continue
        }
        guard bytes[pos] == UInt8(ascii: "]") else {
          throw problem("expected ',' or ']' in an array")
        }
        pos += 1
        return
      }
    }

    mutating func hex4() throws -> UInt32 {
      var value: UInt32 = 0
      for _ in 0..<4 {
        guard pos < bytes.count else { throw problem("the text ends inside a \\u escape") }
        let b = bytes[pos]
        let digit: UInt8
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
        default: throw problem("a \\u escape needs four hexadecimal digits")
        }
        value = value << 4 | UInt32(digit)
        pos += 1
      }
      return value
    }

    mutating func string() throws {
      pos += 1
      while true {
        guard pos < bytes.count else { throw problem("the text ends inside a string") }
        let b = bytes[pos]
        if b == UInt8(ascii: "\"") {
          pos += 1
          return
        }
        if b < 0x20 { throw problem("a control character inside a string (write it as an escape)") }
        guard b == UInt8(ascii: "\\") else {
          pos += 1
          continue
        }
        pos += 1
        guard pos < bytes.count else { throw problem("the text ends inside an escape") }
        switch bytes[pos] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          pos += 1
        case UInt8(ascii: "u"):
          let escape = pos - 1
          pos += 1
          let unit = try hex4()
          if (0xDC00...0xDFFF).contains(unit) {
            throw problem(
              "a lone low surrogate (\\u\(String(unit, radix: 16, uppercase: true)))", at: escape)
          }
          if (0xD800...0xDBFF).contains(unit) {
            // A high surrogate must be followed by its low half.
            guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"),
              bytes[pos + 1] == UInt8(ascii: "u")
            else {
              throw problem(
                "a lone high surrogate (\\u\(String(unit, radix: 16, uppercase: true)))", at: escape
              )
            }
            pos += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              throw problem("a high surrogate not followed by a low one", at: escape)
            }
          }
        default:
          throw problem("an unknown escape '\\\(Character(UnicodeScalar(bytes[pos])))'")
        }
      }
    }

    mutating func digits() -> Int {
      let start = pos
      while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) {
        pos += 1
      }
      return pos - start
    }

    mutating func number() throws {
      let start = pos
      if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
      guard pos < bytes.count else { throw problem("the text ends inside a number") }
      if bytes[pos] == UInt8(ascii: "0") {
        pos += 1
        if pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) {
          throw problem("a number may not start with 0 followed by digits", at: start)
        }
      } else if digits() == 0 {
        throw problem("a number needs digits")
      }
      if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
        pos += 1
        guard digits() > 0 else { throw problem("a number needs digits after its decimal point") }
      }
      if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
        pos += 1
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") {
          pos += 1
        }
        guard digits() > 0 else { throw problem("a number needs digits in its exponent") }
      }
      let text = String(decoding: bytes[start..<pos], as: UTF8.self)
      if let v = Double(text), !v.isFinite {
        throw problem("the number \(text.prefix(20)) is too large", at: start)
      }
    }
  }
}

extension JSONSyntax.Problem: Error {}
