import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// Assess steps in the workshop screen: the answer field, the question on screen, the exports.
@Suite struct WorkshopAssessAppTests {
  var script: WorkshopScript {
    WorkshopScript(
      title: "Assess",
      steps: WorkshopStep(kind: .assess, title: "Culture").expanded
        + [WorkshopStep(kind: .summary, title: "Sum")])
  }

  func fresh() -> WorkshopState {
    WorkshopState(
      session: WorkshopSession(id: "t", script: script, startedAt: 0), catalogue: .builtIn, now: 0)
  }

  @discardableResult
  func press(_ s: inout WorkshopState, _ keys: [Key]) -> [JournalEntry] {
    var out: [JournalEntry] = []
    for key in keys {
      for effect in reduceWorkshop(&s, .key(key)) {
        if case .journal(let e) = effect { out.append(e) }
      }
    }
    return out
  }

  func chars(_ text: String) -> [Key] { text.map { .char($0) } }

  @Test func theAnswerFieldReadsTwoAnswersAndAName() throws {
    #expect(try parseAnswerField("2 4 Ana").get() == (33, 100, "Ana"))
    #expect(try parseAnswerField("? 3").get() == (nil, 67, nil))
    #expect(try parseAnswerField("1 ?").get() == (0, nil, nil))
    // "Not sure" is typed as in the questionnaire too: 0 or n.
    #expect(try parseAnswerField("0 3").get() == (nil, 67, nil))
    #expect(try parseAnswerField("2 N Bo").get() == (33, nil, "Bo"))
    #expect(parseAnswerField("5 2").failureText?.contains("\"5\" is not an answer") == true)
    #expect(parseAnswerField("2").failureText?.contains("Type two answers") == true)
    #expect(parseAnswerField("? ?").failureText?.contains("not sure") == true)
    #expect(parseAnswerField("45 2").failureText != nil)
  }

  @Test func typingAnswersOnAnAssessStepAddsTheirScoresAsAVote() {
    var s = fresh()
    let entries = press(&s, chars("2 4 Ana") + [.enter])
    #expect(entries.map(\.type) == [.vote])
    #expect(s.session.votes(of: 0) == [WorkshopVote(id: 1, name: "Ana", current: 33, target: 100)])
    #expect(s.field == .vote)  // open for the next participant
    press(&s, chars("9 9") + [.enter])
    #expect(s.session.votes(of: 0).count == 1)
    #expect(s.notice?.contains("is not an answer") == true)
    press(&s, [.escape])
    #expect(s.session.agreedCurrent == 33 && s.session.agreedTarget == 100)
  }

  @Test func theScreenShowsTheQuestionItsAnswersAndTheFieldLabel() throws {
    var s = fresh()
    let q = try #require(AssessmentQuestions.builtIn.questions.first)
    press(&s, [.char("3")])
    let text = PlainTextExporter.export(
      WorkshopScreen.render(
        s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 100, height: 30)))
    #expect(text.contains("(assess · \(q.id))"))
    #expect(text.contains("1 " + String(q.answers[0].prefix(30))))
    #expect(text.contains("? not sure"))
    #expect(text.contains("Answers 1-4 or ? (today target [name]): 3"))
  }

  @Test func exportsCarryTheAnswersAndSayWhereTheAgreedPositionsCameFrom() {
    var s = fresh()
    press(&s, chars("2 4") + [.enter] + chars("3 4") + [.enter, .escape])
    let md = WorkshopExport.markdown(s.session, catalogue: .builtIn)
    #expect(md.contains("### 1. Culture: 1 of"))
    #expect(md.contains("From the room's self-assessment"))
    #expect(md.contains("- Current: 50"))
    let csv = WorkshopExport.csv(s.session)
    #expect(csv.contains("1,Culture: 1 of 12,,33,100"))
    let json = WorkshopExport.json(s.session, catalogue: .builtIn)
    #expect(json.contains("\"kind\" : \"assess\""))
  }
}

extension Result {
  fileprivate var failureText: String? {
    if case .failure(let e) = self { return "\(e)" }
    return nil
  }
}
