import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `learnerpower` binary with an environment the test controls.
///
/// `make test` sets LEARNERPOWER_BIN; otherwise the debug build next to this package is used.
enum LearnerPowerBinary {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var path: String {
    if let p = ProcessInfo.processInfo.environment["LEARNERPOWER_BIN"], !p.isEmpty { return p }
    return packageRoot.appendingPathComponent(".build/debug/learnerpower").path
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// A fresh, private set of folders and a minimal environment (no TERM unless given).
  static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
    var env = [
      "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
      "XDG_STATE_HOME": home + "/state", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
    ]
    for (k, v) in extra { env[k] = v }
    return env
  }

  /// ``environment(home:extra:)`` for a test on a screen: a colour terminal, and no backtrace
  /// noise if the program is made to crash.
  static func terminalEnvironment(home: String, extra: [String: String] = [:]) -> [String: String] {
    environment(
      home: home,
      extra: ["TERM": "xterm-256color", "SWIFT_BACKTRACE": "enable=no"].merging(extra) { $1 })
  }

  static func tempHome() -> String {
    let d = NSTemporaryDirectory() + "lp-e2e-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
  }

  /// Runs the binary to completion (stdin is /dev/null unless `input` is given).
  static func run(
    _ args: [String], env: [String: String]? = nil, input: String? = nil, cwd: String? = nil
  ) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    p.environment = env ?? environment(home: tempHome())
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    if let input {
      let inPipe = Pipe()
      p.standardInput = inPipe
      try p.run()
      inPipe.fileHandleForWriting.write(Data(input.utf8))
      try inPipe.fileHandleForWriting.close()
    } else {
      p.standardInput = FileHandle.nullDevice
      try p.run()
    }
    // Read before waiting so a large output cannot block the child.
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }
}

/// A private tmux server running one command, for end-to-end tests of the interactive screen.
/// Waits are for screen content with a time limit, never fixed sleeps.
final class TmuxSession {
  let socket: String
  let home: String

  init(command: [String], width: Int = 100, height: Int = 30, env: [String: String]) throws {
    socket = "lp-test-\(UUID().uuidString.prefix(8))"
    home = env["HOME"] ?? "/tmp"
    let envArgs = env.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
    // `stty -g` before and after tells whether the terminal was restored; the marker line
    // says the program has exited and with which status.
    let script =
      "stty -g > \(Self.quote(home))/stty-before; env -i \(envArgs) \(command.map(Self.quote).joined(separator: " ")); "
      + "echo \"EXIT=$?\"; stty -g > \(Self.quote(home))/stty-after; sleep 600"
    try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
  }

  deinit { _ = try? tmux(["kill-server"]) }

  static func quote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Runs tmux through `sh` with posix_spawn and waitpid. Foundation's `Process` was seen never to
  /// reap the tmux client here, and a pipe would wait for the server, which inherits the
  /// client's descriptors: output goes through a file instead.
  @discardableResult
  func tmux(_ args: [String]) throws -> String {
    let outFile = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString).out"
    defer { try? FileManager.default.removeItem(atPath: outFile) }
    let term =
      ProcessInfo.processInfo.environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "xterm-256color"
    let line =
      "unset TMUX; TERM=\(Self.quote(term)) tmux -L \(socket) -f /dev/null "
      + args.map(Self.quote).joined(separator: " ")
      + " </dev/null >\(Self.quote(outFile)) 2>/dev/null"
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(line), nil]
    defer { for p in argv { free(p) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return "" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
  }

  func screen() -> String { (try? tmux(["capture-pane", "-p"])) ?? "" }

  func send(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

  /// Sends bytes literally (for mouse reports and bursts).
  func sendLiteral(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
  }

  /// The pid of the program inside the pane (the child of the shell).
  func programPID() -> Int32? {
    guard
      let shell = Int32(
        (try? tmux(["list-panes", "-F", "#{pane_pid}"]))?.trimmingCharacters(
          in: .whitespacesAndNewlines) ?? "")
    else { return nil }
    guard
      let children = try? String(
        contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    else { return nil }
    return children.split(separator: " ").compactMap { Int32($0) }.first
  }

  /// Waits until `predicate` holds for the screen, up to `timeout` seconds, and returns the
  /// screen once it has settled: a capture can land in the middle of a frame, so the match is
  /// re-read until two captures in a row agree (callers then check the rest of that screen).
  @discardableResult
  func waitFor(_ what: String, timeout: Double = 30, _ predicate: (String) -> Bool) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = screen()
      if predicate(last) {
        let settle = Date().addingTimeInterval(2)
        while Date() < settle {
          usleep(30_000)
          let again = screen()
          if again == last { return last }
          last = again
        }
        return last
      }
      usleep(20_000)
    }
    Issue.record("timed out waiting for \(what); screen was:\n\(last)")
    return last
  }

  @discardableResult
  func waitFor(text: String, timeout: Double = 30) -> String {
    waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
  }

  /// The terminal settings before the program started and after it exited.
  func sttyBeforeAndAfter(timeout: Double = 10) -> (String, String) {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let a = try? String(contentsOfFile: home + "/stty-after", encoding: .utf8), !a.isEmpty {
        let b = (try? String(contentsOfFile: home + "/stty-before", encoding: .utf8)) ?? ""
        return (b, a)
      }
      usleep(20_000)
    }
    return ("", "")
  }
}

extension TmuxSession {
  /// Runs `arguments` of the real binary in an interactive bash (job control, as a user's
  /// terminal has), suspends it with Ctrl-Z, resumes it with `fg`, lets `afterResume` drive it
  /// until `exited` holds for the screen, and checks `stty -g` before, while stopped, and after
  /// are identical.
  static func checkSuspendAndResume(
    _ arguments: [String], env: [String: String], ready: String,
    afterResume: (TmuxSession) throws -> Void, exited: @escaping (String) -> Bool
  ) throws {
    let home = env["HOME"] ?? LearnerPowerBinary.tempHome()
    let envArgs = env.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
    let command = ([LearnerPowerBinary.path] + arguments).map(quote).joined(separator: " ")
    let s = try TmuxSession(
      command: ["bash", "--norc", "--noprofile", "-i"],
      env: ["HOME": home, "PATH": "/usr/bin:/bin", "TERM": "xterm-256color"])
    s.waitFor("a shell prompt", timeout: 10) {
      !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
    try s.sendLiteral("stty -g > \(home)/s1; env -i \(envArgs) \(command)\r")
    s.waitFor(text: ready)
    try s.send("C-z")
    s.waitFor(text: "Stopped")
    try s.sendLiteral("stty -g > \(home)/s2; fg\r")
    s.waitFor(text: ready)
    try afterResume(s)
    // Only type the next command once the app has exited, or it would read it as keys.
    s.waitFor("the program to exit", exited)
    try s.sendLiteral("stty -g > \(home)/s3\r")
    s.waitFor("the third stty file") { _ in FileManager.default.fileExists(atPath: home + "/s3") }
    s.waitFor("the third stty file to be written") { _ in
      ((try? String(contentsOfFile: home + "/s3", encoding: .utf8)) ?? "").hasSuffix("\n")
    }
    let s1 = try String(contentsOfFile: home + "/s1", encoding: .utf8)
    let s2 = try String(contentsOfFile: home + "/s2", encoding: .utf8)
    let s3 = try String(contentsOfFile: home + "/s3", encoding: .utf8)
    #expect(s1 == s2)
    #expect(s1 == s3)
  }
}

/// Whether the screen tests can run here (they drive the binary in a private tmux server).
let tmuxAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
