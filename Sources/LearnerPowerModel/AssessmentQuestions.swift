/// One of the six areas the self-assessment's profile is broken into.
///
/// ```swift
/// AssessmentDimension(rawValue: "social")?.name  // "Social"
/// ```
public enum AssessmentDimension: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
  case control, social, infrastructure, culture, roles, measures

  /// The display name, e.g. "Infrastructure".
  public var name: String {
    switch self {
    case .control: "Control"
    case .social: "Social"
    case .infrastructure: "Infrastructure"
    case .culture: "Culture"
    case .roles: "Roles"
    case .measures: "Measures"
    }
  }

  /// The valid ids, for messages: `control, social, …`.
  public static var validIDs: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// In the order of `allCases` (the order the profile is shown).
  public static func < (lhs: Self, rhs: Self) -> Bool {
    let order = allCases
    return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
  }
}

/// One question of the self-assessment: four answers, scored 0 / 33 / 67 / 100 in order.
///
/// ```swift
/// let q = AssessmentQuestions.builtIn.questions[0]
/// q.id                       // "Q1"
/// AssessmentQuestion.scores  // [0, 33, 67, 100]
/// ```
public struct AssessmentQuestion: Sendable, Hashable {
  /// The score of each answer, in the order the answers are written.
  public static let scores = [0, 33, 67, 100]

  /// A short identifier, unique in its set, e.g. "Q4"; answer files use it.
  public let id: String
  /// The question as asked.
  public let text: String
  /// Which part of the profile it counts towards.
  public let dimension: AssessmentDimension
  /// Exactly four answers, from most organisation-led to most learner-led.
  public let answers: [String]

  /// Makes a question from values (tests, or sets built in code).
  public init(id: String, text: String, dimension: AssessmentDimension, answers: [String]) {
    self.id = id
    self.text = text
    self.dimension = dimension
    self.answers = answers
  }
}

/// The questions of a self-assessment: the built-in twelve or a consultancy's own file.
///
/// ```swift
/// AssessmentQuestions.builtIn.questions.count  // 12
/// switch AssessmentQuestions.parse(text, file: "ours.toml") {
/// case .success(let set): use(set)
/// case .failure(let problems): print(problems)  // one "file:line: key: message" per line
/// }
/// ```
public struct AssessmentQuestions: Sendable, Hashable {
  /// Display name, e.g. "Learner Power self-assessment".
  public let name: String
  /// The set's own version, as written by its authors.
  public let version: String
  /// What respondents are told before the first question (may be empty).
  public let intro: String
  /// The questions, in file order.
  public let questions: [AssessmentQuestion]

  /// Makes a set from values.
  public init(name: String, version: String, intro: String = "", questions: [AssessmentQuestion]) {
    self.name = name
    self.version = version
    self.intro = intro
    self.questions = questions
  }

  /// The question with identifier `id`, if any.
  public subscript(id: String) -> AssessmentQuestion? { questions.first { $0.id == id } }

  /// The twelve questions compiled into the binary from `Data/questions.toml`.
  ///
  /// The file is checked by the test suite; should it ever fail to parse, this is an empty set
  /// named after the problem rather than a crash.
  public static let builtIn: AssessmentQuestions = {
    let text = String(decoding: PackageResources.questions_toml, as: UTF8.self)
    switch parse(text, file: "questions.toml (built in)") {
    case .success(let set):
      return set
    case .failure(let problems):
      return AssessmentQuestions(
        name: "Built-in questions failed to load: \(problems.diagnostics.first?.description ?? "")",
        version: "0", questions: [])
    }
  }()

  /// Reads a question set from TOML text, reporting every problem at once with its line and key
  /// path. `file` is only used in the diagnostics. See docs/assess.md for the format.
  ///
  /// Checked: TOML syntax; missing keys and wrong types; not exactly four answers; empty text;
  /// duplicate ids; unknown dimensions (listing the valid ones); unknown keys; no questions.
  ///
  /// ```swift
  /// AssessmentQuestions.parse("name = 1", file: "q.toml")
  /// // .failure: q.toml:1: name: expected a string, found integer 1 …
  /// ```
  public static func parse(_ text: String, file: String)
    -> Result<AssessmentQuestions, DiagnosticList>
  {
    switch TOMLDocument.parse(text, file: file) {
    case .failure(let syntax):
      return .failure(DiagnosticList([syntax]))
    case .success(let document):
      var reader = AssessmentQuestionsReader(document: document)
      let set = reader.read()
      let problems = DiagnosticList(reader.problems)
      if problems.hasErrors { return .failure(problems) }
      return .success(set)
    }
  }
}

/// Turns a ``TOMLDocument`` into ``AssessmentQuestions``, collecting every problem.
struct AssessmentQuestionsReader {
  private var fields: TOMLFieldReader
  var problems: [Diagnostic] { fields.problems }

  init(document: TOMLDocument) { fields = TOMLFieldReader(document: document) }

  static let topLevelKeys = ["name", "version", "intro", "questions"]
  static let questionKeys = ["id", "text", "dimension", "answers"]

  mutating func read() -> AssessmentQuestions {
    let root = fields.document.root
    fields.checkKeys(of: root, at: .root, allowed: Self.topLevelKeys, what: "top-level key")
    let name = fields.string("name", in: root, at: .root) ?? ""
    let version = fields.string("version", in: root, at: .root) ?? ""
    let intro = fields.string("intro", in: root, at: .root, required: false) ?? ""
    return AssessmentQuestions(
      name: name, version: version, intro: intro, questions: readQuestions(root))
  }

  private mutating func readQuestions(_ root: TOMLNode) -> [AssessmentQuestion] {
    let none = "the file has no questions; add at least one [[questions]] table"
    var questions: [AssessmentQuestion] = []
    var firstUse: [String: TOMLKeyPath] = [:]
    for (item, itemPath) in fields.tables("questions", in: root, none: none) {
      fields.checkKeys(of: item, at: itemPath, allowed: Self.questionKeys, what: "key")
      let id = fields.string("id", in: item, at: itemPath)
      if let id {
        if id.isEmpty {
          fields.report(
            itemPath.appending("id"), "id must not be empty; use a short code such as \"Q1\"")
        } else {
          fields.noteUnique(id, key: "id", at: itemPath, seen: &firstUse)
        }
      }
      let question = fields.string("text", in: item, at: itemPath)
      if let question, question.isEmpty {
        fields.report(itemPath.appending("text"), "text must not be empty; write the question")
      }
      let dimension = readDimension(item, at: itemPath)
      let answers = readAnswers(item, at: itemPath)
      if let id, !id.isEmpty, let question, !question.isEmpty, let dimension, let answers {
        questions.append(
          AssessmentQuestion(id: id, text: question, dimension: dimension, answers: answers))
      }
    }
    return questions
  }

  private mutating func readDimension(_ item: TOMLNode, at path: TOMLKeyPath)
    -> AssessmentDimension?
  {
    let hint = "one of \(AssessmentDimension.validIDs)"
    guard let id = fields.string("dimension", in: item, at: path, hint: hint) else { return nil }
    guard let dimension = AssessmentDimension(rawValue: id.lowercased()) else {
      fields.report(
        path.appending("dimension"),
        "unknown dimension \"\(id)\"; valid dimensions: \(AssessmentDimension.validIDs)")
      return nil
    }
    return dimension
  }

  private mutating func readAnswers(_ item: TOMLNode, at path: TOMLKeyPath) -> [String]? {
    let answersPath = path.appending("answers")
    let expected = "expected a list of exactly four answers (scored 0, 33, 67, 100 in order)"
    guard let items = fields.list("answers", in: item, at: path, expected: expected) else {
      return nil
    }
    var answers: [String] = []
    var valid = true
    for (index, element) in items.enumerated() {
      guard let answer = fields.string(element: element, at: answersPath.appending(index: index))
      else {
        valid = false
        continue
      }
      if answer.isEmpty {
        fields.report(answersPath.appending(index: index), "an answer must not be empty")
        valid = false
      }
      answers.append(answer)
    }
    if items.count != AssessmentQuestion.scores.count {
      fields.report(answersPath, "\(expected); found \(items.count)")
      return nil
    }
    return valid ? answers : nil
  }
}
