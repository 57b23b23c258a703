/// The exact TOML 1.0 grammar of bare values: booleans, integers, floats, dates and times.
///
/// toml++ (under TOMLKit) classifies a bare value by the characters it contains and then parses
/// it with internal assertions (for example that a time starts with a digit) rather than
/// errors; malformed values such as `1979-05-27Te07:32:00` abort debug builds. Checking bare
/// values against the grammar first means toml++ only ever sees well-formed ones. Ranges
/// (month 13, hour 25) are left to toml++, which reports them properly.
///
/// ```swift
/// TOMLScalarSyntax.isValid(Array("1_000".utf8))               // true
/// TOMLScalarSyntax.isValid(Array("1979-05-27 07:32:00Z".utf8)) // true
/// TOMLScalarSyntax.isValid(Array("guided".utf8))              // false
/// ```
enum TOMLScalarSyntax {
  /// Whether `token` (trimmed of surrounding blanks) is a complete TOML bare value.
  static func isValid(_ token: [UInt8]) -> Bool {
    token == Array("true".utf8) || token == Array("false".utf8) || isInteger(token)
      || isFloat(token) || isDateOrTime(token)
  }

  // MARK: - Numbers

  static func isInteger(_ t: [UInt8]) -> Bool {
    var i = 0
    if t.count > 2, t[0] == ascii("0") {
      let radix: ((UInt8) -> Bool)?
      switch t[1] {
      case ascii("x"): radix = isHex
      case ascii("o"): radix = { (ascii("0")...ascii("7")).contains($0) }
      case ascii("b"): radix = { $0 == ascii("0") || $0 == ascii("1") }
      default: radix = nil
      }
      if let radix {
        i = 2
        return digits(t, &i, radix) && i == t.count
      }
    }
    skipSign(t, &i)
    return decimalInteger(t, &i) && i == t.count
  }

  static func isFloat(_ t: [UInt8]) -> Bool {
    var i = 0
    skipSign(t, &i)
    let rest = Array(t[i...])
    if rest == Array("inf".utf8) || rest == Array("nan".utf8) { return true }
    guard decimalInteger(t, &i) else { return false }
    var hasFraction = false
    var hasExponent = false
    if i < t.count, t[i] == ascii(".") {
      i += 1
      guard digits(t, &i, isDigit) else { return false }
      hasFraction = true
    }
    if i < t.count, t[i] == ascii("e") || t[i] == ascii("E") {
      i += 1
      skipSign(t, &i)
      guard digits(t, &i, isDigit) else { return false }
      hasExponent = true
    }
    return (hasFraction || hasExponent) && i == t.count
  }

  /// `0`, or a non-zero digit followed by digits with single underscores between them.
  private static func decimalInteger(_ t: [UInt8], _ i: inout Int) -> Bool {
    guard i < t.count else { return false }
    if t[i] == ascii("0") {
      i += 1
      return i == t.count || !(isDigit(t[i]) || t[i] == ascii("_"))
    }
    return digits(t, &i, isDigit)
  }

  /// One or more digits, with single underscores allowed only between two digits.
  private static func digits(_ t: [UInt8], _ i: inout Int, _ isDigit: (UInt8) -> Bool) -> Bool {
    guard i < t.count, isDigit(t[i]) else { return false }
    i += 1
    while i < t.count {
      if isDigit(t[i]) {
        i += 1
      } else if t[i] == ascii("_"), i + 1 < t.count, isDigit(t[i + 1]) {
        i += 2
      } else {
        break
      }
    }
    return true
  }

  private static func skipSign(_ t: [UInt8], _ i: inout Int) {
    if i < t.count, t[i] == ascii("+") || t[i] == ascii("-") { i += 1 }
  }

  // MARK: - Dates and times

  /// `YYYY-MM-DD`, `HH:MM:SS[.f]`, or a date, `T`/`t`/space, a time and an optional offset
  /// (`Z`, `z`, `+HH:MM`, `-HH:MM`).
  static func isDateOrTime(_ t: [UInt8]) -> Bool {
    var i = 0
    if time(t, &i) { return i == t.count }
    i = 0
    guard date(t, &i) else { return false }
    if i == t.count { return true }
    guard [ascii("T"), ascii("t"), ascii(" ")].contains(t[i]) else { return false }
    i += 1
    guard time(t, &i) else { return false }
    if i == t.count { return true }
    if t[i] == ascii("Z") || t[i] == ascii("z") { return i + 1 == t.count }
    guard t[i] == ascii("+") || t[i] == ascii("-") else { return false }
    i += 1
    return fixed(t, &i, 2) && literal(t, &i, ":") && fixed(t, &i, 2) && i == t.count
  }

  private static func date(_ t: [UInt8], _ i: inout Int) -> Bool {
    fixed(t, &i, 4) && literal(t, &i, "-") && fixed(t, &i, 2) && literal(t, &i, "-")
      && fixed(t, &i, 2)
  }

  private static func time(_ t: [UInt8], _ i: inout Int) -> Bool {
    guard
      fixed(t, &i, 2) && literal(t, &i, ":") && fixed(t, &i, 2) && literal(t, &i, ":")
        && fixed(t, &i, 2)
    else { return false }
    if i < t.count, t[i] == ascii(".") {
      i += 1
      let start = i
      while i < t.count, isDigit(t[i]) { i += 1 }
      return i > start
    }
    return true
  }

  private static func fixed(_ t: [UInt8], _ i: inout Int, _ count: Int) -> Bool {
    guard i + count <= t.count, t[i..<i + count].allSatisfy(isDigit) else { return false }
    i += count
    return true
  }

  private static func literal(_ t: [UInt8], _ i: inout Int, _ c: Unicode.Scalar) -> Bool {
    guard i < t.count, t[i] == UInt8(c.value) else { return false }
    i += 1
    return true
  }

  // MARK: - Characters

  private static func ascii(_ c: Unicode.Scalar) -> UInt8 { UInt8(c.value) }
  private static func isDigit(_ c: UInt8) -> Bool { (ascii("0")...ascii("9")).contains(c) }
  private static func isHex(_ c: UInt8) -> Bool {
    isDigit(c) || (ascii("a")...ascii("f")).contains(c) || (ascii("A")...ascii("F")).contains(c)
  }
}
