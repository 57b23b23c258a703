import Canvas
import LearnerPowerModel

/// The questionnaire as a value: which question and horizon is on screen, the answers so far,
/// and whether the result is showing. ``reduceAssessment(_:_:)`` is the only thing that changes
/// it, so every transition is testable without a terminal.
///
/// ```swift
/// var q = AssessmentSession(questions: .builtIn)
/// reduceAssessment(&q, .chose(1))   // Q1 today = answer 2 (33); now asking Q1 for the target
/// reduceAssessment(&q, .chose(3))   // Q1 target = answer 4 (100); now on Q2, today
/// q.progress                        // "2 of 12"
/// ```
public struct AssessmentSession: Sendable, Hashable {
  /// The questions being asked.
  public var questions: AssessmentQuestions
  /// Everything answered so far.
  public var answers = AssessmentAnswers()
  /// The question on screen (an index into `questions.questions`).
  public var index = 0
  /// Which horizon the answer keys set.
  public var horizon: AssessmentHorizon = .today
  /// The highlighted row: 0…3 the answers, 4 "not sure".
  public var highlight = 0
  /// The result screen is showing instead of a question.
  public var showingResult = false
  /// The learning area whose markers `m` sets, named on the result screen; nil when there is
  /// only one (the explorer sets it when it has several, so the room knows which area it scores).
  public var areaName: String?

  /// A session at the first question, nothing answered.
  public init(questions: AssessmentQuestions) {
    self.questions = questions
  }

  /// The row number of "not sure" (after the answers).
  public var notSureRow: Int {
    question.map { $0.answers.count } ?? AssessmentQuestion.scores.count
  }

  /// The question on screen; nil only for an empty question set.
  public var question: AssessmentQuestion? {
    questions.questions.indices.contains(index) ? questions.questions[index] : nil
  }

  /// "4 of 12".
  public var progress: String { "\(index + 1) of \(questions.questions.count)" }

  /// How many questions have an answer (or "not sure") for both horizons.
  public var completed: Int {
    questions.questions.filter { answers[.today, $0.id] != nil && answers[.target, $0.id] != nil }
      .count
  }

  /// The answer given for the question on screen at `horizon`.
  public func choice(_ horizon: AssessmentHorizon) -> AssessmentChoice? {
    question.flatMap { answers[horizon, $0.id] }
  }

  /// The scored result, or why it cannot be scored yet.
  public var result: Result<Assessment, AssessmentError> {
    Assessment.score(answers, questions: questions)
  }
}

/// What the user did in the questionnaire.
public enum AssessmentAction: Sendable, Hashable {
  /// Chose answer `index` (0-based) for the current horizon.
  case chose(Int)
  /// Chose "not sure / not applicable".
  case choseNotSure
  /// Chose the highlighted row.
  case choseHighlighted
  /// Moved the highlight up or down.
  case movedHighlight(by: Int)
  /// Switched between Today and Where we want to be.
  case switchedHorizon
  /// Next question (or the result after the last).
  case next
  /// Previous question (or, from the result, back to the question the user left it from).
  case previous
  /// Asked for the result screen.
  case showResult
  /// Went back from the result to the questions.
  case backToQuestions
  /// Asked to put the result into the explorer's markers.
  case apply
  /// Left the questionnaire without applying anything.
  case leave
  /// Asked to quit the program (Ctrl-C), as everywhere in the app.
  case quit
}

/// How the questionnaire ended.
public enum AssessmentOutcome: Sendable, Hashable {
  /// Put these positions into the explorer's current and target markers.
  case apply(current: Position, target: Position)
  /// Closed without changing anything.
  case leave
  /// Quit the program at once (nothing applied).
  case quit
}

/// Applies one action; returns how the questionnaire ended, or nil while it goes on.
///
/// Choosing an answer for Today moves on to Where we want to be for the same question; choosing
/// for the target moves on to the next question's Today, and after the last question to the
/// result. `apply` only ends the questionnaire when the answers can be scored.
@discardableResult
public func reduceAssessment(_ s: inout AssessmentSession, _ action: AssessmentAction)
  -> AssessmentOutcome?
{
  let count = s.questions.questions.count
  switch action {
  case .chose(let i):
    guard !s.showingResult, let q = s.question, q.answers.indices.contains(i) else { return nil }
    answer(&s, q, .answer(i))
  case .choseNotSure:
    guard !s.showingResult, let q = s.question else { return nil }
    answer(&s, q, .notSure)
  case .choseHighlighted:
    guard !s.showingResult, let q = s.question else { return nil }
    answer(&s, q, s.highlight >= q.answers.count ? .notSure : .answer(s.highlight))
  case .movedHighlight(let delta):
    guard !s.showingResult else { return nil }
    s.highlight = min(max(s.highlight + delta, 0), s.notSureRow)
  case .switchedHorizon:
    guard !s.showingResult else { return nil }
    s.horizon = s.horizon == .today ? .target : .today
    syncHighlight(&s)
  case .next:
    guard !s.showingResult else { return nil }
    if s.index + 1 < count {
      go(&s, to: s.index + 1, horizon: .today)
    } else {
      s.showingResult = true
    }
  case .previous:
    if s.showingResult {
      // Back to the question and horizon the user was on: the result never moves them, so a
      // result asked for early (`r` on Q3) returns to Q3, and one reached by answering the last
      // target returns to that target.
      s.showingResult = false
      go(&s, to: min(max(0, s.index), max(0, count - 1)), horizon: s.horizon)
    } else if s.index > 0 {
      go(&s, to: s.index - 1, horizon: .today)
    }
  case .showResult:
    s.showingResult = true
  case .backToQuestions:
    s.showingResult = false
  case .apply:
    guard s.showingResult, case .success(let r) = s.result else { return nil }
    return .apply(current: r.today.position, target: r.target.position)
  case .leave:
    return .leave
  case .quit:
    return .quit
  }
  return nil
}

private func answer(_ s: inout AssessmentSession, _ q: AssessmentQuestion, _ c: AssessmentChoice) {
  s.answers[s.horizon, q.id] = c
  if s.horizon == .today {
    s.horizon = .target
    syncHighlight(&s)
  } else if s.index + 1 < s.questions.questions.count {
    go(&s, to: s.index + 1, horizon: .today)
  } else {
    s.showingResult = true
  }
}

private func go(_ s: inout AssessmentSession, to index: Int, horizon: AssessmentHorizon) {
  s.index = index
  s.horizon = horizon
  syncHighlight(&s)
}

/// The highlight starts on the answer already given, else on today's answer (targets are often
/// near it), else on the first row.
private func syncHighlight(_ s: inout AssessmentSession) {
  let given = s.choice(s.horizon) ?? (s.horizon == .target ? s.choice(.today) : nil)
  switch given {
  case .answer(let i)?: s.highlight = i
  case .notSure?: s.highlight = s.notSureRow
  case nil: s.highlight = 0
  }
}

extension AssessmentSession {
  /// What a key means on the screen showing; nil when it means nothing.
  public func action(for key: Key) -> AssessmentAction? {
    if showingResult {
      switch key {
      case .char("m"), .char("M"), .enter: return .apply
      case .char("b"), .left, .char("h"), .pageUp, .backspace: return .previous
      case .escape, .char("q"): return .leave
      case .ctrl("c"): return .quit
      default: return nil
      }
    }
    switch key {
    case .char(let c) where ("1"..."9").contains(c):
      return Int(String(c)).map { .chose($0 - 1) }
    case .char("0"), .char("n"), .char("?"): return .choseNotSure
    case .up, .char("k"): return .movedHighlight(by: -1)
    case .down, .char("j"): return .movedHighlight(by: 1)
    case .enter, .char(" "): return .choseHighlighted
    case .tab, .backTab: return .switchedHorizon
    case .right, .char("l"), .pageDown: return .next
    case .left, .char("h"), .pageUp, .backspace: return .previous
    case .char("r"): return .showResult
    case .escape, .char("q"): return .leave
    case .ctrl("c"): return .quit
    default: return nil
    }
  }
}
