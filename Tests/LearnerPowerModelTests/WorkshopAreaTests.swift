import Foundation
import Testing

@testable import LearnerPowerModel

/// Learning areas in a workshop: declared in the script, named by steps, each with its own
/// agreed current and target; and a script's own questions file.
@Suite struct WorkshopAreaTests {
  let script = """
    title = "Areas"
    areas = [{ name = "Compliance", pinned = true }, { name = "Leadership" }, "Onboarding"]
    [[steps]]
    kind = "vote"
    title = "Compliance"
    area = "compliance"
    collect = "both"
    [[steps]]
    kind = "vote"
    title = "Leadership"
    area = "Leadership"
    collect = "both"
    [[steps]]
    kind = "vote"
    title = "Everything"
    collect = "both"
    [[steps]]
    kind = "summary"
    title = "Agree"
    """

  func problems(_ text: String, loader: WorkshopScript.QuestionsLoader? = nil) -> [String] {
    switch WorkshopScript.parse(text, file: "w.toml", loadQuestions: loader) {
    case .success: return []
    case .failure(let list): return list.diagnostics.map(\.description)
    }
  }

  func session() throws -> WorkshopSession {
    WorkshopSession(
      id: "s", script: try WorkshopScript.parse(script, file: "w.toml").get(), startedAt: 0)
  }

  func vote(_ s: inout WorkshopSession, step: Int, _ current: Int, _ target: Int) {
    let v = WorkshopVote(
      id: s.nextVoteID, current: Position(clamping: current), target: Position(clamping: target))
    s.apply(.voted(v, step: step, at: 1))
  }

  @Test func areasAreReadAsNamesOrTablesAndStepsTakeTheDeclaredSpelling() throws {
    let parsed = try WorkshopScript.parse(script, file: "w.toml").get()
    #expect(
      parsed.areas == [
        WorkshopArea(name: "Compliance", pinned: true), WorkshopArea(name: "Leadership"),
        WorkshopArea(name: "Onboarding"),
      ])
    #expect(parsed.steps.map(\.area) == ["Compliance", "Leadership", nil, nil])
  }

  @Test func anUnknownAreaIsReportedAtItsLineWithTheNearestName() {
    let text = script.replacingOccurrences(
      of: "area = \"Leadership\"", with: "area = \"Leadrship\"")
    #expect(
      problems(text) == [
        "w.toml:11: steps[1].area: unknown area \"Leadrship\"; did you mean \"Leadership\"?"
      ])
    let far = script.replacingOccurrences(of: "area = \"Leadership\"", with: "area = \"Sales\"")
    #expect(
      problems(far).first?.hasSuffix(
        "the script's areas are \"Compliance\", \"Leadership\", \"Onboarding\"") == true)
  }

  @Test func badAreaDeclarationsAreAllReported() {
    let text = """
      title = "T"
      areas = ["A", "a", 3, { name = "" }, { nme = "B" }, { name = "C", pinned = "yes" }]
      [[steps]]
      kind = "discuss"
      title = "D"
      area = ""
      """
    let found = problems(text)
    #expect(found.contains { $0.contains("areas[1].name: duplicate name \"a\"") })
    #expect(
      found.contains {
        $0.contains("areas[2]: expected a list of area names") && $0.contains("integer 3")
      })
    #expect(found.contains { $0.contains("areas[3]: an area needs a name") })
    #expect(
      found.contains {
        $0.contains("areas[4].nme: unknown area key \"nme\"; did you mean \"name\"?")
      })
    #expect(found.contains { $0.contains("areas[5].pinned: expected true or false") })
    #expect(
      found.contains { $0.contains("steps[0].area: area must name one of the script's areas") })
    #expect(
      problems("title = \"T\"\nareas = \"A\"\n[[steps]]\nkind = \"summary\"\ntitle = \"S\"").first?
        .contains("areas: expected a list of area names") == true)
  }

  @Test func anAreaNameLongerThanFortyCharactersIsRefusedNotCut() {
    let long = String(repeating: "x", count: 41)
    let text =
      "title = \"T\"\nareas = [\"\(long)\"]\n[[steps]]\nkind = \"vote\"\ntitle = \"V\"\narea = \"\(long)y\"\n"
    #expect(
      problems(text) == [
        "w.toml:2: areas[0]: the area name is 41 characters long; use at most 40",
        "w.toml:6: steps[0].area: the area name is 42 characters long; use at most 40",
      ])
  }

  @Test func wholeOrganisationIsNotAnAreaName() {
    let text =
      "title = \"T\"\nareas = [\"whole organisation\"]\n[[steps]]\nkind = \"vote\"\ntitle = \"V\"\narea = \"Whole Organisation\"\n"
    let found = problems(text)
    #expect(found.count == 2)
    #expect(found.allSatisfy { $0.contains("is what steps without an area speak for") })
  }

  @Test func withoutDeclaredAreasEachNamedAreaIsDeclaredInOrder() throws {
    let text = """
      title = "T"
      [[steps]]
      kind = "vote"
      title = "A"
      area = "Sales"
      [[steps]]
      kind = "vote"
      title = "B"
      area = "Service"
      [[steps]]
      kind = "vote"
      title = "C"
      area = "sales"
      """
    let parsed = try WorkshopScript.parse(text, file: "w.toml").get()
    #expect(parsed.areas.map(\.name) == ["Sales", "Service"])
    #expect(parsed.steps.map(\.area) == ["Sales", "Service", "Sales"])
  }

  @Test func eachAreaAgreesOnItsOwnVotesOnly() throws {
    var s = try session()
    vote(&s, step: 0, 10, 20)
    vote(&s, step: 0, 20, 30)
    vote(&s, step: 1, 50, 90)
    vote(&s, step: 2, 40, 60)
    #expect(s.agreedCurrent(in: "Compliance") == 15)
    #expect(s.agreedTarget(in: "Compliance") == 25)
    #expect(s.agreedCurrent(in: "Leadership") == 50)
    #expect(s.agreedCurrent == 40)  // only the step that names no area
    #expect(s.agreedCurrent(in: "Onboarding") == nil)
    let results = s.results
    #expect(
      results.map(\.name) == [LearningArea.defaultName, "Compliance", "Leadership", "Onboarding"])
    #expect(results.map(\.votes) == [1, 2, 1, 0])
    #expect(results.map(\.source) == [.votes, .votes, .votes, .none])
    #expect(results[1].pinned && !results[2].pinned)
  }

  @Test func theFacilitatorAdjustsOneAreaWithoutTouchingTheOthers() throws {
    var s = try session()
    vote(&s, step: 0, 10, 20)
    vote(&s, step: 1, 50, 90)
    s.apply(.agreed(current: 60, target: 80, area: "Leadership", at: 2))
    #expect(s.agreedCurrent(in: "Leadership") == 60)
    #expect(s.agreedSource(in: "Leadership") == .adjusted)
    #expect(s.agreedCurrent(in: "Compliance") == 10)
    #expect(s.agreedCurrentOverride == nil)
    s.apply(.agreed(current: nil, target: nil, area: "Leadership", at: 3))
    #expect(s.agreedCurrent(in: "Leadership") == 50)
    #expect(s.agreedSource(in: "Leadership") == .votes)
  }

  @Test func aScriptWithoutAreasHasOneResultForTheWholeOrganisation() throws {
    let text = "title = \"T\"\n[[steps]]\nkind = \"vote\"\ntitle = \"V\""
    var s = WorkshopSession(
      id: "s", script: try WorkshopScript.parse(text, file: "w.toml").get(), startedAt: 0)
    vote(&s, step: 0, 30, 70)
    #expect(s.results.map(\.area) == [nil])
    #expect(s.results.first?.current == 30)
    // Agreed entries without an area, as journals before areas wrote them, still apply.
    s.apply(.agreed(current: 35, target: 75, at: 2))
    #expect(s.agreedCurrent == 35 && s.agreedSource(in: nil) == .adjusted)
  }

  @Test func aJournalWrittenBeforeAreasStillReplays() throws {
    let text = """
      {"at":1,"script":{"steps":[{"collect":"both","kind":"vote","title":"V"}],"title":"T"},"session":"s","type":"start"}
      {"at":2,"step":0,"type":"vote","vote":{"current":30,"id":1,"target":70}}
      {"at":3,"current":33,"target":72,"type":"agree"}

      """
    let replay = try WorkshopSession.replay(text, file: "old.jsonl").get()
    #expect(replay.session.script.areas.isEmpty)
    #expect(replay.session.agreedCurrent == 33 && replay.session.agreedTarget == 72)
  }

  @Test func aScriptWithAreasRoundTripsThroughTheJournal() throws {
    var s = try session()
    vote(&s, step: 1, 50, 90)
    let start = JournalEntry.start(session: "s", script: s.script, source: nil, at: 0)
    let lines = [
      start, .voted(WorkshopVote(id: 1, current: 50, target: 90), step: 1, at: 1),
      .agreed(current: 55, target: 85, area: "Leadership", at: 2),
    ]
    let text = try lines.map { String(decoding: try $0.jsonLine(), as: UTF8.self) + "\n" }.joined()
    let replay = try WorkshopSession.replay(text, file: "j.jsonl").get()
    #expect(replay.session.script == s.script)
    #expect(replay.session.agreedCurrent(in: "Leadership") == 55)
  }

  @Test func textFromAnEditedJournalIsStrippedOfEscapesBeforeItCanBeDrawn() throws {
    let esc = "\\u001b"
    let text = """
      {"at":1,"script":{"areas":[{"name":"Lead\(esc)[31mership"}],"steps":[{"area":"Lead\(esc)[31mership","collect":"both","kind":"vote","prompt":"P\(esc)]0;owned\\u0007","title":"V\(esc)[2J"}],"title":"T\(esc)[H"},"session":"s","type":"start"}
      {"at":2,"step":0,"type":"vote","vote":{"current":30,"id":1,"name":"Ana\(esc)[5m","target":70}}
      {"at":3,"step":0,"text":"note\(esc)[0m","type":"note"}

      """
    let session = try WorkshopSession.replay(text, file: "j.jsonl").get().session
    let shown = [
      session.script.title, session.script.steps[0].title, session.script.steps[0].prompt ?? "",
      session.script.areas[0].name, session.script.steps[0].area ?? "",
      session.votes(of: 0)[0].name ?? "", session.notes[0].text,
    ]
    #expect(shown == ["T", "V", "P", "Leadership", "Leadership", "Ana", "note"])
    #expect(session.agreedCurrent(in: "Leadership") == 30)
  }

  // MARK: - Questions file

  /// The shared two-question set in Tests/Fixtures.
  static let twoQuestions =
    (try? String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/two-questions.toml"),
      encoding: .utf8)) ?? ""

  @Test func anAssessStepUsesTheScriptsOwnQuestionsFile() throws {
    let text = """
      title = "T"
      questions = "ours.toml"
      [[steps]]
      kind = "assess"
      title = "Ours"
      area = "Leadership"
      """
    let asked = LockedBox<[String]>([])
    let parsed = try WorkshopScript.parse(text, file: "w.toml") { path in
      asked.value.append(path)
      return AssessmentQuestions.parse(Self.twoQuestions, file: path)
    }.get()
    #expect(asked.value == ["ours.toml"])
    #expect(parsed.questions == "ours.toml")
    #expect(parsed.steps.map(\.question) == ["A1", "A2"])
    #expect(parsed.steps.map(\.title) == ["Ours: 1 of 2", "Ours: 2 of 2"])
    #expect(parsed.steps[0].answers == ["HR", "Managers", "Teams", "Each person"])
    #expect(parsed.steps.allSatisfy { $0.area == "Leadership" })
  }

  @Test func aBrokenQuestionsFileIsReportedWithItsOwnProblems() {
    let text =
      "title = \"T\"\nquestions = \"ours.toml\"\n[[steps]]\nkind = \"assess\"\ntitle = \"A\""
    let found = problems(text) { path in AssessmentQuestions.parse("name = 1", file: path) }
    #expect(
      found.first
        == "w.toml:2: questions: the questions file \"ours.toml\" cannot be used (3 problems below)"
    )
    #expect(found.contains { $0.hasPrefix("ours.toml:1: name: expected a string") })
    #expect(
      problems(text).first
        == "w.toml:2: questions: a questions file can only be used from a script file")
  }
}

/// A box a `@Sendable` closure may write to in a test.
final class LockedBox<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value
  init(_ value: Value) { stored = value }
  var value: Value {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
