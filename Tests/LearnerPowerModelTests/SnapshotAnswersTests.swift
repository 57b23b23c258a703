import Testing

@testable import LearnerPowerModel

/// Positions for a snapshot made with self-assessment answers (`snapshot --answers`).
@Suite struct SnapshotAnswersTests {
  /// Every built-in question answered `today` for today and `target` for the target (1-4).
  func answers(today: Int?, target: Int?) -> AssessmentAnswers {
    var a = AssessmentAnswers()
    for q in AssessmentQuestions.builtIn.questions {
      if let today { a[.today, q.id] = .answer(today - 1) }
      if let target { a[.target, q.id] = .answer(target - 1) }
    }
    return a
  }

  func positions(_ a: AssessmentAnswers, current: Position? = nil, target: Position? = nil)
    -> Result<(current: Position, target: Position), Snapshot.AnswersError>
  {
    Snapshot.positions(from: a, questions: .builtIn, current: current, target: target)
  }

  @Test func withoutPositionsBothComeFromTheScoredAnswers() throws {
    let p = try positions(answers(today: 2, target: 3)).get()
    #expect(p.current == 33 && p.target == 67)
    let scored = try Assessment.score(answers(today: 2, target: 3), questions: .builtIn).get()
    #expect(p.current == scored.today.position && p.target == scored.target.position)
  }

  @Test func givenPositionsWin() throws {
    let one = try positions(answers(today: 2, target: 3), current: 10).get()
    #expect(one.current == 10 && one.target == 67)
    let other = try positions(answers(today: 2, target: 3), target: 90).get()
    #expect(other.current == 33 && other.target == 90)
    let both = try positions(answers(today: nil, target: nil), current: 5, target: 6).get()
    #expect(
      both.current == 5 && both.target == 6, "nothing needs scoring, so empty answers are fine")
  }

  @Test func onlyTheNeededHorizonMustBeAnswered() throws {
    #expect(try positions(answers(today: nil, target: 4), current: 20).get().target == 100)
    #expect(try positions(answers(today: 1, target: nil), target: 20).get().current == 0)
  }

  @Test func aNeededHorizonWithNothingAnsweredNamesItAndTheWayOut() {
    #expect(throws: Snapshot.AnswersError(horizon: .today)) {
      try positions(answers(today: nil, target: 3)).get()
    }
    #expect(throws: Snapshot.AnswersError(horizon: .target)) {
      try positions(answers(today: 2, target: nil)).get()
    }
    #expect(throws: Snapshot.AnswersError(horizon: .target)) {
      try positions(answers(today: 2, target: nil), current: 40).get()
    }
    var notSure = AssessmentAnswers()
    notSure[.today, "Q1"] = .notSure
    #expect(throws: Snapshot.AnswersError(horizon: .today)) {
      try positions(notSure, target: 40).get()
    }
    #expect(
      Snapshot.AnswersError(horizon: .target).description
        == "no question is answered for where we want to be (every answer is \"not sure\" or "
        + "missing), so there is no target position to take from it; answer at least one, or give --target N"
    )
  }
}
