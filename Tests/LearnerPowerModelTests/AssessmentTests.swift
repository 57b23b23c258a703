import Foundation
import Testing

@testable import LearnerPowerModel

private let builtIn = AssessmentQuestions.builtIn

/// Every built-in question answered with the same index at each horizon.
private func uniform(today: Int, target: Int) -> AssessmentAnswers {
  var answers = AssessmentAnswers()
  for q in builtIn.questions {
    answers[.today, q.id] = .answer(today)
    answers[.target, q.id] = .answer(target)
  }
  return answers
}

// MARK: - Built-in questions

@Test func builtInQuestionsAreTheTwelveOfTheDomainReference() throws {
  let text = String(decoding: PackageResources.questions_toml, as: UTF8.self)
  let set = try AssessmentQuestions.parse(text, file: "questions.toml").get()
  #expect(set.questions.map(\.id) == (1...12).map { "Q\($0)" })
  #expect(set.questions.allSatisfy { $0.answers.count == 4 })
  let social = set.questions.filter { $0.dimension == .social }.map(\.id)
  #expect(social == ["Q4", "Q5", "Q12"])
  #expect(Set(set.questions.map(\.dimension)) == Set(AssessmentDimension.allCases))
  #expect(set.intro.contains("compliance"))
}

// MARK: - Scoring

@Test func allAnsweredGivesMeanMedianAndZeroSpreadForUniformAnswers() throws {
  let result = try Assessment.score(uniform(today: 1, target: 2), questions: builtIn).get()
  #expect(result.today.mean == 33)
  #expect(result.today.median == 33)
  #expect(result.today.spread == 0)
  #expect(result.today.answered == 12)
  #expect(result.today.position == 33)
  #expect(result.target.position == 67)
  #expect(result.gap == 34)
  #expect(!result.isLargeJump)
  #expect(result.caveat == nil)
}

@Test func notSureIsLeftOutOfTheAverage() throws {
  var answers = AssessmentAnswers()
  answers[.today, "Q1"] = .answer(0)  // 0
  answers[.today, "Q2"] = .answer(3)  // 100
  answers[.today, "Q3"] = .notSure
  answers[.today, "Q4"] = .notSure
  answers[.target, "Q1"] = .answer(2)
  let result = try Assessment.score(answers, questions: builtIn).get()
  #expect(result.today.answered == 2)
  #expect(result.today.mean == 50)
  #expect(result.today.median == 50)
  #expect(result.today.spread == 50)  // population standard deviation of {0, 100}
  #expect(result.target.mean == 67)
}

@Test func noAnswersForAHorizonIsAClearErrorNotADivisionByZero() {
  var answers = AssessmentAnswers()
  for q in builtIn.questions { answers[.today, q.id] = .notSure }
  answers[.target, "Q1"] = .answer(1)
  guard case .failure(let error) = Assessment.score(answers, questions: builtIn) else {
    Issue.record("scoring with no answers succeeded")
    return
  }
  #expect(error.horizon == .today)
  #expect(error.description.contains("no question is answered for today"))

  var onlyToday = AssessmentAnswers()
  onlyToday[.today, "Q1"] = .answer(1)
  guard case .failure(let e2) = Assessment.score(onlyToday, questions: builtIn) else {
    Issue.record("scoring with no target answers succeeded")
    return
  }
  #expect(e2.horizon == .target)
}

@Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() throws {
  var answers = AssessmentAnswers()
  for (id, index) in [("Q1", 0), ("Q2", 1), ("Q3", 3), ("Q4", 3)] {
    answers[.today, id] = .answer(index)
  }
  answers[.target, "Q1"] = .answer(0)
  let score = try Assessment.score(answers, questions: builtIn).get().today
  #expect(score.median == 66.5)  // sorted {0, 33, 100, 100}
  #expect(score.mean == 58.25)
  #expect(score.position == 58)
}

@Test func positionRoundsHalfUp() throws {
  var answers = AssessmentAnswers()
  answers[.today, "Q1"] = .answer(0)  // 0
  answers[.today, "Q2"] = .answer(2)  // 67 → mean 33.5
  answers[.target, "Q1"] = .answer(0)
  let result = try Assessment.score(answers, questions: builtIn).get()
  #expect(result.today.position == 34)
}

@Test func profileAndGapArePerDimension() throws {
  var answers = uniform(today: 0, target: 1)
  answers[.today, "Q4"] = .answer(3)  // social: Q4 100, Q5 0, Q12 0 → 33.33
  answers[.target, "Q8"] = .answer(3)  // culture target 100
  answers[.today, "Q11"] = .notSure
  answers[.target, "Q11"] = .notSure  // measures answered nowhere
  let result = try Assessment.score(answers, questions: builtIn).get()
  #expect(result.today.profile[.control] == 0)
  #expect(abs((result.today.profile[.social] ?? -1) - 100.0 / 3) < 1e-9)
  #expect(result.today.profile[.measures] == nil)
  #expect(result.target.profile[.culture] == 100)
  #expect(result.gapByDimension[.culture] == 100)
  #expect(result.gapByDimension[.control] == 33)
  #expect(result.gapByDimension[.measures] == nil)
}

@Test func largeJumpGetsTheScaffoldingCaveat() throws {
  let result = try Assessment.score(uniform(today: 0, target: 3), questions: builtIn).get()
  #expect(result.isLargeJump)
  #expect(result.caveat?.contains("scaffolding") == true)
}

// MARK: - Question files

@Test func questionFileErrorsAreReportedAtTheirLines() {
  let text = """
    name = "Ours"
    version = "1"

    [[questions]]
    id = "A"
    text = "First?"
    dimension = "power"
    answers = ["a", "b", "c", "d"]

    [[questions]]
    id = "A"
    text = "Second?"
    dimension = "social"
    answers = ["a", "b", "c"]
    colour = "red"
    """
  guard case .failure(let problems) = AssessmentQuestions.parse(text, file: "q.toml") else {
    Issue.record("a bad question file parsed")
    return
  }
  let lines = problems.diagnostics.map(\.description)
  #expect(
    lines.contains { $0.hasPrefix("q.toml:7: questions[0].dimension: unknown dimension \"power\"") }
  )
  #expect(lines.contains { $0.hasPrefix("q.toml:11: questions[1].id: duplicate id \"A\"") })
  #expect(
    lines.contains {
      $0.hasPrefix("q.toml:14: questions[1].answers: expected a list of exactly four")
    })
  #expect(lines.contains { $0.hasPrefix("q.toml:15: questions[1].colour: unknown key") })
}

@Test func questionFileSyntaxErrorCarriesLineAndColumn() {
  guard case .failure(let problems) = AssessmentQuestions.parse("name = \n", file: "q.toml") else {
    Issue.record("a syntax error parsed")
    return
  }
  #expect(problems.diagnostics.first?.line == 1)
  #expect(problems.diagnostics.first?.column != nil)
}

@Test func questionFileWithoutQuestionsIsRejected() {
  guard
    case .failure(let problems) = AssessmentQuestions.parse(
      "name = \"x\"\nversion = \"1\"\n", file: "q.toml")
  else {
    Issue.record("an empty question file parsed")
    return
  }
  #expect(problems.description.contains("has no questions"))
}

// MARK: - Answer files

@Test func answerFileReadsNumbersAndNotSure() throws {
  let text = """
    [today]
    Q1 = 2
    Q2 = "Not sure"
    Q3 = "4"
    [target]
    Q1 = 4
    """
  let answers = try AssessmentAnswers.parse(text, file: "a.toml", questions: builtIn).get()
  #expect(answers[.today, "Q1"] == .answer(1))
  #expect(answers[.today, "Q2"] == .notSure)
  #expect(answers[.today, "Q3"] == .answer(3))
  #expect(answers[.target, "Q1"] == .answer(3))
  #expect(answers[.target, "Q2"] == nil)
}

@Test func badAnswersAreReportedByLine() {
  let text = """
    [today]
    Q1 = 5
    Q13 = 1
    Q2 = "maybe"
    [target]
    Q1 = true
    [tomorrow]
    """
  guard
    case .failure(let problems) = AssessmentAnswers.parse(text, file: "a.toml", questions: builtIn)
  else {
    Issue.record("bad answers parsed")
    return
  }
  let lines = problems.diagnostics.map(\.description)
  #expect(
    lines.contains(
      "a.toml:2: today.Q1: expected an answer number from 1 to 4, or \"not sure\"; found 5"))
  #expect(lines.contains { $0.hasPrefix("a.toml:3: today.Q13: unknown question \"Q13\"") })
  #expect(
    lines.contains {
      $0.hasPrefix("a.toml:4: today.Q2: expected an answer number")
        && $0.hasSuffix("string \"maybe\"")
    })
  #expect(lines.contains { $0.hasPrefix("a.toml:6: target.Q1: expected an answer number") })
  #expect(lines.contains { $0.hasPrefix("a.toml:7: tomorrow: unknown key") })
}

@Test func answerFileWithoutATargetTableSaysSo() {
  guard
    case .failure(let problems) = AssessmentAnswers.parse(
      "[today]\nQ1 = 1\n", file: "a.toml", questions: builtIn)
  else {
    Issue.record("a file without [target] parsed")
    return
  }
  #expect(problems.description.contains("missing [target] table"))
}
