import Foundation
import Testing

/// `learnerpower assess --answers`, `assess check` and `--questions`, run as a user would.
private func write(_ text: String, name: String) -> String {
  let path = LearnerPowerBinary.tempHome() + "/" + name
  _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
  return path
}

/// Today: every question answered 2 (33); target: every question answered 3 (67), except one
/// "not sure" each side.
private let filled: String = {
  var today = ["[today]"], target = ["[target]"]
  for i in 1...12 {
    today.append("Q\(i) = " + (i == 5 ? "\"not sure\"" : "2"))
    target.append("Q\(i) = " + (i == 7 ? "\"not sure\"" : "3"))
  }
  return (today + [""] + target).joined(separator: "\n") + "\n"
}()

@Test func assessAnswersPrintsTheScoredResultAsJSON() throws {
  let file = write(filled, name: "answers.toml")
  let r = try LearnerPowerBinary.run(["assess", "--answers", file, "--format", "json"])
  #expect(r.status == 0, "\(r.stderr)")
  let json = try #require(
    try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
  #expect(json["schema"] as? String == "learnerpower.assessment/1")
  let today = try #require(json["today"] as? [String: Any])
  let target = try #require(json["target"] as? [String: Any])
  #expect(today["position"] as? Int == 33)
  #expect(today["answered"] as? Int == 11)
  #expect(target["position"] as? Int == 67)
  #expect(today["spread"] as? Double == 0)
  let gap = try #require(json["gap"] as? [String: Any])
  #expect(gap["overall"] as? Double == 34)
  #expect(json["largeJump"] as? Bool == false)
  let answers = try #require(json["answers"] as? [String: [String: Any]])
  #expect(answers["today"]?["Q5"] as? String == "not sure")
  #expect(answers["target"]?["Q1"] as? Int == 3)
}

@Test func assessAnswersPrintsMarkdownWithProfileAndCaveat() throws {
  var lines =
    ["[today]"] + (1...12).map { "Q\($0) = 1" } + ["[target]"] + (1...12).map { "Q\($0) = 4" }
  lines.append("")
  let file = write(lines.joined(separator: "\n"), name: "jump.toml")
  let r = try LearnerPowerBinary.run(["assess", "--answers", file, "--format", "md"])
  #expect(r.status == 0, "\(r.stderr)")
  #expect(r.stdout.contains("| Position | 0 (Directed) | 100 (Learner-led) | +100 |"))
  #expect(r.stdout.contains("| Control | 0 | 100 | +100 |"))
  #expect(r.stdout.contains("self-direction needs scaffolding"))
}

@Test func assessAnswersReportsBadAnswersByLineAndExitsOne() throws {
  let file = write("[today]\nQ1 = 2\nQ2 = 7\n[target]\nQ99 = 1\n", name: "bad.toml")
  let r = try LearnerPowerBinary.run(["assess", "--answers", file])
  #expect(r.status == 1)
  #expect(r.stdout.isEmpty)
  #expect(r.stderr.contains("\(file):3: today.Q2: expected an answer number from 1 to 4"))
  #expect(r.stderr.contains("\(file):5: target.Q99: unknown question \"Q99\""))
}

@Test func assessAnswersWithNothingAnsweredSaysSoInsteadOfDividingByZero() throws {
  let file = write("[today]\nQ1 = \"not sure\"\n[target]\nQ1 = 2\n", name: "none.toml")
  let r = try LearnerPowerBinary.run(["assess", "--answers", file])
  #expect(r.status == 1)
  #expect(r.stderr.contains("no question is answered for today"))
}

@Test func assessCheckAcceptsTheBuiltInAndListsProblemsInAnotherFile() throws {
  let good = LearnerPowerBinary.packageRoot
    .appendingPathComponent("Sources/LearnerPowerModel/Data/questions.toml").path
  let ok = try LearnerPowerBinary.run(["assess", "check", good])
  #expect(ok.status == 0, "\(ok.stderr)")
  #expect(ok.stdout.contains("12 questions"))

  let bad = write(
    "name = \"x\"\nversion = \"1\"\n[[questions]]\nid = \"A\"\ntext = \"?\"\ndimension = \"vibes\"\n"
      + "answers = [\"a\", \"b\", \"c\", \"d\"]\n", name: "q.toml")
  let r = try LearnerPowerBinary.run(["assess", "check", bad])
  #expect(r.status == 1)
  #expect(r.stderr.contains("\(bad):6: questions[0].dimension: unknown dimension \"vibes\""))
}

@Test func assessUsesTheQuestionsGivenWithQuestions() throws {
  let questions = write(
    "name = \"Two\"\nversion = \"2\"\n"
      + "[[questions]]\nid = \"X\"\ntext = \"One?\"\ndimension = \"culture\"\nanswers = [\"a\", \"b\", \"c\", \"d\"]\n"
      + "[[questions]]\nid = \"Y\"\ntext = \"Two?\"\ndimension = \"roles\"\nanswers = [\"a\", \"b\", \"c\", \"d\"]\n",
    name: "two.toml")
  let answers = write("[today]\nX = 1\nY = 3\n[target]\nX = 4\nY = 4\n", name: "xy.toml")
  let r = try LearnerPowerBinary.run(
    ["assess", "--questions", questions, "--answers", answers, "--format", "json"])
  #expect(r.status == 0, "\(r.stderr)")
  #expect(r.stdout.contains("\"name\" : \"Two\""))
  #expect(r.stdout.contains("\"position\" : 34"))  // (0 + 67) / 2 = 33.5, rounded half up
  let wrong = try LearnerPowerBinary.run([
    "assess", "--questions", questions, "--answers", write(filled, name: "f.toml"),
  ])
  #expect(wrong.status == 1)
  #expect(wrong.stderr.contains("unknown question \"Q1\""))
}

/// The questionnaire in a real terminal: all 12 answered, then `m` moves the explorer's markers.
@Suite(.serialized) struct AssessmentTmuxTests {
  typealias LP = LearnerPowerBinary

  @Test(.enabled(if: tmuxAvailable)) func answeringAllTwelveInTheExplorerPlacesTheMarkers() throws {
    let home = LP.tempHome()
    let env = LP.terminalEnvironment(home: home)
    let s = try TmuxSession(
      command: [LP.path, "--current", "50", "--target", "50"], width: 80, height: 24, env: env)
    s.waitFor(text: "Current 50")
    try s.send("a")
    s.waitFor(text: "Question 1 of 12")
    // Today: answer 1 (0) for Q1–Q6, answer 3 (67) for Q7–Q12 → mean 33.5 → 34.
    // Target: answer 4 (100) everywhere except "not sure" on Q12 → 100.
    try answerAll(s, today: { $0 <= 6 ? "1" : "3" }, target: { $0 == 12 ? "0" : "4" })
    // Wait for the whole result, not just its title: a capture can land mid-frame.
    let result = s.waitFor("the whole result") {
      $0.contains("Today   34 Guided") && $0.contains("Target  100 Learner-led")
        && $0.contains("scaffolding")
    }
    #expect(result.contains("Self-assessment result"))
    let (explorer, state) = try takeResultAndQuit(
      s, home: home, expecting: "current 34, target 100")
    #expect(explorer.contains("Learner Power explorer"))
    #expect(state.contains("current = 34"))
    #expect(state.contains("target = 100"))
  }

  /// Answers every question of the built-in twelve: `today(i)` then `target(i)` for question i,
  /// waiting for each screen so no key lands on the wrong question.
  func answerAll(_ s: TmuxSession, today: (Int) -> String, target: (Int) -> String) throws {
    for i in 1...12 {
      s.waitFor(text: "Question \(i) of 12")
      try s.send(today(i))
      s.waitFor(text: "[Where we want to be]")
      try s.send(target(i))
    }
  }

  /// `m` on the result, then quit: the explorer's screen after `m` and the state file written.
  func takeResultAndQuit(_ s: TmuxSession, home: String, expecting markers: String) throws
    -> (screen: String, state: String)
  {
    try s.send("m")
    let screen = s.waitFor(text: "From the self-assessment: \(markers)")
    try s.send("q")
    s.waitFor(text: "EXIT=0")
    let state = try String(
      contentsOfFile: home + "/state/learnerpower/state.toml", encoding: .utf8)
    return (screen, state)
  }

  @Test(.enabled(if: tmuxAvailable)) func withSeveralAreasTheResultNamesTheAreaMSets() throws {
    let home = LP.tempHome()
    let env = LP.terminalEnvironment(home: home)
    let s = try TmuxSession(
      command: [LP.path, "--current", "50", "--target", "50"], width: 80, height: 24, env: env)
    s.waitFor(text: "Current 50")
    try s.send("N")
    s.waitFor(text: "New learning area")
    try s.sendLiteral("Compliance")
    try s.send("Enter")
    s.waitFor(text: "Added Compliance")
    try s.send("a")
    s.waitFor(text: "Question 1 of 12")
    try answerAll(s, today: { _ in "2" }, target: { _ in "3" })
    let result = s.waitFor(text: "m put into Compliance's markers")
    #expect(result.contains("press m to put them into Compliance's markers"))
    let (explorer, state) = try takeResultAndQuit(s, home: home, expecting: "current 33, target 67")
    #expect(explorer.contains("Compliance"))
    #expect(state.contains("name = \"Compliance\"\ncurrent = 33\ntarget = 67"))
    #expect(state.contains("name = \"Whole organisation\"\ncurrent = 50\ntarget = 50"))
  }

  @Test(.enabled(if: tmuxAvailable)) func standaloneAssessSavesTheMarkersForTheNextRun() throws {
    let home = LP.tempHome()
    let env = LP.terminalEnvironment(home: home)
    let s = try TmuxSession(command: [LP.path, "assess"], width: 60, height: 20, env: env)
    s.waitFor(text: "Question 1 of 12")
    for _ in 1...12 { try s.send("2", "3") }
    s.waitFor(text: "Self-assessment result")
    try s.send("m")
    s.waitFor(text: "Markers saved: current 33, target 67")
    s.waitFor(text: "EXIT=0")
    let (before, after) = s.sttyBeforeAndAfter()
    #expect(before == after)
    let state = try String(contentsOfFile: home + "/state/learnerpower/state.toml", encoding: .utf8)
    #expect(state.contains("current = 33"))
    #expect(state.contains("target = 67"))
  }

  @Test(.enabled(if: tmuxAvailable)) func backFromAnEarlyResultReturnsToTheQuestionLeft() throws {
    let home = LP.tempHome()
    let env = LP.terminalEnvironment(home: home)
    let s = try TmuxSession(
      command: [LP.path, "--current", "50", "--target", "50"], width: 80, height: 24, env: env)
    s.waitFor(text: "Current 50")
    try s.send("a")
    s.waitFor(text: "Question 1 of 12")
    try s.send("Right", "Right")
    s.waitFor(text: "Question 3 of 12")
    try s.send("3")
    s.waitFor(text: "[Where we want to be]")
    try s.send("r")
    s.waitFor(text: "Self-assessment result")
    try s.send("b")
    // Back on Q3's target: the next digit answers Q3 and moves on to Q4, not Q12's target.
    let back = s.waitFor(text: "Question 3 of 12")
    #expect(back.contains("[Where we want to be]"))
    try s.send("4")
    s.waitFor(text: "Question 4 of 12")
    try s.send("q")
    s.waitFor(text: "Learner Power explorer")
    try s.send("q")
    s.waitFor(text: "EXIT=0")
  }

  @Test func assessWithoutATerminalExitsTwo() throws {
    let r = try LP.run(["assess"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("--answers"))
  }
}
