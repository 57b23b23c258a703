import TOMLKit

/// A parsed TOML file: its values as ``TOMLNode``s plus a locator that knows on which line each
/// key is written. Shared by every TOML reader of the app (catalogue, themes, workshop scripts).
///
/// ```swift
/// switch TOMLDocument.parse(text, file: "team.toml") {
/// case .success(let doc):
///   doc.line(of: ["approaches", 2, "fit"])  // e.g. 31
/// case .failure(let diagnostic):
///   print(diagnostic)  // team.toml:4:9: expected '=' … (syntax errors carry line:column)
/// }
/// ```
package struct TOMLDocument: Sendable {
  /// The file name used in diagnostics.
  package let file: String
  /// The top-level table.
  package let root: TOMLNode
  private let locator: TOMLLocator

  /// Parses `text`; a syntax error comes back as one diagnostic with line and column.
  package static func parse(_ text: String, file: String) -> Result<TOMLDocument, Diagnostic> {
    // TOMLKit hands the text to C as a C string, which would silently end at a NUL.
    if let nul = position(ofNULIn: text) {
      return .failure(
        Diagnostic(
          file: file, line: nul.line, column: nul.column,
          message: "the file contains a NUL character; TOML text cannot hold one"))
    }
    let locator = TOMLLocator(source: text)
    if let spot = locator.firstUnsafeSpot {
      // Never give toml++ the unsafe spot (see TOMLLocator.UnsafeSpot). An earlier error in the
      // text before it still comes first, as it would have.
      let before = String(decoding: Array(text.utf8).prefix(spot.lineStart), as: UTF8.self)
      // An error at the end of that shortened text only says it was cut short: ignore it.
      if case .failure(let earlier) = parseTable(before, file: file), let line = earlier.line,
        line < spot.line, !earlier.message.contains("end-of-file"),
        !earlier.message.contains("EOF")
      {
        return .failure(earlier)
      }
      return .failure(
        Diagnostic(file: file, line: spot.line, column: spot.column, message: spot.message))
    }
    switch parseTable(text, file: file) {
    case .failure(let error):
      return .failure(error)
    case .success(let table):
      let root = convertTable(table, at: .root, locator: locator)
      return .success(TOMLDocument(file: file, root: root, locator: locator))
    }
  }

  /// TOMLKit's parse, with its error turned into a diagnostic.
  private static func parseTable(_ text: String, file: String) -> Result<TOMLTable, Diagnostic> {
    do {
      return .success(try TOMLTable(string: text))
    } catch let error as TOMLParseError {
      return .failure(
        Diagnostic(
          file: file, line: error.source.begin.line, column: error.source.begin.column,
          message: syntaxMessage(error.description)))
    } catch {
      return .failure(Diagnostic(file: file, message: "TOML syntax error: \(error)"))
    }
  }

  /// The line where the key at `path` is written; for a path that is not written (an array
  /// element inside a one-line array, a key that is missing) the line of its nearest written
  /// ancestor; nil when nothing on the path is written.
  package func line(of path: TOMLKeyPath) -> Int? { locator.line(of: path) }

  /// A diagnostic located at `path` (its line, and the path as text).
  package func diagnostic(
    at path: TOMLKeyPath, _ message: String, severity: Diagnostic.Severity = .error
  ) -> Diagnostic {
    Diagnostic(
      file: file, line: line(of: path), keyPath: path.isRoot ? nil : path.description,
      message: message, severity: severity)
  }

  /// toml++ says "Error while parsing key-value pair: expected value"; we print
  /// "TOML syntax error in key-value pair: expected value".
  private static func syntaxMessage(_ raw: String) -> String {
    let text = TextSanitizer.cleanLine(raw).trimmingSpaces()
    let prefix = "Error while parsing "
    guard text.hasPrefix(prefix), let colon = text.firstIndex(of: ":") else {
      return "TOML syntax error: " + text
    }
    let what = text[text.index(text.startIndex, offsetBy: prefix.count)..<colon]
    let detail = text[text.index(after: colon)...].trimmingSpaces()
    return "TOML syntax error in \(what): \(detail)"
  }

  // MARK: - Conversion from TOMLKit

  private static func convertTable(
    _ table: TOMLTable, at path: TOMLKeyPath, locator: TOMLLocator
  ) -> TOMLNode {
    let entries = table.keys.compactMap { key -> TOMLEntry? in
      guard let value = table[key] else { return nil }
      return TOMLEntry(key: key, value: convert(value, at: path.appending(key), locator: locator))
    }
    // TOMLKit returns keys sorted; restore the order in which they are written. Each key's
    // position is looked up once, not per comparison: hashing key paths dominated start-up.
    let ordered = entries.enumerated()
      .map {
        (
          order: locator.order(of: path.appending($0.element.key)) ?? Int.max, offset: $0.offset,
          entry: $0.element
        )
      }
      .sorted { $0.order != $1.order ? $0.order < $1.order : $0.offset < $1.offset }
    return .table(ordered.map(\.entry))
  }

  private static func convert(
    _ value: any TOMLValueConvertible, at path: TOMLKeyPath, locator: TOMLLocator
  ) -> TOMLNode {
    switch value.type {
    case .table:
      guard let table = value.table else { return .table([]) }
      return convertTable(table, at: path, locator: locator)
    case .array:
      guard let array = value.array else { return .array([]) }
      return .array(
        array.enumerated().map { index, element in
          convert(element, at: path.appending(index: index), locator: locator)
        })
    case .string: return .string(value.string ?? "")
    case .int: return .integer(value.int ?? 0)
    case .double: return .double(value.double ?? 0)
    case .bool: return .bool(value.bool ?? false)
    case .date: return .datetime(value.date.map(format) ?? "")
    case .time: return .datetime(value.time.map(format) ?? "")
    case .dateTime:
      guard let dateTime = value.dateTime else { return .datetime("") }
      var text = format(dateTime.date) + "T" + format(dateTime.time)
      if let offset = dateTime.offset?.offset {
        if offset == 0 {
          text += "Z"
        } else {
          let sign = offset < 0 ? "-" : "+"
          text += sign + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
        }
      }
      return .datetime(text)
    }
  }

  private static func format(_ date: TOMLDate) -> String {
    pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
  }

  private static func format(_ time: TOMLTime) -> String {
    var text = pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
    if time.nanoSecond > 0 {
      var fraction = pad(time.nanoSecond, 9)
      while fraction.hasSuffix("0") { fraction.removeLast() }
      text += "." + fraction
    }
    return text
  }

  private static func pad(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private static func position(ofNULIn text: String) -> (line: Int, column: Int)? {
    var line = 1
    var column = 1
    for scalar in text.unicodeScalars {
      if scalar == "\0" { return (line, column) }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return nil
  }
}
