/// One answer to one question: the index of a chosen answer (0…3), or "not sure".
///
/// ```swift
/// AssessmentChoice.answer(2).score  // 67
/// AssessmentChoice.notSure.score    // nil: left out of every average
/// ```
public enum AssessmentChoice: Sendable, Hashable {
  /// The answer at this index (0 = most organisation-led).
  case answer(Int)
  /// "Not sure / not applicable": left out of the averages.
  case notSure

  /// 0 / 33 / 67 / 100, or nil for "not sure" or an index that does not exist.
  public var score: Int? {
    guard case .answer(let i) = self, AssessmentQuestion.scores.indices.contains(i) else {
      return nil
    }
    return AssessmentQuestion.scores[i]
  }
}

/// The two times every question is answered for.
public enum AssessmentHorizon: String, Sendable, Hashable, CaseIterable, Codable {
  /// Where the organisation is now.
  case today
  /// Where it wants to be.
  case target

  /// "Today" or "Where we want to be".
  public var title: String { self == .today ? "Today" : "Where we want to be" }
}

/// Everyone's answers, keyed by question id; a question with no entry counts as not answered.
///
/// ```swift
/// var answers = AssessmentAnswers()
/// answers[.today, "Q1"] = .answer(1)
/// answers[.target, "Q1"] = .answer(3)
/// ```
public struct AssessmentAnswers: Sendable, Hashable {
  /// Answers for today, by question id.
  public var today: [String: AssessmentChoice]
  /// Answers for where we want to be, by question id.
  public var target: [String: AssessmentChoice]

  /// Makes a set of answers; empty by default.
  public init(
    today: [String: AssessmentChoice] = [:], target: [String: AssessmentChoice] = [:]
  ) {
    self.today = today
    self.target = target
  }

  /// The answer to question `id` for `horizon`, nil when not given.
  public subscript(horizon: AssessmentHorizon, id: String) -> AssessmentChoice? {
    get { horizon == .today ? today[id] : target[id] }
    set {
      if horizon == .today { today[id] = newValue } else { target[id] = newValue }
    }
  }
}

/// One horizon's scores: mean, median, spread, and the profile per dimension.
public struct AssessmentScore: Sendable, Hashable {
  /// The mean of the answered items, 0…100.
  public let mean: Double
  /// The median of the answered items (mean of the middle two for an even count).
  public let median: Double
  /// The population standard deviation across the answered items: how coherent the answers
  /// are (0 when every answer has the same score).
  public let spread: Double
  /// How many questions were answered (not "not sure", not left out).
  public let answered: Int
  /// The mean per dimension; a dimension with no answered question is left out.
  public let profile: [AssessmentDimension: Double]

  /// The mean as a position on the continuum, rounded half up.
  public var position: Position { Position(clamping: roundHalfUp(mean)) }
}

/// Why a set of answers cannot be scored.
public struct AssessmentError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The horizon with no answers.
  public let horizon: AssessmentHorizon
  /// A sentence saying what is missing and what to do.
  public var description: String {
    "no question is answered for \(horizon.title.lowercased()) (every answer is \"not sure\" "
      + "or missing), so there is nothing to average; answer at least one question for it"
  }
}

/// The scored self-assessment: today, target, the gap, and whether the jump needs scaffolding.
///
/// ```swift
/// var answers = AssessmentAnswers()
/// for q in AssessmentQuestions.builtIn.questions {
///   answers[.today, q.id] = .answer(1)   // 33 each
///   answers[.target, q.id] = .answer(2)  // 67 each
/// }
/// let result = try Assessment.score(answers, questions: .builtIn).get()
/// result.today.position   // 33
/// result.target.position  // 67
/// result.gap              // 34
/// ```
public struct Assessment: Sendable, Hashable {
  /// Scores for today.
  public let today: AssessmentScore
  /// Scores for where we want to be.
  public let target: AssessmentScore
  /// The plan between the two positions (for the large-jump check and its caveat).
  public let transition: Transition

  /// Target − today, on the means.
  public var gap: Double { target.mean - today.mean }

  /// Target position minus today's, in whole points: the gap between the markers the result
  /// places (``gap`` is between the unrounded means, so the two can differ by one).
  public var positionGap: Int { target.position.value - today.position.value }

  /// Target − today per dimension, for the dimensions answered at both horizons.
  public var gapByDimension: [AssessmentDimension: Double] {
    var gaps: [AssessmentDimension: Double] = [:]
    for (dimension, t) in target.profile {
      if let now = today.profile[dimension] { gaps[dimension] = t - now }
    }
    return gaps
  }

  /// More than 40 points between the positions, or a skipped stage.
  public var isLargeJump: Bool { transition.isLargeJump }

  /// The "scaffold self-direction" advice for a large jump; nil otherwise.
  public var caveat: String? { transition.caveat }

  /// Scores `answers` against `questions`; answers to ids not in the set are ignored.
  /// Fails when a horizon has no answered question (never a division by zero).
  public static func score(
    _ answers: AssessmentAnswers, questions: AssessmentQuestions,
    catalogue: Catalogue = .builtIn
  ) -> Result<Assessment, AssessmentError> {
    guard let today = horizonScore(answers.today, questions) else {
      return .failure(AssessmentError(horizon: .today))
    }
    guard let target = horizonScore(answers.target, questions) else {
      return .failure(AssessmentError(horizon: .target))
    }
    let transition = Transition(from: today.position, to: target.position, catalogue: catalogue)
    return .success(Assessment(today: today, target: target, transition: transition))
  }

  /// The scores of one horizon; nil when nothing is answered.
  static func horizonScore(
    _ choices: [String: AssessmentChoice], _ questions: AssessmentQuestions
  ) -> AssessmentScore? {
    var scores: [Double] = []
    var byDimension: [AssessmentDimension: [Double]] = [:]
    for question in questions.questions {
      guard let score = choices[question.id]?.score else { continue }
      scores.append(Double(score))
      byDimension[question.dimension, default: []].append(Double(score))
    }
    guard let mean = mean(scores) else { return nil }
    let variance = scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(scores.count)
    let sorted = scores.sorted()
    let middle = sorted.count / 2
    let median =
      sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    return AssessmentScore(
      mean: mean, median: median, spread: variance.squareRoot(), answered: scores.count,
      profile: byDimension.compactMapValues(Self.mean))
  }

  private static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }
}

/// Rounds half up (as positions taken from statistics do): 32.5 → 33.
func roundHalfUp(_ value: Double) -> Int {
  guard value.isFinite else { return 0 }
  return Int((value + 0.5).rounded(.down))
}
