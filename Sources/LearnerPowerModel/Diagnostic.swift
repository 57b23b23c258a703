/// One problem found in a file, located as precisely as the reader could.
///
/// ``description`` is the exact line `learnerpower … check` prints:
/// `file:line:column: keyPath: message`, leaving out the parts that are nil.
///
/// ```swift
/// Diagnostic(file: "my.toml", line: 12, keyPath: "approaches[2].fit",
///            message: "fit [30, 20]: the lower bound is above the upper bound").description
/// // my.toml:12: approaches[2].fit: fit [30, 20]: the lower bound is above the upper bound
/// ```
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  /// How serious a problem is; only errors make a file unusable.
  public enum Severity: String, Hashable, Sendable {
    /// The file cannot be used as it is.
    case error
    /// Worth fixing, but the file still loads.
    case warning
  }

  /// The file as the user named it.
  public let file: String
  /// 1-based line, when known.
  public let line: Int?
  /// 1-based column, when known (TOML syntax errors).
  public let column: Int?
  /// Where in the document, e.g. `approaches[2].fit`; nil for the whole file.
  public let keyPath: String?
  /// What is wrong, as a plain sentence without a trailing full stop.
  public let message: String
  /// Error or warning.
  public let severity: Severity

  /// Makes a diagnostic. A column without a line is ignored.
  public init(
    file: String, line: Int? = nil, column: Int? = nil, keyPath: String? = nil, message: String,
    severity: Severity = .error
  ) {
    self.file = file
    self.line = line
    self.column = line == nil ? nil : column
    self.keyPath = keyPath.flatMap { $0.isEmpty ? nil : $0 }
    self.message = message
    self.severity = severity
  }

  /// `file:line:column: keyPath: message`; warnings say `warning:` before the message.
  public var description: String {
    var location = TextSanitizer.cleanLine(file)
    if let line { location += ":\(line)" }
    if let column { location += ":\(column)" }
    var parts = [location]
    if let keyPath { parts.append(TextSanitizer.cleanLine(keyPath)) }
    if severity == .warning { parts.append("warning") }
    parts.append(TextSanitizer.cleanLine(message))
    return parts.joined(separator: ": ")
  }
}

/// Every problem found in one go, so a user can fix them all before trying again.
public struct DiagnosticList: Error, Hashable, Sendable, CustomStringConvertible {
  /// The problems in file order: grouped by file (in the order each file was first named),
  /// then by line (problems without a line come first in their file).
  public let diagnostics: [Diagnostic]

  /// Collects `diagnostics`, grouping them by file and sorting each file's by line (stable for
  /// equal lines), so a script's problems come before those of a file it names.
  public init(_ diagnostics: [Diagnostic]) {
    var fileOrder: [String: Int] = [:]
    for d in diagnostics where fileOrder[d.file] == nil { fileOrder[d.file] = fileOrder.count }
    self.diagnostics = diagnostics.enumerated()
      .sorted { a, b in
        let (fa, fb) = (fileOrder[a.element.file] ?? 0, fileOrder[b.element.file] ?? 0)
        if fa != fb { return fa < fb }
        let (la, lb) = (a.element.line ?? 0, b.element.line ?? 0)
        return la != lb ? la < lb : a.offset < b.offset
      }
      .map(\.element)
  }

  /// Whether any diagnostic is an error rather than a warning.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// One ``Diagnostic/description`` per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
