/// The folders the app reads and writes, resolved from the XDG variables.
///
/// Tests always pass their own environment so nothing touches the real home folder.
///
/// ```swift
/// let paths = AppPaths(environment: ["XDG_DATA_HOME": "/tmp/x", "HOME": "/home/ana"])
/// paths.snapshots   // "/tmp/x/learnerpower/snapshots"
/// ```
public struct AppPaths: Sendable, Hashable {
  public var config: String
  public var data: String
  public var state: String
  /// Overrides from `--snapshots-dir`, `--sessions-dir`, `--themes-dir`.
  public var snapshotsOverride: String?
  public var sessionsOverride: String?
  public var themesOverride: String?

  public init(environment env: [String: String]) {
    let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    func xdg(_ name: String, _ fallback: String) -> String {
      // The XDG spec says relative values are invalid and must be ignored.
      if let v = env[name], v.hasPrefix("/") { return v }
      return home + "/" + fallback
    }
    config = xdg("XDG_CONFIG_HOME", ".config") + "/learnerpower"
    data = xdg("XDG_DATA_HOME", ".local/share") + "/learnerpower"
    state = xdg("XDG_STATE_HOME", ".local/state") + "/learnerpower"
  }

  public var configFile: String { config + "/config.toml" }
  public var stateFile: String { state + "/state.toml" }
  public var userThemes: String { themesOverride ?? config + "/themes" }
  public var snapshots: String { snapshotsOverride ?? data + "/snapshots" }
  public var sessions: String { sessionsOverride ?? data + "/sessions" }
}
