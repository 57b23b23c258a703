import Testing

@testable import LearnerPowerModel

private func problems(_ text: String) -> [Diagnostic] {
  switch WorkshopScript.parse(text, file: "w.toml") {
  case .success: return []
  case .failure(let list): return list.diagnostics
  }
}

@Test func aGoodScriptParsesEveryField() throws {
  let text = """
    title = "Where does our learning culture sit?"
    organisation = "Example Co"

    [[steps]]
    kind = "explore"
    title = "Compliance stays formal"
    position = 10
    prompt = "Which of our learning must stay tracked?"
    notes = "Facilitator only"
    minutes = 3

    [[steps]]
    kind = "explore"
    title = "Sweep"
    from = 0
    to = 100

    [[steps]]
    kind = "vote"
    title = "Leadership today and tomorrow"
    collect = "both"
    minutes = 2.5

    [[steps]]
    kind = "summary"
    title = "Where we landed"
    """
  let script = try WorkshopScript.parse(text, file: "w.toml").get()
  #expect(script.title == "Where does our learning culture sit?")
  #expect(script.organisation == "Example Co")
  #expect(script.steps.count == 4)
  #expect(script.steps[0].position == 10)
  #expect(script.steps[0].notes == "Facilitator only")
  #expect(script.steps[0].timeBox == 180)
  #expect(script.steps[1].startPosition == 0)
  #expect(script.steps[1].endPosition == 100)
  #expect(script.steps[2].collect == .both)
  #expect(script.steps[2].minutes == 2.5)
  #expect(script.steps[3].kind == .summary)
  #expect(script.plannedMinutes == 5.5)
}

@Test func voteStepsCollectCurrentByDefault() throws {
  let script = try WorkshopScript.parse(
    "title = \"t\"\n[[steps]]\nkind = \"vote\"\ntitle = \"v\"\n", file: "w.toml"
  ).get()
  #expect(script.steps[0].collect == .current)
}

@Test func scriptSyntaxErrorsCarryLineAndColumn() {
  let found = problems("title = \"t\"\n[[steps]]\nkind = = \"vote\"\n")
  #expect(found.count == 1)
  #expect(found.first?.line == 3)
  #expect(found.first?.column != nil)
}

@Test func everySemanticProblemIsReportedAtItsLine() {
  let text = """
    title = "t"
    colour = "red"

    [[steps]]
    kind = "lecture"
    title = "One"

    [[steps]]
    kind = "explore"
    title = "Two"
    position = 140

    [[steps]]
    kind = "vote"
    title = "Three"
    collect = "sometimes"
    promt = "typo"

    [[steps]]
    title = "Four"
    from = 10

    [[steps]]
    kind = "discuss"
    """
  let found = problems(text)
  let byLine = Dictionary(grouping: found, by: { $0.line ?? 0 })
  #expect(byLine[2]?.first?.message.contains("unknown top-level key \"colour\"") == true)
  #expect(byLine[5]?.first?.message.contains("unknown kind \"lecture\"") == true)
  #expect(byLine[11]?.first?.message.contains("out of range") == true)
  #expect(byLine[11]?.first?.keyPath == "steps[1].position")
  #expect(byLine[16]?.first?.message.contains("unknown collect") == true)
  #expect(byLine[17]?.first?.message.contains("did you mean \"prompt\"") == true)
  // The fourth step has no kind (reported at its table header) and half a sweep.
  #expect(byLine[19]?.contains { $0.message.contains("missing required key") } == true)
  #expect(byLine[21]?.first?.message.contains("to is missing") == true)
  // The fifth step has no title.
  #expect(byLine[23]?.contains { $0.keyPath == "steps[4].title" } == true)
  #expect(found.count == 8)
}

@Test func anEmptyAgendaIsRefused() {
  let none = problems("title = \"t\"\n")
  #expect(none.count == 1)
  #expect(none.first?.message.contains("agenda is empty") == true)
  let empty = problems("title = \"t\"\nsteps = []\n")
  #expect(empty.first?.line == 2)
  #expect(empty.first?.message.contains("agenda is empty") == true)
}

@Test func positionAndSweepTogetherAreRefused() {
  let found = problems(
    "title = \"t\"\n[[steps]]\nkind = \"explore\"\ntitle = \"x\"\nposition = 5\nfrom = 1\nto = 9\n")
  #expect(found.count == 1)
  #expect(found.first?.line == 5)
}

@Test func collectOnANonVoteStepIsRefused() {
  let found = problems(
    "title = \"t\"\n[[steps]]\nkind = \"discuss\"\ntitle = \"x\"\ncollect = \"target\"\n")
  #expect(found.first?.line == 5)
  #expect(found.first?.message.contains("only applies to vote steps") == true)
}

@Test func wrongTypesAndBadMinutesAreReported() {
  let found = problems(
    """
    title = 5
    [[steps]]
    kind = "explore"
    title = "x"
    position = "ten"
    minutes = 0
    """)
  #expect(found.map(\.line) == [1, 5, 6])
}

@Test func controlCharactersInTextAreStripped() throws {
  let script = try WorkshopScript.parse(
    "title = \"a\\u001b[31mb\"\n[[steps]]\nkind = \"explore\"\ntitle = \"x\"\n", file: "w.toml"
  ).get()
  #expect(script.title == "ab")
}
