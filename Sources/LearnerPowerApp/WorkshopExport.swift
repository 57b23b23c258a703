#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

/// Export formats of a workshop session.
public enum WorkshopExportFormat: String, Sendable, CaseIterable {
  /// Markdown report.
  case md
  /// `learnerpower.session/2` JSON.
  case json
  /// One row per vote.
  case csv
  /// Each vote's distribution on the continuum, as vectors.
  case svg
}

/// Writes a session as a Markdown report, JSON, CSV of votes or SVG charts.
///
/// ```swift
/// let md = WorkshopExport.render(session, format: .md, catalogue: .builtIn)
/// ```
public enum WorkshopExport {
  /// The JSON schema id written into session exports.
  public static let schema = "learnerpower.session/2"

  /// The export as text.
  public static func render(
    _ session: WorkshopSession, format: WorkshopExportFormat, catalogue: Catalogue
  ) -> String {
    switch format {
    case .md: return markdown(session, catalogue: catalogue)
    case .json: return json(session, catalogue: catalogue)
    case .csv: return csv(session)
    case .svg: return svg(session)
    }
  }

  // MARK: - Markdown

  /// The Markdown report: agenda, votes with statistics, agreed positions, transition, notes.
  public static func markdown(_ session: WorkshopSession, catalogue: Catalogue) -> String {
    let script = session.script
    var out = "# \(md(script.title))\n\n"
    if let organisation = script.organisation { out += "Organisation: \(md(organisation))  \n" }
    out += "Session: `\(session.id)`"
    if let source = session.source { out += " (script `\(md(source))`)" }
    out += "\n\n## Agenda\n\n"
    for (i, step) in script.steps.enumerated() {
      var line = "\(i + 1). **\(md(step.title))** (\(step.kind.rawValue)"
      if let area = step.area { line += ", \(md(area))" }
      if let p = step.position { line += ", position \(p)" }
      if let f = step.from, let t = step.to { line += ", sweep \(f)–\(t)" }
      if let m = step.minutes { line += ", \(VoteStatistics.format(m)) min planned" }
      line += ", \(clock(session.seconds[i] ?? 0)) spent)"
      if i == session.stepIndex { line += " ← where the session is" }
      out += line + "\n"
    }
    out += "\n## Votes\n"
    var anyVote = false
    for (i, step) in script.steps.enumerated() where step.kind.collectsVotes {
      anyVote = true
      out += "\n### \(i + 1). \(md(step.title))\(step.area.map { " (\(md($0)))" } ?? "")\n\n"
      if let prompt = step.prompt { out += "> \(md(prompt))\n\n" }
      out += "| | count | median | mean | Q1–Q3 | IQR |\n|---|---|---|---|---|---|\n"
      for (label, target) in labels(step.collect) {
        let s = session.statistics(of: i, target: target)
        out +=
          "| \(label) | \(s.count) | \(s.medianText) | \(s.meanText) | \(s.quartilesText) | "
          + "\(s.interquartileRange.map(VoteStatistics.format) ?? "–") |\n"
      }
      out += "\n"
      for (label, target) in labels(step.collect) {
        out += session.statistics(of: i, target: target).sentence(label: label) + "\n"
      }
      let votes = session.votes(of: i)
      if !votes.isEmpty {
        out += "\n"
        for v in votes { out += "- \(md(v.name ?? "anonymous")): \(voteText(v, step.collect))\n" }
      }
    }
    if !anyVote { out += "\nThis script has no vote steps.\n" }
    let results = session.results
    if session.hasAreaResults {
      out += areasMarkdown(results, catalogue: catalogue)
    } else {
      out += "\n## Agreed positions\n\n"
      out += "- Current: \(agreedText(session.agreedCurrent))\n"
      out += "- Target: \(agreedText(session.agreedTarget))\n"
      switch session.agreedSource(in: nil) {
      case .adjusted: out += "\nSet by the facilitator.\n"
      case .assessment:
        out +=
          "\nFrom the room's self-assessment: the median answer of each question, then the mean.\n"
      case .votes, .none: out += "\nThe medians of every vote.\n"
      }
      out += "\n## Transition plan\n\n"
      out += planMarkdown(
        current: session.agreedCurrent, target: session.agreedTarget, catalogue: catalogue)
    }
    out += "\n## Notes taken live\n\n"
    if session.notes.isEmpty { out += "None.\n" }
    for note in session.notes {
      let title = script.steps.indices.contains(note.step) ? script.steps[note.step].title : "?"
      out += "- Step \(note.step + 1) (\(md(title))): \(md(note.text))\n"
    }
    return out
  }

  /// The agreed positions as a table with a row per learning area, then each area's plan.
  static func areasMarkdown(_ results: [WorkshopSession.AreaResult], catalogue: Catalogue) -> String
  {
    var out = "\n## Agreed positions by learning area\n\n"
    out += "| Area | Current | Target | Gap | From | Votes |\n|---|---|---|---|---|---|\n"
    for r in results {
      let gap = r.current.flatMap { c in r.target.map { t in t.value - c.value } }
      out +=
        "| \(md(r.name))\(r.pinned ? " (pinned)" : "") | \(positionText(r.current)) | "
        + "\(positionText(r.target)) | \(gap.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "–") | "
        + "\(r.source.words) | \(r.votes) |\n"
    }
    if results.contains(where: \.pinned) {
      out += "\nPinned areas are held in place on purpose (for example compliance).\n"
    }
    out += "\n## Transition plans\n"
    for r in results {
      out += "\n### \(md(r.name))\n\n"
      out += planMarkdown(current: r.current, target: r.target, catalogue: catalogue)
    }
    return out
  }

  /// `From … to …` and the introduce / keep / phase-down lists, or a line saying there is none.
  static func planMarkdown(current: Position?, target: Position?, catalogue: Catalogue) -> String {
    guard let c = current, let t = target else { return "No agreed current and target yet.\n" }
    let plan = Transition(from: c, to: t, catalogue: catalogue)
    var out = "From \(c) (\(c.stage.name)) to \(t) (\(t.stage.name)).\n\n"
    out += "- Introduce: \(names(plan.introduce))\n"
    out += "- Keep: \(names(plan.keep))\n"
    out += "- Phase down: \(names(plan.phaseDown))\n"
    if let caveat = plan.caveat { out += "\n\(caveat)\n" }
    return out
  }

  static func positionText(_ p: Position?) -> String {
    p.map { "\($0) (\($0.stage.name))" } ?? "–"
  }

  // MARK: - Snapshot

  /// The session's agreed positions as an explorer snapshot (`learnerpower.snapshot/2`), one
  /// learning area per result that has a position, so `o` then `a` in the explorer takes the
  /// workshop's outcome. An area with only one agreed marker uses it for both. Nil when nothing
  /// has been agreed yet.
  ///
  /// ```swift
  /// let snapshot = WorkshopExport.snapshot(session, catalogue: .builtIn, created: .now())
  /// snapshot?.areas?.map(\.name)  // ["Compliance", "Leadership"]
  /// ```
  public static func snapshot(
    _ session: WorkshopSession, catalogue: Catalogue, created: SnapshotTimestamp
  ) -> Snapshot? {
    let results = session.results
    let areas = results.compactMap { r -> LearningArea? in
      guard let c = r.current ?? r.target, let t = r.target ?? r.current else { return nil }
      return LearningArea(name: r.name, current: c, target: t, pinned: r.pinned)
    }
    guard let first = areas.first else { return nil }
    let missing = results.filter { $0.current == nil && $0.target == nil }.map(\.name)
    var note = "Agreed in workshop session \(session.id)"
    if let organisation = session.script.organisation { note += " (\(organisation))" }
    note +=
      ". "
      + results.filter { $0.current != nil || $0.target != nil }.map { r in
        // A snapshot area needs both markers: say which one stands in for the other.
        let half =
          r.target == nil
          ? ", target not agreed (set to the current)"
          : r.current == nil ? ", current not agreed (set to the target)" : ""
        return "\(r.name): \(r.source.words)\(half)"
      }.joined(separator: "; ") + "."
    if !missing.isEmpty { note += " Not agreed: " + missing.joined(separator: ", ") + "." }
    return Snapshot.make(
      current: first.current, target: first.target, catalogue: catalogue,
      title: "Agreed: " + session.script.title, note: note, created: created,
      app: .init(name: "learnerpower", version: appVersion), areas: areas, area: first.name)
  }

  /// Where a session's agreed snapshot lives in the snapshots `folder`: one file per session,
  /// replaced as the agreement moves on (`x` in the session and `workshop export --format
  /// snapshot` write the same file).
  public static func agreedSnapshotPath(_ session: WorkshopSession, folder: String) -> String {
    folder + "/" + session.id + "-agreed.json"
  }

  // MARK: - JSON

  struct StatsJSON: Codable {
    var count: Int
    var median: Double?
    var mean: Double?
    var q1: Double?
    var q3: Double?
    var iqr: Double?
  }

  struct StepJSON: Codable {
    var index: Int
    var kind: String
    var title: String
    var position: Int?
    var from: Int?
    var to: Int?
    var prompt: String?
    var notes: String?
    var minutes: Double?
    var collect: String?
    var area: String?
    var question: String?
    var seconds: Double
    var revealed: Bool?
    var votes: [WorkshopVote]?
    var statistics: [String: StatsJSON]?
  }

  struct AgreedJSON: Codable {
    var current: Int?
    var target: Int?
    var adjusted: Bool
    var source: String
  }

  struct AreaJSON: Codable {
    var name: String
    var pinned: Bool
    var votes: Int
    var agreed: AgreedJSON
    var transition: TransitionJSON?
  }

  struct ApproachJSON: Codable {
    var id: String
    var name: String
  }

  struct TransitionJSON: Codable {
    var from: Int
    var to: Int
    var introduce: [ApproachJSON]
    var keep: [ApproachJSON]
    var phaseDown: [ApproachJSON]
    var caveat: String?
  }

  struct SessionJSON: Codable {
    var schema: String
    var id: String
    var title: String
    var organisation: String?
    var source: String?
    var startedAt: Double
    var updatedAt: Double
    var currentStep: Int
    var steps: [StepJSON]
    var notes: [WorkshopNote]
    var agreed: AgreedJSON
    var transition: TransitionJSON?
    var areas: [AreaJSON]
  }

  static func agreedJSON(_ r: WorkshopSession.AreaResult) -> AgreedJSON {
    AgreedJSON(
      current: r.current?.value, target: r.target?.value, adjusted: r.source == .adjusted,
      source: r.source.rawValue)
  }

  static func transitionJSON(_ current: Position?, _ target: Position?, catalogue: Catalogue)
    -> TransitionJSON?
  {
    guard let c = current, let t = target else { return nil }
    let plan = Transition(from: c, to: t, catalogue: catalogue)
    let list = { (a: [Approach]) in a.map { ApproachJSON(id: $0.id, name: $0.name) } }
    return TransitionJSON(
      from: c.value, to: t.value, introduce: list(plan.introduce), keep: list(plan.keep),
      phaseDown: list(plan.phaseDown), caveat: plan.caveat)
  }

  static func stats(_ s: VoteStatistics) -> StatsJSON {
    StatsJSON(
      count: s.count, median: s.median,
      mean: s.mean.map { ($0 * 10).rounded(.toNearestOrAwayFromZero) / 10 },
      q1: s.lowerQuartile, q3: s.upperQuartile, iqr: s.interquartileRange)
  }

  /// `learnerpower.session/2` JSON, sorted keys, pretty-printed: `agreed` and `transition` are
  /// the whole organisation's, `areas` each learning area's (empty without areas).
  public static func json(_ session: WorkshopSession, catalogue: Catalogue) -> String {
    let steps = session.script.steps.enumerated().map { i, step -> StepJSON in
      let isVote = step.kind.collectsVotes
      var statistics: [String: StatsJSON]?
      if isVote {
        var table: [String: StatsJSON] = [:]
        if step.collect.wantsCurrent {
          table["current"] = stats(session.statistics(of: i, target: false))
        }
        if step.collect.wantsTarget {
          table["target"] = stats(session.statistics(of: i, target: true))
        }
        statistics = table
      }
      return StepJSON(
        index: i, kind: step.kind.rawValue, title: step.title, position: step.position?.value,
        from: step.from?.value, to: step.to?.value, prompt: step.prompt, notes: step.notes,
        minutes: step.minutes, collect: isVote ? step.collect.rawValue : nil, area: step.area,
        question: step.question, seconds: session.seconds[i] ?? 0,
        revealed: isVote ? session.revealed.contains(i) : nil,
        votes: isVote ? session.votes(of: i) : nil, statistics: statistics)
    }
    let whole = session.result(in: nil)
    let areas = session.script.areas.map { area -> AreaJSON in
      let r = session.result(in: area.name)
      return AreaJSON(
        name: r.name, pinned: r.pinned, votes: r.votes, agreed: agreedJSON(r),
        transition: transitionJSON(r.current, r.target, catalogue: catalogue))
    }
    let doc = SessionJSON(
      schema: schema, id: session.id, title: session.script.title,
      organisation: session.script.organisation, source: session.source,
      startedAt: session.startedAt, updatedAt: session.updatedAt, currentStep: session.stepIndex,
      steps: steps, notes: session.notes, agreed: agreedJSON(whole),
      transition: transitionJSON(whole.current, whole.target, catalogue: catalogue), areas: areas)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(doc) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  // MARK: - CSV

  /// One row per vote: `step,step_title,name,current,target,area` (area last, so readers of
  /// the first five columns are unaffected; empty for the whole organisation).
  public static func csv(_ session: WorkshopSession) -> String {
    var out = "step,step_title,name,current,target,area\n"
    for (i, step) in session.script.steps.enumerated() where step.kind.collectsVotes {
      for v in session.votes(of: i) {
        let fields = [
          String(i + 1), step.title, v.name ?? "", v.current.map(String.init) ?? "",
          v.target.map(String.init) ?? "", step.area ?? "",
        ]
        out += fields.map(csvField).joined(separator: ",") + "\n"
      }
    }
    return out
  }

  static func csvField(_ s: String) -> String {
    // A leading = + - @ would be read as a formula by spreadsheets.
    var text = s
    if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
      text = "'" + text
    }
    // Scalar by scalar: a quote or comma carrying a combining mark still splits a CSV field.
    guard text.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else {
      return text
    }
    var quoted = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\"" { quoted.append("\"") }
      quoted.append(scalar)
    }
    return "\"" + String(quoted) + "\""
  }

  // MARK: - SVG

  /// Each vote step's distribution on the continuum: a 0–100 track with stage bands, one dot
  /// per vote (stacked when equal), the interquartile box and the median line.
  public static func svg(_ session: WorkshopSession) -> String {
    let voteSteps = session.script.steps.enumerated().filter { $0.element.kind.collectsVotes }
    let width = 800.0
    let left = 40.0
    let right = 760.0
    let rowHeight = 90.0
    var rows: [(title: String, stats: VoteStatistics, target: Bool)] = []
    for (i, step) in voteSteps {
      for (label, target) in labels(step.collect) {
        let title = step.area.map { "\(i + 1). \($0): \(step.title)" } ?? "\(i + 1). \(step.title)"
        rows.append(("\(title) — \(label)", session.statistics(of: i, target: target), target))
      }
    }
    // With learning areas, a last panel puts every area's agreed positions on one scale.
    let results = session.results
    let areaPanel = session.hasAreaResults
    let areaRowHeight = 28.0
    let areaTop = 60 + rowHeight * Double(max(rows.count, 1))
    let height = areaTop + (areaPanel ? 50 + areaRowHeight * Double(results.count) + 30 : 0) + 20
    func x(_ v: Double) -> Double { left + (right - left) * v / 100 }
    func n(_ v: Double) -> String { VoteStatistics.format(v) }
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
      viewBox="0 0 \(n(width)) \(n(height))" font-family="sans-serif" font-size="12">
      <title>\(xml(session.script.title)): votes</title>
      <rect width="100%" height="100%" fill="#ffffff"/>
      <text x="\(n(left))" y="28" font-size="18" font-weight="bold">\(xml(session.script.title))</text>

      """
    if rows.isEmpty {
      out += "<text x=\"\(n(left))\" y=\"70\">No vote steps.</text>\n"
    }
    let bandColours = ["#e8eef7", "#e3f1e6", "#fbf1dc", "#f6e3e3"]
    for (r, row) in rows.enumerated() {
      let top = 50 + rowHeight * Double(r)
      let track = top + 55
      out +=
        "<g>\n<text x=\"\(n(left))\" y=\"\(n(top + 14))\" font-weight=\"bold\">\(xml(row.title))</text>\n"
      out += "<desc>\(xml(row.stats.sentence(label: row.target ? "target" : "current")))</desc>\n"
      for (s, stage) in Stage.allCases.enumerated() {
        let lo = Double(stage.band.lowerBound)
        let hi = Double(stage.band.upperBound == 100 ? 100 : stage.band.upperBound + 1)
        out +=
          "<rect x=\"\(n(x(lo)))\" y=\"\(n(track - 22))\" width=\"\(n(x(hi) - x(lo)))\" height=\"30\" "
          + "fill=\"\(bandColours[s % bandColours.count])\"/>\n"
      }
      out +=
        "<line x1=\"\(n(left))\" y1=\"\(n(track))\" x2=\"\(n(right))\" y2=\"\(n(track))\" stroke=\"#555\"/>\n"
      for tick in [0, 25, 50, 75, 100] {
        out +=
          "<text x=\"\(n(x(Double(tick))))\" y=\"\(n(track + 20))\" text-anchor=\"middle\" fill=\"#555\">\(tick)</text>\n"
      }
      if let q1 = row.stats.lowerQuartile, let q3 = row.stats.upperQuartile {
        out +=
          "<rect x=\"\(n(x(q1)))\" y=\"\(n(track - 8))\" width=\"\(n(max(1, x(q3) - x(q1))))\" height=\"16\" "
          + "fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\"/>\n"
      }
      if let median = row.stats.median {
        out +=
          "<line x1=\"\(n(x(median)))\" y1=\"\(n(track - 12))\" x2=\"\(n(x(median)))\" y2=\"\(n(track + 12))\" "
          + "stroke=\"#000\" stroke-width=\"3\"/>\n"
      }
      var stack: [Int: Int] = [:]
      let colour = row.target ? "#d9822b" : "#2b6cb0"
      for v in row.stats.values {
        let level = stack[v, default: 0]
        stack[v] = level + 1
        out +=
          "<circle cx=\"\(n(x(Double(v))))\" cy=\"\(n(track - 14 - 7 * Double(level)))\" r=\"3.5\" fill=\"\(colour)\"/>\n"
      }
      let summary =
        "n=\(row.stats.count)  median \(row.stats.medianText)  mean \(row.stats.meanText)  "
        + "IQR \(row.stats.quartilesText)"
      out +=
        "<text x=\"\(n(right))\" y=\"\(n(top + 14))\" text-anchor=\"end\">\(xml(summary))</text>\n</g>\n"
    }
    if areaPanel {
      out += areasSVG(results, top: areaTop, left: left, right: right, rowHeight: areaRowHeight)
    }
    out += "</svg>\n"
    return out
  }

  /// Every learning area's agreed current (circle) and target (diamond) on aligned tracks, with
  /// the name on the left and the numbers on the right in visible text (a slide has no tooltips).
  static func areasSVG(
    _ results: [WorkshopSession.AreaResult], top: Double, left: Double, right: Double,
    rowHeight: Double
  ) -> String {
    func n(_ v: Double) -> String { VoteStatistics.format(v) }
    // Names get 200 px (about 28 characters at 12 px) and the numbers 90 px, so neither runs
    // into the track.
    let trackLeft = left + 210
    let trackRight = right - 90
    func x(_ v: Int) -> Double { trackLeft + (trackRight - trackLeft) * Double(v) / 100 }
    var out =
      "<g>\n<text x=\"\(n(left))\" y=\"\(n(top + 24))\" font-size=\"15\" font-weight=\"bold\">Agreed by learning area</text>\n"
    out += "<desc>Circle: agreed current. Diamond: agreed target.</desc>\n"
    out +=
      "<text x=\"\(n(right))\" y=\"\(n(top + 24))\" text-anchor=\"end\" fill=\"#555\">● current  ◆ target</text>\n"
    for tick in [0, 25, 50, 75, 100] {
      out +=
        "<text x=\"\(n(x(tick)))\" y=\"\(n(top + 42))\" text-anchor=\"middle\" fill=\"#555\">\(tick)</text>\n"
    }
    for (r, result) in results.enumerated() {
      let y = top + 60 + rowHeight * Double(r)
      var label = result.name + (result.pinned ? " (pinned)" : "")
      if label.count > 28 { label = String(label.prefix(27)) + "…" }
      out +=
        "<text x=\"\(n(left))\" y=\"\(n(y + 4))\"><title>\(xml(result.name))</title>\(xml(label))</text>\n"
      out +=
        "<line x1=\"\(n(trackLeft))\" y1=\"\(n(y))\" x2=\"\(n(trackRight))\" y2=\"\(n(y))\" stroke=\"#999\"/>\n"
      if let c = result.current, let t = result.target, c != t {
        out +=
          "<line x1=\"\(n(x(c.value)))\" y1=\"\(n(y))\" x2=\"\(n(x(t.value)))\" y2=\"\(n(y))\" stroke=\"#333\" stroke-width=\"2\"/>\n"
      }
      if let t = result.target {
        let cx = x(t.value)
        out +=
          "<polygon points=\"\(n(cx)),\(n(y - 7)) \(n(cx + 7)),\(n(y)) \(n(cx)),\(n(y + 7)) \(n(cx - 7)),\(n(y))\" fill=\"#d9822b\"><title>\(xml(result.name)) target \(t.value)</title></polygon>\n"
      }
      if let c = result.current {
        out +=
          "<circle cx=\"\(n(x(c.value)))\" cy=\"\(n(y))\" r=\"6\" fill=\"#2b6cb0\"><title>\(xml(result.name)) current \(c.value)</title></circle>\n"
      }
      let numbers =
        result.current == nil && result.target == nil
        ? "no votes yet"
        : "\(result.current.map(String.init) ?? "–") → \(result.target.map(String.init) ?? "–")"
      out += "<text x=\"\(n(right))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(numbers)</text>\n"
    }
    out += "</g>\n"
    return out
  }

  // MARK: - Helpers

  static func labels(_ collect: VoteCollect) -> [(String, Bool)] {
    switch collect {
    case .current: [("current", false)]
    case .target: [("target", true)]
    case .both: [("current", false), ("target", true)]
    }
  }

  static func voteText(_ v: WorkshopVote, _ collect: VoteCollect) -> String {
    switch collect {
    case .current: v.current.map(String.init) ?? "–"
    case .target: v.target.map(String.init) ?? "–"
    case .both: "\(v.current.map(String.init) ?? "–") → \(v.target.map(String.init) ?? "–")"
    }
  }

  static func agreedText(_ p: Position?) -> String {
    guard let p else { return "not set (no votes yet)" }
    return "\(p) (\(p.stage.name))"
  }

  static func names(_ approaches: [Approach]) -> String {
    approaches.isEmpty ? "none" : approaches.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
  }

  /// `m:ss`.
  public static func clock(_ seconds: Double) -> String {
    let total = Int(max(0, seconds.isFinite ? seconds : 0))
    let s = total % 60
    return "\(total / 60):\(s < 10 ? "0" : "")\(s)"
  }

  static func md(_ s: String) -> String {
    // Scalar by scalar: a `<` or `|` carrying a combining mark is still a Markdown character.
    var out = String.UnicodeScalarView()
    for scalar in TextSanitizer.cleanLine(s).unicodeScalars {
      if "\\`*_[]<>|#".unicodeScalars.contains(scalar) { out.append("\\") }
      out.append(scalar)
    }
    return String(out)
  }

  /// One escaper for every SVG the app writes: scalar by scalar, so a `<` carrying a
  /// combining mark is escaped too.
  static func xml(_ s: String) -> String { SnapshotSVG.esc(s) }
}
