import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real binary in a private tmux server: keys, mouse, resize, signals and crash restore.
@Suite(.serialized) struct ExplorerTmuxTests {
  typealias LP = LearnerPowerBinary

  func start(
    _ args: [String] = [], width: Int = 100, height: Int = 30, extraEnv: [String: String] = [:]
  ) throws -> TmuxSession {
    let home = LP.tempHome()
    let env = LP.terminalEnvironment(home: home, extra: extraEnv)
    let s = try TmuxSession(command: [LP.path] + args, width: width, height: height, env: env)
    s.waitFor(text: "Learner Power explorer")
    return s
  }

  @Test(.enabled(if: tmuxAvailable)) func arrowsMoveTheMarkerAndTheScreenFollows() throws {
    let s = try start(["--current", "38", "--target", "70"])
    s.waitFor(text: "Current 38 · Guided")
    try s.send("Right", "Right")
    s.waitFor(text: "Current 40 · Guided · organisation 60% / learner 40%")
    try s.send("3")
    let screen = s.waitFor(text: "Current 62 · Enabled")
    #expect(screen.contains("Sponsored community of practice"))
    #expect(screen.contains("Fits the current marker (Enabled)"))
  }

  @Test(.enabled(if: tmuxAvailable)) func homeAndEndReachTheEndsWhateverSequenceTmuxSends() throws {
    let s = try start(["--current", "38", "--target", "70"])
    try s.send("End")
    s.waitFor(text: "Current 100 · Learner-led")
    try s.send("Home")
    s.waitFor(text: "Current 0 · Directed")
  }

  @Test(.enabled(if: tmuxAvailable)) func afterHomeAStageKeyShowsTheBestFitsNotThePinnedRow() throws
  {
    let s = try start(["--current", "40", "--target", "60"])
    try s.send("Home")
    s.waitFor(text: "› D1 Mandatory")
    try s.send("2")
    // The list opens on G1, the best fit, rather than scrolled down to D1 (pinned, no fit).
    let guided = s.waitFor("Guided's best fit selected") {
      $0.contains("Current 37") && $0.contains("› G1 ")
    }
    #expect(!guided.contains("pinned ○○○○"))
    try s.send("3")
    let enabled = s.waitFor("Enabled's best fit selected") {
      $0.contains("Current 62") && $0.contains("› E1 ")
    }
    #expect(!enabled.contains("pinned ○○○○"))
  }

  @Test(.enabled(if: tmuxAvailable)) func tabSwitchesToTheTargetMarker() throws {
    let s = try start(["--current", "38", "--target", "70"])
    try s.send("Tab", "Left")
    s.waitFor(text: "Target 69 · Enabled")
    #expect(s.screen().contains("Current 38"))
  }

  @Test(.enabled(if: tmuxAvailable)) func aBurstOf50ArrowsLandsOnPlus50() throws {
    let s = try start(["--current", "10", "--target", "10"])
    // 50 right-arrow escape sequences written at once, as a held key or a paste would send them.
    try s.sendLiteral(String(repeating: "\u{1B}[C", count: 50))
    s.waitFor(text: "Current 60 · Enabled")
  }

  @Test(.enabled(if: tmuxAvailable)) func aClickOnTheTrackMovesTheActiveMarker() throws {
    let s = try start(["--current", "40", "--target", "60"])
    // The track starts at column 2 of a 100-column screen (row 4, 1-based); the last track
    // column (97, 1-based 98) is position 100. SGR mouse press and release at the far right.
    try s.sendLiteral("\u{1B}[<0;98;4M\u{1B}[<0;98;4m")
    s.waitFor(text: "Current 100 · Learner-led")
  }

  @Test(.enabled(if: tmuxAvailable)) func resizingBelowTheMinimumShowsTheMessageAndRecovers() throws
  {
    let s = try start()
    try s.resize(width: 50, height: 15)
    s.waitFor(text: "60×20")
    try s.resize(width: 100, height: 30)
    s.waitFor(text: "Learner Power explorer")
  }

  @Test(.enabled(if: tmuxAvailable)) func quitSavesTheMarkersForNextTime() throws {
    let s = try start(["--current", "20", "--target", "30"])
    try s.send("Right", "q")
    s.waitFor(text: "EXIT=0")
    let state = try String(
      contentsOfFile: s.home + "/state/learnerpower/state.toml", encoding: .utf8)
    #expect(state.contains("current = 21"))
    #expect(state.contains("target = 30"))
    let (before, after) = s.sttyBeforeAndAfter()
    #expect(before == after)
  }

  @Test(.enabled(if: tmuxAvailable)) func sigtermRestoresTheTerminal() throws {
    let s = try start()
    let pid = try #require(s.programPID())
    kill(pid, SIGTERM)
    s.waitFor("exit marker") { $0.contains("EXIT=") }
    let (before, after) = s.sttyBeforeAndAfter()
    #expect(!before.isEmpty)
    #expect(before == after)
    #expect(!s.screen().contains("Learner Power explorer"))  // the alternate screen was left
  }

  @Test(.enabled(if: tmuxAvailable)) func aCrashRestoresTheTerminalAndPrintsOnTheNormalScreen()
    throws
  {
    // The hidden switch traps right after the first frame, as a real bug would; Swift's own
    // backtracer then reports on the normal screen (non-interactive, so it cannot wait for keys).
    let home = LP.tempHome()
    let env = LP.environment(
      home: home, extra: ["TERM": "xterm-256color", "SWIFT_BACKTRACE": "interactive=no"])
    let s = try TmuxSession(command: [LP.path, "--debug-crash"], env: env)
    let screen = s.waitFor("exit marker", timeout: 60) { $0.contains("EXIT=") }
    #expect(screen.contains("EXIT=132") || screen.contains("EXIT=133"))  // SIGILL or SIGTRAP
    #expect(!screen.contains("Learner Power explorer"))  // the alternate screen was left
    #expect(
      screen.contains("Crash") || screen.contains("crash") || screen.contains("Fatal")
        || screen.contains("Illegal"))
    let (before, after) = s.sttyBeforeAndAfter()
    #expect(!before.isEmpty)
    #expect(before == after)
  }

  @Test(.enabled(if: tmuxAvailable)) func ctrlZSuspendsCleanlyAndFgResumes() throws {
    let env = LP.environment(home: LP.tempHome(), extra: ["TERM": "xterm-256color"])
    try TmuxSession.checkSuspendAndResume(
      ["--current", "30"], env: env, ready: "Current 30",
      afterResume: { s in
        try s.send("Right")
        s.waitFor(text: "Current 31")
        try s.send("q")
      },
      exited: { !$0.contains("Current 31") })
  }

}
