/// What moved between two snapshots: positions, stages, social level, recommendations gained and
/// lost at each marker, the transition plan, and the title and note.
///
/// The creation time and app version are not compared: two snapshots of the same positions
/// taken a day apart are the same look.
///
/// ```swift
/// let d = SnapshotDiff(from: before, to: after)
/// d.isEmpty         // false when anything moved
/// print(d.report)   // "Current: 38 (Guided) → 55 (Enabled), 17 points towards the learner" …
/// ```
public struct SnapshotDiff: Hashable, Sendable {
  /// How one marker changed.
  public struct MarkerChange: Hashable, Sendable {
    /// `"Current"` or `"Target"`.
    public var label: String
    /// The reading in the first snapshot.
    public var before: Snapshot.MarkerReading
    /// The reading in the second snapshot.
    public var after: Snapshot.MarkerReading
    /// Recommendations listed in the second snapshot only, in its order.
    public var gained: [Snapshot.Ref]
    /// Recommendations listed in the first snapshot only, in its order.
    public var lost: [Snapshot.Ref]

    /// The position moved.
    public var moved: Bool { before.position != after.position }
    /// The stage changed.
    public var stageChanged: Bool { before.stage.id != after.stage.id }
    /// Anything about this marker differs.
    public var isEmpty: Bool {
      !moved && !stageChanged && gained.isEmpty && lost.isEmpty
        && before.socialLevel == after.socialLevel
    }
  }

  /// A transition list (introduce, keep, phase down) that changed.
  public struct PlanChange: Hashable, Sendable {
    /// `"introduce"`, `"keep"` or `"phase down"`.
    public var list: String
    /// Approaches added to the list.
    public var gained: [Snapshot.Ref]
    /// Approaches removed from the list.
    public var lost: [Snapshot.Ref]
  }

  /// The first snapshot.
  public let before: Snapshot
  /// The second snapshot.
  public let after: Snapshot
  /// The current marker's change.
  public let current: MarkerChange
  /// The target marker's change.
  public let target: MarkerChange
  /// Transition lists that changed (empty when the plan is the same).
  public let plan: [PlanChange]

  /// Compares two snapshots.
  public init(from before: Snapshot, to after: Snapshot) {
    self.before = before
    self.after = after
    func change(_ label: String, _ a: Snapshot.MarkerReading, _ b: Snapshot.MarkerReading)
      -> MarkerChange
    {
      let (gained, lost) = Self.compare(
        a.recommendations.map { Snapshot.Ref(id: $0.id, name: $0.name) },
        b.recommendations.map { Snapshot.Ref(id: $0.id, name: $0.name) })
      return MarkerChange(label: label, before: a, after: b, gained: gained, lost: lost)
    }
    current = change("Current", before.current, after.current)
    target = change("Target", before.target, after.target)
    let lists: [(String, [Snapshot.Ref], [Snapshot.Ref])] = [
      ("introduce", before.transition.introduce, after.transition.introduce),
      ("keep", before.transition.keep, after.transition.keep),
      ("phase down", before.transition.phaseDown, after.transition.phaseDown),
    ]
    plan = lists.compactMap { name, a, b in
      let (gained, lost) = Self.compare(a, b)
      return gained.isEmpty && lost.isEmpty ? nil : PlanChange(list: name, gained: gained, lost: lost)
    }
  }

  /// The title changed.
  public var titleChanged: Bool { before.title != after.title }
  /// The note changed.
  public var noteChanged: Bool { before.note != after.note }
  /// The catalogue (name or version) changed.
  public var catalogueChanged: Bool { before.catalogue != after.catalogue }

  /// Nothing that `diff` reports differs.
  public var isEmpty: Bool {
    current.isEmpty && target.isEmpty && plan.isEmpty && !titleChanged && !noteChanged
      && !catalogueChanged
  }

  /// The comparison as lines of plain text, for `learnerpower diff`.
  ///
  /// ```swift
  /// // Current: 38 (Guided) → 55 (Enabled), 17 points towards the learner
  /// //   social empowerment 34.5 (Structured) → 57.5 (Distributed)
  /// //   recommendations gained: E2 Peer coaching, E3 Learning circles
  /// //   recommendations lost: G1 Cohort programmes
  /// // Target: 70 (Enabled), unchanged
  /// ```
  public var report: String {
    var lines: [String] = []
    if titleChanged { lines.append("Title: \"\(before.title)\" → \"\(after.title)\"") }
    for m in [current, target] { lines += Self.describe(m) }
    if !plan.isEmpty {
      lines.append("Transition plan:")
      for p in plan {
        if !p.gained.isEmpty { lines.append("  \(p.list) gained: \(Self.names(p.gained))") }
        if !p.lost.isEmpty { lines.append("  \(p.list) lost: \(Self.names(p.lost))") }
      }
    }
    if catalogueChanged {
      lines.append(
        "Catalogue: \(before.catalogue.name) \(before.catalogue.version) → "
          + "\(after.catalogue.name) \(after.catalogue.version)")
    }
    if noteChanged { lines.append("Note: changed") }
    if isEmpty {
      lines = ["No differences: the same positions, stages and recommendations."]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func describe(_ m: MarkerChange) -> [String] {
    let a = m.before, b = m.after
    if m.isEmpty {
      return ["\(m.label): \(a.position.value) (\(a.stage.name)), unchanged"]
    }
    var lines: [String] = []
    if m.moved {
      let delta = b.position.value - a.position.value
      let way = delta > 0 ? "towards the learner" : "towards the organisation"
      let points = abs(delta) == 1 ? "1 point" : "\(abs(delta)) points"
      lines.append(
        "\(m.label): \(a.position.value) (\(a.stage.name)) → \(b.position.value) "
          + "(\(b.stage.name)), \(points) \(way)")
      if m.stageChanged { lines.append("  stage: \(a.stage.name) → \(b.stage.name)") }
    } else {
      lines.append("\(m.label): \(a.position.value) (\(a.stage.name)), same position")
    }
    if a.socialEmpowerment != b.socialEmpowerment || a.socialLevel != b.socialLevel {
      lines.append(
        "  social empowerment \(oneDecimal(a.socialEmpowerment)) (\(a.socialLevel.name)) → "
          + "\(oneDecimal(b.socialEmpowerment)) (\(b.socialLevel.name))")
    }
    if !m.gained.isEmpty { lines.append("  recommendations gained: \(names(m.gained))") }
    if !m.lost.isEmpty { lines.append("  recommendations lost: \(names(m.lost))") }
    return lines
  }

  private static func names(_ refs: [Snapshot.Ref]) -> String {
    refs.map { "\($0.id) \($0.name)" }.joined(separator: ", ")
  }

  /// Items of `b` not in `a` (gained) and of `a` not in `b` (lost), by id, keeping list order.
  private static func compare(_ a: [Snapshot.Ref], _ b: [Snapshot.Ref]) -> (
    gained: [Snapshot.Ref], lost: [Snapshot.Ref]
  ) {
    let idsA = Set(a.map(\.id)), idsB = Set(b.map(\.id))
    return (b.filter { !idsA.contains($0.id) }, a.filter { !idsB.contains($0.id) })
  }
}

/// `34.5`, `57.0`: one decimal, without Foundation's formatters.
func oneDecimal(_ x: Double) -> String {
  let tenths = Int((x * 10).rounded())
  let sign = tenths < 0 ? "-" : ""
  return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
}
