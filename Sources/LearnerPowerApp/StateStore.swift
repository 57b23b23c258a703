#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

/// What the explorer remembers between runs (`state.toml`), and the remembered theme
/// (`config.toml`). Both are small TOML files written atomically.
public struct RememberedState: Sendable, Hashable {
  public var current: Position?
  public var target: Position?
  public var active: Marker?
  public var selection: Int?
  public var theme: String?
  /// The learning areas, in order (absent in state files written before areas existed).
  public var areas: [LearningArea]?
  /// Index of the active area in `areas`.
  public var activeArea: Int?

  public init(
    current: Position? = nil, target: Position? = nil, active: Marker? = nil, selection: Int? = nil,
    theme: String? = nil, areas: [LearningArea]? = nil, activeArea: Int? = nil
  ) {
    self.areas = areas
    self.activeArea = activeArea
    self.current = current
    self.target = target
    self.active = active
    self.selection = selection
    self.theme = theme
  }
}

/// Reads and writes the state and config files. A missing or damaged file never stops the app:
/// reading returns what could be read plus a warning for the status line.
public struct StateStore: Sendable {
  public var paths: AppPaths
  public var files: AtomicFile

  public init(paths: AppPaths, files: AtomicFile = AtomicFile()) {
    self.paths = paths
    self.files = files
  }

  /// The remembered state, and a warning when a file exists but could not be used.
  public func load() -> (RememberedState, warning: String?) {
    var out = RememberedState()
    var warnings: [String] = []
    if let doc = read(paths.stateFile, &warnings) {
      out.current = doc.root["current"]?.intValue.flatMap(Position.init(exactly:))
      out.target = doc.root["target"]?.intValue.flatMap(Position.init(exactly:))
      out.active = doc.root["active"]?.stringValue.flatMap(Marker.init(rawValue:))
      out.selection = doc.root["selection"]?.intValue.map { max(0, $0) }
      out.activeArea = doc.root["area"]?.intValue
      if let list = doc.root["areas"]?.arrayValue {
        let areas = Self.areas(from: list, file: paths.stateFile, &warnings)
        if !areas.isEmpty { out.areas = areas }
      }
    }
    if let doc = read(paths.configFile, &warnings) {
      out.theme = doc.root["theme"]?.stringValue.map(TextSanitizer.cleanLine)
    }
    return (out, warnings.isEmpty ? nil : warnings.joined(separator: "; "))
  }

  /// Reads `[[areas]]` tables, skipping (with one warning each) any without a name or with a
  /// marker outside 0…100, and later areas whose name repeats an earlier one.
  static func areas(from list: [TOMLNode], file: String, _ warnings: inout [String])
    -> [LearningArea]
  {
    var out: [LearningArea] = []
    for (i, node) in list.enumerated() {
      let name = node["name"]?.stringValue.map(LearningArea.cleanName) ?? ""
      guard !name.isEmpty,
        let current = node["current"]?.intValue.flatMap(Position.init(exactly:)),
        let target = node["target"]?.intValue.flatMap(Position.init(exactly:))
      else {
        warnings.append("Warning: ignored areas[\(i)] in \(file) (needs a name and markers 0-100)")
        continue
      }
      guard !out.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
        warnings.append("Warning: ignored areas[\(i)] in \(file) (\(name) is listed twice)")
        continue
      }
      out.append(
        LearningArea(
          name: name, current: current, target: target, pinned: node["pinned"]?.boolValue ?? false))
    }
    return out
  }

  private func read(_ path: String, _ warnings: inout [String]) -> TOMLDocument? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    switch readText(path, limit: 1 << 20) {
    case .failure(let d):
      warnings.append("Warning: ignored \(d)")
      return nil
    case .success(let text):
      switch TOMLDocument.parse(text, file: path) {
      case .success(let doc): return doc
      case .failure(let d):
        warnings.append("Warning: ignored \(d)")
        return nil
      }
    }
  }

  /// Saves markers, selection and learning areas to `state.toml`. The top-level `current` and
  /// `target` are the active area's, so older versions still find their markers.
  public func saveState(_ s: AppState) throws(FileStoreError) {
    var text = """
      # learnerpower remembers where you left the explorer. Safe to delete.
      current = \(s.current.value)
      target = \(s.target.value)
      active = "\(s.active.rawValue)"
      selection = \(s.selection)
      area = \(s.activeArea)

      """
    for a in s.areas {
      text += """

        [[areas]]
        name = "\(tomlEscape(a.name))"
        current = \(a.current.value)
        target = \(a.target.value)
        pinned = \(a.pinned)

        """
    }
    try AtomicFile.makeFolder(paths.state)
    try files.write(Data(text.utf8), to: paths.stateFile, overwrite: true)
  }

  /// Remembers the chosen theme in `config.toml`, keeping any other lines the user wrote.
  public func saveTheme(_ name: String) throws(FileStoreError) {
    var lines: [String] = []
    if let text = try? String(contentsOfFile: paths.configFile, encoding: .utf8) {
      lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
    } else {
      lines = ["# learnerpower settings. The explorer updates `theme` when you switch themes."]
    }
    let entry = "theme = \"\(tomlEscape(name))\""
    if let i = lines.firstIndex(where: {
      $0.trimmingWhitespace().hasPrefix("theme") && $0.contains("=")
    }) {
      lines[i] = entry
    } else {
      // Top-level keys must come before the first table header.
      let firstTable = lines.firstIndex { $0.trimmingWhitespace().hasPrefix("[") } ?? lines.count
      lines.insert(entry, at: firstTable)
    }
    try AtomicFile.makeFolder(paths.config)
    try files.write(
      Data((lines.joined(separator: "\n") + "\n").utf8), to: paths.configFile, overwrite: true)
  }
}

/// Escapes a string for a TOML basic string.
func tomlEscape(_ s: String) -> String {
  var out = ""
  for ch in s.unicodeScalars {
    switch ch {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    default:
      if ch.value < 0x20 || ch.value == 0x7f {
        out += "\\u" + NumberText.hex(ch.value, digits: 4)
      } else {
        out.unicodeScalars.append(ch)
      }
    }
  }
  return out
}

extension AppState {
  /// Puts the remembered learning areas into a fresh state (no-op for state files written before
  /// areas existed, which keep the single default area).
  ///
  /// ```swift
  /// var state = AppState()
  /// state.restoreAreas(from: store.load().0)
  /// ```
  public mutating func restoreAreas(from remembered: RememberedState) {
    if let areas = remembered.areas { setAreas(areas, active: remembered.activeArea ?? 0) }
  }
}
