import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `workshop notes`, the facilitator's second terminal, notices when the session's screen closes.
@Suite(.serialized) struct WorkshopNotesTests {
  typealias LP = LearnerPowerBinary

  static let intro = LP.packageRoot.appendingPathComponent("examples/intro-20min.toml").path

  func start(_ args: [String], home: String) throws -> TmuxSession {
    try TmuxSession(
      command: [LP.path] + args, width: 100, height: 30, env: LP.terminalEnvironment(home: home))
  }

  /// The notes view in its own tmux server, reading `home`'s sessions but with a HOME of its
  /// own, so its `stty` files are not the session's.
  func startNotes(home: String) throws -> TmuxSession {
    var env = LP.terminalEnvironment(home: home)
    env["HOME"] = LP.tempHome()
    return try TmuxSession(
      command: [LP.path, "workshop", "notes"], width: 100, height: 30, env: env)
  }

  /// Starts the intro workshop in `home` and quits it at once, so its session has ended.
  func runAndQuitASession(home: String) throws {
    let session = try start(["workshop", Self.intro], home: home)
    session.waitFor(text: "Step 1 of 5")
    try session.send("q")
    session.waitFor(text: "EXIT=0")
  }

  /// The only journal in the home's sessions folder.
  func journal(home: String) throws -> String {
    let folder = home + "/data/learnerpower/sessions"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".jsonl")
    }
    #expect(names.count == 1)
    return folder + "/" + (try #require(names.first))
  }

  /// "m:ss" of the last `time` entry the journal has for `step`, as the notes view prints it.
  func lastTime(in journal: String, step: Int) throws -> String {
    let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
    var seconds = 0.0
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      if object?["type"] as? String == "time", object?["step"] as? Int == step {
        seconds = (object?["seconds"] as? NSNumber)?.doubleValue ?? seconds
      }
    }
    let whole = Int(seconds)
    return "\(whole / 60):" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)"
  }

  @Test(.enabled(if: tmuxAvailable))
  func theNotesViewSaysTheSessionEndedStopsTheClockAndClosesOnQ() throws {
    let home = LP.tempHome()
    let session = try start(["workshop", Self.intro], home: home)
    session.waitFor(text: "Step 1 of 5")
    try session.send("n")
    session.waitFor(text: "Step 2 of 5")

    let notes = try startNotes(home: home)
    let following = notes.waitFor(text: "step 2 of 5")
    #expect(following.contains("(q closes this view)"))
    #expect(!following.contains("SESSION ENDED"))
    let once = try LP.run(["workshop", "notes", "--once"], env: LP.terminalEnvironment(home: home))
    #expect(!once.stdout.contains("SESSION ENDED"), "\(once.stdout)")

    try session.send("q")
    session.waitFor(text: "EXIT=0")
    let ended = notes.waitFor(text: "SESSION ENDED")
    #expect(ended.contains("the clock has stopped"))
    #expect(ended.contains("Horses for courses"))  // the notes stay on screen
    // The time is the total the session wrote when it quit, with nothing added since.
    let total = try lastTime(in: try journal(home: home), step: 1)
    #expect(ended.contains("Time: \(total) / 3:00"), "\(ended)")

    try notes.send("q")
    notes.waitFor(text: "EXIT=0")
    let (before, after) = notes.sttyBeforeAndAfter()
    #expect(!before.isEmpty && before == after)
  }

  @Test(.enabled(if: tmuxAvailable))
  func sigintClosesTheNotesViewAndRestoresTheTerminal() throws {
    let home = LP.tempHome()
    let session = try start(["workshop", Self.intro], home: home)
    session.waitFor(text: "Step 1 of 5")
    let notes = try startNotes(home: home)
    notes.waitFor(text: "step 1 of 5")
    // What Ctrl-C does in a shell: SIGINT to the program (tmux would also interrupt the pane's
    // own shell, which runs the harness's exit marker).
    kill(try #require(notes.programPID()), SIGINT)
    notes.waitFor(text: "EXIT=0")
    let (before, after) = notes.sttyBeforeAndAfter()
    #expect(!before.isEmpty && before == after)
    try session.send("q")
    session.waitFor(text: "EXIT=0")
  }

  @Test(.enabled(if: tmuxAvailable))
  func ctrlZSuspendsTheNotesViewCleanlyAndFgResumesIt() throws {
    let home = LP.tempHome()
    try runAndQuitASession(home: home)
    var env = LP.terminalEnvironment(home: home)
    env["HOME"] = LP.tempHome()
    try TmuxSession.checkSuspendAndResume(
      ["workshop", "notes"], env: env, ready: "SESSION ENDED",
      afterResume: { s in
        s.waitFor(text: "(q closes this view)")
        try s.send("q")
      },
      exited: { screen in
        let lines = screen.split(separator: "\n").filter {
          !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        return lines.last?.hasPrefix("bash") == true && lines.count > 1
          && lines[lines.count - 2].contains("q closes this view")
      })
  }

  @Test(.enabled(if: tmuxAvailable))
  func withoutAKeyboardTheNotesOfAnEndedSessionPrintOnceAndExit() throws {
    let home = LP.tempHome()
    try runAndQuitASession(home: home)

    // Standard input is not a terminal, so nothing could close a following view: it used to
    // run for ever here.
    let env = LP.terminalEnvironment(home: home)
    let follow = try LP.run(["workshop", "notes"], env: env)
    #expect(follow.status == 0, "\(follow.stderr)")
    #expect(follow.stdout.contains("SESSION ENDED"))
    #expect(follow.stdout.contains("step 1 of 5"))
    #expect(!follow.stdout.contains("q closes"))
    let once = try LP.run(["workshop", "notes", "--once"], env: env)
    #expect(once.stdout.contains("SESSION ENDED"))
  }
}
