import Canvas
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// Where the recommendation selection goes when the list changes under it: the first row stays
/// the first row (the best fit), a row the user picked follows its approach while that still
/// fits, and anything else goes back to the top. Every path that moves a marker or changes area.
@Suite struct SelectionFollowTests {
  func run(_ actions: [AppAction], from state: AppState) -> AppState {
    var s = state
    for a in actions { reduce(&s, a) }
    return s
  }

  func selectedID(_ s: AppState) -> String? {
    let list = s.recommendations
    return list.indices.contains(s.selection) ? list[s.selection].approach.id : nil
  }

  /// The tester's sequence: Home (D1, pinned, is the best fit at 0), then 2.
  @Test func homeThenAStageKeyOpensOnTheBestFitNotOnThePinnedRow() {
    let s = run([.placedMarker(at: 0)], from: AppState(current: 40, target: 60))
    #expect(selectedID(s) == "D1")
    for stage in [Stage.guided, .enabled, .learnerLed] {
      let moved = run([.jumpedToStage(stage)], from: s)
      #expect(moved.selection == 0, "\(stage)")
      #expect(moved.recommendations[0].score == 1, "\(stage): the first row is a full fit")
    }
  }

  @Test func theFirstRowStaysTheFirstRowOnEveryMarkerMove() {
    let start = AppState(current: 38, target: 70)
    let moves: [AppAction] = [
      .nudged(by: 1), .nudged(by: -5), .nudged(by: 10), .placedMarker(at: 0),
      .placedMarker(at: 100),
      .jumpedToStage(.directed), .jumpedToStage(.enabled),
    ]
    for move in moves {
      #expect(run([move], from: start).selection == 0, "\(move)")
    }
  }

  @Test func aPickedRowFollowsItsApproachWhileItStillFits() {
    // G3 picked at 38; at 45 it still fits, wherever it is listed.
    let picked = run([.movedSelection(by: 2)], from: AppState(current: 38, target: 70))
    let id = selectedID(picked)
    #expect(id != nil && picked.selection == 2)
    let moved = run([.nudged(by: 7)], from: picked)
    #expect(selectedID(moved) == id)
    #expect(moved.recommendations[moved.selection].score > 0)
  }

  @Test func aPickedRowThatNoLongerFitsGoesBackToTheTop() {
    // G3 picked at 38; at 87 (Learner-led) it is not listed at all.
    let picked = run([.movedSelection(by: 2)], from: AppState(current: 38, target: 70))
    #expect(run([.jumpedToStage(.learnerLed)], from: picked).selection == 0)
    // D1 picked at 37, where it is listed only because it is pinned (score 0): a nudge that
    // leaves it at score 0 does not keep the view scrolled down to it.
    let pinned = run([.movedSelection(by: 10_000)], from: AppState(current: 37, target: 70))
    #expect(selectedID(pinned) == "D1")
    #expect(pinned.recommendations[pinned.selection].score == 0)
    #expect(run([.nudged(by: 1)], from: pinned).selection == 0)
  }

  @Test func switchingMarkerOrAreaStartsAtTheTop() {
    var pinned = run([.movedSelection(by: 10_000)], from: AppState(current: 37, target: 70))
    #expect(run([.switchedMarker], from: pinned).selection == 0)
    pinned.setAreas(
      [
        LearningArea(name: "Whole organisation", current: 37, target: 70),
        LearningArea(name: "Sales", current: 37, target: 70),
      ],
      active: 0)
    pinned.selection = pinned.recommendations.count - 1
    #expect(run([.area(.switched(by: 1))], from: pinned).selection == 0)
    #expect(run([.area(.switched(by: -1))], from: pinned).selection == 0)
    let added = run(
      [.area(.requestedAdd)] + "Ops".map { .area(.key(.char($0))) } + [.area(.key(.enter))],
      from: pinned)
    #expect(added.area.name == "Ops" && added.selection == 0)
    let removed = run(
      [.area(.switched(by: 1)), .area(.requestedRemove), .area(.key(.char("y")))], from: pinned)
    #expect(removed.areas.count == 1 && removed.selection == 0)
  }

  @Test func openingASnapshotStartsAtTheTop() {
    var pinned = run([.movedSelection(by: 10_000)], from: AppState(current: 37, target: 70))
    let entry = SnapshotListing(
      path: "/snaps/a.json", fileName: "a.json",
      summary: .init(
        title: "Q3", created: snapTime, current: 62, target: 87, area: "Whole organisation",
        areas: [LearningArea(name: "Whole organisation", current: 62, target: 87)]),
      problem: nil)
    reduce(&pinned, .snapshot(.listed(folder: "/snaps", entries: [entry])))
    var restored = pinned
    reduce(&restored, .snapshot(.key(.enter)))
    #expect(restored.current == 62 && restored.selection == 0)
    var taken = pinned
    reduce(&taken, .snapshot(.key(.char("a"))))
    #expect(taken.current == 62 && taken.selection == 0)
  }

  @Test func aRememberedRowIsKeptOnlyWhileItFits() {
    var s = AppState(current: 37, target: 70)
    let d1 = s.recommendations.firstIndex { $0.approach.id == "D1" } ?? -1
    #expect(d1 == s.recommendations.count - 1)
    s.restoreSelection(d1)
    #expect(s.selection == 0, "D1 is listed at 37 only because it is pinned")
    s.restoreSelection(2)
    #expect(s.selection == 2)
    s.restoreSelection(500)
    #expect(s.selection == 0)
    s.restoreSelection(-1)
    #expect(s.selection == 0)
  }

  /// The screen of the tester's sequence at 100x30: G1 on top and selected, D1 not in view.
  @Test func theListShowsTheBestFitsAfterHomeAndTwo() {
    let s = run(
      [.placedMarker(at: 0), .jumpedToStage(.guided)], from: AppState(current: 40, target: 60))
    let text = PlainTextExporter.export(
      Screen.render(s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 100, height: 30))
    )
    #expect(text.contains("› G1 "))
    #expect(!text.contains("pinned ○○○○"), "the pinned row, last, is out of view")
    #expect(text.contains("  G2 "))
  }
}
