import Canvas
import LearnerPowerModel

/// One row of the key map: the keys, what they do, and how the hint line and `?` describe them.
public struct KeyBinding: Sendable, Hashable {
  public var keys: [Key]
  public var action: AppAction
  /// How the keys are written on screen ("←/→", "Tab").
  public var keyLabel: String
  /// ASCII spelling of `keyLabel` for terminals without UTF-8.
  public var asciiKeyLabel: String
  /// What it does, in a few words ("move marker").
  public var summary: String
  /// Place on the one-line hint bar (lower comes first, so the essentials survive a narrow
  /// terminal), or nil for keys listed only in `?`.
  public var hintPriority: Int?
  public var onHintLine: Bool { hintPriority != nil }
  /// Several bindings can share one help row (e.g. ← and → with "±1"); only the first shows.
  public var helpGroup: String?

  public init(
    _ keys: [Key], _ action: AppAction, _ keyLabel: String, ascii: String? = nil, _ summary: String,
    hint: Int? = nil, group: String? = nil
  ) {
    self.keys = keys
    self.action = action
    self.keyLabel = keyLabel
    self.asciiKeyLabel = ascii ?? keyLabel
    self.summary = summary
    self.hintPriority = hint
    self.helpGroup = group
  }
}

/// The one table that drives key dispatch, the hint line and the `?` overlay.
///
/// ```swift
/// KeyMap.explorer.action(for: .right)   // .nudged(by: 1)
/// ```
public struct KeyMap: Sendable {
  public var bindings: [KeyBinding]
  private var index: [Key: AppAction]

  public init(_ bindings: [KeyBinding]) {
    self.bindings = bindings
    var index: [Key: AppAction] = [:]
    for b in bindings {
      for k in b.keys where index[k] == nil { index[k] = b.action }
    }
    self.index = index
  }

  /// The action a key triggers, or nil for keys the explorer ignores.
  public func action(for key: Key) -> AppAction? { index[key] }

  /// (key label, summary) pairs for the hint line, in table order.
  public func hints(ascii: Bool) -> [(key: String, label: String)] {
    var seen = Set<String>()
    let ranked = bindings.filter(\.onHintLine).sorted {
      ($0.hintPriority ?? 0) < ($1.hintPriority ?? 0)
    }
    return ranked.compactMap { b in
      let group = b.helpGroup ?? b.keyLabel
      guard seen.insert(group).inserted else { return nil }
      return (ascii ? b.asciiKeyLabel : b.keyLabel, b.summary)
    }
  }

  /// Every distinct row for the `?` overlay.
  public func helpRows(ascii: Bool) -> [(key: String, label: String)] {
    var seen = Set<String>()
    return bindings.compactMap { b in
      let group = b.helpGroup ?? b.keyLabel
      guard seen.insert(group).inserted else { return nil }
      return (ascii ? b.asciiKeyLabel : b.keyLabel, b.summary)
    }
  }

  /// The explorer's keys, as DESIGN.md lists them.
  public static let explorer = KeyMap([
    KeyBinding(
      [.left, .char("h")], .nudged(by: -1), "←/→", ascii: "<-/->", "move 1", hint: 1, group: "move1"
    ),
    KeyBinding(
      [.right, .char("l")], .nudged(by: 1), "←/→", ascii: "<-/->", "move 1", group: "move1"),
    KeyBinding(
      [.shiftLeft, .char("H")], .nudged(by: -5), "⇧←/→ H/L", ascii: "H/L", "move 5", group: "move5"),
    KeyBinding(
      [.shiftRight, .char("L")], .nudged(by: 5), "⇧←/→ H/L", ascii: "H/L", "move 5", group: "move5"),
    KeyBinding([.pageDown], .nudged(by: -10), "PgDn/PgUp", "move 10", group: "move10"),
    KeyBinding([.pageUp], .nudged(by: 10), "PgDn/PgUp", "move 10", group: "move10"),
    KeyBinding(
      [.home], .placedMarker(at: Position(clamping: 0)), "Home/End", "to either end", group: "ends"),
    KeyBinding(
      [.end], .placedMarker(at: Position(clamping: 100)), "Home/End", "to either end", group: "ends"
    ),
    KeyBinding([.char("1")], .jumpedToStage(.directed), "1-4", "stages", hint: 8, group: "stages"),
    KeyBinding([.char("2")], .jumpedToStage(.guided), "1-4", "stages", group: "stages"),
    KeyBinding([.char("3")], .jumpedToStage(.enabled), "1-4", "stages", group: "stages"),
    KeyBinding([.char("4")], .jumpedToStage(.learnerLed), "1-4", "stages", group: "stages"),
    KeyBinding([.tab, .backTab], .switchedMarker, "Tab", "current/target", hint: 4),
    KeyBinding(
      [.up, .char("k")], .movedSelection(by: -1), "↑/↓", ascii: "Up/Dn", "select", hint: 5,
      group: "select"),
    KeyBinding(
      [.down, .char("j")], .movedSelection(by: 1), "↑/↓", ascii: "Up/Dn", "select", group: "select"),
    KeyBinding([.enter], .openedDetail, "Enter", "details", hint: 6),
    KeyBinding([.escape], .closedOverlay, "Esc", "close"),
    KeyBinding([.char("s")], .requestedSnapshotSave, "s", "save", hint: 7),
    KeyBinding([.char("o")], .requestedSnapshotOpen, "o", "open snapshot"),
    KeyBinding([.char("t")], .requestedNextTheme, "t", "theme", hint: 9),
    KeyBinding([.char("T")], .requestedThemePicker, "T", "theme picker"),
    KeyBinding([.char("a")], .requestedAssessment, "a", "self-assessment"),
    KeyBinding([.char("A")], .area(.switched(by: 1)), "A", "next learning area"),
    KeyBinding([.char("v")], .area(.toggledAllAreas), "v", "all areas on one continuum"),
    KeyBinding(
      [.char("N")], .area(.requestedAdd), "N/R/D/P", "area: new/rename/remove/pin", group: "areas"),
    KeyBinding(
      [.char("R")], .area(.requestedRename), "N/R/D/P", "area: new/rename/remove/pin",
      group: "areas"),
    KeyBinding(
      [.char("D")], .area(.requestedRemove), "N/R/D/P", "area: new/rename/remove/pin",
      group: "areas"),
    KeyBinding(
      [.char("P")], .area(.toggledPin), "N/R/D/P", "area: new/rename/remove/pin", group: "areas"),
    KeyBinding([.char("?")], .toggledHelp, "?", "help", hint: 2),
    KeyBinding([.ctrl("z")], .requestedSuspend, "Ctrl-Z", "suspend"),
    KeyBinding([.char("q"), .ctrl("c")], .requestedQuit, "q", "quit", hint: 3),
  ])
}
