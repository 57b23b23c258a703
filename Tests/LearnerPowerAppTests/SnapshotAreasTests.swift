import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// Snapshot schema version 2: learning areas and assessment answers; version 1 files still read.
@Suite struct SnapshotAreasTests {
  static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Goldens")
  let app = Snapshot.NameAndVersion(name: "learnerpower", version: "0.1.0")
  let time = SnapshotTimestamp(secondsSince1970: 1_714_555_800)

  var areas: [LearningArea] {
    [
      LearningArea(name: "Whole organisation", current: 38, target: 70),
      LearningArea(name: "Compliance", current: 10, target: 15, pinned: true),
      LearningArea(name: "Leadership", current: 55, target: 85),
    ]
  }

  var record: Snapshot.AssessmentRecord {
    var answers = AssessmentAnswers()
    answers[.today, "Q1"] = .answer(0)
    answers[.today, "Q2"] = .notSure
    answers[.target, "Q1"] = .answer(3)
    answers[.target, "Q10"] = .answer(2)
    return Snapshot.AssessmentRecord(
      questions: .init(name: "Learner Power self-assessment", version: "1"), answers: answers)
  }

  func sample(assessment: Snapshot.AssessmentRecord? = nil) -> Snapshot {
    Snapshot.make(
      current: 10, target: 15, catalogue: .builtIn, title: "Areas", note: "", created: time,
      app: app,
      areas: areas, area: "Compliance", assessment: assessment)
  }

  func json(_ s: Snapshot) throws -> String {
    String(decoding: try SnapshotCodec.encode(s), as: UTF8.self)
  }

  func problem(_ text: String) -> String {
    switch SnapshotCodec.decode(Data(text.utf8), file: "x.json") {
    case .success: return "(decoded without a problem)"
    case .failure(let d): return d.description
    }
  }

  @Test func aVersion1FileStillReadsAndKeepsItsBytes() throws {
    let url = Self.goldens.appendingPathComponent("snapshot-v1.json")
    let data = try Data(contentsOf: url)
    let s = try SnapshotCodec.decode(data, file: "snapshot-v1.json").get()
    #expect(s.schema == "learnerpower.snapshot/1")
    #expect(s.title == "Q3 review")
    #expect(s.current.position == 38 && s.target.position == 70)
    #expect(s.areas == nil && s.area == nil && s.assessment == nil)
    // Written again (show --format json), a version 1 file stays exactly as it was.
    #expect(try SnapshotCodec.encode(s) == data)
    // Its report and screen still work; the screen shows the default area.
    #expect(!SnapshotFormatter.markdown(s).contains("## Learning areas"))
    #expect(SnapshotFormatter.text(s, catalogue: .builtIn).contains("Whole organisation"))
  }

  @Test func version2CarriesAreasTheActiveAreaAndAnswersAndRoundTrips() throws {
    let s = sample(assessment: record)
    #expect(s.schema == "learnerpower.snapshot/2")
    let text = try json(s)
    #expect(text.contains("\"area\" : \"Compliance\""))
    #expect(text.contains("\"pinned\" : true"))
    #expect(text.contains("\"Q2\" : \"not sure\""))
    #expect(text.contains("\"Q1\" : 4"))
    let again = try SnapshotCodec.decode(Data(text.utf8), file: "x.json").get()
    #expect(again == s)
    #expect(again.areas == areas)
    #expect(again.assessment?.answers[.today, "Q1"] == .answer(0))
    #expect(try json(again) == text)
  }

  @Test func withoutAnswersTheAssessmentIsNullAndWithoutAreasThereIsOneDefaultArea() throws {
    let s = Snapshot.make(
      current: 38, target: 70, catalogue: .builtIn, title: "t", note: "", created: time, app: app)
    #expect(s.areas == [LearningArea(name: "Whole organisation", current: 38, target: 70)])
    #expect(s.area == "Whole organisation")
    let text = try json(s)
    #expect(text.contains("\"assessment\" : null"))
    #expect((try? SnapshotCodec.decode(Data(text.utf8), file: "x").get()) == s)
  }

  @Test func anUnknownActiveAreaFallsBackToTheFirst() {
    let s = Snapshot.make(
      current: 1, target: 2, catalogue: .builtIn, title: "", note: "", created: time, app: app,
      areas: areas, area: "Sales")
    #expect(s.area == "Whole organisation")
  }

  @Test func damagedVersion2FilesSayWhatIsWrong() throws {
    let good = try json(sample(assessment: record))
    func replacing(_ old: String, _ new: String) -> String {
      #expect(good.contains(old), "sample has no \(old)")
      return good.replacingOccurrences(of: old, with: new)
    }
    #expect(
      problem(replacing("\"areas\" :", "\"zones\" :")) == "x.json: areas: missing required field")
    #expect(
      problem(replacing("\"area\" : \"Compliance\"", "\"area\" : \"Sales\""))
        == "x.json: area: \"Sales\" is not one of the areas listed")
    #expect(
      problem(replacing("\"name\" : \"Leadership\"", "\"name\" : \"compliance\""))
        == "x.json: areas: the area \"compliance\" is listed twice")
    #expect(problem(replacing("\"Q1\" : 4", "\"Q1\" : 5")).contains("answer 5 to Q1 is not 1 to 4"))
    #expect(
      problem(replacing("\"Q1\" : 4", "\"Q1\" : \"often\"")).contains(
        "a number 1 to 4 or \"not sure\""))
    #expect(
      problem(replacing("\"current\" : 55", "\"current\" : 155")).contains("areas[2].current"))
    // An empty list of areas.
    let data = try JSONSerialization.jsonObject(with: Data(good.utf8)) as? [String: Any] ?? [:]
    var empty = data
    empty["areas"] = [Any]()
    let emptyText = String(
      decoding: try JSONSerialization.data(withJSONObject: empty), as: UTF8.self)
    #expect(problem(emptyText) == "x.json: areas: a snapshot lists at least one learning area")
  }

  @Test func theMarkdownReportListsAreasAndAnswers() {
    let md = SnapshotFormatter.markdown(sample(assessment: record))
    #expect(md.contains("## Learning areas"))
    #expect(md.contains("The positions above are for **Compliance**."))
    #expect(
      md.contains("| Compliance | 10 (Directed) | 15 (Directed) | +5 | shown above, pinned |"))
    #expect(md.contains("| Leadership | 55 (Enabled) | 85 (Learner-led) | +30 |  |"))
    #expect(md.contains("## Self-assessment answers"))
    #expect(md.contains("| Q1 | 1 | 4 |"))
    #expect(md.contains("| Q2 | not sure | – |"))
    // Numeric order: Q10 after Q2.
    let q2 = md.range(of: "| Q2 |")?.lowerBound, q10 = md.range(of: "| Q10 |")?.lowerBound
    #expect(q2.flatMap { a in q10.map { a < $0 } } == true)
    #expect(!SnapshotFormatter.markdown(sample()).contains("## Self-assessment answers"))
  }

  @Test func theTextScreenIsTitledWithTheSnapshotsArea() {
    let text = SnapshotFormatter.text(sample(), catalogue: .builtIn)
    #expect(text.contains("Compliance (pinned)"))
    #expect(text.contains("Current 10"))
  }
}

@Suite struct SnapshotAreasLoopTests {
  @Test func sInTheExplorerSavesEveryAreaAndTheAnswersBehindTheActiveOne() throws {
    let root = tempFolder()
    let paths = AppPaths(environment: [
      "HOME": root, "XDG_DATA_HOME": root + "/data", "XDG_STATE_HOME": root + "/state",
      "XDG_CONFIG_HOME": root + "/config",
    ])
    var state = AppState(current: 38, target: 70)
    state.setAreas(
      [
        LearningArea(name: "Whole organisation", current: 38, target: 70),
        LearningArea(name: "Compliance", current: 10, target: 15, pinned: true),
      ], active: 1)
    var answers = AssessmentAnswers()
    answers[.today, "Q1"] = .answer(1)
    state.assessment = (
      "Compliance",
      Snapshot.AssessmentRecord(questions: .init(name: "Q", version: "1"), answers: answers)
    )
    let loop = ExplorerLoop(
      state: state, terminal: TestTerminal(), themes: ThemeLibrary(paths: paths, environment: [:]),
      theme: ThemeLibrary.builtInDefault, store: StateStore(paths: paths))
    loop.snapshotClock = { snapTime }
    func press(_ keys: [Key]) {
      for key in keys {
        for effect in loop.handle(.key(key)) { _ = loop.perform(effect) }
      }
    }
    press([.char("s")] + "Mixed".map { .char($0) } + [.enter])
    let saved = try SnapshotStore.read(paths.snapshots + "/2024-05-01-0930-mixed.json").get()
    #expect(saved.areas == state.areas)
    #expect(saved.area == "Compliance")
    #expect(saved.current.position == 10 && saved.target.position == 15)
    #expect(saved.assessment?.answers[.today, "Q1"] == .answer(1))

    // Answers given for another area are not attached to this one.
    press([.char("A"), .char("s")] + "Whole".map { .char($0) } + [.enter])
    let other = try SnapshotStore.read(paths.snapshots + "/2024-05-01-0930-whole.json").get()
    #expect(other.area == "Whole organisation")
    #expect(other.assessment == nil)
  }
}

@Suite struct SnapshotAreasMarkdownTests {
  @Test func aSingleDefaultAreaAddsNoSectionToTheReport() {
    let s = Snapshot.make(
      current: 38, target: 70, catalogue: .builtIn, title: "t", note: "", created: snapTime,
      app: .init(name: "learnerpower", version: "0.1.0"))
    #expect(!SnapshotFormatter.markdown(s).contains("## Learning areas"))
    let renamed = Snapshot.make(
      current: 38, target: 70, catalogue: .builtIn, title: "t", note: "", created: snapTime,
      app: .init(name: "learnerpower", version: "0.1.0"),
      areas: [LearningArea(name: "Sales", current: 38, target: 70)])
    #expect(
      SnapshotFormatter.markdown(renamed).contains(
        "| Sales | 38 (Guided) | 70 (Enabled) | +32 | shown above |"))
  }
}

@Suite struct SnapshotRestoreAreaTests {
  @Test func restoringGoesBackToTheAreaTheSnapshotWasSavedFrom() {
    var state = AppState(current: 10, target: 20)
    let leadership = state.appendArea(LearningArea(name: "Leadership", current: 50, target: 60))
    #expect(state.activeArea == 0)
    let entry = SnapshotListing(
      path: "/x/a.json", fileName: "a.json",
      summary: .init(
        title: "Q3", created: SnapshotTimestamp(secondsSince1970: 0), current: 70, target: 90,
        area: "Leadership"),
      problem: nil)
    _ = reduce(&state, .snapshot(.listed(folder: "/x", entries: [entry])))
    _ = reduce(&state, .snapshot(.key(.enter)))
    #expect(state.activeArea == leadership)
    #expect(state.current == 70)
    #expect(state.target == 90)
    #expect(state.areas[0].current == 10)  // the other area is untouched
    #expect(state.notice?.contains("in Leadership") == true)
  }
}
