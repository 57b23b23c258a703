extension Snapshot {
  /// Why a snapshot cannot take a position from self-assessment answers: nothing is answered
  /// for the horizon the position would come from.
  public struct AnswersError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The horizon with no answered question.
    public let horizon: AssessmentHorizon

    /// Makes the error for a horizon.
    public init(horizon: AssessmentHorizon) { self.horizon = horizon }

    /// A sentence naming the horizon, the position it would have given, and the way out.
    public var description: String {
      let (marker, option) = horizon == .today ? ("current", "--current") : ("target", "--target")
      return "no question is answered for \(horizon.title.lowercased()) (every answer is "
        + "\"not sure\" or missing), so there is no \(marker) position to take from it; answer "
        + "at least one, or give \(option) N"
    }
  }

  /// The current and target positions for a snapshot made with self-assessment answers:
  /// positions given explicitly win, the others are the scored answers' today and target.
  ///
  /// Only the horizons a position is needed from are scored, so answers for the target alone
  /// still give a target when the current position is given.
  ///
  /// ```swift
  /// var answers = AssessmentAnswers()
  /// answers[.today, "Q1"] = .answer(1)   // 33
  /// answers[.target, "Q1"] = .answer(3)  // 100
  /// Snapshot.positions(from: answers, questions: .builtIn, current: nil, target: nil)
  /// // .success((current: 33, target: 100))
  /// Snapshot.positions(from: answers, questions: .builtIn, current: 40, target: nil)
  /// // .success((current: 40, target: 100))
  /// ```
  public static func positions(
    from answers: AssessmentAnswers, questions: AssessmentQuestions, current: Position?,
    target: Position?, catalogue: Catalogue = .builtIn
  ) -> Result<(current: Position, target: Position), AnswersError> {
    if let current, let target { return .success((current, target)) }
    // Assessment.score needs both horizons; the one not needed borrows the needed one's answers.
    let needed = AssessmentAnswers(
      today: current == nil ? answers.today : answers.target,
      target: target == nil ? answers.target : answers.today)
    switch Assessment.score(needed, questions: questions, catalogue: catalogue) {
    case .failure(let e):
      let horizon: AssessmentHorizon =
        current == nil && target == nil ? e.horizon : (current == nil ? .today : .target)
      return .failure(AnswersError(horizon: horizon))
    case .success(let result):
      return .success((current ?? result.today.position, target ?? result.target.position))
    }
  }
}
