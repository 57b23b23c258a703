import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

/// The ways a snapshot can be written.
public enum SnapshotFormat: String, Sendable, Hashable, CaseIterable {
  /// Versioned JSON (`learnerpower.snapshot/2`): the one that can be reopened.
  case json
  /// A one-page Markdown report.
  case md
  /// The explorer screen as plain text (100×30).
  case txt
  /// A vector chart for slides.
  case svg

  /// The file extension, without the dot.
  public var fileExtension: String { rawValue }

  /// The format a file name implies (`report.md` → `.md`); nil for other extensions.
  ///
  /// ```swift
  /// SnapshotFormat(path: "out/Chart.SVG")  // .svg
  /// SnapshotFormat(path: "notes.txt")      // .txt
  /// SnapshotFormat(path: "x.markdown")     // .md
  /// ```
  public init?(path: String) {
    switch PathText.pathExtension(path).lowercased() {
    case "json": self = .json
    case "md", "markdown": self = .md
    case "txt", "text": self = .txt
    case "svg": self = .svg
    default: return nil
    }
  }
}

/// Turns a snapshot into the bytes of each format.
public enum SnapshotFormatter {
  /// The size of the explorer screen in text output.
  public static let textSize = Size(width: 100, height: 30)

  /// The bytes for `format`; `catalogue` is only used to redraw the explorer screen (`txt`).
  public static func data(_ s: Snapshot, format: SnapshotFormat, catalogue: Catalogue) throws
    -> Data
  {
    switch format {
    case .json: return try SnapshotCodec.encode(s)
    case .md: return Data(markdown(s).utf8)
    case .txt: return Data(text(s, catalogue: catalogue).utf8)
    case .svg: return Data(SnapshotSVG.render(s).utf8)
    }
  }

  // MARK: - Plain text

  /// A heading with the title, date and note, then the explorer screen at the snapshot's
  /// positions, drawn by ``Screen/render(_:theme:size:)`` at 100×30.
  public static func text(_ s: Snapshot, catalogue: Catalogue, ascii: Bool = false) -> String {
    var state = AppState(
      current: s.current.position, target: s.target.position, catalogue: catalogue, ascii: ascii)
    if let areas = s.areas {
      state.setAreas(areas, active: areas.firstIndex { $0.name == s.area } ?? 0)
      // The readings are what was seen; the area list only supplies names and the title.
      state.current = s.current.position
      state.target = s.target.position
    }
    state.active = .current
    let grid = Screen.render(state, theme: ThemeLibrary.builtInDefault.theme, size: textSize)
    var head = "Snapshot: \(s.title.isEmpty ? "(untitled)" : s.title) (\(s.created.display))\n"
    if !s.note.isEmpty {
      for line in s.note.split(separator: "\n", omittingEmptySubsequences: false) {
        head += "Note: \(line)\n"
      }
    }
    return head + "\n" + PlainTextExporter.export(grid)
  }

  // MARK: - Markdown

  /// A one-page report: positions, stages, control split, social empowerment, the transition
  /// plan, a table of recommendations at each marker, and the note.
  public static func markdown(_ s: Snapshot) -> String {
    let c = s.current, t = s.target
    var out: [String] = []
    out.append("# \(md(s.title.isEmpty ? "Learner Power snapshot" : s.title))")
    out.append("")
    out.append(
      "*Learner Power snapshot, \(s.created.display). Catalogue: \(md(s.catalogue.name)) "
        + "(version \(md(s.catalogue.version))). Written by \(md(s.app.name)) \(md(s.app.version)).*"
    )
    out.append("")
    out.append("| | Current | Target |")
    out.append("|---|---:|---:|")
    out.append("| Position (learner control) | \(c.position.value) | \(t.position.value) |")
    out.append("| Stage | \(md(c.stage.name)) | \(md(t.stage.name)) |")
    out.append(
      "| Organisational control | \(c.organisationalControl)% | \(t.organisationalControl)% |")
    out.append("| Learner control | \(c.learnerControl)% | \(t.learnerControl)% |")
    out.append(
      "| Social empowerment | \(decimal(c.socialEmpowerment, 1)) (\(c.socialLevel.name)) | "
        + "\(decimal(t.socialEmpowerment, 1)) (\(t.socialLevel.name)) |")
    out.append("")

    // One default area says nothing the table above does not.
    if let areas = s.areas, areas.count > 1 || areas.first?.name != LearningArea.defaultName {
      out.append(contentsOf: areaLines(areas, active: s.area))
    }
    if let a = s.assessment {
      out.append(contentsOf: assessmentLines(a))
    }

    let plan = s.transition
    out.append("## Transition: \(c.position.value) → \(t.position.value)")
    out.append("")
    switch plan.direction {
    case .none:
      out.append("Current and target are the same: no change is planned.")
    case .towardsLearner, .towardsOrganisation:
      let way =
        plan.direction == .towardsLearner ? "towards the learner" : "towards the organisation"
      let stages =
        plan.stagesCrossed == 0
        ? "within \(md(c.stage.name))"
        : "\(md(c.stage.name)) → \(md(t.stage.name)), crossing \(plan.stagesCrossed) stage "
          + (plan.stagesCrossed == 1 ? "boundary" : "boundaries")
      out.append("\(plan.distance) points \(way), \(stages).")
    }
    if let caveat = plan.caveat {
      out.append("")
      out.append("> **Large jump.** \(md(caveat))")
    }
    out.append("")
    for (head, items) in [
      ("Introduce", plan.introduce), ("Keep", plan.keep), ("Phase down", plan.phaseDown),
    ] {
      let list =
        items.isEmpty ? "none" : items.map { "\(md($0.id)) \(md($0.name))" }.joined(separator: ", ")
      out.append("- **\(head)** (\(items.count)): \(list)")
    }
    out.append("")

    for (label, reading) in [("current", c), ("target", t)] {
      out.append(
        "## Recommendations at the \(label) position, \(reading.position.value) (\(md(reading.stage.name)))"
      )
      out.append("")
      if reading.recommendations.isEmpty {
        out.append("Nothing in the catalogue fits here.")
      } else {
        out.append("| # | Approach | Fit | Score | Note |")
        out.append("|---:|---|---|---:|---|")
        for (i, r) in reading.recommendations.enumerated() {
          let dots =
            String(repeating: "●", count: r.fit) + String(repeating: "○", count: max(0, 4 - r.fit))
          let flag = r.pinned ? "pinned (always kept)" : r.nextStep ? "next step" : ""
          out.append(
            "| \(i + 1) | \(md(r.id)) \(md(r.name)) | \(dots) | \(decimal(r.score, 2)) | \(flag) |")
        }
      }
      out.append("")
    }

    if !s.note.isEmpty {
      out.append("## Note")
      out.append("")
      for line in s.note.split(separator: "\n", omittingEmptySubsequences: false) {
        out.append(line.isEmpty ? ">" : "> \(md(String(line)))")
      }
      out.append("")
    }
    out.append("---")
    out.append("")
    out.append(
      "*The continuum idea is Kineo's (\"Power to the learner\", 2018). Stage names, the "
        + "catalogue and the wording are this tool's own interpretation.*")
    return out.joined(separator: "\n") + "\n"
  }

  /// Escapes the characters Markdown would read as formatting or as a table cell boundary.
  static func md(_ text: String) -> String {
    var out = ""
    for ch in TextSanitizer.cleanLine(text) {
      switch ch {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": out.append("\\"); out.append(ch)
      default: out.append(ch)
      }
    }
    return out
  }

  /// `x` with exactly `places` decimals, without locale-dependent formatting.
  static func decimal(_ x: Double, _ places: Int) -> String { NumberText.fixed(x, places: places) }
}

extension SnapshotFormatter {
  /// "## Learning areas": one row per area, the one the report is about marked.
  static func areaLines(_ areas: [LearningArea], active: String?) -> [String] {
    var out = ["## Learning areas", ""]
    if let active { out += ["The positions above are for **\(md(active))**.", ""] }
    out.append("| Area | Current | Target | Gap | |")
    out.append("|---|---:|---:|---:|---|")
    for a in areas {
      let gap = a.gap > 0 ? "+\(a.gap)" : "\(a.gap)"
      var flags: [String] = []
      if a.name == active { flags.append("shown above") }
      if a.pinned { flags.append("pinned") }
      out.append(
        "| \(md(a.name)) | \(a.current.value) (\(a.current.stage.name)) | "
          + "\(a.target.value) (\(a.target.stage.name)) | \(gap) | \(flags.joined(separator: ", ")) |"
      )
    }
    out.append("")
    return out
  }

  /// "## Self-assessment answers": each question's answer number (1 = most organisation-led) for
  /// today and for where we want to be.
  static func assessmentLines(_ a: Snapshot.AssessmentRecord) -> [String] {
    var out = [
      "## Self-assessment answers", "",
      "Question set: \(md(a.questions.name)) (version \(md(a.questions.version))). Answers are "
        + "numbered 1 (most organisation-led) to 4; not sure is left out of the scores.",
      "", "| Question | Today | Where we want to be |", "|---|---:|---:|",
    ]
    func show(_ c: AssessmentChoice?) -> String {
      switch c {
      case .answer(let i)?: "\(i + 1)"
      case .notSure?: "not sure"
      case nil: "–"
      }
    }
    let ids = Set(a.answers.today.keys).union(a.answers.target.keys).sorted(by: numericOrder)
    for id in ids {
      out.append("| \(md(id)) | \(show(a.answers.today[id])) | \(show(a.answers.target[id])) |")
    }
    out.append("")
    return out
  }
}

/// Whether `a` sorts before `b` with runs of ASCII digits compared by their value ("Q2" before
/// "Q10"), as Foundation's `compare(_:options: .numeric)`; other characters by code point.
func numericOrder(_ a: String, _ b: String) -> Bool {
  let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
  func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
  func digits(_ s: [Unicode.Scalar], from start: Int) -> (
    value: ArraySlice<Unicode.Scalar>, end: Int
  ) {
    var end = start
    while end < s.count, isDigit(s[end]) { end += 1 }
    var first = start
    while first < end - 1, s[first] == "0" { first += 1 }  // leading zeros do not count
    return (s[first..<end], end)
  }
  var i = 0, j = 0
  while i < x.count, j < y.count {
    if isDigit(x[i]), isDigit(y[j]) {
      let (m, iEnd) = digits(x, from: i), (n, jEnd) = digits(y, from: j)
      if m.count != n.count { return m.count < n.count }
      if let k = zip(m, n).first(where: { $0 != $1 }) { return k.0.value < k.1.value }
      i = iEnd
      j = jEnd
    } else {
      if x[i] != y[j] { return x[i].value < y[j].value }
      i += 1
      j += 1
    }
  }
  return x.count - i < y.count - j
}
