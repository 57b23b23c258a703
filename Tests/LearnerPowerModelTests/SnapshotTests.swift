import Foundation
import Testing

@testable import LearnerPowerModel

/// 2024-05-01T09:30:00Z, the fixed clock every snapshot test uses.
let fixedTime = SnapshotTimestamp(secondsSince1970: 1_714_555_800)
let testApp = Snapshot.NameAndVersion(name: "learnerpower", version: "0.1.0")

func sample(_ current: Position = 38, _ target: Position = 70, title: String = "Q3 review", note: String = "")
  -> Snapshot
{
  Snapshot.make(
    current: current, target: target, catalogue: .builtIn, title: title, note: note,
    created: fixedTime, app: testApp)
}

func json(_ s: Snapshot) throws -> String { String(decoding: try SnapshotCodec.encode(s), as: UTF8.self) }

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
    #expect(s.target.socialLevel == .selfOrganising)
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
    let top = ["\"app\"", "\"area\"", "\"areas\"", "\"assessment\"", "\"catalogue\"", "\"created\"",
      "\"current\"", "\"note\"", "\"schema\"", "\"target\"", "\"title\"", "\"transition\""]
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
    let r = decode(try damaged("learnerpower.snapshot/2", "learnerpower.snapshot/3"), file: "new.json")
    let text = problem(r)
    #expect(text.hasPrefix("new.json: schema: written by a newer learnerpower"))
    #expect(text.contains("learnerpower.snapshot/3"))
    #expect(text.contains("update learnerpower"))
  }

  @Test func aWorkshopSessionIsTheWrongKindOfFile() throws {
    let r = decode(try damaged("learnerpower.snapshot/2", "learnerpower.session/1"), file: "s.json")
    #expect(problem(r) == "s.json: schema: a workshop session (schema \"learnerpower.session/1\"), not a snapshot")
  }

  @Test func otherJSONIsNotASnapshot() {
    #expect(problem(decode("{\"name\": \"x\"}", file: "package.json"))
      == "package.json: not a learnerpower snapshot: there is no \"schema\" field")
    #expect(problem(decode("[1, 2]", file: "a.json")) == "a.json: not a snapshot: expected a JSON object at the top level")
    #expect(problem(decode("{\"schema\": \"other/1\"}", file: "o.json")).contains("not a learnerpower snapshot"))
    #expect(problem(decode("{\"schema\": \"learnerpower.snapshot/zero\"}", file: "z.json"))
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
    #expect(problem(SnapshotCodec.decode(binary, file: "p.png")) == "p.png: binary data, not a snapshot (snapshots are UTF-8 JSON text)")
    #expect(problem(SnapshotCodec.decode(Data(), file: "e.json")) == "e.json: empty file: not a snapshot")
    #expect(problem(decode("{\"schema\u{0}\": 1}", file: "nul.json")).contains("binary data"))
  }

  @Test func malformedJSONSaysSo() {
    let text = problem(decode("{\"schema\": \"learnerpower.snapshot/1\",, }", file: "bad.json"))
    #expect(text.hasPrefix("bad.json"))
    #expect(text.contains("not valid JSON"))
  }

  @Test func missingAndBadFieldsNameTheirPath() throws {
    #expect(problem(decode(try damaged("\"title\" : \"Q3 review\",", ""), file: "m.json"))
      == "m.json: title: missing required field")
    #expect(problem(decode(try damaged("\"position\" : 38", "\"position\" : 138"), file: "p.json"))
      .hasPrefix("p.json: current.position: position 138 is outside 0...100"))
    #expect(problem(decode(try damaged("\"id\" : \"guided\"", "\"id\" : \"middle\""), file: "s.json"))
      .hasPrefix("s.json: current.stage: unknown stage \"middle\""))
    #expect(problem(decode(try damaged("\"created\" : \"2024-05-01T09:30:00Z\"", "\"created\" : \"soon\""), file: "c.json"))
      .hasPrefix("c.json: created: \"soon\" is not an ISO 8601 time"))
    #expect(problem(decode(try damaged("\"distance\" : 32", "\"distance\" : \"far\""), file: "d.json"))
      == "d.json: transition.distance: expected a whole number")
    #expect(problem(decode(try damaged("\"fit\" : 4", "\"fit\" : 9"), file: "f.json"))
      .contains("recommendations[0].fit: fit 9 is outside 0...4"))
  }

  @Test func escapeSequencesInAFileNeverSurviveReading() throws {
    let r = decode(try damaged("\"title\" : \"Q3 review\"", "\"title\" : \"Q3 \\u001b]0;pwned\\u0007review\""))
    #expect(try r.get().title == "Q3 review")
  }
}

@Suite struct SnapshotDiffTests {
  @Test func identicalLooksHaveNoDifferencesEvenOnAnotherDay() {
    var later = sample()
    later.created = SnapshotTimestamp(secondsSince1970: fixedTime.secondsSince1970 + 86_400)
    let d = SnapshotDiff(from: sample(), to: later)
    #expect(d.isEmpty)
    #expect(d.report == "No differences: the same positions, stages and recommendations.\n")
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
    let report = d.report
    #expect(report.contains("Current: 38 (Guided) → 55 (Enabled), 17 points towards the learner"))
    #expect(report.contains("  stage: Guided → Enabled"))
    #expect(report.contains("  recommendations gained: "))
    #expect(report.contains("  recommendations lost: "))
    #expect(report.contains("Target: 70 (Enabled), unchanged"))
    #expect(report.contains("Transition plan:"))
  }

  @Test func movingBackTowardsTheOrganisationIsNamed() {
    let report = SnapshotDiff(from: sample(38, 70), to: sample(38, 69)).report
    #expect(report.contains("Target: 70 (Enabled) → 69 (Enabled), 1 point towards the organisation"))
    #expect(!report.contains("stage:"))
  }

  @Test func titleAndNoteChangesCount() {
    let d = SnapshotDiff(from: sample(title: "A"), to: sample(title: "B", note: "new"))
    #expect(!d.isEmpty)
    #expect(d.report.contains("Title: \"A\" → \"B\""))
    #expect(d.report.contains("Note: changed"))
  }
}
