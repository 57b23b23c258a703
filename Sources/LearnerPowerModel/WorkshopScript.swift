/// What a workshop step does.
public enum WorkshopStepKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// Show a position (or sweep across a range) and talk about it.
  case explore
  /// Ask the room where something sits and collect votes.
  case vote
  /// Open discussion; no slider change unless a position is given.
  case discuss
  /// The agreed current and target, the transition plan and every vote.
  case summary
}

/// Which positions a vote step collects from each participant.
public enum VoteCollect: String, Hashable, Sendable, Codable, CaseIterable {
  /// Where we are today.
  case current
  /// Where we want to be.
  case target
  /// Both: each vote is a pair, e.g. `30 70`.
  case both

  /// Whether votes carry a current position.
  public var wantsCurrent: Bool { self != .target }
  /// Whether votes carry a target position.
  public var wantsTarget: Bool { self != .current }
}

/// One step of a workshop script.
///
/// ```swift
/// let step = WorkshopStep(kind: .explore, title: "Compliance", position: 10)
/// step.startPosition  // 10
/// ```
public struct WorkshopStep: Hashable, Sendable, Codable {
  /// explore | vote | discuss | summary.
  public var kind: WorkshopStepKind
  /// Shown in the agenda.
  public var title: String
  /// The position the slider glides to.
  public var position: Position?
  /// Start of a sweep (with `to`): the slider moves across the range during the step.
  public var from: Position?
  /// End of a sweep.
  public var to: Position?
  /// The question or statement shown to the room.
  public var prompt: String?
  /// Facilitator-only notes; never on the projected screen.
  public var notes: String?
  /// Optional time box in minutes.
  public var minutes: Double?
  /// For vote steps: what each vote holds.
  public var collect: VoteCollect

  /// Creates a step.
  public init(
    kind: WorkshopStepKind, title: String, position: Position? = nil, from: Position? = nil,
    to: Position? = nil, prompt: String? = nil, notes: String? = nil, minutes: Double? = nil,
    collect: VoteCollect = .current
  ) {
    self.kind = kind
    self.title = title
    self.position = position
    self.from = from
    self.to = to
    self.prompt = prompt
    self.notes = notes
    self.minutes = minutes
    self.collect = collect
  }

  /// Where the slider goes first on this step (the position, or the start of the sweep).
  public var startPosition: Position? { position ?? from }
  /// Where the slider rests at the end of this step.
  public var endPosition: Position? { position ?? to ?? from }
  /// The time box in seconds, if any.
  public var timeBox: Double? { minutes.map { $0 * 60 } }
}

/// A workshop script: a title and an agenda of steps, read from TOML.
///
/// ```swift
/// let text = """
///   title = "Where are we?"
///   [[steps]]
///   kind = "vote"
///   title = "Today"
///   """
/// let script = try WorkshopScript.parse(text, file: "w.toml").get()
/// script.steps.count  // 1
/// ```
public struct WorkshopScript: Hashable, Sendable, Codable {
  /// The session title.
  public var title: String
  /// Optional organisation name.
  public var organisation: String?
  /// The agenda, never empty for a parsed script.
  public var steps: [WorkshopStep]

  /// Creates a script.
  public init(title: String, organisation: String? = nil, steps: [WorkshopStep]) {
    self.title = title
    self.organisation = organisation
    self.steps = steps
  }

  /// Total of the time boxes in minutes.
  public var plannedMinutes: Double { steps.compactMap(\.minutes).reduce(0, +) }

  /// Parses a script, reporting every problem at once with its line and key path.
  public static func parse(_ text: String, file: String) -> Result<WorkshopScript, DiagnosticList> {
    switch TOMLDocument.parse(text, file: file) {
    case .failure(let syntax):
      return .failure(DiagnosticList([syntax]))
    case .success(let document):
      var reader = WorkshopScriptReader(document: document)
      let script = reader.read()
      let problems = DiagnosticList(reader.problems)
      if problems.hasErrors { return .failure(problems) }
      return .success(script)
    }
  }
}

/// Turns a TOML document into a script, collecting every problem.
struct WorkshopScriptReader {
  let document: TOMLDocument
  private(set) var problems: [Diagnostic] = []

  init(document: TOMLDocument) { self.document = document }

  static let topLevelKeys = ["title", "organisation", "steps"]
  static let stepKeys = [
    "kind", "title", "position", "from", "to", "prompt", "notes", "minutes", "collect",
  ]

  mutating func read() -> WorkshopScript {
    let root = document.root
    checkKeys(of: root, at: .root, allowed: Self.topLevelKeys, what: "top-level key")
    let title = string(in: root, at: .root, key: "title", required: true) ?? ""
    if root["title"]?.stringValue.map({ CatalogueReader.cleanField($0).isEmpty }) == true {
      report(["title"], "title must not be empty")
    }
    let organisation = string(in: root, at: .root, key: "organisation", required: false)
    return WorkshopScript(
      title: title, organisation: organisation?.isEmpty == true ? nil : organisation,
      steps: readSteps(root))
  }

  private mutating func readSteps(_ root: TOMLNode) -> [WorkshopStep] {
    let path: TOMLKeyPath = ["steps"]
    let empty = "the agenda is empty; add at least one [[steps]] table with kind and title"
    guard let node = root["steps"] else {
      report(path, empty)
      return []
    }
    guard let items = node.arrayValue else {
      report(path, "expected [[steps]] tables, found \(node.found)")
      return []
    }
    if items.isEmpty { report(path, empty) }
    var steps: [WorkshopStep] = []
    for (index, item) in items.enumerated() {
      let itemPath = path.appending(index: index)
      guard item.tableEntries != nil else {
        report(itemPath, "expected a [[steps]] table, found \(item.found)")
        continue
      }
      if let step = readStep(item, at: itemPath) { steps.append(step) }
    }
    return steps
  }

  private mutating func readStep(_ item: TOMLNode, at path: TOMLKeyPath) -> WorkshopStep? {
    checkKeys(of: item, at: path, allowed: Self.stepKeys, what: "key")
    let kinds = WorkshopStepKind.allCases.map(\.rawValue).joined(separator: ", ")
    var kind: WorkshopStepKind?
    if let raw = string(in: item, at: path, key: "kind", required: true, hint: "one of \(kinds)") {
      kind = WorkshopStepKind(rawValue: raw.lowercased())
      if kind == nil {
        report(
          path.appending("kind"),
          "unknown kind \"\(raw)\"; valid kinds: \(kinds)")
      }
    }
    let title = string(in: item, at: path, key: "title", required: true)
    if let title, title.isEmpty { report(path.appending("title"), "title must not be empty") }
    let position = readPosition(in: item, at: path, key: "position")
    let from = readPosition(in: item, at: path, key: "from")
    let to = readPosition(in: item, at: path, key: "to")
    var valid = true
    if item["position"] != nil, item["from"] != nil || item["to"] != nil {
      report(
        path.appending("position"),
        "give either position or from and to (a sweep), not both")
      valid = false
    }
    if (item["from"] == nil) != (item["to"] == nil) {
      let missing = item["from"] == nil ? "from" : "to"
      let present = missing == "from" ? "to" : "from"
      report(
        path.appending(present),
        "a sweep needs both from and to; \(missing) is missing")
      valid = false
    }
    let prompt = string(in: item, at: path, key: "prompt", required: false)
    let notes = string(in: item, at: path, key: "notes", required: false, multiline: true)
    let minutes = readMinutes(in: item, at: path)
    var collect = VoteCollect.current
    if let node = item["collect"] {
      let options = VoteCollect.allCases.map(\.rawValue).joined(separator: ", ")
      if let raw = node.stringValue {
        if let value = VoteCollect(rawValue: raw.lowercased()) {
          collect = value
          if let kind, kind != .vote {
            report(path.appending("collect"), "collect only applies to vote steps (this is \(kind.rawValue))")
            valid = false
          }
        } else {
          report(path.appending("collect"), "unknown collect \"\(raw)\"; valid values: \(options)")
          valid = false
        }
      } else {
        report(path.appending("collect"), "expected a string (one of \(options)), found \(node.found)")
        valid = false
      }
    }
    guard valid, let kind, let title, !title.isEmpty, position.ok, from.ok, to.ok, minutes.ok
    else { return nil }
    return WorkshopStep(
      kind: kind, title: title, position: position.value, from: from.value, to: to.value,
      prompt: prompt.flatMap { $0.isEmpty ? nil : $0 }, notes: notes.flatMap { $0.isEmpty ? nil : $0 },
      minutes: minutes.value, collect: collect)
  }

  private mutating func readPosition(
    in item: TOMLNode, at path: TOMLKeyPath, key: String
  ) -> (value: Position?, ok: Bool) {
    guard let node = item[key] else { return (nil, true) }
    let keyPath = path.appending(key)
    guard let number = node.intValue else {
      report(keyPath, "expected a whole number from 0 to 100, found \(node.found)")
      return (nil, false)
    }
    guard let position = Position(exactly: number) else {
      report(keyPath, "\(key) \(number) is out of range; use a whole number from 0 to 100")
      return (nil, false)
    }
    return (position, true)
  }

  private mutating func readMinutes(
    in item: TOMLNode, at path: TOMLKeyPath
  ) -> (value: Double?, ok: Bool) {
    guard let node = item["minutes"] else { return (nil, true) }
    let keyPath = path.appending("minutes")
    guard let minutes = node.doubleValue, minutes.isFinite else {
      report(keyPath, "expected a number of minutes, found \(node.found)")
      return (nil, false)
    }
    guard minutes > 0, minutes <= 600 else {
      report(keyPath, "minutes \(node.brief) is out of range; use more than 0 and at most 600")
      return (nil, false)
    }
    return (minutes, true)
  }

  /// An optional or required string, cleaned for display.
  private mutating func string(
    in table: TOMLNode, at path: TOMLKeyPath, key: String, required: Bool, hint: String? = nil,
    multiline: Bool = false
  ) -> String? {
    let keyPath = path.appending(key)
    let hintText = hint.map { " (\($0))" } ?? ""
    guard let node = table[key] else {
      if required { report(keyPath, "missing required key; expected a string\(hintText)") }
      return nil
    }
    guard let value = node.stringValue else {
      report(keyPath, "expected a string\(hintText), found \(node.found)")
      return nil
    }
    if multiline {
      return TextSanitizer.cleanMultiline(value).trimmingSpaces()
    }
    return CatalogueReader.cleanField(value)
  }

  private mutating func checkKeys(
    of table: TOMLNode, at path: TOMLKeyPath, allowed: [String], what: String
  ) {
    for entry in table.tableEntries ?? [] where !allowed.contains(entry.key) {
      let shown = TextSanitizer.cleanLine(entry.key)
      var message = "unknown \(what) \"\(shown)\""
      if let guess = CatalogueReader.nearest(to: entry.key, in: allowed) {
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
}
