import Foundation
import Testing

/// Learning areas in the real binary: add, pin, move, quit, and find them again next time.
@Suite(.serialized) struct AreasTmuxTests {
  typealias LP = LearnerPowerBinary

  @Test(.enabled(if: tmuxAvailable)) func areasAreAddedPinnedAndKeptAcrossRuns() throws {
    let home = LP.tempHome()
    let env = LP.terminalEnvironment(home: home)
    do {
      let s = try TmuxSession(command: [LP.path, "--current", "38", "--target", "70"], env: env)
      s.waitFor(text: "Learner Power explorer · Whole organisation")
      try s.send("N")
      s.waitFor(text: "New learning area")
      try s.sendLiteral("Compliance")
      try s.send("Enter")
      s.waitFor(text: "Added Compliance")
      try s.send("P")
      s.waitFor(text: "Compliance (pinned)")
      // The new area starts at the active area's markers; move it on its own.
      try s.send("1")
      s.waitFor(text: "Current 12 · Directed")
      try s.send("D")
      s.waitFor(text: "unpin it (P) before removing it")
      try s.send("q")
      s.waitFor(text: "EXIT=0")
    }
    let state = try String(contentsOfFile: home + "/state/learnerpower/state.toml", encoding: .utf8)
    #expect(
      state.contains("[[areas]]\nname = \"Compliance\"\ncurrent = 12\ntarget = 70\npinned = true"))
    #expect(
      state.contains("name = \"Whole organisation\"\ncurrent = 38\ntarget = 70\npinned = false"))
    #expect(state.contains("area = 1"))

    let s = try TmuxSession(command: [LP.path], env: env)
    s.waitFor(text: "Compliance (pinned)")
    #expect(s.screen().contains("Current 12"))
    try s.send("v")
    let all = s.waitFor(text: "Learning areas (2)")
    #expect(all.contains("Whole organisation"))
    #expect(all.contains("pin"))
    try s.send("A")
    s.waitFor(text: "Area 1 of 2: Whole organisation")
    #expect(s.screen().contains("Current 38"))
    try s.send("D")
    s.waitFor(text: "Remove Whole organisation and its markers?")
    try s.send("y")
    s.waitFor(text: "Learning areas (1)")
    try s.send("q")
    s.waitFor(text: "EXIT=0")
    let after = try String(contentsOfFile: home + "/state/learnerpower/state.toml", encoding: .utf8)
    #expect(!after.contains("Whole organisation"))
    #expect(after.contains("name = \"Compliance\""))
  }
}
