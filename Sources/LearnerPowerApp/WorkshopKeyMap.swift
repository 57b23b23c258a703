import Canvas
import LearnerPowerModel

/// What a workshop key does. The reducer carries these out; the key map says which key means which.
public enum WorkshopCommand: Hashable, Sendable {
  case next, previous, goTo
  /// Opens the vote field (a digit key also starts the text with that digit).
  case vote
  case reveal
  case selectVote(by: Int)
  case deleteVote
  case importCSV
  case note
  case export
  /// Moves the agreed position on the summary step.
  case adjust(by: Int)
  /// Chooses the learning area the summary step adjusts.
  case selectArea(by: Int)
  case switchAgreed
  case backToMedians
  case help
  /// Switches to the next theme (remembered, as in the explorer).
  case nextTheme
  case suspend
  case quit
  /// In an open field: Enter.
  case submitField
  /// In an open field: Esc or Ctrl-C.
  case closeField
  /// In an open field: Backspace.
  case erase
  /// In an open field: Ctrl-U empties it (as in the save dialog and a shell).
  case clearField
}

/// Where a workshop key works: on every step, on vote steps, on the summary step, or in a field.
public enum WorkshopKeyScope: Int, Hashable, Sendable, CaseIterable {
  case anyStep, voteStep, summaryStep, voteField, otherField

  /// The heading the `?` overlay gives the scope's keys.
  public var heading: String {
    switch self {
    case .anyStep: return "Every step"
    case .voteStep: return "Vote steps"
    case .summaryStep: return "Summary step"
    case .voteField: return "In the vote field"
    case .otherField: return "In the other fields"
    }
  }

  /// Whether the scope applies on a step of `kind` with `field` open.
  public func applies(kind: WorkshopStepKind?, field: WorkshopState.Field?) -> Bool {
    switch self {
    case .anyStep: return field == nil
    case .voteStep: return field == nil && kind?.collectsVotes == true
    case .summaryStep: return field == nil && kind == .summary
    case .voteField: return field == .vote
    case .otherField: return field != nil && field != .vote
    }
  }
}

/// One row of the workshop key map.
public struct WorkshopKeyBinding: Hashable, Sendable {
  /// The keys (the first listed wins when two rows share a key in the same scope).
  public var keys: [Key]
  /// What they do.
  public var command: WorkshopCommand
  /// Where they work.
  public var scope: WorkshopKeyScope
  /// How the keys are written on screen.
  public var keyLabel: String
  /// The ASCII spelling of `keyLabel`.
  public var asciiKeyLabel: String
  /// What they do, as `?` says it.
  public var summary: String
  /// What they do on the hint line, in a word or two.
  public var hintLabel: String
  /// Place on the hint line (lower first, so the essentials survive 80 columns), or nil for
  /// keys listed only in `?`.
  public var hintPriority: Int?
  /// Rows sharing a group show once in the hint line and in `?`.
  public var group: String?

  /// A row for `keys`.
  public init(
    _ keys: [Key], _ command: WorkshopCommand, _ scope: WorkshopKeyScope, _ keyLabel: String,
    ascii: String? = nil, _ summary: String, hint: Int? = nil, short: String? = nil,
    group: String? = nil
  ) {
    self.hintLabel = short ?? summary
    self.keys = keys
    self.command = command
    self.scope = scope
    self.keyLabel = keyLabel
    self.asciiKeyLabel = ascii ?? keyLabel
    self.summary = summary
    self.hintPriority = hint
    self.group = group
  }
}

/// The one table that drives the workshop's key dispatch, its hint line and its `?` overlay.
///
/// ```swift
/// WorkshopKeyMap.workshop.command(for: .char("r"), kind: .vote, field: nil)  // .reveal
/// WorkshopKeyMap.workshop.command(for: .char("r"), kind: .explore, field: nil)  // nil
/// ```
public struct WorkshopKeyMap: Sendable {
  /// Every row, in the order `?` lists them.
  public var bindings: [WorkshopKeyBinding]

  /// A map of `bindings`.
  public init(_ bindings: [WorkshopKeyBinding]) { self.bindings = bindings }

  /// The row that handles `key` on a step of `kind` with `field` open, if any.
  public func binding(for key: Key, kind: WorkshopStepKind?, field: WorkshopState.Field?)
    -> WorkshopKeyBinding?
  {
    bindings.first { $0.keys.contains(key) && $0.scope.applies(kind: kind, field: field) }
  }

  /// The command `key` gives on a step of `kind` with `field` open, or nil when it does nothing.
  public func command(for key: Key, kind: WorkshopStepKind?, field: WorkshopState.Field?)
    -> WorkshopCommand?
  {
    binding(for: key, kind: kind, field: field)?.command
  }

  /// (key, what it does) for the hint line, essentials first.
  public func hints(kind: WorkshopStepKind?, field: WorkshopState.Field?, ascii: Bool) -> [(
    key: String, label: String
  )] {
    var seen = Set<String>()
    let ranked = bindings.enumerated()
      .filter {
        $0.element.hintPriority != nil && $0.element.scope.applies(kind: kind, field: field)
      }
      .sorted {
        ($0.element.hintPriority ?? 0, $0.offset) < ($1.element.hintPriority ?? 0, $1.offset)
      }
      .map(\.element)
    return ranked.compactMap { b in
      guard seen.insert(b.group ?? b.keyLabel).inserted else { return nil }
      return (ascii ? b.asciiKeyLabel : b.keyLabel, b.hintLabel)
    }
  }

  /// The `?` overlay's sections: a heading and its (key, what it does) rows, in table order.
  public func helpSections(ascii: Bool) -> [(heading: String, rows: [(key: String, label: String)])]
  {
    var sections: [(heading: String, rows: [(key: String, label: String)])] = []
    var seen = Set<String>()
    for b in bindings {
      let heading = b.scope.heading
      guard seen.insert(heading + "\u{0}" + (b.group ?? b.keyLabel)).inserted else { continue }
      let row = (key: ascii ? b.asciiKeyLabel : b.keyLabel, label: b.summary)
      if let i = sections.firstIndex(where: { $0.heading == heading }) {
        sections[i].rows.append(row)
      } else {
        sections.append((heading, [row]))
      }
    }
    return sections
  }

  static let digits: [Key] = (0...9).map { .char(Character(String($0))) }

  /// The workshop's keys, as DESIGN.md lists them.
  public static let workshop = WorkshopKeyMap([
    WorkshopKeyBinding(
      [.char("n"), .char(" "), .pageDown], .next, .anyStep, "n/Space", "next step", hint: 1,
      short: "next"),
    WorkshopKeyBinding(
      [.char("p"), .backspace, .pageUp], .previous, .anyStep, "p/Bksp", "previous step", hint: 2,
      short: "prev"),
    WorkshopKeyBinding([.char("g")], .goTo, .anyStep, "g", "go to step", hint: 9, short: "go to"),
    WorkshopKeyBinding([.char("m")], .note, .anyStep, "m", "add a note", hint: 10, short: "note"),
    WorkshopKeyBinding(
      [.char("x")], .export, .anyStep, "x", "export reports + snapshot", hint: 11, short: "export"),
    WorkshopKeyBinding([.char("?")], .help, .anyStep, "?", "help", hint: 5),
    WorkshopKeyBinding(
      [.char("t")], .nextTheme, .anyStep, "t", "next theme (e.g. projector)", hint: 13,
      short: "theme"),
    WorkshopKeyBinding([.ctrl("z")], .suspend, .anyStep, "Ctrl-Z", "suspend (fg resumes)"),
    WorkshopKeyBinding(
      [.char("q"), .ctrl("c")], .quit, .anyStep, "q", "quit (all is journalled)", hint: 6,
      short: "quit"),
    WorkshopKeyBinding(
      digits + [.enter, .char("v")], .vote, .voteStep, "0-9/v", "add votes: 45 Ana, or 30 70",
      hint: 3, short: "vote"),
    WorkshopKeyBinding(
      [.char("r")], .reveal, .voteStep, "r", "reveal/hide votes", hint: 4, short: "reveal"),
    WorkshopKeyBinding(
      [.up, .char("k")], .selectVote(by: -1), .voteStep, "↑/↓", ascii: "Up/Dn", "select a vote",
      hint: 7, short: "select", group: "select"),
    WorkshopKeyBinding(
      [.down, .char("j")], .selectVote(by: 1), .voteStep, "↑/↓", ascii: "Up/Dn", "select a vote",
      group: "select"),
    WorkshopKeyBinding(
      [.char("d")], .deleteVote, .voteStep, "d", "delete the selected vote", hint: 8,
      short: "delete"),
    WorkshopKeyBinding(
      [.char("i")], .importCSV, .voteStep, "i", "import votes CSV", hint: 12, short: "import"),
    WorkshopKeyBinding(
      [.left, .char("h")], .adjust(by: -1), .summaryStep, "←/→", ascii: "<-/->", "move agreed 1",
      hint: 3, short: "move", group: "adjust1"),
    WorkshopKeyBinding(
      [.right, .char("l")], .adjust(by: 1), .summaryStep, "←/→", ascii: "<-/->", "move agreed 1",
      group: "adjust1"),
    WorkshopKeyBinding(
      [.shiftLeft, .char("H")], .adjust(by: -5), .summaryStep, "⇧←/→ H/L", ascii: "H/L",
      "move agreed 5", group: "adjust5"),
    WorkshopKeyBinding(
      [.shiftRight, .char("L")], .adjust(by: 5), .summaryStep, "⇧←/→ H/L", ascii: "H/L",
      "move agreed 5", group: "adjust5"),
    WorkshopKeyBinding([.tab], .switchAgreed, .summaryStep, "Tab", "current/target", hint: 4),
    WorkshopKeyBinding(
      [.up, .char("k")], .selectArea(by: -1), .summaryStep, "↑/↓", ascii: "Up/Dn",
      "choose the learning area", group: "area"),
    WorkshopKeyBinding(
      [.down, .char("j")], .selectArea(by: 1), .summaryStep, "↑/↓", ascii: "Up/Dn",
      "choose the learning area", group: "area"),
    WorkshopKeyBinding(
      [.char("=")], .backToMedians, .summaryStep, "=", "back to the room's result", hint: 7,
      short: "medians"),
    WorkshopKeyBinding(
      [.enter], .submitField, .voteField, "Enter", "add (the field stays open)", hint: 1,
      short: "add"),
    WorkshopKeyBinding([.escape, .ctrl("c")], .closeField, .voteField, "Esc", "done", hint: 2),
    WorkshopKeyBinding([.backspace], .erase, .voteField, "Bksp", "erase"),
    WorkshopKeyBinding([.ctrl("u")], .clearField, .voteField, "Ctrl-U", "clear the field"),
    WorkshopKeyBinding([.enter], .submitField, .otherField, "Enter", "ok", hint: 1),
    WorkshopKeyBinding([.escape, .ctrl("c")], .closeField, .otherField, "Esc", "cancel", hint: 2),
    WorkshopKeyBinding([.backspace], .erase, .otherField, "Bksp", "erase"),
    WorkshopKeyBinding([.ctrl("u")], .clearField, .otherField, "Ctrl-U", "clear the field"),
  ])
}
