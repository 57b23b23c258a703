import Foundation
import Testing

/// `TERM=dumb` cannot move the cursor: every interactive command refuses it as it refuses an
/// unknown TERM (message, exit 1) instead of drawing a garbled screen, and leaves the terminal's
/// settings as they were.
struct DumbTerminalTests {
  typealias LP = LearnerPowerBinary

  static let intro = LP.packageRoot.appendingPathComponent("examples/intro-20min.toml").path

  @Test(.enabled(if: tmuxAvailable), arguments: [[String](), ["workshop", intro], ["assess"]])
  func aDumbTerminalIsRefusedCleanly(_ args: [String]) throws {
    let home = LP.tempHome()
    let s = try TmuxSession(
      command: [LP.path] + args,
      env: LP.terminalEnvironment(home: home, extra: ["TERM": "dumb"]))
    let screen = s.waitFor(text: "EXIT=")
    #expect(screen.contains("terminal type 'dumb' cannot move the cursor"), "\(screen)")
    #expect(screen.contains("EXIT=1"))
    // Only the message and the marker: nothing of the app's screen was drawn.
    let lines = screen.split(separator: "\n").filter {
      !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
    #expect(lines.count <= 3, "\(screen)")
    let (before, after) = s.sttyBeforeAndAfter()
    #expect(!before.isEmpty)
    #expect(before == after)
    // A workshop refused at the door leaves no session behind.
    let sessions =
      (try? FileManager.default.contentsOfDirectory(atPath: home + "/data/learnerpower/sessions"))
      ?? []
    #expect(sessions.isEmpty, "\(sessions)")
  }
}
