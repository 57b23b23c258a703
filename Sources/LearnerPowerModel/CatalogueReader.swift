/// Turns a ``TOMLDocument`` into a ``Catalogue``, collecting every problem instead of stopping at
/// the first, so `catalogue check` can list them all.
struct CatalogueReader {
  private var fields: TOMLFieldReader
  var problems: [Diagnostic] { fields.problems }

  init(document: TOMLDocument) {
    fields = TOMLFieldReader(document: document)
  }

  static let topLevelKeys = ["name", "version", "approaches"]
  static let approachKeys = [
    "id", "name", "stage", "fit", "description", "ld_role", "tools", "risk", "social_mode",
    "pinned",
  ]

  mutating func read() -> Catalogue {
    let root = fields.document.root
    fields.checkKeys(of: root, at: .root, allowed: Self.topLevelKeys, what: "top-level key")
    let name = fields.string("name", in: root, at: .root, hint: "the catalogue's display name")
    let version = fields.string("version", in: root, at: .root, hint: "e.g. version = \"1.0\"")
    return Catalogue(name: name ?? "", version: version ?? "", approaches: readApproaches(root))
  }

  // MARK: - Approaches

  private mutating func readApproaches(_ root: TOMLNode) -> [Approach] {
    let none = "the catalogue has no approaches; add at least one [[approaches]] table"
    var approaches: [Approach] = []
    var firstUse: [String: TOMLKeyPath] = [:]
    for (item, itemPath) in fields.tables("approaches", in: root, none: none) {
      if let id = readID(in: item, at: itemPath) {
        fields.noteUnique(id, key: "id", at: itemPath, seen: &firstUse)
      }
      if let approach = readApproach(item, at: itemPath) { approaches.append(approach) }
    }
    return approaches
  }

  private mutating func readID(in item: TOMLNode, at path: TOMLKeyPath) -> String? {
    guard let id = fields.string("id", in: item, at: path) else { return nil }
    if id.isEmpty {
      fields.report(path.appending("id"), "id must not be empty; use a short code such as \"D1\"")
      return nil
    }
    return id
  }

  /// Reads one approach, reporting each problem; nil when any required field is unusable.
  private mutating func readApproach(_ item: TOMLNode, at path: TOMLKeyPath) -> Approach? {
    fields.checkKeys(of: item, at: path, allowed: Self.approachKeys, what: "key")
    let id = fields.string("id", in: item, at: path, silent: true)
    let name = fields.string("name", in: item, at: path, hint: "the display name")
    let stage = readStage(in: item, at: path)
    let fit = readFit(in: item, at: path)
    let description = fields.string("description", in: item, at: path, hint: "what it is")
    let ldRole = fields.string("ld_role", in: item, at: path, hint: "what L&D does")
    let tools = readTools(in: item, at: path)
    let risk = fields.string("risk", in: item, at: path, hint: "the main caveat")
    let socialMode = readSocialMode(in: item, at: path)
    let pinned = readPinned(in: item, at: path)
    if let name, name.isEmpty { fields.report(path.appending("name"), "name must not be empty") }
    guard let id, !id.isEmpty, let name, !name.isEmpty, let stage, let fit, let description,
      let ldRole, let tools, let risk, let socialMode, let pinned
    else { return nil }
    return Approach(
      id: id, name: name, stage: stage, fit: fit, description: description, ldRole: ldRole,
      tools: tools, risk: risk, socialMode: socialMode, pinned: pinned)
  }

  private mutating func readStage(in item: TOMLNode, at path: TOMLKeyPath) -> Stage? {
    let hint = "one of \(Stage.validIDs)"
    guard let id = fields.string("stage", in: item, at: path, hint: hint) else { return nil }
    guard let stage = Stage(id: id) else {
      fields.report(
        path.appending("stage"), "unknown stage \"\(id)\"; valid stages: \(Stage.validIDs)")
      return nil
    }
    return stage
  }

  private mutating func readSocialMode(in item: TOMLNode, at path: TOMLKeyPath) -> SocialMode? {
    let hint = "one of \(SocialMode.validIDs)"
    guard let id = fields.string("social_mode", in: item, at: path, hint: hint) else { return nil }
    guard let mode = SocialMode(rawValue: id.lowercased()) else {
      fields.report(
        path.appending("social_mode"),
        "unknown social mode \"\(id)\"; valid modes: \(SocialMode.validIDs)")
      return nil
    }
    return mode
  }

  private mutating func readFit(in item: TOMLNode, at path: TOMLKeyPath) -> ClosedRange<Int>? {
    let fitPath = path.appending("fit")
    let expected = "expected [lo, hi], two whole numbers from 0 to 100"
    guard
      let items = fields.list(
        "fit", in: item, at: path, expected: expected, example: ", e.g. fit = [25, 45]")
    else { return nil }
    guard items.count == 2, let lo = items[0].intValue, let hi = items[1].intValue else {
      let count = items.count == 2 ? "" : " (\(items.count) value\(items.count == 1 ? "" : "s"))"
      fields.report(fitPath, "\(expected); found \(TOMLNode.array(items).brief)\(count)")
      return nil
    }
    guard Position.range.contains(lo), Position.range.contains(hi) else {
      fields.report(
        fitPath, "fit [\(lo), \(hi)] is outside 0 to 100; both ends must be from 0 to 100")
      return nil
    }
    guard lo <= hi else {
      fields.report(
        fitPath, "fit [\(lo), \(hi)] starts above its end; write [lo, hi] with lo <= hi")
      return nil
    }
    return lo...hi
  }

  private mutating func readTools(in item: TOMLNode, at path: TOMLKeyPath) -> [String]? {
    let expected = "expected a list of strings, e.g. tools = [\"LMS\"]"
    guard let items = fields.list("tools", in: item, at: path, expected: expected) else {
      return nil
    }
    let tools = items.enumerated().map { index, element in
      fields.string(element: element, at: path.appending("tools").appending(index: index))
    }
    return tools.contains(nil) ? nil : tools.compactMap { $0 }
  }

  private mutating func readPinned(in item: TOMLNode, at path: TOMLKeyPath) -> Bool? {
    let pinned = fields.optional("pinned", in: item, at: path, expected: "expected true or false") {
      $0.boolValue
    }
    return pinned.ok ? pinned.value ?? false : nil
  }
}
