import Canvas
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// The explorer's panels at 80x24 and 60x20: the transition plan keeps all three groups, the
/// stage line keeps its fields apart, and the chart legend keeps all three lines.
@Suite struct CompactPanelsTests {
  let theme = ThemeLibrary.builtInDefault.theme

  func lines(_ current: Int, _ target: Int, _ w: Int, _ h: Int, ascii: Bool = false) -> [String] {
    let s = AppState(
      current: Position(clamping: current), target: Position(clamping: target), ascii: ascii)
    return PlainTextExporter.export(Screen.render(s, theme: theme, size: Size(width: w, height: h)))
      .split(separator: "\n").map(String.init)
  }

  @Test func at80x24TheTransitionListsEveryGroupWithItsIds() {
    let text = lines(38, 70, 80, 24).joined(separator: "\n")
    #expect(text.contains("32 points towards the learner"))
    #expect(text.contains("+8 in: E1 E2 E3 E4 E5 E6 E7 E8"))
    #expect(text.contains("=1 keep: D1 Mandatory"))
    #expect(text.contains("-8 down: G1 G2 G3 G4 G5 G6 G7 G8"))
  }

  @Test func at80x24ALargeJumpShowsItsCaveatAndTheCounts() {
    let text = lines(12, 87, 80, 24).joined(separator: "\n")
    #expect(text.contains("75 points towards the learner"))
    #expect(text.contains("! A big jump (75 points, Directed"))
    #expect(text.contains("+8 in · =1 keep · -7 down"))
  }

  @Test func at60x20TheGroupsShowAsCountsAndACaveatStillShows() {
    #expect(lines(38, 70, 60, 20).contains { $0.contains("+8 in · =1 keep · -8 down") })
    let jump = lines(0, 100, 60, 20)
    #expect(jump.contains { $0.contains("! A big jump (100 points") })
    #expect(jump.contains { $0.contains("+4 in · =1 keep · -2 down") })
  }

  @Test func whenTheMarkersMeetTheHintIsShownWhole() {
    let text = lines(12, 12, 80, 24).joined(separator: "\n")
    #expect(text.contains("Press Tab, then move the target to"))
    #expect(text.contains("plan a change."))
  }

  @Test func theStageLineSeparatesMeaningFromTheLDRole() {
    #expect(lines(12, 12, 80, 24).contains { $0.contains("completion is tracked · L&D") })
    #expect(
      lines(12, 12, 80, 24, ascii: true).contains { $0.contains("completion is tracked | L") })
    // Wide enough for the whole line: the role follows the separator.
    #expect(lines(12, 12, 120, 24).contains { $0.contains("completion is tracked · L&D: ") })
  }

  @Test func theLegendNamesAllThreeLinesAtEverySize() {
    for (w, h) in [(60, 20), (80, 24), (100, 30), (160, 48)] {
      let legend = lines(38, 70, w, h).first { $0.contains("■ org") } ?? ""
      #expect(legend.contains("▲ learner"), "\(w)x\(h)")
      #expect(legend.contains("★ social"), "\(w)x\(h)")
    }
    #expect(lines(38, 70, 100, 30).contains { $0.contains("★ social empowerment") })
  }
}
