import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// Learning areas: every reducer transition compares whole states, so an unexpected change
/// anywhere fails; then the key map, the state file and the screen.
@Suite struct AreaReducerTests {
  /// Three areas, the second (Compliance, pinned) active.
  var three: AppState {
    var s = AppState(current: 38, target: 70)
    s.setAreas(
      [
        LearningArea(name: "Whole organisation", current: 38, target: 70),
        LearningArea(name: "Compliance", current: 10, target: 15, pinned: true),
        LearningArea(name: "Leadership", current: 55, target: 85),
      ], active: 1)
    return s
  }

  func after(_ actions: AreaAction..., from state: AppState) -> (AppState, [AppEffect]) {
    var s = state
    var effects: [AppEffect] = []
    for a in actions { effects += reduce(&s, .area(a)) }
    return (s, effects)
  }

  func typing(_ text: String) -> [AreaAction] { text.map { .key(.char($0)) } }

  func run(_ actions: [AreaAction], from state: AppState) -> (AppState, [AppEffect]) {
    var s = state
    var effects: [AppEffect] = []
    for a in actions { effects += reduce(&s, .area(a)) }
    return (s, effects)
  }

  @Test func aNewStateHasOneWholeOrganisationAreaHoldingTheMarkers() {
    let s = AppState(current: 38, target: 70)
    #expect(s.areas == [LearningArea(name: "Whole organisation", current: 38, target: 70)])
    #expect(s.activeArea == 0)
    #expect(s.area.name == "Whole organisation")
  }

  @Test func markersMoveOnlyTheActiveArea() {
    var s = three
    reduce(&s, .nudged(by: 5))
    reduce(&s, .switchedMarker)
    reduce(&s, .nudged(by: -3))
    var expected = three
    expected.active = .target
    expected.current = 15
    expected.target = 12
    #expect(s == expected)
    #expect(s.areas[0] == three.areas[0])
    #expect(s.areas[2] == three.areas[2])
    #expect(s.areas[1].current == 15 && s.areas[1].target == 12)
  }

  @Test func switchingWrapsBothWaysAndResetsSelectionAndDetail() {
    var start = three
    start.selection = 2
    start.overlay = .detail(approachID: "D1")
    let (s, effects) = after(.switched(by: 1), from: start)
    var expected = three
    expected.selectArea(2)
    expected.notice = "Area 3 of 3: Leadership"
    #expect(s == expected)
    #expect(effects.isEmpty)
    #expect(s.current == 55 && s.target == 85)
    #expect(after(.switched(by: 1), .switched(by: 1), from: start).0.activeArea == 0)
    #expect(after(.switched(by: -1), .switched(by: -1), from: start).0.activeArea == 2)
  }

  @Test func switchingWithOneAreaSaysHowToAddOne() {
    let (s, _) = after(.switched(by: 1), from: AppState())
    var expected = AppState()
    expected.notice = "Only one area (N adds another)"
    #expect(s == expected)
  }

  @Test func theAllAreasViewToggles() {
    let (on, effects) = after(.toggledAllAreas, from: three)
    var expected = three
    expected.showsAllAreas = true
    #expect(on == expected)
    #expect(effects.isEmpty)
    #expect(after(.toggledAllAreas, from: on).0 == three)
  }

  @Test func addingTypesANameAndMakesTheNewAreaActiveAtTheActiveMarkers() {
    var start = three
    start.overlay = .help
    let (open, _) = after(.requestedAdd, from: start)
    var expectedOpen = three
    expectedOpen.areaEditor = AreaEditor(mode: .add)
    #expect(open == expectedOpen)

    let (s, effects) = run(typing("Onboarding") + [.key(.enter)], from: open)
    var expected = three
    expected.selectArea(
      expected.appendArea(LearningArea(name: "Onboarding", current: 10, target: 15)))
    expected.notice = "Added Onboarding"
    #expect(s == expected)
    #expect(effects == [.saveState])
  }

  @Test func anEmptyOrDuplicateNameIsRefusedAndTheFieldStaysOpen() {
    let (empty, e1) = run([.requestedAdd, .key(.char(" ")), .key(.enter)], from: three)
    #expect(empty.areas == three.areas)
    #expect(empty.areaEditor?.error == "Type a name, or Esc to cancel")
    #expect(e1.isEmpty)

    let (dup, e2) = run([.requestedAdd] + typing("leadership") + [.key(.enter)], from: three)
    #expect(dup.areas == three.areas)
    #expect(dup.areaEditor?.error == "There is already an area called Leadership")
    #expect(dup.areaEditor?.field.text == "leadership")
    #expect(e2.isEmpty)

    // The next edit clears the error.
    let (edited, _) = run([.key(.backspace)], from: dup)
    #expect(edited.areaEditor?.error == nil)
    #expect(edited.areaEditor?.field.text == "leadershi")
  }

  @Test func escapeCancelsWithoutChangingAnything() {
    let (s, effects) = run([.requestedAdd] + typing("Sales") + [.key(.escape)], from: three)
    #expect(s == three)
    #expect(effects.isEmpty)
  }

  @Test func renamingStartsFromTheNameAndMayChangeOnlyItsCase() {
    let (open, _) = after(.requestedRename, from: three)
    #expect(open.areaEditor == AreaEditor(mode: .rename(index: 1), name: "Compliance"))
    let (s, effects) = run(
      [.key(.ctrl("u"))] + typing("Mandatory training") + [.key(.enter)], from: open)
    var expected = three
    expected.updateArea(1) { $0.name = "Mandatory training" }
    expected.notice = "Renamed to Mandatory training"
    #expect(s == expected)
    #expect(effects == [.saveState])
    #expect(s.area.pinned)
    // Its own name in another case is not a duplicate.
    let (recased, _) = run(
      [.requestedRename, .key(.ctrl("u"))] + typing("COMPLIANCE") + [.key(.enter)], from: three)
    #expect(recased.area.name == "COMPLIANCE")
  }

  @Test func namesAreCleanedOfControlCharactersAndTrimmed() {
    let (s, _) = run(
      [.requestedAdd] + typing("  Tech\u{1B}[31m skills ") + [.key(.enter)], from: three)
    #expect(s.area.name == "Tech[31m skills")
    #expect(s.areas.count == 4)
  }

  @Test func aPinnedAreaCannotBeRemoved() {
    let (s, effects) = after(.requestedRemove, from: three)
    var expected = three
    expected.notice = "Compliance is pinned: unpin it (P) before removing it"
    #expect(s == expected)
    #expect(effects.isEmpty)
  }

  @Test func theLastAreaCannotBeRemoved() {
    let (s, _) = after(.requestedRemove, from: AppState())
    var expected = AppState()
    expected.notice = "The last area cannot be removed"
    #expect(s == expected)
  }

  @Test func removingAsksAndOnlyYRemoves() {
    var start = three
    start.selectArea(2)
    let (asked, _) = after(.requestedRemove, from: start)
    #expect(asked.areaEditor == AreaEditor(mode: .remove(index: 2)))
    let (kept, e1) = run([.key(.char("n"))], from: asked)
    #expect(kept == start)
    #expect(e1.isEmpty)
    let (removed, e2) = run([.key(.char("y"))], from: asked)
    var expected = three
    expected.removeArea(2)
    expected.notice = "Removed Leadership"
    #expect(removed == expected)
    #expect(removed.activeArea == 1)
    #expect(removed.areas.map(\.name) == ["Whole organisation", "Compliance"])
    #expect(e2 == [.saveState])
  }

  @Test func removingTheFirstAreaKeepsTheActiveIndexValid() {
    var start = three
    start.selectArea(0)
    let (s, _) = run([.requestedRemove, .key(.char("Y"))], from: start)
    #expect(s.areas.map(\.name) == ["Compliance", "Leadership"])
    #expect(s.activeArea == 0)
    #expect(s.current == 10)
  }

  @Test func removingAnAreaBeforeTheActiveOneKeepsTheSameActiveArea() {
    var s = three
    s.selectArea(2)
    s.removeArea(0)
    #expect(s.area.name == "Leadership")
    #expect(s.activeArea == 1)
  }

  @Test func pinningTogglesAndSaves() {
    let (unpinned, effects) = after(.toggledPin, from: three)
    var expected = three
    expected.updateArea(1) { $0.pinned = false }
    expected.notice = "Unpinned: Compliance"
    #expect(unpinned == expected)
    #expect(effects == [.saveState])
    let (again, _) = after(.toggledPin, from: unpinned)
    #expect(again.area.pinned)
    #expect(again.notice == "Pinned: Compliance")
  }

  @Test func keysForTheEditorWithoutAnEditorDoNothing() {
    #expect(after(.key(.enter), from: three).0 == three)
  }

  @Test func setAreasIgnoresAnEmptyListAndABadIndex() {
    var s = three
    s.setAreas([], active: 0)
    #expect(s == three)
    s.setAreas([LearningArea(name: "A", current: 1, target: 2)], active: 7)
    #expect(s.activeArea == 0)
    s.selectArea(-1)
    #expect(s.activeArea == 0)
  }
}

@Suite struct AreaKeysAndScreenTests {
  @Test func keyMapBindsTheAreaKeys() {
    let map = KeyMap.explorer
    #expect(map.action(for: .char("A")) == .area(.switched(by: 1)))
    #expect(map.action(for: .char("v")) == .area(.toggledAllAreas))
    #expect(map.action(for: .char("N")) == .area(.requestedAdd))
    #expect(map.action(for: .char("R")) == .area(.requestedRename))
    #expect(map.action(for: .char("D")) == .area(.requestedRemove))
    #expect(map.action(for: .char("P")) == .area(.toggledPin))
    #expect(map.action(for: .char("a")) == .requestedAssessment)
    let help = map.helpRows(ascii: false).map(\.key)
    #expect(help.contains("A") && help.contains("v") && help.contains("N/R/D/P"))
  }

  func text(_ s: AppState, _ w: Int = 100, _ h: Int = 30) -> String {
    PlainTextExporter.export(
      Screen.render(s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: w, height: h)))
  }

  var areas: AppState {
    var s = AppState(current: 38, target: 70)
    s.setAreas(
      [
        LearningArea(name: "Whole organisation", current: 38, target: 70),
        LearningArea(name: "Compliance", current: 10, target: 15, pinned: true),
        LearningArea(name: "Leadership", current: 55, target: 85),
      ], active: 2)
    return s
  }

  @Test func theTitleNamesTheActiveAreaAtEverySize() {
    for (w, h) in [(60, 20), (80, 24), (100, 30)] {
      let first = text(areas, w, h).split(separator: "\n").first.map(String.init) ?? ""
      #expect(first.contains("Leadership"), "\(w)x\(h): \(first)")
    }
    var pinned = areas
    pinned.selectArea(1)
    #expect(text(pinned).split(separator: "\n").first?.contains("Compliance (pinned)") == true)
  }

  @Test func theAllAreasViewShowsARowPerAreaWithAlignedMarkers() throws {
    var s = areas
    s.showsAllAreas = true
    let lines = text(s).split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("Learning areas (3)") })
    let rows = ["Whole organisation", "Compliance", "Leadership"].compactMap { name in
      lines.first { $0.contains(name) && $0.contains("●") }
    }
    try #require(rows.count == 3)
    #expect(rows[1].contains("pin"))
    // Same geometry in every row: a marker's column depends only on its value.
    func column(_ line: String, _ glyph: Character) -> Int? {
      line.firstIndex(of: glyph).map { line.distance(from: line.startIndex, to: $0) }
    }
    let c0 = column(rows[0], "●") ?? -1, c2 = column(rows[2], "●") ?? -1
    let t0 = column(rows[0], "◆") ?? -1
    #expect(c0 < t0)
    #expect(c0 < c2)
    // Whole organisation's target (70) is left of Leadership's target (85).
    #expect(t0 < (column(rows[2], "◆") ?? -1))
  }

  @Test func theAllAreasViewFitsTheMinimumSizeAndScrollsToTheActiveArea() {
    var s = AppState()
    s.setAreas(
      (0..<12).map {
        LearningArea(name: "Area \($0)", current: Position(clamping: $0 * 8), target: 90)
      }, active: 11)
    s.showsAllAreas = true
    let screen = text(s, 60, 20)
    #expect(screen.contains("Area 11"))
    #expect(!screen.contains("Area 0 "))
  }

  @Test func theNameDialogShowsTheFieldAndPutsTheCursorInIt() {
    var s = areas
    reduce(&s, .area(.requestedAdd))
    for c in "Onb" { reduce(&s, .area(.key(.char(c)))) }
    let size = Size(width: 80, height: 24)
    let screen = text(s, 80, 24)
    #expect(screen.contains("New learning area"))
    #expect(screen.contains("Onb"))
    #expect(screen.contains("Enter keeps"))
    let cursor = Screen.areaEditorCursor(s, size: size)
    let layout = AreaEditorLayout(size: size)
    #expect(cursor == Point(x: (layout?.field.x ?? 0) + 3, y: layout?.field.y ?? 0))
  }

  @Test func theHelpListsEveryKeyRowIncludingTheAreaKeysAt100x30() {
    var s = areas
    reduce(&s, .toggledHelp)
    let screen = text(s)
    for row in KeyMap.explorer.helpRows(ascii: false) {
      #expect(screen.contains(row.label), "help misses \(row.label)")
    }
    #expect(screen.contains("area: new/rename/remove/pin"))
  }

  @Test func theRemoveQuestionNamesTheArea() {
    var s = areas
    reduce(&s, .area(.requestedRemove))
    #expect(text(s, 60, 20).contains("Remove Leadership"))
    #expect(Screen.areaEditorCursor(s, size: Size(width: 60, height: 20)) == nil)
  }
}

@Suite struct AreaStateFileTests {
  func paths() -> AppPaths {
    let d = NSTemporaryDirectory() + "lp-areas-\(UUID().uuidString)"
    return AppPaths(environment: [
      "HOME": d, "XDG_STATE_HOME": d + "/s", "XDG_CONFIG_HOME": d + "/c", "XDG_DATA_HOME": d + "/d",
    ])
  }

  func write(_ text: String, _ p: AppPaths) throws {
    try FileManager.default.createDirectory(atPath: p.state, withIntermediateDirectories: true)
    try text.write(toFile: p.stateFile, atomically: true, encoding: .utf8)
  }

  @Test func areasRoundTripThroughTheStateFile() throws {
    let store = StateStore(paths: paths())
    var s = AppState(current: 38, target: 70)
    s.setAreas(
      [
        LearningArea(name: "Whole organisation", current: 38, target: 70),
        LearningArea(name: "Compliance \"core\" \\ EU", current: 10, target: 15, pinned: true),
        LearningArea(name: "Leadership", current: 55, target: 85),
      ], active: 1)
    try store.saveState(s)
    let (loaded, warning) = store.load()
    #expect(warning == nil)
    #expect(loaded.areas == s.areas)
    #expect(loaded.activeArea == 1)
    #expect(loaded.current == 10 && loaded.target == 15)
    var restored = AppState()
    restored.restoreAreas(from: loaded)
    #expect(restored.areas == s.areas)
    #expect(restored.area.name == "Compliance \"core\" \\ EU")
  }

  @Test func anOldStateFileWithoutAreasStillLoads() throws {
    let p = paths()
    try write("current = 12\ntarget = 88\nactive = \"target\"\nselection = 1\n", p)
    let (loaded, warning) = StateStore(paths: p).load()
    #expect(warning == nil)
    #expect(loaded == RememberedState(current: 12, target: 88, active: .target, selection: 1))
    var s = AppState(current: loaded.current ?? 40, target: loaded.target ?? 60)
    s.restoreAreas(from: loaded)
    #expect(s.areas == [LearningArea(name: "Whole organisation", current: 12, target: 88)])
  }

  @Test func badAreasAreSkippedWithAWarningAndABadIndexPicksTheFirst() throws {
    let p = paths()
    try write(
      """
      current = 12
      target = 88
      area = 9

      [[areas]]
      name = "Good"
      current = 20
      target = 30

      [[areas]]
      name = "Too far"
      current = 200
      target = 30

      [[areas]]
      current = 1
      target = 2

      [[areas]]
      name = "good"
      current = 5
      target = 6
      """, p)
    let (loaded, warning) = StateStore(paths: p).load()
    #expect(loaded.areas == [LearningArea(name: "Good", current: 20, target: 30)])
    #expect(warning?.contains("areas[1]") == true)
    #expect(warning?.contains("areas[2]") == true)
    #expect(warning?.contains("Good is listed twice") == false)
    #expect(warning?.contains("good is listed twice") == true)
    var s = AppState()
    s.restoreAreas(from: loaded)
    #expect(s.activeArea == 0)
    #expect(s.current == 20)
  }
}
