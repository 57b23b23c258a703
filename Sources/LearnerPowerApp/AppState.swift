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
  /// The organisation's learning areas, each with its own markers; never empty.
  public private(set) var areas: [LearningArea]
  /// Index of the area the markers and panels show; always a valid index into `areas`.
  public private(set) var activeArea: Int
  /// Whether the chart panel shows every area on one continuum instead of the curves.
  public var showsAllAreas: Bool
  /// The area name field or remove question, when open; it takes every key.
  public var areaEditor: AreaEditor?
  /// The self-assessment answers last put onto the markers (`m`), and the area they went to;
  /// a snapshot of that area carries them.
  public var assessment: (area: String, record: Snapshot.AssessmentRecord)? {
    get { assessmentArea.flatMap { a in assessmentRecord.map { (a, $0) } } }
    set {
      assessmentArea = newValue?.area
      assessmentRecord = newValue?.record
    }
  }
  private var assessmentArea: String?
  private var assessmentRecord: Snapshot.AssessmentRecord?
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
    self.areas = [LearningArea(name: LearningArea.defaultName, current: current, target: target)]
    self.activeArea = 0
    self.showsAllAreas = false
    self.areaEditor = nil
    self.active = active
    self.selection = 0
    self.overlay = .none
    self.catalogue = catalogue
    self.themeName = themeName
    self.ascii = ascii
    self.notice = nil
  }

  /// The active area's current marker.
  public var current: Position {
    get { area.current }
    set { areas[activeArea].current = newValue }
  }

  /// The active area's target marker.
  public var target: Position {
    get { area.target }
    set { areas[activeArea].target = newValue }
  }

  /// The area the markers belong to.
  public var area: LearningArea { areas[activeArea] }

  /// Replaces every area (a restored state file or snapshot); an empty list keeps the current
  /// areas, and an out-of-range `active` picks the first area.
  public mutating func setAreas(_ list: [LearningArea], active: Int) {
    guard !list.isEmpty else { return }
    areas = list
    activeArea = list.indices.contains(active) ? active : 0
  }

  /// Takes every area of a snapshot (or a workshop's agreed areas): an area with the same name
  /// (ignoring case) gets the snapshot's markers and pin, a new name is added at the end, and
  /// areas the snapshot does not name are kept as they are, so nothing already here is lost.
  /// The snapshot's `active` area becomes the active one. Returns (updated, added).
  ///
  /// ```swift
  /// // areas: Whole organisation; snapshot: Compliance 10→15, Whole organisation 40→60
  /// state.takeAreas(snapshot.areas ?? [], active: "Compliance")  // (1, 1)
  /// ```
  @discardableResult
  public mutating func takeAreas(_ incoming: [LearningArea], active name: String?)
    -> (updated: Int, added: Int)
  {
    var updated = 0
    var added = 0
    for area in incoming {
      if let i = areas.firstIndex(where: { $0.name.lowercased() == area.name.lowercased() }) {
        areas[i].current = area.current
        areas[i].target = area.target
        areas[i].pinned = area.pinned
        updated += 1
      } else {
        areas.append(area)
        added += 1
      }
    }
    if let name, let i = areas.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) {
      activeArea = i
    }
    return (updated, added)
  }

  /// Makes area `index` the active one (ignored when out of range).
  public mutating func selectArea(_ index: Int) {
    if areas.indices.contains(index) { activeArea = index }
  }

  /// Adds an area after the last one; returns its index.
  @discardableResult
  mutating func appendArea(_ area: LearningArea) -> Int {
    areas.append(area)
    return areas.count - 1
  }

  /// Renames or pins an area in place.
  mutating func updateArea(_ index: Int, _ change: (inout LearningArea) -> Void) {
    guard areas.indices.contains(index) else { return }
    change(&areas[index])
  }

  /// Removes an area, keeping at least one and keeping the active index valid.
  mutating func removeArea(_ index: Int) {
    guard areas.count > 1, areas.indices.contains(index) else { return }
    areas.remove(at: index)
    if activeArea > index || activeArea >= areas.count { activeArea = max(0, activeArea - 1) }
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

  /// Where the selection goes after the active marker moved, so the list never opens on rows
  /// the marker has left behind:
  /// - on the first row it stays on the first row, which is the best fit at the new position;
  /// - on another row it follows the same approach while that still fits (score above 0);
  /// - otherwise it goes back to the first row. A pinned approach (D1) that no longer fits is
  ///   still listed, last: following it there would scroll the best fits out of view.
  ///
  /// ```swift
  /// var s = AppState(current: 0)      // D1 (pinned) is the best fit at 0, row 0
  /// s.current = 37                    // D1 fits no more: last row, score 0
  /// s.reselect(after: "D1", wasTop: true)
  /// s.selection                       // 0: G1, the best fit in Guided
  /// ```
  mutating func reselect(after previousID: String?, wasTop: Bool) {
    let list = recommendations
    if !wasTop, let previousID,
      let i = list.firstIndex(where: { $0.approach.id == previousID && $0.score > 0 })
    {
      selection = i
    } else {
      selection = 0
    }
  }

  /// Takes a remembered selection (the state file's row) when it is still in the list and
  /// still fits; otherwise the first row, so a restart never opens on a row the marker left.
  ///
  /// ```swift
  /// var s = AppState(current: 37)
  /// s.restoreSelection(16)   // D1, pinned but not fitting at 37 -> 0
  /// s.restoreSelection(2)    // a fitting row -> 2
  /// ```
  public mutating func restoreSelection(_ row: Int) {
    let list = recommendations
    selection = list.indices.contains(row) && list[row].score > 0 ? row : 0
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
    "AppState(area: \(activeArea) \(area.name) of \(areas.count), "
      + "current: \(current), target: \(target), active: \(active), selection: \(selection), "
      + "overlay: \(overlay), catalogue: \(catalogue.name) v\(catalogue.version), theme: \(themeName), "
      + "ascii: \(ascii), notice: \(notice ?? "nil"))"
  }
}
