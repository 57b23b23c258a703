/// What moved between two snapshots: the active area's markers (position, stage, social
/// empowerment, approaches recommended at each), the learning areas, the self-assessment answers,
/// the catalogue, and the title and note.
///
/// The creation time and app version are not compared: two snapshots of the same positions
/// taken a day apart are the same look.
///
/// ```swift
/// let d = SnapshotDiff(from: before, to: after)
/// d.isEmpty         // false when anything moved
/// print(d.report)   // "Current: 38 → 55, 17 points towards the learner" …
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
    /// Recommendations listed in the second snapshot only, sorted by id.
    public var gained: [Snapshot.Ref]
    /// Recommendations listed in the first snapshot only, sorted by id.
    public var lost: [Snapshot.Ref]

    /// The position moved.
    public var moved: Bool { before.position != after.position }
    /// The stage changed.
    public var stageChanged: Bool { before.stage.id != after.stage.id }
    /// Social empowerment (value or level) changed.
    public var socialChanged: Bool {
      before.socialEmpowerment != after.socialEmpowerment || before.socialLevel != after.socialLevel
    }
    /// Anything about this marker differs.
    public var isEmpty: Bool {
      !moved && !stageChanged && !socialChanged && gained.isEmpty && lost.isEmpty
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

  /// How one learning area differs between the two snapshots.
  ///
  /// ```swift
  /// // before: Compliance 15 → 20; after: Compliance 15 → 25, pinned
  /// change.kind         // .changed
  /// change.targetMoved  // true
  /// change.pinnedChanged  // true
  /// ```
  public struct AreaChange: Hashable, Sendable {
    /// Whether the area is new, gone, or in both with something changed.
    public enum Kind: Hashable, Sendable { case added, removed, changed }
    /// What happened to the area.
    public var kind: Kind
    /// The area in the first snapshot (nil when added).
    public var before: LearningArea?
    /// The area in the second snapshot (nil when removed).
    public var after: LearningArea?
    /// The area's name (as the second snapshot writes it, or the first when removed).
    public var name: String { after?.name ?? before?.name ?? "" }
    /// Its current marker moved (an area in both snapshots).
    public var currentMoved: Bool {
      guard let a = before, let b = after else { return false }
      return a.current != b.current
    }
    /// Its target marker moved (an area in both snapshots).
    public var targetMoved: Bool {
      guard let a = before, let b = after else { return false }
      return a.target != b.target
    }
    /// It was pinned and is not, or the other way round.
    public var pinnedChanged: Bool {
      guard let a = before, let b = after else { return false }
      return a.pinned != b.pinned
    }
  }

  /// How the self-assessment answers differ.
  public struct AssessmentChange: Hashable, Sendable {
    /// The first snapshot's answers (nil when it has none).
    public var before: Snapshot.AssessmentRecord?
    /// The second snapshot's answers (nil when it has none).
    public var after: Snapshot.AssessmentRecord?
    /// Question ids whose answer differs for today, for the target, or both, in question-id
    /// order (`Q2` before `Q10`); only when both snapshots have answers.
    public var changed: [(id: String, horizons: [AssessmentHorizon])] {
      guard let a = before?.answers, let b = after?.answers else { return [] }
      let ids = Set(a.today.keys).union(a.target.keys).union(b.today.keys).union(b.target.keys)
      return ids.sorted(by: naturalLess).compactMap { id in
        let horizons = AssessmentHorizon.allCases.filter { a[$0, id] != b[$0, id] }
        return horizons.isEmpty ? nil : (id, horizons)
      }
    }
    /// The question set (name or version) differs.
    public var questionsChanged: Bool {
      guard let a = before, let b = after else { return false }
      return a.questions != b.questions
    }
    /// Nothing about the answers differs.
    public var isEmpty: Bool { before == after }
  }

  /// The first snapshot.
  public let before: Snapshot
  /// The second snapshot.
  public let after: Snapshot
  /// The current marker's change.
  public let current: MarkerChange
  /// The target marker's change.
  public let target: MarkerChange
  /// Transition lists that changed (empty when the plan is the same). Not in ``report``: the plan
  /// follows from the two positions, which are reported, and listing it repeated every approach.
  public let plan: [PlanChange]
  /// Learning areas that differ: the second snapshot's areas in its order (added or changed),
  /// then the removed ones in the first snapshot's order. Empty when either snapshot is version
  /// 1 (it has no area list to compare).
  public let areas: [AreaChange]
  /// The self-assessment answers each snapshot carries.
  public let assessment: AssessmentChange

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
      return MarkerChange(
        label: label, before: a, after: b, gained: Self.byID(gained), lost: Self.byID(lost))
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
      return gained.isEmpty && lost.isEmpty
        ? nil : PlanChange(list: name, gained: gained, lost: lost)
    }
    areas = Self.compareAreas(before.areas, after.areas)
    assessment = AssessmentChange(before: before.assessment, after: after.assessment)
  }

  /// The title changed.
  public var titleChanged: Bool { before.title != after.title }
  /// The note changed.
  public var noteChanged: Bool { before.note != after.note }
  /// The catalogue (name or version) changed.
  public var catalogueChanged: Bool { before.catalogue != after.catalogue }
  /// The top-level readings belong to another area (both snapshots version 2).
  public var activeAreaChanged: Bool {
    guard let a = before.area, let b = after.area else { return false }
    return a != b
  }

  /// Nothing that `diff` reports differs.
  public var isEmpty: Bool {
    current.isEmpty && target.isEmpty && plan.isEmpty && areas.isEmpty && assessment.isEmpty
      && !activeAreaChanged && !titleChanged && !noteChanged && !catalogueChanged
  }

  /// The comparison as lines of plain text, for `learnerpower diff`, in a fixed order: the
  /// headline positions, then stage and social empowerment, the learning areas, the
  /// self-assessment, the approaches recommended at each marker (by id), the catalogue, and
  /// last the title and note.
  ///
  /// ```swift
  /// // Current: 38 → 55, 17 points towards the learner
  /// // Target: 70, unchanged
  /// // Stage: current Guided → Enabled
  /// // Social empowerment: current 32.3 (Structured) → 57.5 (Distributed)
  /// // Areas:
  /// //   Leadership: added (current 60, target 80)
  /// // Assessment: answers changed for 2 questions: Q1 (today), Q7 (today and target)
  /// // Approaches introduced at current: E2 Peer coaching pairs/triads, E3 Learning circles
  /// // Approaches removed at current: D2 Scheduled course to a fixed curriculum
  /// ```
  public var report: String {
    if isEmpty { return "No differences: the two snapshots are the same.\n" }
    var lines: [String] = []
    if activeAreaChanged, let a = before.area, let b = after.area {
      lines.append("Area: \(a) → \(b)")
    }
    for m in [current, target] { lines.append(Self.headline(m)) }
    let stages = [current, target].filter(\.stageChanged).map {
      "\($0.label.lowercased()) \($0.before.stage.name) → \($0.after.stage.name)"
    }
    if !stages.isEmpty { lines.append("Stage: " + stages.joined(separator: "; ")) }
    let social = [current, target].filter(\.socialChanged).map { m in
      let a = m.before, b = m.after
      let levels =
        a.socialLevel == b.socialLevel
        ? "(\(b.socialLevel.name))" : "(\(a.socialLevel.name) → \(b.socialLevel.name))"
      return "\(m.label.lowercased()) \(oneDecimal(a.socialEmpowerment)) → "
        + "\(oneDecimal(b.socialEmpowerment)) \(levels)"
    }
    if !social.isEmpty { lines.append("Social empowerment: " + social.joined(separator: "; ")) }
    let areaLines = areas.compactMap(describe)
    if !areaLines.isEmpty { lines += ["Areas:"] + areaLines.map { "  " + $0 } }
    lines += Self.describe(assessment)
    for m in [current, target] {
      let at = m.label.lowercased()
      if !m.gained.isEmpty {
        lines.append("Approaches introduced at \(at): \(Self.names(m.gained))")
      }
      if !m.lost.isEmpty { lines.append("Approaches removed at \(at): \(Self.names(m.lost))") }
    }
    if !plan.isEmpty, current.isEmpty, target.isEmpty {
      // Only a hand-edited file gets here: the same positions and recommendations, another plan.
      lines.append("Transition plan: changed")
    }
    if catalogueChanged {
      lines.append(
        "Catalogue: \(before.catalogue.name) \(before.catalogue.version) → "
          + "\(after.catalogue.name) \(after.catalogue.version)")
    }
    if titleChanged { lines.append("Title: \"\(before.title)\" → \"\(after.title)\"") }
    if noteChanged { lines.append("Note: changed") }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func headline(_ m: MarkerChange) -> String {
    let a = m.before.position.value, b = m.after.position.value
    guard m.moved else { return "\(m.label): \(a), " + (m.isEmpty ? "unchanged" : "same position") }
    let delta = b - a
    let way = delta > 0 ? "towards the learner" : "towards the organisation"
    let points = abs(delta) == 1 ? "1 point" : "\(abs(delta)) points"
    return "\(m.label): \(a) → \(b), \(points) \(way)"
  }

  /// One line for an area, or nil when what changed is already the headline (the active area's
  /// markers, in both snapshots the same area as the top-level readings).
  private func describe(_ c: AreaChange) -> String? {
    func markers(_ a: LearningArea) -> String {
      "current \(a.current.value), target \(a.target.value)" + (a.pinned ? ", pinned" : "")
    }
    switch c.kind {
    case .added:
      return c.after.map { "\($0.name): added (\(markers($0)))" }
    case .removed:
      return c.before.map { "\($0.name): removed (was \(markers($0)))" }
    case .changed:
      guard let a = c.before, let b = c.after else { return nil }
      let isHeadline =
        before.area == a.name && after.area == b.name
        && a.current == before.current.position && a.target == before.target.position
        && b.current == after.current.position && b.target == after.target.position
      var parts: [String] = []
      if c.currentMoved, !isHeadline {
        parts.append("current \(a.current.value) → \(b.current.value)")
      }
      if c.targetMoved, !isHeadline { parts.append("target \(a.target.value) → \(b.target.value)") }
      if c.pinnedChanged { parts.append(b.pinned ? "now pinned" : "no longer pinned") }
      return parts.isEmpty ? nil : "\(b.name): " + parts.joined(separator: ", ")
    }
  }

  private static func describe(_ c: AssessmentChange) -> [String] {
    switch (c.before, c.after) {
    case (nil, nil):
      return []
    case (nil, let b?):
      return ["Assessment: added (\(questionCount(b.answers)))"]
    case (let a?, nil):
      return ["Assessment: removed (it had \(questionCount(a.answers)))"]
    case (let a?, let b?):
      var lines: [String] = []
      if c.questionsChanged {
        lines.append(
          "Assessment questions: \(a.questions.name) \(a.questions.version) → "
            + "\(b.questions.name) \(b.questions.version)")
      }
      let changed = c.changed
      if !changed.isEmpty {
        let count = changed.count == 1 ? "1 question" : "\(changed.count) questions"
        let list = changed.map { item in
          let which = item.horizons.count == 2 ? "today and target" : item.horizons[0].rawValue
          return "\(item.id) (\(which))"
        }
        lines.append("Assessment: answers changed for \(count): " + list.joined(separator: ", "))
      }
      return lines
    }
  }

  /// "answers to 12 questions": questions with an answer for today or the target.
  private static func questionCount(_ a: AssessmentAnswers) -> String {
    let n = Set(a.today.keys).union(a.target.keys).count
    return n == 1 ? "answers to 1 question" : "answers to \(n) questions"
  }

  private static func names(_ refs: [Snapshot.Ref]) -> String {
    refs.map { "\($0.id) \($0.name)" }.joined(separator: ", ")
  }

  private static func byID(_ refs: [Snapshot.Ref]) -> [Snapshot.Ref] {
    refs.sorted { naturalLess($0.id, $1.id) }
  }

  /// Items of `b` not in `a` (gained) and of `a` not in `b` (lost), by id, keeping list order.
  private static func compare(_ a: [Snapshot.Ref], _ b: [Snapshot.Ref]) -> (
    gained: [Snapshot.Ref], lost: [Snapshot.Ref]
  ) {
    let idsA = Set(a.map(\.id)), idsB = Set(b.map(\.id))
    return (b.filter { !idsA.contains($0.id) }, a.filter { !idsB.contains($0.id) })
  }

  /// Areas matched by name: the second list's in its order (added or changed), then the first
  /// list's removed ones in its order. Version 1 files have no list, so nothing is compared.
  private static func compareAreas(_ a: [LearningArea]?, _ b: [LearningArea]?) -> [AreaChange] {
    guard let a, let b else { return [] }
    var out: [AreaChange] = []
    for area in b {
      if let old = a.first(where: { $0.name == area.name }) {
        if old != area { out.append(AreaChange(kind: .changed, before: old, after: area)) }
      } else {
        out.append(AreaChange(kind: .added, before: nil, after: area))
      }
    }
    let names = Set(b.map(\.name))
    for old in a where !names.contains(old.name) {
      out.append(AreaChange(kind: .removed, before: old, after: nil))
    }
    return out
  }
}

/// Identifiers in the order a person expects: letters compared as text, runs of digits as
/// numbers, so `Q2` < `Q10` and `E8` < `G1`.
///
/// ```swift
/// ["Q10", "Q2", "E8"].sorted(by: naturalLess)  // ["E8", "Q2", "Q10"]
/// ```
func naturalLess(_ l: String, _ r: String) -> Bool {
  func chunks(_ s: String) -> [(text: String, number: Int?)] {
    var out: [(String, Int?)] = []
    var run = ""
    var digits = false
    for ch in s {
      let isDigit = ch.isASCII && ch.isNumber
      if !run.isEmpty, isDigit != digits {
        out.append((run, digits ? Int(run) : nil))
        run = ""
      }
      digits = isDigit
      run.append(ch)
    }
    if !run.isEmpty { out.append((run, digits ? Int(run) : nil)) }
    return out
  }
  let a = chunks(l), b = chunks(r)
  for (x, y) in zip(a, b) {
    if let m = x.number, let n = y.number {
      if m != n { return m < n }
    } else if x.text != y.text {
      return x.text < y.text
    }
  }
  return a.count != b.count ? a.count < b.count : l < r
}

/// `34.5`, `57.0`: one decimal, without Foundation's formatters.
func oneDecimal(_ x: Double) -> String {
  let tenths = Int((x * 10).rounded())
  let sign = tenths < 0 ? "-" : ""
  return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
}
