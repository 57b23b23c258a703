import Testing

@testable import LearnerPowerModel

/// `kind = "assess"` in a workshop script: one step per question, answers as votes, and the
/// room's result feeding the agreed positions.
@Suite struct WorkshopAssessTests {
  let script = """
    title = "Where are we?"
    [[steps]]
    kind = "vote"
    title = "Gut feeling"
    collect = "both"
    [[steps]]
    kind = "assess"
    title = "Our culture"
    notes = "Read each question aloud"
    minutes = 24
    [[steps]]
    kind = "summary"
    title = "Agree"
    """

  func parsed() throws -> WorkshopScript {
    try WorkshopScript.parse(script, file: "w.toml").get()
  }

  func problems(_ text: String) -> [Diagnostic] {
    switch WorkshopScript.parse(text, file: "w.toml") {
    case .success: return []
    case .failure(let list): return list.diagnostics
    }
  }

  @Test func anAssessStepBecomesOneStepPerQuestion() throws {
    let steps = try parsed().steps
    let questions = AssessmentQuestions.builtIn.questions
    #expect(steps.count == 2 + questions.count)
    let assess = steps.filter { $0.kind == .assess }
    #expect(assess.map(\.question) == questions.map(\.id))
    #expect(assess.first?.title == "Our culture: 1 of \(questions.count)")
    #expect(assess.last?.title == "Our culture: \(questions.count) of \(questions.count)")
    #expect(assess.allSatisfy { $0.collect == .both && $0.position == nil })
    #expect(assess.first?.prompt == questions.first?.text)
    #expect(assess.first?.notes == "Read each question aloud")
    #expect(assess.dropFirst().allSatisfy { $0.notes == nil })
    #expect(
      assess.map(\.minutes)
        == Array(repeating: 24 / Double(questions.count), count: questions.count))
    #expect(steps.first?.kind == .vote && steps.last?.kind == .summary)
  }

  @Test func anAssessStepTakesNoPositionOrCollect() {
    let withPosition = problems(
      "title = \"t\"\n[[steps]]\nkind = \"assess\"\ntitle = \"x\"\nposition = 5\n")
    #expect(withPosition.count == 1)
    #expect(withPosition.first?.line == 5)
    #expect(withPosition.first?.message.contains("an assess step takes no position") == true)
    let withCollect = problems(
      "title = \"t\"\n[[steps]]\nkind = \"assess\"\ntitle = \"x\"\ncollect = \"both\"\n")
    #expect(
      withCollect.first?.message.contains("only applies to vote steps (this is assess)") == true)
  }

  @Test func theUnknownKindMessageListsAssess() {
    let found = problems("title = \"t\"\n[[steps]]\nkind = \"quiz\"\ntitle = \"x\"\n")
    #expect(found.first?.message.contains("assess") == true)
  }

  func session() throws -> WorkshopSession {
    WorkshopSession(id: "s", script: try parsed(), startedAt: 0)
  }

  func vote(_ s: inout WorkshopSession, step: Int, _ current: Position?, _ target: Position?) {
    s.apply(
      .voted(WorkshopVote(id: s.nextVoteID, current: current, target: target), step: step, at: 1))
  }

  @Test func theRoomsResultIsTheMeanOfEachQuestionsMedian() throws {
    var s = try session()
    #expect(s.assessed(target: false) == nil)
    // Q1 (step 1): answers 2, 3, 3 today → median 67; target 4, 4, not sure → 100.
    vote(&s, step: 1, 33, 100)
    vote(&s, step: 1, 67, 100)
    vote(&s, step: 1, 67, nil)
    // Q2 (step 2): answer 4 today → 100; not sure for the target.
    vote(&s, step: 2, 100, nil)
    #expect(s.assessed(target: false) == 84)  // (67 + 100) / 2 = 83.5, half up
    #expect(s.assessed(target: true) == 100)  // only Q1 answered for the target
    #expect(s.agreedCurrent == 84)
    #expect(s.agreedTarget == 100)
  }

  @Test func ordinaryVotesAreNotMixedWithAnswersAndTheFacilitatorStillDecides() throws {
    var s = try session()
    vote(&s, step: 0, 20, 40)
    #expect(s.allValues(target: false) == [20])
    #expect(s.agreedCurrent == 20)
    vote(&s, step: 1, 100, 100)
    #expect(s.allValues(target: false) == [20])
    // Once the room has answered, its self-assessment is the agreed position.
    #expect(s.agreedCurrent == 100)
    s.apply(.agreed(current: 55, target: 70, at: 2))
    #expect(s.agreedCurrent == 55 && s.agreedTarget == 70)
  }

  @Test func theExpandedScriptSurvivesTheJournal() throws {
    let start = JournalEntry.start(session: "s", script: try parsed(), source: "w.toml", at: 0)
    let text =
      String(decoding: try start.jsonLine(), as: UTF8.self)
      + (String(decoding: try start.jsonLine(), as: UTF8.self).hasSuffix("\n") ? "" : "\n")
    let replay = try WorkshopSession.replay(text, file: "s.jsonl").get()
    #expect(replay.session.script == (try parsed()))
    #expect(
      replay.session.script.steps[1].question == AssessmentQuestions.builtIn.questions.first?.id)
  }
}
