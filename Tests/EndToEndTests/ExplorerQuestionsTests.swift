import Foundation
import Testing

/// `learnerpower --questions FILE`: the explorer's `a` asks a consultancy's own questions.
@Suite(.serialized) struct ExplorerQuestionsTests {
  typealias LP = LearnerPowerBinary

  /// The shared two-question set in Tests/Fixtures.
  static let twoQuestions =
    (try? String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/two-questions.toml"),
      encoding: .utf8)) ?? ""

  @Test func aBadQuestionsFileIsReportedBeforeAnyScreenOpens() throws {
    let home = LP.tempHome()
    let file = home + "/ours.toml"
    try "name = 1\n".write(toFile: file, atomically: true, encoding: .utf8)
    let r = try LP.run(["--questions", file])
    #expect(r.status == 1)
    #expect(r.stderr.contains("\(file):1: name: expected a string"))
  }

  @Test(.enabled(if: tmuxAvailable)) func theExplorerAsksTheQuestionsGiven() throws {
    let home = LP.tempHome()
    let file = home + "/ours.toml"
    try Self.twoQuestions.write(toFile: file, atomically: true, encoding: .utf8)
    let env = LP.terminalEnvironment(home: home)
    let s = try TmuxSession(
      command: [LP.path, "--current", "50", "--target", "50", "--questions", file], width: 80,
      height: 24, env: env)
    s.waitFor(text: "Current 50")
    try s.send("a")
    let first = s.waitFor(text: "Question 1 of 2")
    #expect(first.contains("Who picks the topics people learn?"))
    // Today 2 (33) then target 4 (100), twice: the markers land on 33 and 100.
    for i in 1...2 {
      s.waitFor(text: "Question \(i) of 2")
      try s.send("2")
      s.waitFor(text: "[Where we want to be]")
      try s.send("4")
    }
    s.waitFor("the whole result") {
      $0.contains("Today   33 Guided") && $0.contains("Target  100 Learner-led")
    }
    try s.send("m")
    s.waitFor(text: "From the self-assessment: current 33, target 100")
    try s.send("q")
    s.waitFor(text: "EXIT=0")
  }
}
