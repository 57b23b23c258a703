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
  /// For assess steps: the question's four answers, numbered 1–4 for the room. Kept in the step
  /// so a journal replays with the question set it was run with, built in or a consultancy's own.
  public var answers: [String]?
  /// The learning area the step is about (one of the script's `areas`), or nil for the whole
  /// organisation. Votes on a step count towards its area's agreed positions only.
  public var area: String?

  /// Creates a step.
  public init(
    kind: WorkshopStepKind, title: String, position: Position? = nil, from: Position? = nil,
    to: Position? = nil, prompt: String? = nil, notes: String? = nil, minutes: Double? = nil,
    collect: VoteCollect = .current, question: String? = nil, answers: [String]? = nil,
    area: String? = nil
  ) {
    self.question = question
    self.answers = answers
    self.area = area
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

/// A learning area a workshop script works through (compliance, onboarding, leadership…): votes
/// on the steps that name it set its own agreed current and target.
///
/// ```swift
/// let area = WorkshopArea(name: "Compliance", pinned: true)
/// area.name  // "Compliance"
/// ```
public struct WorkshopArea: Hashable, Sendable, Codable {
  /// The name steps refer to with `area = "…"`, cleaned as ``LearningArea/cleanName(_:)``.
  public var name: String
  /// Held in place on purpose (typically compliance): marked in the summary and reports.
  public var pinned: Bool

  /// Creates an area.
  public init(name: String, pinned: Bool = false) {
    self.name = name
    self.pinned = pinned
  }

  private enum CodingKeys: String, CodingKey { case name, pinned }

  /// Reads `{"name", "pinned"}`; `pinned` may be missing (false).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: LearningArea.cleanName(try c.decode(String.self, forKey: .name)),
      pinned: try c.decodeIfPresent(Bool.self, forKey: .pinned) ?? false)
  }
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
  /// The learning areas the session works through, in the order the summary lists them; empty
  /// when the whole session is about the organisation as one.
  public var areas: [WorkshopArea]
  /// The questions file the script's assess steps were expanded from, as written in the
  /// script (nil: the built-in questions).
  public var questions: String?

  /// Creates a script.
  public init(
    title: String, organisation: String? = nil, steps: [WorkshopStep], areas: [WorkshopArea] = [],
    questions: String? = nil
  ) {
    self.title = title
    self.organisation = organisation
    self.steps = steps
    self.areas = areas
    self.questions = questions
  }

  private enum CodingKeys: String, CodingKey { case title, organisation, steps, areas, questions }

  /// Reads a script embedded in a journal; `areas` and `questions` may be missing (journals
  /// written before learning areas).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      title: try c.decode(String.self, forKey: .title),
      organisation: try c.decodeIfPresent(String.self, forKey: .organisation),
      steps: try c.decode([WorkshopStep].self, forKey: .steps),
      areas: try c.decodeIfPresent([WorkshopArea].self, forKey: .areas) ?? [],
      questions: try c.decodeIfPresent(String.self, forKey: .questions))
  }

  /// Writes every field; `areas` only when there are some, so a script without areas is
  /// journalled as before.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(title, forKey: .title)
    try c.encodeIfPresent(organisation, forKey: .organisation)
    try c.encode(steps, forKey: .steps)
    if !areas.isEmpty { try c.encode(areas, forKey: .areas) }
    try c.encodeIfPresent(questions, forKey: .questions)
  }

  /// The script with every text stripped of control and escape characters: a journal is a file
  /// anyone can edit, and its script is drawn on the projected screen.
  public var sanitized: WorkshopScript {
    var copy = self
    let line = { (text: String) in TextSanitizer.cleanLine(text) }
    copy.title = line(title)
    copy.organisation = organisation.map(line)
    copy.questions = questions.map(line)
    copy.areas = areas.map {
      WorkshopArea(name: LearningArea.cleanName($0.name), pinned: $0.pinned)
    }
    copy.steps = steps.map { step in
      var s = step
      s.title = line(step.title)
      s.prompt = step.prompt.map(line)
      s.notes = step.notes.map(TextSanitizer.cleanMultiline)
      s.question = step.question.map(line)
      s.answers = step.answers?.map(line)
      s.area = step.area.map(LearningArea.cleanName)
      return s
    }
    return copy
  }

  /// The area called `name` (ignoring case), if the script declares one.
  public func area(named name: String) -> WorkshopArea? {
    areas.first { $0.name.lowercased() == name.lowercased() }
  }

  /// Total of the time boxes in minutes.
  public var plannedMinutes: Double { steps.compactMap(\.minutes).reduce(0, +) }

  /// Reads a questions file a script names (`questions = "ours.toml"`): the caller resolves
  /// the path (the model never touches files) and returns the parsed set or its problems.
  public typealias QuestionsLoader =
    @Sendable (String) -> Result<AssessmentQuestions, DiagnosticList>

  /// Parses a script, reporting every problem at once with its line and key path. A script
  /// that names its own questions file needs `loadQuestions`; without one that is an error.
  ///
  /// ```swift
  /// WorkshopScript.parse(text, file: "w.toml") { path in
  ///   AssessmentQuestions.parse(try! String(contentsOfFile: path), file: path)
  /// }
  /// ```
  public static func parse(
    _ text: String, file: String, loadQuestions: QuestionsLoader? = nil
  ) -> Result<WorkshopScript, DiagnosticList> {
    switch TOMLDocument.parse(text, file: file) {
    case .failure(let syntax):
      return .failure(DiagnosticList([syntax]))
    case .success(let document):
      var reader = WorkshopScriptReader(document: document, loadQuestions: loadQuestions)
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
  /// Problems found in the questions file the script names (they carry that file's name).
  private var questionProblems: [Diagnostic] = []
  private let loadQuestions: WorkshopScript.QuestionsLoader?
  var problems: [Diagnostic] { fields.problems + questionProblems }

  init(document: TOMLDocument, loadQuestions: WorkshopScript.QuestionsLoader? = nil) {
    fields = TOMLFieldReader(document: document)
    self.loadQuestions = loadQuestions
  }

  static let topLevelKeys = ["title", "organisation", "areas", "questions", "steps"]
  static let stepKeys = [
    "kind", "title", "position", "from", "to", "prompt", "notes", "minutes", "collect", "area",
  ]
  static let areaKeys = ["name", "pinned"]
  /// More areas than this would not fit the summary or a slide.
  static let areaLimit = 20

  mutating func read() -> WorkshopScript {
    let root = fields.document.root
    fields.checkKeys(of: root, at: .root, allowed: Self.topLevelKeys, what: "top-level key")
    let title = fields.string("title", in: root, at: .root)
    if title?.isEmpty == true { fields.report(["title"], "title must not be empty") }
    let organisation = fields.string("organisation", in: root, at: .root, required: false)
    var areas = readAreas(root)
    let declared = !areas.isEmpty
    let (questionsFile, questions) = readQuestions(root)
    let steps = readSteps(root).compactMap { step, path in
      resolveArea(step, at: path, areas: &areas, declared: declared)
    }
    return WorkshopScript(
      title: title ?? "", organisation: organisation?.isEmpty == true ? nil : organisation,
      steps: steps.flatMap { Self.expandAssessment($0, questions: questions) }, areas: areas,
      questions: questionsFile)
  }

  /// A `kind = "assess"` step becomes one step per question (built in, or the script's own),
  /// each collecting both horizons; its time box is shared between them, its notes go on the
  /// first and its area on all.
  static func expandAssessment(
    _ step: WorkshopStep, questions set: AssessmentQuestions = .builtIn
  ) -> [WorkshopStep] {
    guard step.kind == .assess, step.question == nil else { return [step] }
    let questions = set.questions
    return questions.enumerated().map { i, q in
      WorkshopStep(
        kind: .assess, title: "\(step.title): \(i + 1) of \(questions.count)",
        prompt: step.prompt.map { "\($0) \(q.text)" } ?? q.text, notes: i == 0 ? step.notes : nil,
        minutes: step.minutes.map { $0 / Double(questions.count) }, collect: .both, question: q.id,
        answers: q.answers, area: step.area)
    }
  }

  /// `areas = ["Compliance", "Leadership"]`, or `[[areas]]` tables with `name` and `pinned`.
  private mutating func readAreas(_ root: TOMLNode) -> [WorkshopArea] {
    guard let node = root["areas"] else { return [] }
    let path = TOMLKeyPath.root.appending("areas")
    let expected =
      "expected a list of area names (areas = [\"Compliance\", \"Leadership\"]) or [[areas]] tables"
    guard let items = node.arrayValue else {
      fields.report(path, "\(expected), found \(node.found)")
      return []
    }
    var areas: [WorkshopArea] = []
    var seen: [String: TOMLKeyPath] = [:]
    for (index, item) in items.enumerated() {
      let itemPath = path.appending(index: index)
      var name: String?
      var pinned = false
      if item.stringValue != nil {
        name = fields.string(element: item, at: itemPath)
      } else if item.tableEntries != nil {
        fields.checkKeys(of: item, at: itemPath, allowed: Self.areaKeys, what: "area key")
        name = fields.string("name", in: item, at: itemPath)
        pinned =
          fields.optional("pinned", in: item, at: itemPath, expected: "expected true or false") {
            $0.boolValue
          }.value ?? false
      } else {
        fields.report(itemPath, "\(expected); this element is \(item.found)")
        continue
      }
      guard let raw = name else { continue }
      let clean = LearningArea.cleanName(raw)
      guard !clean.isEmpty else {
        fields.report(itemPath, "an area needs a name")
        continue
      }
      guard Self.fitsNameLimit(raw) else {
        fields.report(itemPath, Self.tooLong(raw))
        continue
      }
      guard !Self.isReserved(clean) else {
        fields.report(itemPath, Self.reservedMessage)
        continue
      }
      guard fields.noteUnique(clean.lowercased(), key: "name", at: itemPath, seen: &seen) else {
        continue
      }
      areas.append(WorkshopArea(name: clean, pinned: pinned))
    }
    if areas.count > Self.areaLimit {
      fields.report(
        path, "\(areas.count) areas is too many for one session; use at most \(Self.areaLimit)")
    }
    return areas
  }

  /// Whether a name fits ``LearningArea/nameLimit`` once cleaned (longer names would be cut,
  /// and two names alike in their first 40 characters would then clash).
  static func fitsNameLimit(_ raw: String) -> Bool {
    TextSanitizer.cleanLine(raw).trimmingSpaces().count <= LearningArea.nameLimit
  }

  /// "Whole organisation" names the steps without an area in every summary and report, so an
  /// area of that name would appear twice (and make a snapshot that cannot be read back).
  static func isReserved(_ name: String) -> Bool {
    name.lowercased() == LearningArea.defaultName.lowercased()
  }

  static let reservedMessage =
    "\"\(LearningArea.defaultName)\" is what steps without an area speak for; leave area out for it, or name the area differently"

  static func tooLong(_ raw: String) -> String {
    let n = TextSanitizer.cleanLine(raw).trimmingSpaces().count
    return "the area name is \(n) characters long; use at most \(LearningArea.nameLimit)"
  }

  /// The script's own questions file, read through the caller's loader.
  private mutating func readQuestions(_ root: TOMLNode) -> (String?, AssessmentQuestions) {
    guard
      let file = fields.string(
        "questions", in: root, at: .root, required: false,
        hint: "a questions file, e.g. \"ours.toml\"")
    else { return (nil, .builtIn) }
    guard !file.isEmpty else {
      fields.report(
        ["questions"], "questions must name a file; leave it out for the built-in questions")
      return (nil, .builtIn)
    }
    guard let loadQuestions else {
      fields.report(["questions"], "a questions file can only be used from a script file")
      return (file, .builtIn)
    }
    switch loadQuestions(file) {
    case .success(let set):
      return (file, set)
    case .failure(let list):
      let n = list.diagnostics.count
      fields.report(
        ["questions"],
        "the questions file \"\(file)\" cannot be used (\(n) problem\(n == 1 ? "" : "s") below)")
      questionProblems += list.diagnostics
      return (file, .builtIn)
    }
  }

  /// Checks a step's `area` against the declared areas (spelling normalised to the
  /// declaration); with none declared, each new area named by a step is declared in order.
  private mutating func resolveArea(
    _ step: WorkshopStep, at path: TOMLKeyPath, areas: inout [WorkshopArea], declared: Bool
  ) -> WorkshopStep? {
    guard let wanted = step.area else { return step }
    var step = step
    if let match = areas.first(where: { $0.name.lowercased() == wanted.lowercased() }) {
      step.area = match.name
      return step
    }
    if declared {
      let names = areas.map(\.name)
      var message = "unknown area \"\(wanted)\""
      if let guess = NameSuggestion.nearest(to: wanted, in: names) {
        message += "; did you mean \"\(guess)\"?"
      } else {
        message += "; the script's areas are " + names.map { "\"\($0)\"" }.joined(separator: ", ")
      }
      fields.report(path.appending("area"), message)
      return nil
    }
    areas.append(WorkshopArea(name: wanted))
    return step
  }

  private mutating func readSteps(_ root: TOMLNode) -> [(WorkshopStep, TOMLKeyPath)] {
    let empty = "the agenda is empty; add at least one [[steps]] table with kind and title"
    return fields.tables("steps", in: root, none: empty).compactMap { item, itemPath in
      readStep(item, at: itemPath).map { ($0, itemPath) }
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
        path.appending(key),
        "an assess step takes no position: the room's answers place the markers")
      valid = false
    }
    var area: String?
    if let raw = fields.string(
      "area", in: item, at: path, required: false, hint: "the name of one of the script's areas")
    {
      let clean = LearningArea.cleanName(raw)
      if !Self.fitsNameLimit(raw) {
        fields.report(path.appending("area"), Self.tooLong(raw))
        valid = false
      } else if Self.isReserved(clean) {
        fields.report(path.appending("area"), Self.reservedMessage)
        valid = false
      } else if clean.isEmpty {
        fields.report(
          path.appending("area"),
          "area must name one of the script's areas; leave it out for the whole organisation")
        valid = false
      } else {
        area = clean
      }
    } else if item["area"] != nil {
      valid = false
    }
    guard valid, let kind, let title, !title.isEmpty, position.ok, from.ok, to.ok, minutes.ok
    else { return nil }
    return WorkshopStep(
      kind: kind, title: title, position: position.value, from: from.value, to: to.value,
      prompt: prompt.flatMap { $0.isEmpty ? nil : $0 },
      notes: notes.flatMap { $0.isEmpty ? nil : $0 },
      minutes: minutes.value, collect: collect, area: area)
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

  /// The steps this one stands for with `questions` in place of the built-in set.
  public func expanded(with questions: AssessmentQuestions) -> [WorkshopStep] {
    WorkshopScriptReader.expandAssessment(self, questions: questions)
  }
}
