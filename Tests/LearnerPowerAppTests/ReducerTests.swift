import Canvas
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// Every reducer transition, each stating every change it expects: the test compares whole
/// states, so an unexpected change anywhere fails it.
@Suite struct ReducerTests {
  let start = AppState(current: 38, target: 70)

  func after(_ actions: AppAction..., from state: AppState? = nil) -> (AppState, [AppEffect]) {
    var s = state ?? start
    var effects: [AppEffect] = []
    for a in actions { effects += reduce(&s, a) }
    return (s, effects)
  }

  @Test func nudgingMovesOnlyTheActiveMarker() {
    let (s, effects) = after(.nudged(by: 1))
    var expected = start
    expected.current = 39
    #expect(s == expected)
    #expect(effects.isEmpty)
  }

  @Test func nudgingClampsAtBothEnds() {
    #expect(after(.nudged(by: 500)).0.current == 100)
    #expect(after(.nudged(by: -500)).0.current == 0)
    let atEnd = AppState(current: 100, target: 100)
    #expect(after(.nudged(by: 1), from: atEnd).0 == atEnd)
  }

  @Test func switchingMarkerMakesTheTargetMoveAndResetsSelection() {
    var s = start
    s.selection = 3
    let (out, effects) = after(.switchedMarker, .nudged(by: -5), from: s)
    var expected = start
    expected.active = .target
    expected.target = 65
    expected.selection = 0
    #expect(out == expected)
    #expect(effects.isEmpty)
  }

  @Test func stageKeysJumpToStageCentres() {
    for (stage, value) in [(Stage.directed, 12), (.guided, 37), (.enabled, 62), (.learnerLed, 87)] {
      var expected = start
      expected.current = Position(clamping: value)
      // The first row (G1 at 38) stays the first row: the best fit at the stage's centre.
      expected.selection = 0
      #expect(after(.jumpedToStage(stage)).0 == expected, "\(stage)")
    }
  }

  @Test func placingTheMarkerSetsTheActivePosition() {
    var expected = start
    expected.current = 0
    #expect(after(.placedMarker(at: 0)).0 == expected)
  }

  @Test func selectionStaysInsideTheList() {
    let count = start.recommendations.count
    #expect(after(.movedSelection(by: -1)).0.selection == 0)
    #expect(after(.movedSelection(by: 1)).0.selection == 1)
    #expect(after(.movedSelection(by: 10_000)).0.selection == count - 1)
    #expect(after(.selectedRecommendation(index: 2)).0.selection == 2)
    #expect(after(.selectedRecommendation(index: count)).0.selection == 0)
    #expect(after(.selectedRecommendation(index: -1)).0.selection == 0)
  }

  @Test func movingTheMarkerKeepsTheSameApproachSelectedWhileItIsListed() {
    let (s, _) = after(.selectedRecommendation(index: 1))
    let id = s.recommendations[1].approach.id
    let (moved, _) = after(.nudged(by: 1), from: s)
    #expect(moved.recommendations[moved.selection].approach.id == id)
  }

  @Test func enterOpensTheSelectedApproachAndEscapeClosesIt() {
    let (opened, effects) = after(.movedSelection(by: 1), .openedDetail)
    var expected = start
    expected.selection = 1
    expected.overlay = .detail(approachID: start.recommendations[1].approach.id)
    #expect(opened == expected)
    #expect(effects.isEmpty)
    var closed = expected
    closed.overlay = .none
    #expect(after(.closedOverlay, from: opened).0 == closed)
  }

  @Test func movingTheSelectionInsideDetailFollowsIt() {
    let (s, _) = after(.openedDetail, .movedSelection(by: 1))
    #expect(s.overlay == .detail(approachID: start.recommendations[1].approach.id))
  }

  @Test func movingTheMarkerClosesDetail() {
    let (s, _) = after(.openedDetail, .nudged(by: 1))
    #expect(s.overlay == .none)
  }

  @Test func helpToggles() {
    var expected = start
    expected.overlay = .help
    #expect(after(.toggledHelp).0 == expected)
    #expect(after(.toggledHelp, .toggledHelp).0 == start)
  }

  @Test func requestsBecomeEffectsWithoutChangingState() {
    let cases: [(AppAction, [AppEffect])] = [
      (.requestedSnapshotSave, [.saveSnapshot]), (.requestedSnapshotOpen, [.openSnapshots]),
      (.requestedNextTheme, [.cycleTheme]), (.requestedThemePicker, [.openThemePicker]),
      (.requestedAssessment, [.startAssessment]), (.requestedSuspend, [.suspend]),
      (.requestedQuit, [.saveState, .quit]),
    ]
    for (action, effects) in cases {
      let (s, out) = after(action)
      #expect(s == start, "\(action)")
      #expect(out == effects, "\(action)")
    }
  }

  @Test func aThemeChangeIsRememberedAndAnnounced() {
    var expected = start
    expected.themeName = "light"
    expected.notice = "Theme: light"
    #expect(after(.themeChanged(name: "light", warning: nil)).0 == expected)
  }

  @Test func aBrokenThemeKeepsThePreviousOneAndWarns() {
    var expected = start
    expected.notice = "Warning: bad"
    #expect(after(.themeChanged(name: "broken", warning: "Warning: bad")).0 == expected)
  }

  @Test func aNoticeLastsUntilTheNextKey() {
    let (s, _) = after(.noticed("Saved"))
    #expect(s.notice == "Saved")
    #expect(after(.nudged(by: 0), from: s).0.notice == nil)
  }

  @Test func theStatusSentenceStatesTheValueInWords() {
    #expect(start.statusSentence == "Current 38 · Guided · organisation 62% / learner 38%")
    #expect(
      after(.switchedMarker).0.statusSentence
        == "Target 70 · Enabled · organisation 30% / learner 70%")
  }
}

@Suite struct KeyMapTests {
  @Test func designKeysDispatchToTheirActions() {
    let map = KeyMap.explorer
    let expected: [(Key, AppAction)] = [
      (.left, .nudged(by: -1)), (.char("h"), .nudged(by: -1)), (.right, .nudged(by: 1)),
      (.char("l"), .nudged(by: 1)), (.shiftLeft, .nudged(by: -5)), (.char("H"), .nudged(by: -5)),
      (.shiftRight, .nudged(by: 5)), (.char("L"), .nudged(by: 5)), (.pageUp, .nudged(by: 10)),
      (.pageDown, .nudged(by: -10)), (.home, .placedMarker(at: 0)), (.end, .placedMarker(at: 100)),
      (.char("1"), .jumpedToStage(.directed)), (.char("4"), .jumpedToStage(.learnerLed)),
      (.tab, .switchedMarker), (.up, .movedSelection(by: -1)),
      (.char("k"), .movedSelection(by: -1)),
      (.down, .movedSelection(by: 1)), (.char("j"), .movedSelection(by: 1)),
      (.enter, .openedDetail),
      (.escape, .closedOverlay), (.char("s"), .requestedSnapshotSave),
      (.char("o"), .requestedSnapshotOpen),
      (.char("t"), .requestedNextTheme), (.char("T"), .requestedThemePicker),
      (.char("a"), .requestedAssessment), (.char("?"), .toggledHelp), (.char("q"), .requestedQuit),
      (.ctrl("c"), .requestedQuit), (.ctrl("z"), .requestedSuspend),
    ]
    for (key, action) in expected { #expect(map.action(for: key) == action, "\(key)") }
    #expect(map.action(for: .char("x")) == nil)
  }

  @Test func hintLineAndHelpComeFromTheSameTable() {
    let hints = KeyMap.explorer.hints(ascii: false).map(\.key)
    let help = KeyMap.explorer.helpRows(ascii: false).map(\.key)
    #expect(hints.first == "←/→")
    #expect(Set(hints).isSubset(of: Set(help)))
    #expect(help.count == Set(help).count)
    #expect(
      !KeyMap.explorer.hints(ascii: true).contains {
        $0.key.unicodeScalars.contains { $0.value > 127 }
      })
  }
}
