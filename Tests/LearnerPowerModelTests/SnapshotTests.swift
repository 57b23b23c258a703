import Foundation
import Testing

@testable import LearnerPowerModel

/// 2024-05-01T09:30:00Z, the fixed clock every snapshot test uses.
let fixedTime = SnapshotTimestamp(secondsSince1970: 1_714_555_800)
let testApp = Snapshot.NameAndVersion(name: "learnerpower", version: "0.1.0")

func sample(
  _ current: Position = 38, _ target: Position = 70, title: String = "Q3 review", note: String = ""
)
  -> Snapshot
{
  Snapshot.make(
    current: current, target: target, catalogue: .builtIn, title: title, note: note,
    created: fixedTime, app: testApp)
}

func json(_ s: Snapshot) throws -> String {
  String(decoding: try SnapshotCodec.encode(s), as: UTF8.self)
}

func decode(_ text: String, file: String = "x.json") -> Result<Snapshot, Diagnostic> {
  SnapshotCodec.decode(Data(text.utf8), file: file)
}

/// Replaces the first occurrence of `old` in the sample's JSON (for damaged-file cases).
func damaged(_ old: String, _ new: String) throws -> String {
  let text = try json(sample())
  #expect(text.contains(old), "sample JSON has no \(old)")
  guard let r = text.range(of: old) else { return text }
  return text.replacingCharacters(in: r, with: new)
}

func problem(_ r: Result<Snapshot, Diagnostic>) -> String {
  if case .failure(let d) = r { return d.description }
  return "(decoded without a problem)"
}

@Suite struct SnapshotTimestampTests {
  @Test func formatsAsISO8601UTCAndAsAFileStamp() {
    #expect(fixedTime.iso8601 == "2024-05-01T09:30:00Z")
    #expect(fixedTime.fileStamp == "2024-05-01-0930")
    #expect(fixedTime.display == "2024-05-01 09:30 UTC")
    #expect(SnapshotTimestamp(secondsSince1970: 0).iso8601 == "1970-01-01T00:00:00Z")
    #expect(SnapshotTimestamp(secondsSince1970: -1).iso8601 == "1969-12-31T23:59:59Z")
  }

  @Test func leapDaysAndYearEndsComeOutRight() {
    let leap = SnapshotTimestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)
    #expect(leap?.iso8601 == "2024-02-29T23:59:59Z")
    #expect(SnapshotTimestamp(year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0) == nil)
    #expect(SnapshotTimestamp(year: 2000, month: 2, day: 29, hour: 0, minute: 0, second: 0) != nil)
    #expect(SnapshotTimestamp(year: 1900, month: 2, day: 29, hour: 0, minute: 0, second: 0) == nil)
    let newYear = SnapshotTimestamp(secondsSince1970: 1_735_689_599)
    #expect(newYear.iso8601 == "2024-12-31T23:59:59Z")
  }

  @Test func parsesWhatItWritesAndConvertsOffsets() {
    #expect(SnapshotTimestamp(iso8601: "2024-05-01T09:30:00Z") == fixedTime)
    #expect(SnapshotTimestamp(iso8601: "2024-05-01T11:30:00+02:00") == fixedTime)
    #expect(SnapshotTimestamp(iso8601: "2024-05-01T04:30:00-05:00") == fixedTime)
    #expect(SnapshotTimestamp(iso8601: "2024-05-01T09:30:00.250Z") == fixedTime)
  }

  @Test(arguments: [
    "", "yesterday", "2024-05-01", "2024-05-01T09:30:00", "2024-13-01T09:30:00Z",
    "2024-05-01T24:00:00Z", "2024-05-01T09:30:00Zjunk", "2024-05-01 09:30:00Z",
    "2024-05-01T09:30:00+2:00", "２０２４-05-01T09:30:00Z",
  ])
  func refusesAnythingElse(_ text: String) {
    #expect(SnapshotTimestamp(iso8601: text) == nil)
  }
}

@Suite struct SnapshotContentTests {
  @Test func recordsBothMarkersTheirStagesAndControlSplit() {
    let s = sample()
    #expect(s.schema == "learnerpower.snapshot/2")
    #expect(s.current.position == 38 && s.target.position == 70)
    #expect(s.current.stage == Snapshot.Ref(id: "guided", name: "Guided"))
    #expect(s.target.stage == Snapshot.Ref(id: "enabled", name: "Enabled"))
    #expect(s.current.organisationalControl == 62 && s.current.learnerControl == 38)
    #expect(s.target.organisationalControl == 30 && s.target.learnerControl == 70)
    #expect(s.catalogue.name == Catalogue.builtIn.name)
    #expect(s.app == testApp)
  }

  @Test func socialEmpowermentIsRoundedToOneDecimal() {
    let s = sample()
    #expect(s.current.socialEmpowerment == 32.3)  // 100 * (3·0.38² − 2·0.38³) = 32.3456
    #expect(s.current.socialLevel == .structured)
    #expect(s.target.socialEmpowerment == 78.4)  // 100 * (3·0.7² − 2·0.7³) = 78.4
    #expect(s.target.socialLevel == .distributed)  // 70 is Enabled, whose level is distributed
  }

  @Test func recommendationsKeepTheRecommendersOrderWithRoundedScores() {
    let s = sample(50, 50)
    let live = Recommender(catalogue: .builtIn).recommendations(at: 50)
    #expect(s.current.recommendations.map(\.id) == live.map(\.approach.id))
    for (record, rec) in zip(s.current.recommendations, live) {
      #expect(record.score == (rec.score * 100).rounded() / 100)
      #expect(record.fit == rec.coarseFit)
      #expect(record.nextStep == rec.isNextStep && record.pinned == rec.isPinned)
    }
    #expect(s.current.recommendations.contains { $0.id == "D1" && $0.pinned })
  }

  @Test func transitionIsTheModelsPlan() {
    let s = sample(20, 80)
    let plan = Transition(from: 20, to: 80, catalogue: .builtIn)
    #expect(s.transition.distance == 60)
    #expect(s.transition.direction == .towardsLearner)
    #expect(s.transition.stagesCrossed == 3)
    #expect(s.transition.largeJump)
    #expect(s.transition.caveat == plan.caveat)
    #expect(s.transition.introduce.map(\.id) == plan.introduce.map(\.id))
    #expect(s.transition.keep.map(\.id) == ["D1"])
    #expect(s.transition.phaseDown.map(\.id) == plan.phaseDown.map(\.id))
  }

  @Test func titleAndNoteAreCleanedOfControlCharacters() {
    let s = sample(title: "  Q3\u{1B}[31m review\n", note: "line one\r\nline\u{7} two")
    #expect(s.title == "Q3 review")
    #expect(s.note == "line one\nline two")
  }
}

@Suite struct SnapshotCodecTests {
  @Test func writeReadWriteGivesIdenticalBytes() throws {
    for s in [sample(), sample(0, 100, title: "Ends", note: "a\nb"), sample(50, 50, title: "")] {
      let first = try SnapshotCodec.encode(s)
      let read = try SnapshotCodec.decode(first, file: "t.json").get()
      #expect(read == s)
      #expect(try SnapshotCodec.encode(read) == first)
    }
  }

  @Test func keysAreSortedAndNumbersShort() throws {
    let text = try json(sample())
    #expect(text.hasPrefix("{\n  \"app\" : {"))
    #expect(text.hasSuffix("}\n"))
    let top = [
      "\"app\"", "\"area\"", "\"areas\"", "\"assessment\"", "\"catalogue\"", "\"created\"",
      "\"current\"", "\"note\"", "\"schema\"", "\"target\"", "\"title\"", "\"transition\"",
    ]
    let offsets = top.map { text.range(of: "\n  " + $0)?.lowerBound }
    #expect(offsets.allSatisfy { $0 != nil })
    #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
    #expect(text.contains("\"created\" : \"2024-05-01T09:30:00Z\""))
    #expect(text.contains("\"socialEmpowerment\" : 32.3"))
    #expect(text.contains("\"schema\" : \"learnerpower.snapshot/2\""))
    #expect(!text.contains("0000000"), "scores are written short, not as long binary fractions")
  }

  @Test func noCaveatIsWrittenAsNull() throws {
    #expect(try json(sample(38, 40)).contains("\"caveat\" : null"))
  }

  @Test func acceptsEarlierAndCurrentSchemaVersions() throws {
    // Version 2 is written; /1 and /2 both read (version 1 files: SnapshotVersionTests).
    #expect((try? decode(try json(sample())).get()) != nil)
    #expect(try SnapshotCodec.checkSchema("learnerpower.snapshot/1").get() == 1)
    #expect(try SnapshotCodec.checkSchema("learnerpower.snapshot/2").get() == 2)
  }

  @Test func aFutureSchemaSaysUpdateTheApp() throws {
    let r = decode(
      try damaged("learnerpower.snapshot/2", "learnerpower.snapshot/3"), file: "new.json")
    let text = problem(r)
    #expect(text.hasPrefix("new.json: schema: written by a newer learnerpower"))
    #expect(text.contains("learnerpower.snapshot/3"))
    #expect(text.contains("update learnerpower"))
  }

  @Test func aWorkshopSessionIsTheWrongKindOfFile() throws {
    let r = decode(try damaged("learnerpower.snapshot/2", "learnerpower.session/1"), file: "s.json")
    #expect(
      problem(r)
        == "s.json: schema: a workshop session (schema \"learnerpower.session/1\"), not a snapshot")
  }

  @Test func otherJSONIsNotASnapshot() {
    #expect(
      problem(decode("{\"name\": \"x\"}", file: "package.json"))
        == "package.json: not a learnerpower snapshot: there is no \"schema\" field")
    #expect(
      problem(decode("[1, 2]", file: "a.json"))
        == "a.json: not a snapshot: expected a JSON object at the top level")
    #expect(
      problem(decode("{\"schema\": \"other/1\"}", file: "o.json")).contains(
        "not a learnerpower snapshot"))
    #expect(
      problem(decode("{\"schema\": \"learnerpower.snapshot/zero\"}", file: "z.json"))
        .contains("unknown snapshot schema version"))
  }

  @Test func truncatedFilesSaySo() throws {
    let text = try json(sample())
    for cut in [1, text.count / 3, text.count / 2, text.count - 3, text.count - 2] {
      let r = decode(String(text.prefix(cut)), file: "cut.json")
      #expect(problem(r) == "cut.json: truncated: the JSON ends before the snapshot is complete")
    }
  }

  @Test func binaryAndEmptyFilesSaySo() {
    let binary = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF])
    #expect(
      problem(SnapshotCodec.decode(binary, file: "p.png"))
        == "p.png: binary data, not a snapshot (snapshots are UTF-8 JSON text)")
    #expect(
      problem(SnapshotCodec.decode(Data(), file: "e.json")) == "e.json: empty file: not a snapshot")
    #expect(problem(decode("{\"schema\u{0}\": 1}", file: "nul.json")).contains("binary data"))
  }

  @Test func malformedJSONSaysSo() {
    let text = problem(decode("{\"schema\": \"learnerpower.snapshot/1\",, }", file: "bad.json"))
    #expect(text.hasPrefix("bad.json"))
    #expect(text.contains("not valid JSON"))
  }

  @Test func missingAndBadFieldsNameTheirPath() throws {
    #expect(
      problem(decode(try damaged("\"title\" : \"Q3 review\",", ""), file: "m.json"))
        == "m.json: title: missing required field")
    #expect(
      problem(decode(try damaged("\"position\" : 38", "\"position\" : 138"), file: "p.json"))
        .hasPrefix("p.json: current.position: position 138 is outside 0...100"))
    #expect(
      problem(decode(try damaged("\"id\" : \"guided\"", "\"id\" : \"middle\""), file: "s.json"))
        .hasPrefix("s.json: current.stage: unknown stage \"middle\""))
    #expect(
      problem(
        decode(
          try damaged("\"created\" : \"2024-05-01T09:30:00Z\"", "\"created\" : \"soon\""),
          file: "c.json")
      )
      .hasPrefix("c.json: created: \"soon\" is not an ISO 8601 time"))
    #expect(
      problem(decode(try damaged("\"distance\" : 32", "\"distance\" : \"far\""), file: "d.json"))
        == "d.json: transition.distance: expected a whole number")
    #expect(
      problem(decode(try damaged("\"fit\" : 4", "\"fit\" : 9"), file: "f.json"))
        .contains("recommendations[0].fit: fit 9 is outside 0...4"))
  }

  @Test func escapeSequencesInAFileNeverSurviveReading() throws {
    let r = decode(
      try damaged("\"title\" : \"Q3 review\"", "\"title\" : \"Q3 \\u001b]0;pwned\\u0007review\""))
    #expect(try r.get().title == "Q3 review")
  }
}

@Suite struct SnapshotDiffTests {
  @Test func identicalLooksHaveNoDifferencesEvenOnAnotherDay() {
    var later = sample()
    later.created = SnapshotTimestamp(secondsSince1970: fixedTime.secondsSince1970 + 86_400)
    later.app.version = "9.9.9"
    let d = SnapshotDiff(from: sample(), to: later)
    #expect(d.isEmpty)
    #expect(d.report == "No differences: the two snapshots are the same.\n")
  }

  @Test func sayWhatMovedPositionsStagesAndRecommendations() {
    let d = SnapshotDiff(from: sample(38, 70), to: sample(55, 70))
    #expect(!d.isEmpty)
    #expect(d.current.moved && d.current.stageChanged)
    #expect(d.target.isEmpty)
    let live38 = Set(Recommender(catalogue: .builtIn).recommendations(at: 38).map(\.approach.id))
    let live55 = Set(Recommender(catalogue: .builtIn).recommendations(at: 55).map(\.approach.id))
    #expect(Set(d.current.gained.map(\.id)) == live55.subtracting(live38))
    #expect(Set(d.current.lost.map(\.id)) == live38.subtracting(live55))
    #expect(d.current.gained.map(\.id) == ["E2", "E3", "E4", "E5", "E6", "E8"], "sorted by id")
    #expect(d.current.lost.map(\.id) == ["D2", "D3", "D4", "D5", "D7", "D8"])
    #expect(!d.plan.isEmpty, "the plan is still compared, though not reported")
    let lines = d.report.split(separator: "\n").map(String.init)
    #expect(lines.count == 6, "\(d.report)")
    #expect(lines[0] == "Current: 38 → 55, 17 points towards the learner")
    #expect(lines[1] == "Target: 70, unchanged")
    #expect(lines[2] == "Stage: current Guided → Enabled")
    #expect(lines[3] == "Social empowerment: current 32.3 → 57.5 (Structured → Distributed)")
    #expect(
      lines[4].hasPrefix("Approaches introduced at current: E2 Peer coaching pairs/triads, E3 "))
    #expect(
      lines[4].hasSuffix(
        ", E5 Working Out Loud circles, E6 Internal Q&A / knowledge exchange, E8 Open space / Lean Coffee / unconference"
      ))
    #expect(lines[5].hasPrefix("Approaches removed at current: D2 "))
    #expect(!d.report.contains("Areas:"), "the one area's markers are the headline, not repeated")
  }

  @Test func theReportKeepsItsOrderHeadlineStageAreasAssessmentApproachesText() {
    var a = sample(38, 45, title: "A")
    var b = sample(55, 95, title: "B", note: "new")
    a.areas = [
      LearningArea(name: "Whole organisation", current: 38, target: 45),
      LearningArea(name: "Compliance", current: 10, target: 15, pinned: true),
    ]
    b.areas = [
      LearningArea(name: "Leadership", current: 60, target: 85),
      LearningArea(name: "Whole organisation", current: 55, target: 95),
    ]
    b.assessment = record(today: ["Q1": 2], target: ["Q1": 4])
    let report = SnapshotDiff(from: a, to: b).report
    let heads = report.split(separator: "\n").map { String($0.prefix { $0 != ":" }) }
    #expect(
      heads == [
        "Current", "Target", "Stage", "Social empowerment", "Areas", "  Leadership", "  Compliance",
        "Assessment", "Approaches introduced at current", "Approaches removed at current",
        "Approaches introduced at target", "Approaches removed at target", "Title", "Note",
      ], "\(report)")
    #expect(report.contains("Stage: current Guided → Enabled; target Guided → Learner-led\n"))
    #expect(report.contains(" (Structured → Distributed); target "))
    #expect(report.contains("  Leadership: added (current 60, target 85)\n"))
    #expect(report.contains("  Compliance: removed (was current 10, target 15, pinned)\n"))
    #expect(report.contains("Assessment: added (answers to 1 question)\n"))
    #expect(report.contains("Title: \"A\" → \"B\"\nNote: changed\n"))
  }

  @Test func movingBackTowardsTheOrganisationIsNamed() {
    let report = SnapshotDiff(from: sample(38, 70), to: sample(38, 69)).report
    #expect(
      report.hasPrefix(
        "Current: 38, unchanged\nTarget: 70 → 69, 1 point towards the organisation\n"))
    #expect(!report.contains("Stage:"))
    #expect(report.contains("Social empowerment: target 78.4 → 77.1 (Distributed)"))
  }

  @Test func titleAndNoteChangesCount() {
    let d = SnapshotDiff(from: sample(title: "A"), to: sample(title: "B", note: "new"))
    #expect(!d.isEmpty)
    #expect(
      d.report
        == "Current: 38, unchanged\nTarget: 70, unchanged\nTitle: \"A\" → \"B\"\nNote: changed\n")
  }

  // MARK: - Areas

  func withAreas(
    _ areas: [LearningArea], active: String? = nil, _ current: Position = 38,
    _ target: Position = 70
  )
    -> Snapshot
  {
    Snapshot.make(
      current: current, target: target, catalogue: .builtIn, title: "T", note: "",
      created: fixedTime,
      app: testApp, areas: areas, area: active)
  }

  @Test func areasAddedRemovedAndChangedInTheSecondSnapshotsOrderThenTheRemovedOnes() {
    let a = withAreas([
      LearningArea(name: "Whole organisation", current: 38, target: 70),
      LearningArea(name: "Compliance", current: 10, target: 15, pinned: true),
      LearningArea(name: "Onboarding", current: 20, target: 40),
      LearningArea(name: "Sales", current: 50, target: 50),
    ])
    let b = withAreas([
      LearningArea(name: "Onboarding", current: 25, target: 40, pinned: true),
      LearningArea(name: "Whole organisation", current: 38, target: 70),
      LearningArea(name: "Leadership", current: 60, target: 85),
    ])
    let d = SnapshotDiff(from: a, to: withAreas(b.areas ?? [], active: "Whole organisation"))
    #expect(d.areas.map(\.name) == ["Onboarding", "Leadership", "Compliance", "Sales"])
    #expect(d.areas.map(\.kind) == [.changed, .added, .removed, .removed])
    #expect(d.areas[0].currentMoved && !d.areas[0].targetMoved && d.areas[0].pinnedChanged)
    #expect(!d.isEmpty)
    #expect(
      d.report == """
        Current: 38, unchanged
        Target: 70, unchanged
        Areas:
          Onboarding: current 20 → 25, now pinned
          Leadership: added (current 60, target 85)
          Compliance: removed (was current 10, target 15, pinned)
          Sales: removed (was current 50, target 50)

        """)
  }

  @Test func onlyAnAreasTargetOrPinMovingStillCounts() {
    let base = [
      LearningArea(name: "Whole organisation", current: 38, target: 70),
      LearningArea(name: "Compliance", current: 10, target: 15, pinned: true),
    ]
    var moved = base
    moved[1].target = 20
    moved[1].pinned = false
    let d = SnapshotDiff(from: withAreas(base), to: withAreas(moved))
    #expect(!d.isEmpty)
    #expect(d.report.contains("  Compliance: target 15 → 20, no longer pinned\n"))
    #expect(SnapshotDiff(from: withAreas(base), to: withAreas(base)).isEmpty)
  }

  @Test func anotherActiveAreaIsNamedBeforeThePositions() {
    let areas = [
      LearningArea(name: "Whole organisation", current: 38, target: 70),
      LearningArea(name: "Leadership", current: 60, target: 85),
    ]
    let d = SnapshotDiff(
      from: withAreas(areas, active: "Whole organisation", 38, 70),
      to: withAreas(areas, active: "Leadership", 60, 85))
    #expect(d.activeAreaChanged)
    #expect(d.report.hasPrefix("Area: Whole organisation → Leadership\nCurrent: 38 → 60, "))
    #expect(!d.report.contains("Areas:"), "the areas themselves did not change")
  }

  @Test func theActiveAreasOwnMoveIsOnlyInTheHeadline() {
    let a = withAreas(
      [LearningArea(name: "Sales", current: 38, target: 70)], active: "Sales", 38, 70)
    let b = withAreas(
      [LearningArea(name: "Sales", current: 45, target: 70, pinned: true)], active: "Sales", 45, 70)
    let report = SnapshotDiff(from: a, to: b).report
    #expect(report.hasPrefix("Current: 38 → 45, 7 points towards the learner\n"))
    #expect(report.contains("Areas:\n  Sales: now pinned\n"))
    #expect(!report.contains("current 38 → 45"))
  }

  @Test func aVersion1FileHasNoAreasToCompare() throws {
    let v1 = try decode(
      try json(sample()).replacingOccurrences(
        of: "\"learnerpower.snapshot/2\"", with: "\"learnerpower.snapshot/1\"")
    ).get()
    #expect(v1.areas == nil)
    let d = SnapshotDiff(from: v1, to: sample())
    #expect(d.areas.isEmpty && !d.activeAreaChanged)
    #expect(d.isEmpty)
  }

  // MARK: - Assessment

  func record(
    today: [String: Int], target: [String: Int], name: String = "Learner Power self-assessment"
  )
    -> Snapshot.AssessmentRecord
  {
    var answers = AssessmentAnswers()
    for (id, n) in today { answers[.today, id] = n == 0 ? .notSure : .answer(n - 1) }
    for (id, n) in target { answers[.target, id] = n == 0 ? .notSure : .answer(n - 1) }
    return Snapshot.AssessmentRecord(questions: .init(name: name, version: "1"), answers: answers)
  }

  @Test func changedAnswersAreCountedByQuestionInIdOrder() {
    var a = sample(), b = sample()
    a.assessment = record(
      today: ["Q1": 1, "Q2": 2, "Q10": 3, "Q4": 2], target: ["Q1": 4, "Q10": 4, "Q7": 3])
    b.assessment = record(
      today: ["Q1": 2, "Q2": 2, "Q10": 1, "Q4": 2], target: ["Q1": 4, "Q10": 3, "Q2": 0])
    let d = SnapshotDiff(from: a, to: b)
    #expect(d.assessment.changed.map(\.id) == ["Q1", "Q2", "Q7", "Q10"])
    #expect(
      d.report == """
        Current: 38, unchanged
        Target: 70, unchanged
        Assessment: answers changed for 4 questions: Q1 (today), Q2 (target), Q7 (target), Q10 (today and target)

        """)
    #expect(SnapshotDiff(from: a, to: a).isEmpty)
  }

  @Test func answersAddedRemovedOrFromAnotherQuestionSet() {
    var with = sample()
    with.assessment = record(today: ["Q1": 1, "Q2": 2], target: ["Q1": 4, "Q3": 3])
    #expect(
      SnapshotDiff(from: sample(), to: with).report.contains(
        "Assessment: added (answers to 3 questions)\n"))
    #expect(
      SnapshotDiff(from: with, to: sample()).report.contains(
        "Assessment: removed (it had answers to 3 questions)\n"))
    var other = with
    other.assessment?.questions = .init(name: "Ours", version: "2")
    let d = SnapshotDiff(from: with, to: other)
    #expect(!d.isEmpty && d.assessment.changed.isEmpty)
    #expect(d.report.contains("Assessment questions: Learner Power self-assessment 1 → Ours 2\n"))
  }

  @Test func naturalOrderPutsQ2BeforeQ10() {
    #expect(
      ["Q10", "Q2", "E8", "Q1", "G1", "E10"].sorted(by: naturalLess) == [
        "E8", "E10", "G1", "Q1", "Q2", "Q10",
      ])
  }
}

@Suite struct JSONSyntaxTests {
  func problem(_ text: String) -> JSONSyntax.Problem? {
    JSONSyntax.firstProblem(in: Array(text.utf8))
  }

  @Test func validJSONHasNoProblem() {
    for text in [
      "{}", "[]", " {\"a\": [1, -2.5e+3, 0, 0.0, true, false, null, \"\\u00e9\\n\\\"\", {}]} ",
      "\u{FEFF}{\"a\": \"\\uD83D\\uDE00\"}", "\"x\"", "-0", "1E5",
    ] {
      #expect(problem(text) == nil, "\(text)")
    }
  }

  @Test func eachKindOfDamageIsNamedWithItsPlace() {
    let cases: [(String, Int, Int, String)] = [
      ("{\"a\": 01}", 1, 7, "may not start with 0"),
      ("{\"a\":\n  1.}", 2, 5, "digits after its decimal point"),
      ("{\"a\": 1e}", 1, 9, "digits in its exponent"),
      ("{\"a\": \"\\x\"}", 1, 9, "unknown escape '\\x'"),
      ("{\"a\": \"\\uDC00\"}", 1, 8, "lone low surrogate"),
      ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"),
      ("{a: 1}", 1, 2, "expected a quoted key"),
      ("[1, 2,]", 1, 7, "expected a value"),
      ("{} {}", 1, 4, "unexpected text after"),
      ("{\"a\": \"tab\there\"}", 1, 11, "control character"),
      ("{\"a\": nul}", 1, 7, "expected a value"),
      ("{\"a\": 1e400}", 1, 7, "too large"),
    ]
    for (text, line, column, message) in cases {
      let p = problem(text)
      #expect(p?.line == line && p?.column == column, "\(text): \(String(describing: p))")
      #expect(p?.message.contains(message) == true, "\(text): \(String(describing: p?.message))")
      #expect(p?.atEnd == false)
    }
  }

  @Test func textCutShortSaysSo() {
    for text in ["{\"a\": [1, 2", "{\"a\": \"unfinished", "{\"a\"", "[tru", "", "{\"a\": -"] {
      #expect(problem(text)?.atEnd == true, "\(text)")
    }
  }

  @Test func deepNestingIsRefusedNotRecursedInto() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(problem(deep)?.message.contains("nested more than") == true)
  }
}
