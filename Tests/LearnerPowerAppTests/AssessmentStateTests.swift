import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

private func fresh() -> AssessmentSession { AssessmentSession(questions: .builtIn) }

/// Answers every question with `today` then `target` through the reducer, as the keys would.
private func answerAll(_ s: inout AssessmentSession, today: Int, target: Int) {
  for _ in 0..<12 {
    reduceAssessment(&s, .chose(today))
    reduceAssessment(&s, .chose(target))
  }
}

@Test func choosingForTodayMovesToTheTargetOfTheSameQuestion() {
  var s = fresh()
  #expect(s.progress == "1 of 12")
  #expect(reduceAssessment(&s, .chose(1)) == nil)
  #expect(s.answers[.today, "Q1"] == .answer(1))
  #expect(s.index == 0)
  #expect(s.horizon == .target)
  #expect(s.highlight == 1)  // starts on today's answer
  reduceAssessment(&s, .chose(3))
  #expect(s.answers[.target, "Q1"] == .answer(3))
  #expect(s.index == 1)
  #expect(s.horizon == .today)
  #expect(s.progress == "2 of 12")
  #expect(s.completed == 1)
}

@Test func answeringTheLastQuestionShowsTheResultAndApplyGivesTheScores() {
  var s = fresh()
  answerAll(&s, today: 1, target: 2)
  #expect(s.showingResult)
  #expect(reduceAssessment(&s, .apply) == .apply(current: 33, target: 67))
}

@Test func backAndForwardKeepAnswersAndTheyCanBeChanged() {
  var s = fresh()
  reduceAssessment(&s, .chose(0))
  reduceAssessment(&s, .chose(0))  // Q1 done, on Q2
  reduceAssessment(&s, .previous)
  #expect(s.index == 0)
  #expect(s.horizon == .today)
  #expect(s.highlight == 0)
  reduceAssessment(&s, .chose(3))  // change today's answer
  #expect(s.answers[.today, "Q1"] == .answer(3))
  #expect(s.answers[.target, "Q1"] == .answer(0))  // kept
  #expect(s.highlight == 0)  // the target answer already given
  reduceAssessment(&s, .next)
  reduceAssessment(&s, .next)
  #expect(s.index == 2)
  reduceAssessment(&s, .previous)
  reduceAssessment(&s, .previous)
  reduceAssessment(&s, .previous)  // stays on the first question
  #expect(s.index == 0)
}

@Test func highlightMovesWithinTheRowsAndEnterChoosesIt() {
  var s = fresh()
  reduceAssessment(&s, .movedHighlight(by: -1))
  #expect(s.highlight == 0)
  reduceAssessment(&s, .movedHighlight(by: 10))
  #expect(s.highlight == 4)  // "not sure" is the last row
  reduceAssessment(&s, .choseHighlighted)
  #expect(s.answers[.today, "Q1"] == .notSure)
  #expect(s.highlight == 4)  // the target row starts on today's "not sure"
  reduceAssessment(&s, .movedHighlight(by: -2))
  reduceAssessment(&s, .choseHighlighted)
  #expect(s.answers[.target, "Q1"] == .answer(2))
}

@Test func tabSwitchesHorizonWithoutAnswering() {
  var s = fresh()
  reduceAssessment(&s, .switchedHorizon)
  #expect(s.horizon == .target)
  reduceAssessment(&s, .chose(2))
  #expect(s.answers[.target, "Q1"] == .answer(2))
  #expect(s.answers[.today, "Q1"] == nil)
  #expect(s.index == 1)
}

@Test func answerIndexesThatDoNotExistAreIgnored() {
  var s = fresh()
  reduceAssessment(&s, .chose(4))
  reduceAssessment(&s, .chose(-1))
  #expect(s.answers == AssessmentAnswers())
  #expect(s.horizon == .today)
}

@Test func applyIsRefusedWhileNothingCanBeScored() {
  var s = fresh()
  reduceAssessment(&s, .showResult)
  #expect(s.showingResult)
  #expect(reduceAssessment(&s, .apply) == nil)
  guard case .failure(let e) = s.result else {
    Issue.record("an empty questionnaire scored")
    return
  }
  #expect(e.horizon == .today)
  reduceAssessment(&s, .backToQuestions)
  #expect(!s.showingResult)
  #expect(reduceAssessment(&s, .leave) == .leave)
  #expect(reduceAssessment(&s, .quit) == .quit)
}

@Test func previousFromTheResultReturnsToTheLastQuestionsTarget() {
  var s = fresh()
  answerAll(&s, today: 0, target: 0)
  reduceAssessment(&s, .previous)
  #expect(!s.showingResult)
  #expect(s.index == 11)
  #expect(s.horizon == .target)
}

@Test func keysMapToQuestionnaireActions() {
  let s = fresh()
  #expect(s.action(for: .char("1")) == .chose(0))
  #expect(s.action(for: .char("4")) == .chose(3))
  #expect(s.action(for: .char("0")) == .choseNotSure)
  #expect(s.action(for: .tab) == .switchedHorizon)
  #expect(s.action(for: .right) == .next)
  #expect(s.action(for: .left) == .previous)
  #expect(s.action(for: .escape) == .leave)
  #expect(s.action(for: .ctrl("c")) == .quit)
  #expect(s.action(for: .char("m")) == nil)
  var r = s
  r.showingResult = true
  #expect(r.action(for: .char("m")) == .apply)
  #expect(r.action(for: .char("b")) == .previous)
  #expect(r.action(for: .char("1")) == nil)
}

@Test func questionScreenShowsProgressAndBothHorizonsAt60x20() {
  var s = fresh()
  reduceAssessment(&s, .next)
  reduceAssessment(&s, .next)
  reduceAssessment(&s, .next)
  let grid = AssessmentScreen.render(
    s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 60, height: 20), ascii: true)
  let text = PlainTextExporter.export(grid)
  #expect(text.contains("Question 4 of 12"))
  #expect(text.contains("With a work problem, where do people turn first?"))
  #expect(text.contains("[Today]"))
  #expect(text.contains("Where we want to be"))
  #expect(text.contains("Not sure / not applicable"))
}

@Test func resultScreenShowsPositionsProfileAndCaveat() {
  var s = fresh()
  answerAll(&s, today: 0, target: 3)
  let grid = AssessmentScreen.render(
    s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 80, height: 24), ascii: true)
  let text = PlainTextExporter.export(grid)
  #expect(text.contains("Today   0 Directed"))
  #expect(text.contains("Target  100 Learner-led"))
  #expect(text.contains("Infrastructure"))
  #expect(text.contains("scaffolding"))
  #expect(text.contains("m put into markers"))
}

@Test func resultScreenNamesTheAreaThatMSetsWhenThereIsOne() {
  var s = fresh()
  answerAll(&s, today: 1, target: 2)
  s.areaName = "Compliance"
  let theme = ThemeLibrary.builtInDefault.theme
  let wide = PlainTextExporter.export(
    AssessmentScreen.render(s, theme: theme, size: Size(width: 100, height: 30), ascii: false))
  #expect(wide.contains("press m to put them into Compliance's markers"))
  #expect(wide.contains("m put into Compliance's markers  b back to the questions  Esc leave"))
  // At the smallest size `b` is shortened so the area's name and Esc still show.
  let small = PlainTextExporter.export(
    AssessmentScreen.render(s, theme: theme, size: Size(width: 60, height: 20), ascii: true))
  #expect(small.contains("m put into Compliance's markers  b back  Esc leave"))
  // A long name is cut in the hint, never the other keys.
  s.areaName = "Customer service and complaints handling"
  let long = PlainTextExporter.export(
    AssessmentScreen.render(s, theme: theme, size: Size(width: 60, height: 20), ascii: true))
  #expect(long.contains("m put into Customer service...'s markers  b back  Esc leave"), "\(long)")
  // Without an area (one area, or `learnerpower assess`) the wording is as before.
  s.areaName = nil
  let plain = PlainTextExporter.export(
    AssessmentScreen.render(s, theme: theme, size: Size(width: 80, height: 24), ascii: true))
  #expect(plain.contains("m put into markers  b back to the questions  Esc leave"))
  #expect(plain.contains("into the explorer's markers"))
}

@Test func tooSmallTerminalGetsTheSizeMessage() {
  let grid = AssessmentScreen.render(
    fresh(), theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 50, height: 15),
    ascii: true)
  #expect(PlainTextExporter.export(grid).contains("60x20"))
}

@Test func backFromAResultAskedForEarlyReturnsToTheQuestionTheUserWasOn() {
  // a, → →, 3 for Today on Q3, r, b: back on Q3's target, not Q12's, so the next digit
  // answers the question the user was looking at.
  var s = fresh()
  reduceAssessment(&s, .next)
  reduceAssessment(&s, .next)
  reduceAssessment(&s, .chose(2))
  #expect(s.index == 2)
  #expect(s.horizon == .target)
  reduceAssessment(&s, .showResult)
  reduceAssessment(&s, s.action(for: .char("b"))!)
  #expect(!s.showingResult)
  #expect(s.index == 2)
  #expect(s.horizon == .target)
  #expect(s.highlight == 2)  // starts on today's answer, as before the result
  reduceAssessment(&s, .chose(3))
  #expect(s.answers[.target, "Q3"] == .answer(3))
  #expect(s.answers[.target, "Q12"] == nil)
}

@Test func backFromAResultAskedForOnTodayKeepsToday() {
  var s = fresh()
  reduceAssessment(&s, .next)  // Q2, today
  reduceAssessment(&s, .showResult)
  reduceAssessment(&s, .previous)
  #expect(s.index == 1)
  #expect(s.horizon == .today)
}

@Test func nextPastTheLastQuestionAndBackReturnsToIt() {
  var s = fresh()
  for _ in 0..<12 { reduceAssessment(&s, .next) }
  #expect(s.showingResult)
  reduceAssessment(&s, .previous)
  #expect(s.index == 11)
  #expect(s.horizon == .today)
}

private func questionScreen(_ s: AssessmentSession, _ w: Int, _ h: Int) -> [String] {
  let grid = AssessmentScreen.render(
    s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: w, height: h), ascii: false)
  return PlainTextExporter.export(grid).split(separator: "\n").map(String.init)
}

@Test func theIntroShowsOnTheFirstQuestionWheneverItFitsWithEveryAnswerWhole() {
  for (w, h) in [(60, 20), (80, 24), (100, 30)] {
    let text = questionScreen(fresh(), w, h).joined(separator: "\n")
    #expect(text.contains("Leave out regulated and compliance training"), "\(w)x\(h)")
    #expect(text.contains("Answer each"), "\(w)x\(h)")
    // The intro never costs an answer its second line.
    #expect(text.contains("direction\n") || text.contains("direction "), "\(w)x\(h)")
    #expect(text.contains("Not sure / not applicable"), "\(w)x\(h)")
  }
  // Only on the first question.
  var second = fresh()
  reduceAssessment(&second, .next)
  #expect(!questionScreen(second, 80, 24).joined().contains("Leave out regulated"))
}

@Test func anIntroWithoutRoomIsLeftOutRatherThanSqueezingTheAnswers() {
  let long = (1...9).map {
    "Answer \($0) is long enough to need a second line at sixty columns wide"
  }
  let set = AssessmentQuestions(
    name: "Many", version: "1", intro: "An introduction that would need the rows the answers use.",
    questions: [
      AssessmentQuestion(id: "M1", text: "Which one?", dimension: .control, answers: long)
    ])
  let text = questionScreen(AssessmentSession(questions: set), 60, 20).joined(separator: "\n")
  #expect(!text.contains("An introduction"))
  #expect(text.contains("Which one?"))
}
