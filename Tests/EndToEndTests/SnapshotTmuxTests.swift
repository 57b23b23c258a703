import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A private tmux server for these tests. `new-session` runs with its output going to /dev/null:
/// the server it starts inherits the client's descriptors, so reading a pipe to end of file there
/// would wait for the server to exit.
final class SnapshotTmux {
  let socket = "lp-snap-\(UUID().uuidString.prefix(8))"

  init(command: [String], env: [String: String]) throws {
    let envArgs = env.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
    let script = "env -i \(envArgs) \(command.map(Self.quote).joined(separator: " ")); echo \"EXIT=$?\"; sleep 600"
    _ = try run(["new-session", "-d", "-x", "100", "-y", "30", "sh", "-c", script], capture: false)
  }

  deinit { _ = try? run(["kill-server"], capture: false) }

  static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  /// Runs tmux through `sh` with posix_spawn and waitpid. (Foundation's `Process` was seen never
  /// to reap the tmux client here, leaving the test waiting for ever.)
  func run(_ args: [String], capture: Bool = true) throws -> String {
    let outFile = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString).out"
    defer { try? FileManager.default.removeItem(atPath: outFile) }
    let term = ProcessInfo.processInfo.environment["TERM"].flatMap { $0.isEmpty ? nil : $0 } ?? "xterm-256color"
    let line =
      "unset TMUX; TERM=\(Self.quote(term)) tmux -L \(socket) -f /dev/null "
      + args.map(Self.quote).joined(separator: " ")
      + " </dev/null >\(capture ? Self.quote(outFile) : "/dev/null") 2>/dev/null"
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(line), nil]
    defer { for p in argv { free(p) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return "" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return capture ? ((try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "") : ""
  }

  func send(_ keys: String...) throws { _ = try run(["send-keys"] + keys, capture: false) }
  func sendLiteral(_ text: String) throws { _ = try run(["send-keys", "-l", text], capture: false) }
  func screen() -> String { (try? run(["capture-pane", "-p"])) ?? "" }

  @discardableResult
  func waitFor(text: String, timeout: Double = 10) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = screen()
      if last.contains(text) { return last }
      usleep(20_000)
    }
    Issue.record("timed out waiting for '\(text)'; screen was:\n\(last)")
    return last
  }
}

/// The save and open dialogs in the real binary, driven by keys in a private tmux server.
@Suite(.serialized) struct SnapshotTmuxTests {
  typealias LP = LearnerPowerBinary

  static var tmuxAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

  @Test(.enabled(if: tmuxAvailable)) func saveWithSThenRestoreWithO() throws {
    let home = LP.tempHome()
    let env = LP.environment(home: home, extra: ["TERM": "xterm-256color", "SWIFT_BACKTRACE": "enable=no"])
    let s = try SnapshotTmux(command: [LP.path, "--current", "38", "--target", "70"], env: env)
    s.waitFor(text: "Current 38 · Guided")
    try s.send("s")
    s.waitFor(text: "Save snapshot")
    try s.sendLiteral("Q3 réview")
    s.waitFor(text: "q3-review.json")
    try s.send("Tab")
    try s.sendLiteral("go slowly")
    try s.send("Enter")
    s.waitFor(text: "Saved snapshot:")
    let folder = home + "/data/learnerpower/snapshots"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    #expect(names.count == 1)
    let file = folder + "/" + (names.first ?? "")
    #expect(names.first?.hasSuffix("-q3-review.json") == true)
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    #expect(text.contains("\"title\" : \"Q3 réview\""))
    #expect(text.contains("\"note\" : \"go slowly\""))

    // Move the current marker away, then restore it from the list.
    try s.send("1")
    s.waitFor(text: "Current 12 · Directed")
    try s.send("o")
    s.waitFor(text: "Open snapshot (1 saved)")
    try s.send("Enter")
    s.waitFor(text: "Restored \"Q3 réview\"")
    s.waitFor(text: "Current 38 · Guided")
    try s.send("q")
    s.waitFor(text: "EXIT=0")
  }
}
