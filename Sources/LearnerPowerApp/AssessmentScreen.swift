import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

/// Draws the questionnaire: one question per screen, or the result. Used by the explorer (`a`)
/// and by `learnerpower assess`; tests render it straight to text.
///
/// ```swift
/// let grid = AssessmentScreen.render(AssessmentSession(questions: .builtIn), theme: theme,
///                                    size: Size(width: 80, height: 24), ascii: false)
/// ```
public enum AssessmentScreen {
  /// The smallest size the questionnaire lays out in (the explorer's minimum).
  public static let minimum = Screen.minimum

  /// Draws the whole screen for `session` at `size`.
  public static func render(
    _ session: AssessmentSession, theme: Theme, size: Size, ascii: Bool
  ) -> CellGrid {
    let styles = Styles(theme)
    var grid = CellGrid(size: size, fill: .blank(styles.base))
    guard size.width >= minimum.width, size.height >= minimum.height else {
      Screen.drawTooSmall(
        into: &grid, style: styles.message, ascii: ascii, screen: "The self-assessment")
      return grid
    }
    let painter = AssessmentPainter(
      session: session, styles: styles, glyphs: ascii ? .ascii : .unicode, size: size)
    if session.showingResult {
      painter.drawResult(into: &grid)
    } else {
      painter.drawQuestion(into: &grid)
    }
    return grid
  }
}

/// One frame's drawing state.
struct AssessmentPainter {
  let session: AssessmentSession
  let styles: Styles
  let glyphs: GlyphSet
  let size: Size

  var width: Int { size.width }
  /// "·" between parts of a line; "-" in ASCII mode.
  var separator: String { glyphs == .ascii ? "-" : "·" }

  // MARK: - Question

  func drawQuestion(into grid: inout CellGrid) {
    guard let q = session.question else {
      title("Self-assessment", into: &grid)
      put("This question set has no questions.", x: 2, y: 2, style: styles.message, into: &grid)
      hints([("Esc", "leave")], into: &grid)
      return
    }
    title(
      "Self-assessment \(separator) Question \(session.progress)"
        + " \(separator) \(q.dimension.name)", into: &grid)
    let box = Rect(x: 0, y: 1, width: width, height: size.height - 3)
    let inner = Box(
      title: q.id, style: styles.border, titleStyle: styles.panelTitle, fill: styles.panel,
      glyphs: glyphs
    ).draw(into: &grid, in: box)
    let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    let rows = q.answers + ["Not sure / not applicable"]
    let tagWidth = 8
    let answerWidth = max(1, area.width - 5 - tagWidth)
    // Lines each answer needs unwrapped (at most 2), and what the question needs in all: its
    // text, a gap, the horizon tabs, a gap, the answers and the row kept free below them.
    let answerLines = rows.map { min(2, max(1, TextWidth.wrap($0, width: answerWidth).count)) }
    let questionLines = min(2, max(1, TextWidth.wrap(q.text, width: area.width).count))
    let needed = questionLines + 3 + answerLines.reduce(0, +) + 1
    var y = area.y
    if session.index == 0, !session.questions.intro.isEmpty {
      // The intro goes in whatever the question leaves free (and a gap after it); it shows
      // when at least its first two lines fit, cut with an ellipsis if it has more.
      let intro = Text(
        TextSanitizer.cleanLine(session.questions.intro), style: styles.muted,
        ellipsis: glyphs.ellipsis)
      let introLines = intro.lines(width: area.width).count
      let room = min(introLines, 4, area.height - needed - 1)
      if room >= min(introLines, 2) {
        y += intro.draw(into: &grid, in: Rect(x: area.x, y: y, width: area.width, height: room)) + 1
      }
    }
    var heading = styles.heading
    heading.attributes.insert(.bold)
    y += Text(q.text, style: heading).draw(
      into: &grid, in: Rect(x: area.x, y: y, width: area.width, height: 2))
    y += 1
    y = drawHorizonTabs(at: y, area: area, into: &grid) + 1

    // Every answer gets the lines it needs when they all fit; otherwise one line each.
    let roomPerRow = answerLines.reduce(0, +) + 1 <= area.maxY - y ? 2 : 1
    for (i, text) in rows.enumerated() {
      let highlighted = i == session.highlight
      // "?" like the workshop's answer field; 0 and n work too.
      let key = i < q.answers.count ? "\(i + 1)" : "?"
      let pointer = highlighted ? glyphs.pointer : " "
      var rowStyle = highlighted ? styles.selected : styles.panel
      if highlighted { rowStyle.attributes.insert(.reverse) }
      let lineCount = min(2, roomPerRow)
      let textRect = Rect(
        x: area.x + 5, y: y, width: max(1, area.width - 5 - tagWidth), height: lineCount)
      grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: .blank(rowStyle))
      put(
        "\(pointer) \(key)", x: area.x, y: y, style: highlighted ? rowStyle : styles.hintKey,
        into: &grid)
      let used = Text(text, style: rowStyle, ellipsis: glyphs.ellipsis).draw(
        into: &grid, in: textRect)
      let tag = tagText(for: i, question: q)
      if !tag.isEmpty {
        let x = area.maxX - TextWidth.columns(tag)
        var tagStyle = styles.current
        tagStyle.attributes.insert(.bold)
        put(tag, x: x, y: y, style: tagStyle, into: &grid)
      }
      y += max(1, used)
      if y >= area.maxY - 1 { break }
    }
    let status =
      "Today: \(describe(session.choice(.today))) \(separator) "
      + "Target: \(describe(session.choice(.target))) \(separator) "
      + "\(session.completed) of \(session.questions.questions.count) done"
    statusLine(status, into: &grid)
    hints(
      [
        ("1-4", "answer"), ("?/0", "not sure"), ("Tab", "today/target"),
        ("\(glyphs.arrowLeft)/\(glyphs.arrowRight)", "question"), ("r", "result"), ("Esc", "leave"),
      ], into: &grid)
  }

  /// "[Today]  Where we want to be" with the active horizon emphasised; returns the next row.
  private func drawHorizonTabs(at y: Int, area: Rect, into grid: inout CellGrid) -> Int {
    var x = area.x
    x += put("Answer for: ", x: x, y: y, style: styles.muted, into: &grid)
    for h in AssessmentHorizon.allCases {
      let active = h == session.horizon
      var style = h == .today ? styles.current : styles.target
      if active { style.attributes.formUnion([.reverse, .bold]) }
      let label = active ? "[\(h.title)]" : " \(h.title) "
      x += put(label, x: x, y: y, style: style, into: &grid) + 2
    }
    return y + 1
  }

  /// "Today", "Target" or "Both" beside the row chosen for each horizon.
  private func tagText(for row: Int, question q: AssessmentQuestion) -> String {
    let choice: AssessmentChoice = row < q.answers.count ? .answer(row) : .notSure
    let today = session.answers[.today, q.id] == choice
    let target = session.answers[.target, q.id] == choice
    switch (today, target) {
    case (true, true): return "Both"
    case (true, false): return "Today"
    case (false, true): return "Target"
    case (false, false): return ""
    }
  }

  private func describe(_ choice: AssessmentChoice?) -> String {
    switch choice {
    case .answer(let i)?: return "\(i + 1) (\(choice?.score ?? 0))"
    case .notSure?: return "not sure"
    case nil: return "–"
    }
  }

  // MARK: - Result

  func drawResult(into grid: inout CellGrid) {
    title("Self-assessment result", into: &grid)
    let box = Rect(x: 0, y: 1, width: width, height: size.height - 3)
    let inner = Box(
      title: session.questions.name, style: styles.border, titleStyle: styles.panelTitle,
      fill: styles.panel, glyphs: glyphs
    ).draw(into: &grid, in: box)
    let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    switch session.result {
    case .failure(let error):
      var style = styles.warning
      style.attributes.insert(.bold)
      _ = Text("Cannot score yet: \(error).", style: style).draw(into: &grid, in: area)
      statusLine(
        "\(session.completed) of \(session.questions.questions.count) answered for both",
        into: &grid)
      hints([("b", "back to the questions"), ("Esc", "leave")], into: &grid)
    case .success(let result):
      drawScores(result, area: area, into: &grid)
      let areaName = session.areaName.map(TextSanitizer.cleanLine)
      statusLine(
        "Current \(result.today.position.value) \(glyphs.arrowRight) target "
          + "\(result.target.position.value): press m to put them into "
          + (areaName.map { "\($0)'s markers" } ?? "the explorer's markers"),
        into: &grid)
      if let areaName {
        // The area's name matters more than the wording of `b`: shorten that first, then the
        // name, so every key still shows.
        let hint = { (name: String) in "put into \(name)'s markers" }
        let bLabel = ["back to the questions", "back"].first { b in
          KeyHints([("m", hint(areaName)), ("b", b), ("Esc", "leave")]).fittingCount(
            width: width - 1) == 3
        }
        let b = bLabel ?? "back"
        let room = width - 1 - TextWidth.columns("m \(hint(""))  b \(b)  Esc leave")
        let name = TextWidth.truncate(areaName, toColumns: max(4, room), ellipsis: glyphs.ellipsis)
        hints([("m", hint(name)), ("b", b), ("Esc", "leave")], into: &grid)
      } else {
        hints(
          [("m", "put into markers"), ("b", "back to the questions"), ("Esc", "leave")], into: &grid
        )
      }
    }
  }

  private func drawScores(_ r: Assessment, area: Rect, into grid: inout CellGrid) {
    var y = area.y
    for (label, score, style) in [
      ("Today", r.today, styles.current), ("Target", r.target, styles.target),
    ] {
      var x = area.x
      var bold = style
      bold.attributes.insert(.bold)
      x += put(
        label + String(repeating: " ", count: max(0, 8 - label.count)), x: x, y: y, style: bold,
        into: &grid)
      x += put(
        "\(score.position.value) \(score.position.stage.name)", x: x, y: y,
        style: styles.stage(score.position.stage), into: &grid)
      put(
        "  mean \(AssessmentReport.one(score.mean)), median \(AssessmentReport.one(score.median)), "
          + "spread \(AssessmentReport.one(score.spread)), \(score.answered) answered",
        x: x, y: y, style: styles.muted, into: &grid)
      y += 1
    }
    // The gap between the two positions shown above (so 67 − 33 reads +34), then the means'.
    put(
      "Gap   \(AssessmentReport.signed(r.positionGap)) points (means \(AssessmentReport.signed(r.gap)))",
      x: area.x, y: y, style: styles.panel, into: &grid)
    y += 2

    // One row per dimension: today's bar, then the target's, then the gap.
    let nameWidth = 15, valueWidth = 4, gapWidth = 7
    let barWidth = max(4, (area.width - nameWidth - 2 * (valueWidth + 3) - gapWidth) / 2)
    var header = styles.heading
    header.attributes.insert(.bold)
    put("Profile", x: area.x, y: y, style: header, into: &grid)
    put("Today", x: area.x + nameWidth, y: y, style: styles.current, into: &grid)
    put(
      "Target", x: area.x + nameWidth + barWidth + valueWidth + 3, y: y, style: styles.target,
      into: &grid)
    put(
      "Gap", x: area.x + nameWidth + 2 * (barWidth + valueWidth + 3), y: y, style: styles.muted,
      into: &grid)
    y += 1
    for d in AssessmentDimension.allCases where y < area.maxY {
      var x = area.x
      put(d.name, x: x, y: y, style: styles.panel, into: &grid)
      x += nameWidth
      for (value, style) in [
        (r.today.profile[d], styles.current), (r.target.profile[d], styles.target),
      ] {
        if let value {
          Bar(value: value, max: 100, filledStyle: style, emptyStyle: styles.muted, glyphs: glyphs)
            .draw(into: &grid, in: Rect(x: x, y: y, width: barWidth, height: 1))
          put(
            AssessmentReport.one(value).leftPad(valueWidth), x: x + barWidth, y: y,
            style: styles.panel, into: &grid)
        } else {
          put("not answered", x: x, y: y, style: styles.muted, into: &grid)
        }
        x += barWidth + valueWidth + 3
      }
      let gap = r.gapByDimension[d].map(AssessmentReport.signed) ?? "–"
      put(gap, x: x, y: y, style: styles.panel, into: &grid)
      y += 1
    }
    y += 1
    guard y < area.maxY else { return }
    let rest = Rect(x: area.x, y: y, width: area.width, height: area.maxY - y)
    if let caveat = r.caveat {
      var style = styles.caveat
      style.attributes.insert(.bold)
      _ = Text(caveat, style: style, ellipsis: glyphs.ellipsis).draw(into: &grid, in: rest)
    } else {
      _ = Text(
        "No large jump: at most 40 points and no skipped stage. Compliance training is left out; "
          + "it stays formal wherever the rest sits.", style: styles.muted,
        ellipsis: glyphs.ellipsis
      ).draw(into: &grid, in: rest)
    }
  }

  // MARK: - Helpers

  private func title(_ text: String, into grid: inout CellGrid) {
    grid.fill(Rect(x: 0, y: 0, width: width, height: 1), with: .blank(styles.title))
    put(" " + text, x: 0, y: 0, style: styles.title, into: &grid)
  }

  private func statusLine(_ text: String, into grid: inout CellGrid) {
    let r = Rect(x: 0, y: size.height - 2, width: width, height: 1)
    grid.fill(r, with: .blank(styles.status))
    put(" " + text, x: 0, y: r.y, style: styles.status, into: &grid)
  }

  private func hints(_ pairs: [(key: String, label: String)], into grid: inout CellGrid) {
    let r = Rect(x: 0, y: size.height - 1, width: width, height: 1)
    grid.fill(r, with: .blank(styles.hints))
    _ = KeyHints(pairs, keyStyle: styles.hintKey, labelStyle: styles.hints)
      .draw(into: &grid, in: Rect(x: 1, y: r.y, width: width - 1, height: 1))
  }

  /// Puts one line clipped to the screen width; returns the columns used.
  @discardableResult
  private func put(_ text: String, x: Int, y: Int, style: Style, into grid: inout CellGrid) -> Int {
    let clip = Rect(x: 0, y: y, width: width, height: 1)
    return grid.put(TextSanitizer.cleanLine(text), at: Point(x: x, y: y), style: style, clip: clip)
  }
}

extension String {
  fileprivate func leftPad(_ width: Int) -> String {
    String(repeating: " ", count: max(0, width - TextWidth.columns(self))) + self
  }
}
