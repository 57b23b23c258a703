/// Turns a ``TOMLDocument`` into a ``Catalogue``, collecting every problem instead of stopping at
/// the first, so `catalogue check` can list them all.
struct CatalogueReader {
  let document: TOMLDocument
  private(set) var problems: [Diagnostic] = []

  init(document: TOMLDocument) {
    self.document = document
  }

  static let topLevelKeys = ["name", "version", "approaches"]
  static let approachKeys = [
    "id", "name", "stage", "fit", "description", "ld_role", "tools", "risk", "social_mode",
    "pinned",
  ]

  mutating func read() -> Catalogue {
    let root = document.root
    checkKeys(of: root, at: .root, allowed: Self.topLevelKeys, what: "top-level key")
    let name = text(in: root, at: .root, key: "name", hint: "the catalogue's display name") ?? ""
    let version = text(in: root, at: .root, key: "version", hint: "e.g. version = \"1.0\"") ?? ""
    return Catalogue(name: name, version: version, approaches: readApproaches(root))
  }

  // MARK: - Approaches

  private mutating func readApproaches(_ root: TOMLNode) -> [Approach] {
    let path: TOMLKeyPath = ["approaches"]
    guard let node = root["approaches"] else {
      report(path, "the catalogue has no approaches; add at least one [[approaches]] table")
      return []
    }
    guard let items = node.arrayValue else {
      report(path, "expected [[approaches]] tables, found \(node.found)")
      return []
    }
    if items.isEmpty {
      report(path, "the catalogue has no approaches; add at least one [[approaches]] table")
    }
    var approaches: [Approach] = []
    var firstUse: [String: TOMLKeyPath] = [:]
    for (index, item) in items.enumerated() {
      let itemPath = path.appending(index: index)
      guard item.tableEntries != nil else {
        report(itemPath, "expected an [[approaches]] table, found \(item.found)")
        continue
      }
      if let id = readID(in: item, at: itemPath) {
        if let first = firstUse[id] {
          let firstLine = document.line(of: first.appending("id")).map { " on line \($0)" } ?? ""
          report(
            itemPath.appending("id"),
            "duplicate id \"\(id)\": already used by \(first)\(firstLine); ids must be unique")
        } else {
          firstUse[id] = itemPath
        }
      }
      if let approach = readApproach(item, at: itemPath) { approaches.append(approach) }
    }
    return approaches
  }

  private mutating func readID(in item: TOMLNode, at path: TOMLKeyPath) -> String? {
    guard let id = text(in: item, at: path, key: "id") else { return nil }
    if id.isEmpty {
      report(path.appending("id"), "id must not be empty; use a short code such as \"D1\"")
      return nil
    }
    return id
  }

  /// Reads one approach, reporting each problem; nil when any required field is unusable.
  private mutating func readApproach(_ item: TOMLNode, at path: TOMLKeyPath) -> Approach? {
    checkKeys(of: item, at: path, allowed: Self.approachKeys, what: "key")
    let id = text(in: item, at: path, key: "id", silent: true)
    let name = text(in: item, at: path, key: "name", hint: "the display name")
    let stage = readStage(in: item, at: path)
    let fit = readFit(in: item, at: path)
    let description = text(in: item, at: path, key: "description", hint: "what it is")
    let ldRole = text(in: item, at: path, key: "ld_role", hint: "what L&D does")
    let tools = readTools(in: item, at: path)
    let risk = text(in: item, at: path, key: "risk", hint: "the main caveat")
    let socialMode = readSocialMode(in: item, at: path)
    let pinned = readPinned(in: item, at: path)
    if let name, name.isEmpty { report(path.appending("name"), "name must not be empty") }
    guard let id, !id.isEmpty, let name, !name.isEmpty, let stage, let fit, let description,
      let ldRole, let tools, let risk, let socialMode, let pinned
    else { return nil }
    return Approach(
      id: id, name: name, stage: stage, fit: fit, description: description, ldRole: ldRole,
      tools: tools, risk: risk, socialMode: socialMode, pinned: pinned)
  }

  private mutating func readStage(in item: TOMLNode, at path: TOMLKeyPath) -> Stage? {
    let hint = "one of \(Stage.validIDs)"
    guard let id = text(in: item, at: path, key: "stage", hint: hint) else { return nil }
    guard let stage = Stage(id: id) else {
      report(
        path.appending("stage"), "unknown stage \"\(id)\"; valid stages: \(Stage.validIDs)")
      return nil
    }
    return stage
  }

  private mutating func readSocialMode(in item: TOMLNode, at path: TOMLKeyPath) -> SocialMode? {
    let hint = "one of \(SocialMode.validIDs)"
    guard let id = text(in: item, at: path, key: "social_mode", hint: hint) else { return nil }
    guard let mode = SocialMode(rawValue: id.lowercased()) else {
      report(
        path.appending("social_mode"),
        "unknown social mode \"\(id)\"; valid modes: \(SocialMode.validIDs)")
      return nil
    }
    return mode
  }

  private mutating func readFit(in item: TOMLNode, at path: TOMLKeyPath) -> ClosedRange<Int>? {
    let fitPath = path.appending("fit")
    let expected = "expected [lo, hi], two whole numbers from 0 to 100"
    guard let node = item["fit"] else {
      report(fitPath, "missing required key; \(expected), e.g. fit = [25, 45]")
      return nil
    }
    guard let items = node.arrayValue else {
      report(fitPath, "\(expected); found \(node.found)")
      return nil
    }
    guard items.count == 2, let lo = items[0].intValue, let hi = items[1].intValue else {
      let count = items.count == 2 ? "" : " (\(items.count) value\(items.count == 1 ? "" : "s"))"
      report(fitPath, "\(expected); found \(node.brief)\(count)")
      return nil
    }
    guard Position.range.contains(lo), Position.range.contains(hi) else {
      report(fitPath, "fit [\(lo), \(hi)] is outside 0 to 100; both ends must be from 0 to 100")
      return nil
    }
    guard lo <= hi else {
      report(fitPath, "fit [\(lo), \(hi)] starts above its end; write [lo, hi] with lo <= hi")
      return nil
    }
    return lo...hi
  }

  private mutating func readTools(in item: TOMLNode, at path: TOMLKeyPath) -> [String]? {
    let toolsPath = path.appending("tools")
    guard let node = item["tools"] else {
      report(toolsPath, "missing required key; expected a list of strings, e.g. tools = [\"LMS\"]")
      return nil
    }
    guard let items = node.arrayValue else {
      report(toolsPath, "expected a list of strings, e.g. tools = [\"LMS\"]; found \(node.found)")
      return nil
    }
    var tools: [String] = []
    var valid = true
    for (index, element) in items.enumerated() {
      if let tool = element.stringValue {
        tools.append(Self.cleanField(tool))
      } else {
        report(toolsPath.appending(index: index), "expected a string, found \(element.found)")
        valid = false
      }
    }
    return valid ? tools : nil
  }

  private mutating func readPinned(in item: TOMLNode, at path: TOMLKeyPath) -> Bool? {
    guard let node = item["pinned"] else { return false }
    guard let pinned = node.boolValue else {
      report(path.appending("pinned"), "expected true or false, found \(node.found)")
      return nil
    }
    return pinned
  }

  // MARK: - Helpers

  /// A required string field, cleaned; reports a missing key or a wrong type.
  private mutating func text(
    in table: TOMLNode, at path: TOMLKeyPath, key: String, hint: String? = nil,
    silent: Bool = false
  ) -> String? {
    let keyPath = path.appending(key)
    guard let node = table[key] else {
      if !silent {
        report(keyPath, "missing required key; expected a string" + (hint.map { " (\($0))" } ?? ""))
      }
      return nil
    }
    guard let value = node.stringValue else {
      if !silent {
        report(
          keyPath,
          "expected a string" + (hint.map { " (\($0))" } ?? "") + ", found \(node.found)")
      }
      return nil
    }
    return Self.cleanField(value)
  }

  /// Reports keys that the format does not know, suggesting the nearest known one.
  private mutating func checkKeys(
    of table: TOMLNode, at path: TOMLKeyPath, allowed: [String], what: String
  ) {
    for entry in table.tableEntries ?? [] where !allowed.contains(entry.key) {
      let shown = TextSanitizer.cleanLine(entry.key)
      var message = "unknown \(what) \"\(shown)\""
      if let guess = Self.nearest(to: entry.key, in: allowed) {
        message += "; did you mean \"\(guess)\"?"
      } else {
        message += "; known keys: " + allowed.joined(separator: ", ")
      }
      report(path.appending(entry.key), message)
    }
  }

  private mutating func report(_ path: TOMLKeyPath, _ message: String) {
    problems.append(document.diagnostic(at: path, message))
  }

  /// Text for display: no control characters, single spaces, no surrounding blanks (so a
  /// multi-line TOML string reads as one paragraph).
  static func cleanField(_ value: String) -> String {
    TextSanitizer.cleanLine(value).split(separator: " ", omittingEmptySubsequences: true)
      .joined(separator: " ")
  }

  /// The allowed key closest to `key` (case, `-`/`_` and up to two typos forgiven).
  static func nearest(to key: String, in allowed: [String]) -> String? {
    let normal: (String) -> String = { $0.lowercased().replacingDashes() }
    let wanted = normal(key)
    let scored = allowed.map { ($0, editDistance(Array(normal($0)), Array(wanted))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
    return best.0
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
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
}

extension String {
  fileprivate func replacingDashes() -> String {
    String(map { $0 == "-" ? "_" : $0 })
  }
}
