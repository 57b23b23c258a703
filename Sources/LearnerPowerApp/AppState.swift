import Canvas
import LearnerPowerModel

/// Which of the two slider markers the keys move.
public enum Marker: String, Sendable, Hashable, CaseIterable, Codable {
  case current, target

  /// The other marker.
  public var other: Marker { self == .current ? .target : .current }
  /// "Current" or "Target", for the screen.
  public var title: String { self == .current ? "Current" : "Target" }
}

/// A panel drawn over the explorer.
public enum Overlay: Sendable, Hashable {
  case none
  /// The key list, built from the key map.
  case help
  /// One approach in full: description, L&D role, tools, risk.
  case detail(approachID: String)
  /// The theme picker (`T`), previewing the selected theme on the live screen.
  case themePicker(ThemePicker)
}

/// Everything the explorer screen shows, as a value. `reduce` is the only thing that changes it.
///
/// ```swift
/// var state = AppState()
/// _ = reduce(&state, .nudged(by: 5))
/// state.current.value  // 45
/// ```
public struct AppState: Sendable, Hashable {
  public var current: Position
  public var target: Position
  public var active: Marker
  /// Index of the selected row in the active marker's recommendation list.
  public var selection: Int
  public var overlay: Overlay
  public var catalogue: Catalogue
  /// The name of the theme in use, remembered across runs.
  public var themeName: String
  /// ASCII glyphs instead of box drawing and bullets (non-UTF-8 locale or `--ascii`).
  public var ascii: Bool
  /// A one-off message for the status line (a warning or a confirmation), cleared by the next key.
  public var notice: String?
  /// The snapshot save or open dialog, when one is open; it takes every key.
  public var snapshotModal: SnapshotModal?

  public init(
    current: Position = 40, target: Position = 60, active: Marker = .current,
    catalogue: Catalogue = .builtIn, themeName: String = "default", ascii: Bool = false
  ) {
    self.current = current
    self.target = target
    self.active = active
    self.selection = 0
    self.overlay = .none
    self.catalogue = catalogue
    self.themeName = themeName
    self.ascii = ascii
    self.notice = nil
  }

  /// The position of the marker the keys move.
  public var activePosition: Position {
    get { active == .current ? current : target }
    set {
      if active == .current { current = newValue } else { target = newValue }
    }
  }

  /// Ranked approaches at the active marker.
  public var recommendations: [Recommendation] {
    Recommender(catalogue: catalogue).recommendations(at: activePosition)
  }

  /// The plan for moving from the current marker to the target.
  public var transition: Transition { Transition(from: current, to: target, catalogue: catalogue) }

  /// The sentence the status line shows, so meaning never rests on colour or glyphs:
  /// "Current 38 · Guided · organisation 62% / learner 38%".
  public var statusSentence: String {
    let p = activePosition
    return "\(active.title) \(p.value) · \(p.stage.name) · organisation \(p.organisationalControl)%"
      + " / learner \(p.learnerControl)%"
  }
}

extension AppState: CustomStringConvertible {
  /// A short form for test failures: the catalogue by name rather than all its text.
  public var description: String {
    "AppState(current: \(current), target: \(target), active: \(active), selection: \(selection), "
      + "overlay: \(overlay), catalogue: \(catalogue.name) v\(catalogue.version), theme: \(themeName), "
      + "ascii: \(ascii), notice: \(notice ?? "nil"))"
  }
}
