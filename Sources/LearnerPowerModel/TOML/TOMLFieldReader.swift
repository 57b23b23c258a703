/// The field-reading machinery every TOML format of the model shares (catalogue, workshop script,
/// question set, answer file): typed getters that report missing keys and wrong types, unknown
/// keys with a "did you mean", and the collected problems, each at the line its key is written.
///
/// One reader means every format words its problems the same way, and a new format needs no copy.
///
/// ```swift
/// let doc = try TOMLDocument.parse("nme = \"x\"\nversion = 1", file: "c.toml").get()
/// var fields = TOMLFieldReader(document: doc)
/// fields.checkKeys(of: doc.root, at: .root, allowed: ["name", "version"], what: "top-level key")
/// fields.string("version", in: doc.root, at: .root)  // nil
/// fields.problems.map(\.description)
/// // c.toml:1: nme: unknown top-level key "nme"; did you mean "name"?
/// // c.toml:2: version: expected a string, found integer 1
/// ```
package struct TOMLFieldReader: Sendable {
  /// The document being read.
  package let document: TOMLDocument
  /// Every problem reported so far, in the order found.
  package private(set) var problems: [Diagnostic] = []

  /// Starts reading `document` with no problems.
  package init(document: TOMLDocument) { self.document = document }

  /// Records `message` at the line where `path` is written.
  package mutating func report(_ path: TOMLKeyPath, _ message: String) {
    problems.append(document.diagnostic(at: path, message))
  }

  // MARK: - Keys

  /// Reports each key of `table` that is not in `allowed` as `unknown <what> "key"`, followed by
  /// the nearest allowed name or else `otherwise` (by default the list of known keys).
  package mutating func checkKeys(
    of table: TOMLNode, at path: TOMLKeyPath, allowed: [String], what: String,
    otherwise: String? = nil
  ) {
    for entry in table.tableEntries ?? [] where !allowed.contains(entry.key) {
      // Built only for a problem: this runs for every table of every file read at start-up.
      let fallback = otherwise ?? "; known keys: " + allowed.joined(separator: ", ")
      reportUnknown(entry.key, in: path, known: allowed, what: what, otherwise: fallback)
    }
  }

  /// Reports `key` of the table at `path` as `unknown <what> "key"`, suggesting the nearest of
  /// `known`, or appending `otherwise` when none is close.
  package mutating func reportUnknown(
    _ key: String, in path: TOMLKeyPath, known: [String], what: String, otherwise: String
  ) {
    var message = "unknown \(what) \"\(TextSanitizer.cleanLine(key))\""
    if let guess = NameSuggestion.nearest(to: key, in: known) {
      message += "; did you mean \"\(guess)\"?"
    } else {
      message += otherwise
    }
    report(path.appending(key), message)
  }

  /// Remembers `value` of `key` in the item at `path`, reporting it when an earlier item already
  /// used it; false for a duplicate.
  @discardableResult
  package mutating func noteUnique(
    _ value: String, key: String, at path: TOMLKeyPath, seen: inout [String: TOMLKeyPath]
  ) -> Bool {
    guard let first = seen[value] else {
      seen[value] = path
      return true
    }
    let line = document.line(of: first.appending(key)).map { " on line \($0)" } ?? ""
    report(
      path.appending(key),
      "duplicate \(key) \"\(value)\": already used by \(first)\(line); \(key)s must be unique")
    return false
  }

  // MARK: - Typed getters

  /// A string field, cleaned for display (``cleanField(_:)``, or kept to its lines when
  /// `multiline`). A missing key is reported only when `required`; `silent` reports nothing
  /// (for a field another getter already checked).
  package mutating func string(
    _ key: String, in table: TOMLNode, at path: TOMLKeyPath, required: Bool = true,
    hint: @autoclosure () -> String? = nil, multiline: Bool = false, silent: Bool = false
  ) -> String? {
    // The path and message are built only for a problem: this runs for every string field of
    // every file read at start-up (the built-in catalogue has 160).
    func expected() -> String { "expected a string" + (hint().map { " (\($0))" } ?? "") }
    guard let node = table[key] else {
      if required, !silent { report(path.appending(key), "missing required key; \(expected())") }
      return nil
    }
    guard let value = node.stringValue else {
      if !silent { report(path.appending(key), "\(expected()), found \(node.found)") }
      return nil
    }
    return multiline
      ? TextSanitizer.cleanMultiline(value).trimmingSpaces() : Self.cleanField(value)
  }

  /// One element of a list that must be a string, cleaned; reports any other type.
  package mutating func string(element: TOMLNode, at path: TOMLKeyPath) -> String? {
    guard let value = element.stringValue else {
      report(path, "expected a string, found \(element.found)")
      return nil
    }
    return Self.cleanField(value)
  }

  /// An optional field converted by `convert`; when the key is there but `convert` refuses it,
  /// reports `<expected>, found <what was written>` and gives `ok == false`.
  package mutating func optional<Value>(
    _ key: String, in table: TOMLNode, at path: TOMLKeyPath, expected: String,
    _ convert: (TOMLNode) -> Value?
  ) -> (value: Value?, ok: Bool) {
    guard let node = table[key] else { return (nil, true) }
    guard let value = convert(node) else {
      report(path.appending(key), "\(expected), found \(node.found)")
      return (nil, false)
    }
    return (value, true)
  }

  /// A required list: reports a missing key (`missing required key; <expected><example>`) or a
  /// value that is not a list (`<expected>; found <what>`).
  package mutating func list(
    _ key: String, in table: TOMLNode, at path: TOMLKeyPath, expected: String,
    example: String = ""
  ) -> [TOMLNode]? {
    let keyPath = path.appending(key)
    guard let node = table[key] else {
      report(keyPath, "missing required key; \(expected)\(example)")
      return nil
    }
    guard let items = node.arrayValue else {
      report(keyPath, "\(expected); found \(node.found)")
      return nil
    }
    return items
  }

  /// The `[[key]]` tables of `root` with their paths. Reports a missing or empty array as `none`,
  /// a value that is not an array of tables, and each element that is not a table (skipped).
  package mutating func tables(_ key: String, in root: TOMLNode, none: String)
    -> [(table: TOMLNode, path: TOMLKeyPath)]
  {
    let path = TOMLKeyPath.root.appending(key)
    guard let node = root[key] else {
      report(path, none)
      return []
    }
    guard let items = node.arrayValue else {
      report(path, "expected [[\(key)]] tables, found \(node.found)")
      return []
    }
    if items.isEmpty { report(path, none) }
    let article = key.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    var tables: [(table: TOMLNode, path: TOMLKeyPath)] = []
    for (index, item) in items.enumerated() {
      let itemPath = path.appending(index: index)
      guard item.tableEntries != nil else {
        report(itemPath, "expected \(article) [[\(key)]] table, found \(item.found)")
        continue
      }
      tables.append((item, itemPath))
    }
    return tables
  }

  /// Text for display: no control characters, single spaces, no surrounding blanks (so a
  /// multi-line TOML string reads as one paragraph).
  package static func cleanField(_ value: String) -> String {
    TextSanitizer.cleanLine(value).split(separator: " ", omittingEmptySubsequences: true)
      .joined(separator: " ")
  }
}

/// The known name closest to what someone typed, for "did you mean" hints in every file format
/// and command line.
///
/// Case and `-`/`_` are forgiven; among equally close names the first in the given order wins.
///
/// ```swift
/// NameSuggestion.nearest(to: "Ld-Role", in: ["name", "ld_role"])  // "ld_role"
/// NameSuggestion.nearest(to: "zzz", in: ["name"])                 // nil
/// ```
package enum NameSuggestion {
  /// The name in `names` closest to `word`, if it is at most `maxDistance` edits away.
  package static func nearest(to word: String, in names: [String], maxDistance: Int = 2)
    -> String?
  {
    let wanted = Array(normal(word))
    let scored = names.map { ($0, editDistance(Array(normal($0)), wanted)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= maxDistance else { return nil }
    return best.0
  }

  /// Levenshtein distance: insertions, deletions and substitutions of one character.
  package static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[b.count]
  }

  private static func normal(_ name: String) -> String {
    String(name.lowercased().map { $0 == "-" ? "_" : $0 })
  }
}
