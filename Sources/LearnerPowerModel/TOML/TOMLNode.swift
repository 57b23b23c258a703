/// A TOML value converted eagerly into plain Swift values (TOMLKit's tables are non-Sendable
/// classes over C++ objects, so nothing of theirs is kept).
///
/// Tables keep their keys in document order.
///
/// ```swift
/// let doc = try TOMLDocument.parse("a = [1, 2]", file: "x.toml").get()
/// doc.root["a"]?[1]?.intValue  // 2
/// ```
package indirect enum TOMLNode: Hashable, Sendable {
  case string(String)
  case integer(Int)
  case double(Double)
  case bool(Bool)
  /// A date, time or date-time in its TOML/RFC 3339 text form, e.g. `1979-05-27T07:32:00Z`.
  case datetime(String)
  case array([TOMLNode])
  case table([TOMLEntry])

  /// The TOML name of the value's type, for messages: "string", "integer", "float", "boolean",
  /// "date-time", "array", "table".
  package var typeName: String {
    switch self {
    case .string: "string"
    case .integer: "integer"
    case .double: "float"
    case .bool: "boolean"
    case .datetime: "date-time"
    case .array: "array"
    case .table: "table"
    }
  }

  /// The value of key `key` when this is a table.
  package subscript(key: String) -> TOMLNode? {
    guard case .table(let entries) = self else { return nil }
    return entries.first { $0.key == key }?.value
  }

  /// The element at `index` when this is an array and the index exists.
  package subscript(index: Int) -> TOMLNode? {
    guard case .array(let items) = self, items.indices.contains(index) else { return nil }
    return items[index]
  }

  /// The value at `path` below this node.
  package subscript(path: TOMLKeyPath) -> TOMLNode? {
    var node: TOMLNode? = self
    for component in path.components {
      switch component {
      case .key(let key): node = node?[key]
      case .index(let index): node = node?[index]
      }
    }
    return node
  }

  package var stringValue: String? {
    if case .string(let value) = self { value } else { nil }
  }

  package var intValue: Int? {
    if case .integer(let value) = self { value } else { nil }
  }

  /// A float, or an integer widened to one.
  package var doubleValue: Double? {
    switch self {
    case .double(let value): value
    case .integer(let value): Double(value)
    default: nil
    }
  }

  package var boolValue: Bool? {
    if case .bool(let value) = self { value } else { nil }
  }

  package var arrayValue: [TOMLNode]? {
    if case .array(let value) = self { value } else { nil }
  }

  package var tableEntries: [TOMLEntry]? {
    if case .table(let value) = self { value } else { nil }
  }
}

/// One key and its value in a ``TOMLNode/table(_:)``.
package struct TOMLEntry: Hashable, Sendable {
  package let key: String
  package let value: TOMLNode

  package init(key: String, value: TOMLNode) {
    self.key = key
    self.value = value
  }
}

extension TOMLNode {
  /// A short, single-line rendering for messages: `"abc"`, `30`, `[30.5, 50]`, `{…}`.
  package var brief: String {
    switch self {
    case .string(let text):
      let clean = TextSanitizer.cleanLine(text)
      let short = clean.count > 40 ? String(clean.prefix(39)) + "…" : clean
      return "\"" + short + "\""
    case .integer(let value): return String(value)
    case .double(let value): return String(value)
    case .bool(let value): return String(value)
    case .datetime(let text): return text
    case .array(let items):
      let shown = items.prefix(4).map(\.brief) + (items.count > 4 ? ["…"] : [])
      return "[" + shown.joined(separator: ", ") + "]"
    case .table(let entries): return entries.isEmpty ? "{}" : "{…}"
    }
  }

  /// `typeName` followed by the value, e.g. `string "30-50"`, for "found …" in messages.
  package var found: String {
    switch self {
    case .table: "a table"
    default: "\(typeName) \(brief)"
    }
  }
}
