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
  /// One question of the self-assessment put to the room: each participant's answers for today
  /// and for where we want to be are collected as votes. A script's `kind = "assess"` step
  /// becomes one such step per question.
  case assess

  /// Whether the step collects votes from the room (vote and assess steps).
  public var collectsVotes: Bool { self == .vote || self == .assess }
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
  /// For assess steps: the id of the question asked (e.g. `Q3`).
  public var question: String?

  /// Creates a step.
  public init(
    kind: WorkshopStepKind, title: String, position: Position? = nil, from: Position? = nil,
    to: Position? = nil, prompt: String? = nil, notes: String? = nil, minutes: Double? = nil,
    collect: VoteCollect = .current, question: String? = nil
  ) {
    self.question = question
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
  private var fields: TOMLFieldReader
  var problems: [Diagnostic] { fields.problems }

  init(document: TOMLDocument) { fields = TOMLFieldReader(document: document) }

  static let topLevelKeys = ["title", "organisation", "steps"]
  static let stepKeys = [
    "kind", "title", "position", "from", "to", "prompt", "notes", "minutes", "collect",
  ]

  mutating func read() -> WorkshopScript {
    let root = fields.document.root
    fields.checkKeys(of: root, at: .root, allowed: Self.topLevelKeys, what: "top-level key")
    let title = fields.string("title", in: root, at: .root)
    if title?.isEmpty == true { fields.report(["title"], "title must not be empty") }
    let organisation = fields.string("organisation", in: root, at: .root, required: false)
    return WorkshopScript(
      title: title ?? "", organisation: organisation?.isEmpty == true ? nil : organisation,
      steps: readSteps(root).flatMap(Self.expandAssessment))
  }

  /// A `kind = "assess"` step becomes one step per built-in question, each collecting both
  /// horizons; its time box is shared between them and its notes go on the first.
  static func expandAssessment(_ step: WorkshopStep) -> [WorkshopStep] {
    guard step.kind == .assess, step.question == nil else { return [step] }
    let questions = AssessmentQuestions.builtIn.questions
    return questions.enumerated().map { i, q in
      WorkshopStep(
        kind: .assess, title: "\(step.title): \(i + 1) of \(questions.count)",
        prompt: step.prompt.map { "\($0) \(q.text)" } ?? q.text, notes: i == 0 ? step.notes : nil,
        minutes: step.minutes.map { $0 / Double(questions.count) }, collect: .both, question: q.id)
    }
  }

  private mutating func readSteps(_ root: TOMLNode) -> [WorkshopStep] {
    let empty = "the agenda is empty; add at least one [[steps]] table with kind and title"
    return fields.tables("steps", in: root, none: empty).compactMap { item, itemPath in
      readStep(item, at: itemPath)
    }
  }

  private mutating func readStep(_ item: TOMLNode, at path: TOMLKeyPath) -> WorkshopStep? {
    fields.checkKeys(of: item, at: path, allowed: Self.stepKeys, what: "key")
    let kinds = WorkshopStepKind.allCases.map(\.rawValue).joined(separator: ", ")
    var kind: WorkshopStepKind?
    if let raw = fields.string("kind", in: item, at: path, hint: "one of \(kinds)") {
      kind = WorkshopStepKind(rawValue: raw.lowercased())
      if kind == nil {
        fields.report(
          path.appending("kind"),
          "unknown kind \"\(raw)\"; valid kinds: \(kinds)")
      }
    }
    let title = fields.string("title", in: item, at: path)
    if let title, title.isEmpty {
      fields.report(path.appending("title"), "title must not be empty")
    }
    let position = readPosition(in: item, at: path, key: "position")
    let from = readPosition(in: item, at: path, key: "from")
    let to = readPosition(in: item, at: path, key: "to")
    var valid = true
    if item["position"] != nil, item["from"] != nil || item["to"] != nil {
      fields.report(
        path.appending("position"),
        "give either position or from and to (a sweep), not both")
      valid = false
    }
    if (item["from"] == nil) != (item["to"] == nil) {
      let missing = item["from"] == nil ? "from" : "to"
      let present = missing == "from" ? "to" : "from"
      fields.report(
        path.appending(present),
        "a sweep needs both from and to; \(missing) is missing")
      valid = false
    }
    let prompt = fields.string("prompt", in: item, at: path, required: false)
    let notes = fields.string("notes", in: item, at: path, required: false, multiline: true)
    let minutes = readMinutes(in: item, at: path)
    let options = VoteCollect.allCases.map(\.rawValue).joined(separator: ", ")
    let rawCollect = fields.optional(
      "collect", in: item, at: path, expected: "expected a string (one of \(options))"
    ) { $0.stringValue }
    var collect = VoteCollect.current
    if let raw = rawCollect.value {
      if let value = VoteCollect(rawValue: raw.lowercased()) {
        collect = value
        if let kind, kind != .vote {
          fields.report(
            path.appending("collect"),
            "collect only applies to vote steps (this is \(kind.rawValue))")
          valid = false
        }
      } else {
        fields.report(
          path.appending("collect"), "unknown collect \"\(raw)\"; valid values: \(options)")
        valid = false
      }
    }
    if !rawCollect.ok { valid = false }
    if kind == .assess, item["position"] != nil || item["from"] != nil || item["to"] != nil {
      let key = item["position"] != nil ? "position" : item["from"] != nil ? "from" : "to"
      fields.report(
        path.appending(key), "an assess step takes no position: the room's answers place the markers")
      valid = false
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
    let number = fields.optional(
      key, in: item, at: path, expected: "expected a whole number from 0 to 100"
    ) { $0.intValue }
    guard let value = number.value else { return (nil, number.ok) }
    guard let position = Position(exactly: value) else {
      fields.report(
        path.appending(key), "\(key) \(value) is out of range; use a whole number from 0 to 100")
      return (nil, false)
    }
    return (position, true)
  }

  private mutating func readMinutes(
    in item: TOMLNode, at path: TOMLKeyPath
  ) -> (value: Double?, ok: Bool) {
    let minutes = fields.optional(
      "minutes", in: item, at: path, expected: "expected a number of minutes"
    ) { $0.doubleValue.flatMap { $0.isFinite ? $0 : nil } }
    guard let value = minutes.value else { return (nil, minutes.ok) }
    guard value > 0, value <= 600 else {
      let written = item["minutes"]?.brief ?? String(value)
      fields.report(
        path.appending("minutes"),
        "minutes \(written) is out of range; use more than 0 and at most 600")
      return (nil, false)
    }
    return (value, true)
  }
}

extension WorkshopStep {
  /// The steps this one stands for in a session: one per built-in question for a script's
  /// `kind = "assess"` step, otherwise just itself.
  ///
  /// ```swift
  /// WorkshopStep(kind: .assess, title: "Culture").expanded.count  // 12
  /// WorkshopStep(kind: .vote, title: "Today").expanded.count      // 1
  /// ```
  public var expanded: [WorkshopStep] { WorkshopScriptReader.expandAssessment(self) }
}
