import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `workshop run` in a terminal below 80×24: no journal until the session can really start.
@Suite(.serialized) struct WorkshopSmallTerminalTests {
  typealias LP = LearnerPowerBinary

  static let intro = LP.packageRoot.appendingPathComponent("examples/intro-20min.toml").path

  func start(home: String, width: Int, height: Int) throws -> TmuxSession {
    let env = LP.terminalEnvironment(home: home)
    return try TmuxSession(
      command: [LP.path, "workshop", Self.intro], width: width, height: height, env: env)
  }

  /// Journals in the home's sessions folder (none when the folder does not exist).
  func journals(home: String) -> [String] {
    let folder = home + "/data/learnerpower/sessions"
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasSuffix(".jsonl")
    }
  }

  @Test(.enabled(if: tmuxAvailable))
  func quittingWhileTheTerminalIsTooSmallLeavesNoJournal() throws {
    let home = LP.tempHome()
    let s = try start(home: home, width: 60, height: 20)
    let message = s.waitFor(text: "Terminal too small")
    #expect(message.contains("60×20"))
    #expect(message.contains("80×24"))
    #expect(journals(home: home).isEmpty)
    try s.send("q")
    let after = s.waitFor(text: "EXIT=0")
    #expect(after.contains("No session was started"))
    #expect(journals(home: home).isEmpty)
    let (before, restored) = s.sttyBeforeAndAfter()
    #expect(!before.isEmpty && before == restored)
  }

  @Test(.enabled(if: tmuxAvailable))
  func theSessionStartsOnceTheTerminalIsBigEnough() throws {
    let home = LP.tempHome()
    let s = try start(home: home, width: 70, height: 20)
    s.waitFor(text: "Terminal too small")
    #expect(journals(home: home).isEmpty)
    // Still too small in one direction: still waiting, still no journal.
    try s.resize(width: 100, height: 20)
    s.waitFor(text: "100×20")
    #expect(journals(home: home).isEmpty)
    try s.resize(width: 100, height: 30)
    s.waitFor(text: "Step 1 of 5")
    #expect(journals(home: home).count == 1)
    try s.send("n")
    s.waitFor(text: "Step 2 of 5")
    try s.send("q")
    let after = s.waitFor(text: "EXIT=0")
    #expect(after.contains("Session journal:"))
    #expect(journals(home: home).count == 1)
  }
}
