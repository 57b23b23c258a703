#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

/// Reading question and answer files, and writing a scored assessment as JSON or Markdown
/// (`learnerpower assess --answers FILE --format json|md`).
public enum AssessmentReport {
  /// The JSON document's schema name.
  public static let schema = "learnerpower.assessment/1"

  /// Reads a question set file; every problem is listed.
  public static func loadQuestions(_ path: String) -> Result<AssessmentQuestions, DiagnosticList> {
    switch readText(path) {
    case .failure(let d): return .failure(DiagnosticList([d]))
    case .success(let text): return AssessmentQuestions.parse(text, file: path)
    }
  }

  /// Reads an answer file against `questions`; every bad answer is listed by line.
  public static func loadAnswers(_ path: String, questions: AssessmentQuestions)
    -> Result<AssessmentAnswers, DiagnosticList>
  {
    switch readText(path) {
    case .failure(let d): return .failure(DiagnosticList([d]))
    case .success(let text): return AssessmentAnswers.parse(text, file: path, questions: questions)
    }
  }

  /// The result as pretty JSON with sorted keys (numbers to one decimal).
  public static func json(
    _ result: Assessment, answers: AssessmentAnswers, questions: AssessmentQuestions
  ) -> String {
    let doc = Document(result, answers: answers, questions: questions)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(doc) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The result as a Markdown report: positions, the profile table, and the caveat.
  public static func markdown(_ result: Assessment, questions: AssessmentQuestions) -> String {
    let t = result.today, g = result.target
    var lines = [
      "# Self-assessment result", "",
      "Questions: \(questions.name) (version \(questions.version)).", "",
      "| | Today | Where we want to be | Gap |", "|---|---:|---:|---:|",
      "| Position | \(t.position.value) (\(t.position.stage.name)) | "
        + "\(g.position.value) (\(g.position.stage.name)) | \(signed(result.positionGap)) |",
      "| Mean | \(one(t.mean)) | \(one(g.mean)) | \(signed(result.gap)) |",
      "| Median | \(one(t.median)) | \(one(g.median)) | |",
      "| Spread (standard deviation) | \(one(t.spread)) | \(one(g.spread)) | |",
      "| Questions answered | \(t.answered) | \(g.answered) | |", "",
      "## Profile by dimension", "",
      "| Dimension | Today | Where we want to be | Gap |", "|---|---:|---:|---:|",
    ]
    for d in AssessmentDimension.allCases {
      let now = t.profile[d].map(one) ?? "–"
      let then = g.profile[d].map(one) ?? "–"
      let gap = result.gapByDimension[d].map(signed) ?? "–"
      lines.append("| \(d.name) | \(now) | \(then) | \(gap) |")
    }
    lines.append("")
    if let caveat = result.caveat {
      lines += ["> **Large jump.** \(caveat)", ""]
    }
    lines.append(
      "Regulated and compliance training is left out: it stays formal whatever the position. "
        + "The continuum idea is Kineo's (\"Power to the learner\", 2018); the questions are our "
        + "own interpretation.")
    return lines.joined(separator: "\n") + "\n"
  }

  /// One decimal, without a trailing ".0".
  static func one(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    guard tenths.isFinite else { return "\(value)" }  // "nan", "inf", "-inf", as printf
    // printf's "%.1f" of a negative value that rounds to zero is "-0.0".
    if tenths == 0 { return tenths.sign == .minus ? "-0" : "0" }
    let text = NumberText.fixed(tenths / 10, places: 1)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

  static func signed(_ value: Double) -> String {
    let text = one(value)
    return value > 0.05 ? "+" + text : text
  }

  private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

  private struct Score: Encodable {
    var position: Int
    var stage: String
    var mean: Double
    var median: Double
    var spread: Double
    var answered: Int
    var profile: [String: Double]

    init(_ s: AssessmentScore) {
      position = s.position.value
      stage = s.position.stage.id
      mean = rounded(s.mean)
      median = rounded(s.median)
      spread = rounded(s.spread)
      answered = s.answered
      profile = Dictionary(
        uniqueKeysWithValues: s.profile.map { ($0.key.rawValue, rounded($0.value)) })
    }
  }

  private struct QuestionSet: Encodable {
    var name: String
    var version: String
  }

  /// An answer as the answer file writes it: its number, or "not sure".
  private enum AnswerValue: Encodable {
    case number(Int)
    case notSure

    func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      switch self {
      case .number(let n): try c.encode(n)
      case .notSure: try c.encode("not sure")
      }
    }
  }

  private struct Document: Encodable {
    var schema = AssessmentReport.schema
    var questions: QuestionSet
    var today: Score
    var target: Score
    var gap: [String: Double]
    var largeJump: Bool
    var caveat: String?
    /// Answer numbers 1–4, or "not sure", by question id.
    var answers: [String: [String: AnswerValue]]

    init(_ r: Assessment, answers a: AssessmentAnswers, questions q: AssessmentQuestions) {
      questions = QuestionSet(name: q.name, version: q.version)
      today = Score(r.today)
      target = Score(r.target)
      var gaps = Dictionary(
        uniqueKeysWithValues: r.gapByDimension.map { ($0.key.rawValue, rounded($0.value)) })
      gaps["overall"] = rounded(r.gap)
      gap = gaps
      largeJump = r.isLargeJump
      caveat = r.caveat
      var out: [String: [String: AnswerValue]] = [:]
      for horizon in AssessmentHorizon.allCases {
        var byID: [String: AnswerValue] = [:]
        for question in q.questions {
          switch a[horizon, question.id] {
          case .answer(let i)?: byID[question.id] = .number(i + 1)
          case .notSure?: byID[question.id] = .notSure
          case nil: break
          }
        }
        out[horizon.rawValue] = byID
      }
      answers = out
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: Key.self)
      try c.encode(schema, forKey: .schema)
      try c.encode(questions, forKey: .questions)
      try c.encode(today, forKey: .today)
      try c.encode(target, forKey: .target)
      try c.encode(gap, forKey: .gap)
      try c.encode(largeJump, forKey: .largeJump)
      // null rather than missing, so readers always find the key.
      try c.encode(caveat, forKey: .caveat)
      try c.encode(answers, forKey: .answers)
    }

    enum Key: String, CodingKey {
      case schema, questions, today, target, gap, largeJump, caveat, answers
    }
  }
}
