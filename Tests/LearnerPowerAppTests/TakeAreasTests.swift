import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// Taking every area of a snapshot into the explorer (`o`, then `a`), and the workshop's agreed
/// areas saved as such a snapshot: the bridge from a room's result back to the explorer.
@Suite struct TakeAreasTests {
  func listing(areas: [LearningArea], active: String?) -> SnapshotListing {
    SnapshotListing(
      path: "/x/a.json", fileName: "a.json",
      summary: .init(
        title: "Workshop", created: SnapshotTimestamp(secondsSince1970: 0),
        current: areas.first?.current ?? 50, target: areas.first?.target ?? 50, area: active,
        areas: areas),
      problem: nil)
  }

  @Test func takingAreasUpdatesSameNamesAddsNewOnesAndKeepsTheRest() {
    var state = AppState(current: 40, target: 60)
    _ = state.appendArea(LearningArea(name: "Compliance", current: 20, target: 20))
    _ = state.appendArea(LearningArea(name: "Sales", current: 30, target: 50))
    let incoming = [
      LearningArea(name: "compliance", current: 12, target: 15, pinned: true),
      LearningArea(name: "Leadership", current: 55, target: 85),
    ]
    _ = reduce(
      &state,
      .snapshot(.listed(folder: "/x", entries: [listing(areas: incoming, active: "Leadership")])))
    let effects = reduce(&state, .snapshot(.key(.char("a"))))
    #expect(effects == [.saveState])
    #expect(state.snapshotModal == nil)
    #expect(state.areas.map(\.name) == ["Whole organisation", "Compliance", "Sales", "Leadership"])
    #expect(state.areas[1].current == 12 && state.areas[1].target == 15 && state.areas[1].pinned)
    #expect(state.areas[2].current == 30)  // not in the snapshot: kept as it was
    #expect(state.area.name == "Leadership")
    #expect(state.notice == "Took 2 areas from \"Workshop\": 1 updated, 1 added")
  }

  @Test func aVersion1SnapshotHasNoAreasToTakeAndSaysSo() {
    var state = AppState(current: 40, target: 60)
    _ = reduce(&state, .snapshot(.listed(folder: "/x", entries: [listing(areas: [], active: nil)])))
    #expect(reduce(&state, .snapshot(.key(.char("a")))).isEmpty)
    guard case .open(let dialog) = state.snapshotModal else {
      Issue.record("the dialog should stay open")
      return
    }
    #expect(dialog.message == "This snapshot predates learning areas; Enter restores its markers.")
    #expect(state.areas.count == 1)
  }

  @Test func theOpenDialogCountsAreasAndOffersTheKey() {
    var state = AppState(current: 40, target: 60)
    let areas = [
      LearningArea(name: "A", current: 10, target: 20),
      LearningArea(name: "B", current: 30, target: 40),
    ]
    _ = reduce(
      &state, .snapshot(.listed(folder: "/x", entries: [listing(areas: areas, active: "A")])))
    let text = PlainTextExporter.export(
      Screen.render(
        state, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 100, height: 30)))
    #expect(text.contains("2 areas"))
    #expect(text.contains("a take every area"))
  }

  @Test func aWorkshopsAgreedAreasBecomeASnapshotTheExplorerCanTake() throws {
    let script = WorkshopScript(
      title: "Areas", organisation: "Example Co",
      steps: [
        WorkshopStep(kind: .vote, title: "C", collect: .both, area: "Compliance"),
        WorkshopStep(kind: .vote, title: "L", collect: .target, area: "Leadership"),
        WorkshopStep(kind: .summary, title: "S"),
      ],
      areas: [
        WorkshopArea(name: "Compliance", pinned: true), WorkshopArea(name: "Leadership"),
        WorkshopArea(name: "Sales"),
      ])
    var session = WorkshopSession(id: "w1", script: script, startedAt: 0)
    let empty = WorkshopExport.snapshot(
      session, catalogue: .builtIn, created: SnapshotTimestamp(secondsSince1970: 0))
    #expect(empty == nil)
    session.apply(.voted(WorkshopVote(id: 1, current: 10, target: 20), step: 0, at: 1))
    session.apply(.voted(WorkshopVote(id: 2, target: 80), step: 1, at: 1))
    let snapshot = try #require(
      WorkshopExport.snapshot(
        session, catalogue: .builtIn, created: SnapshotTimestamp(secondsSince1970: 0)))
    #expect(
      snapshot.areas == [
        LearningArea(name: "Compliance", current: 10, target: 20, pinned: true),
        LearningArea(name: "Leadership", current: 80, target: 80),
      ])
    #expect(snapshot.area == "Compliance")
    #expect(snapshot.current.position == 10 && snapshot.target.position == 20)
    #expect(snapshot.title == "Agreed: Areas")
    #expect(
      snapshot.note
        == "Agreed in workshop session w1 (Example Co). Compliance: vote medians; Leadership: vote medians, current not agreed (set to the target). Not agreed: Sales."
    )
    // It round-trips as a version 2 snapshot.
    let decoded = try SnapshotCodec.decode(try SnapshotCodec.encode(snapshot), file: "w.json").get()
    #expect(decoded.areas?.count == 2)
  }
}
