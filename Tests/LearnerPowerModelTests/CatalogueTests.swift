import Foundation
import Testing

@testable import LearnerPowerModel

// MARK: - Built-in catalogue

@Test func builtInCatalogueHasEightApproachesPerStage() {
  let catalogue = Catalogue.builtIn
  #expect(catalogue.approaches.count == 32)
  for stage in Stage.allCases {
    #expect(catalogue.approaches.filter { $0.stage == stage }.count == 8, "\(stage)")
  }
  #expect(Set(catalogue.approaches.map(\.id)).count == 32)
  #expect(catalogue.name == "Learner Power built-in catalogue")
}

@Test func builtInCatalogueParsesWithoutProblems() {
  let text = String(decoding: PackageResources.catalogue_toml, as: UTF8.self)
  let result = Catalogue.parse(text, file: "catalogue.toml")
  #expect(throws: Never.self) { try result.get() }
}

@Test func builtInFitsAgreeLooselyWithTheirStageBands() {
  for approach in Catalogue.builtIn.approaches {
    let band = approach.stage.band
    // Ranges may reach into a neighbouring stage, but must overlap their own band.
    #expect(approach.fit.overlaps(band), "\(approach.id)")
    #expect(abs(approach.fit.lowerBound - band.lowerBound) <= 10, "\(approach.id)")
    #expect(approach.id.first == approach.stage.name.first, "\(approach.id)")
  }
}

@Test func onlyMandatoryELearningIsPinned() {
  #expect(Catalogue.builtIn.approaches.filter(\.pinned).map(\.id) == ["D1"])
}

@Test func builtInTextIsCompleteAndClean() {
  for approach in Catalogue.builtIn.approaches {
    #expect(!approach.name.isEmpty && !approach.description.isEmpty, "\(approach.id)")
    #expect(!approach.ldRole.isEmpty && !approach.risk.isEmpty && !approach.tools.isEmpty)
    #expect(!approach.risk.contains("**"), "\(approach.id)")
  }
  #expect(Catalogue.builtIn["D1"]?.tools.first == "LMS (e.g. Moodle, Totara)")
  #expect(
    Catalogue.builtIn["D7"]?.risk == #"Passive audience; only "safe" questions reach the expert"#)
  #expect(Catalogue.builtIn["E3"]?.socialMode == .group)
  #expect(Catalogue.builtIn["Z9"] == nil)
}

// MARK: - Errors

private let goodApproach = """
  [[approaches]]
  id = "A1"
  name = "First"
  stage = "guided"
  fit = [25, 45]
  description = "d"
  ld_role = "r"
  tools = ["t"]
  risk = "k"
  social_mode = "group"
  """

private func problems(_ text: String) -> [String] {
  switch Catalogue.parse(text, file: "c.toml") {
  case .success: return []
  case .failure(let list): return list.diagnostics.map(\.description)
  }
}

@Test func aMinimalCatalogueParses() throws {
  let catalogue = try Catalogue.parse(
    "name = \"Ours\"\nversion = \"2\"\n" + goodApproach, file: "c.toml"
  ).get()
  #expect(catalogue.version == "2")
  #expect(catalogue["A1"]?.pinned == false)
  #expect(catalogue["A1"]?.fit == 25...45)
}

@Test func badTOMLReportsLineAndColumn() throws {
  let result = Catalogue.parse("name = \"x\"\nversion = \n", file: "c.toml")
  let list = try #require(result.failure)
  #expect(list.diagnostics.count == 1)
  let first = try #require(list.diagnostics.first)
  #expect(first.line == 2)
  #expect(first.column != nil)
  #expect(list.description.hasPrefix("c.toml:2:"))
  #expect(list.description.contains("TOML syntax error"))
}

@Test func duplicateIDIsReportedAtTheSecondUse() {
  let text = "name = \"x\"\nversion = \"1\"\n" + goodApproach + "\n" + goodApproach
  // The second [[approaches]] starts on line 13, its id on line 14.
  #expect(
    problems(text) == [
      "c.toml:14: approaches[1].id: duplicate id \"A1\": already used by approaches[0] on line 4; "
        + "ids must be unique"
    ])
}

@Test func fitOutOfBoundsIsReportedAtItsLine() {
  let text =
    "name = \"x\"\nversion = \"1\"\n"
    + goodApproach.replacingFirst("fit = [25, 45]", with: "fit = [25, 145]")
  #expect(
    problems(text) == [
      "c.toml:7: approaches[0].fit: fit [25, 145] is outside 0 to 100; both ends must be from 0 "
        + "to 100"
    ])
}

@Test func fitMustBeTwoOrderedWholeNumbers() {
  let base = "name = \"x\"\nversion = \"1\"\n"
  let cases = [
    ("fit = [60, 40]", "fit [60, 40] starts above its end; write [lo, hi] with lo <= hi"),
    (
      "fit = [10, 20, 30]",
      "expected [lo, hi], two whole numbers from 0 to 100; found [10, 20, 30] (3 values)"
    ),
    ("fit = [10.5, 20]", "expected [lo, hi], two whole numbers from 0 to 100; found [10.5, 20]"),
    (
      "fit = \"10-20\"",
      "expected [lo, hi], two whole numbers from 0 to 100; found string \"10-20\""
    ),
  ]
  for (line, message) in cases {
    let text = base + goodApproach.replacingFirst("fit = [25, 45]", with: line)
    #expect(problems(text) == ["c.toml:7: approaches[0].fit: " + message])
  }
}

@Test func unknownStageAndSocialModeListTheValidOnes() {
  let text =
    "name = \"x\"\nversion = \"1\"\n"
    + goodApproach.replacingFirst("\"guided\"", with: "\"middle\"")
    .replacingFirst("\"group\"", with: "\"crowd\"")
  #expect(
    problems(text) == [
      "c.toml:6: approaches[0].stage: unknown stage \"middle\"; valid stages: \"directed\", "
        + "\"guided\", \"enabled\", \"learner-led\"",
      "c.toml:12: approaches[0].social_mode: unknown social mode \"crowd\"; valid modes: "
        + "\"solo\", \"pair\", \"group\", \"network\"",
    ])
}

@Test func missingKeyIsReportedAtItsApproachHeader() {
  let text =
    "name = \"x\"\nversion = \"1\"\n" + goodApproach + "\n"
    + goodApproach.replacingFirst("A1", with: "A2").replacingFirst("ld_role = \"r\"\n", with: "")
  #expect(
    problems(text) == [
      "c.toml:13: approaches[1].ld_role: missing required key; expected a string (what L&D does)"
    ])
}

@Test func severalProblemsAreReportedTogetherInLineOrder() {
  let text = """
    name = 7
    colour = "blue"

    [[approaches]]
    id = "A1"
    name = "First"
    stage = "guided"
    fit = [25, 45]
    description = "d"
    ld_rol = "r"
    tools = ["t", 3]
    risk = "k"
    social_mode = "group"
    pinned = "yes"
    """
  #expect(
    problems(text) == [
      "c.toml: version: missing required key; expected a string (e.g. version = \"1.0\")",
      "c.toml:1: name: expected a string (the catalogue's display name), found integer 7",
      "c.toml:2: colour: unknown top-level key \"colour\"; known keys: name, version, approaches",
      "c.toml:4: approaches[0].ld_role: missing required key; expected a string (what L&D does)",
      "c.toml:10: approaches[0].ld_rol: unknown key \"ld_rol\"; did you mean \"ld_role\"?",
      "c.toml:11: approaches[0].tools[1]: expected a string, found integer 3",
      "c.toml:14: approaches[0].pinned: expected true or false, found string \"yes\"",
    ])
}

@Test func anEmptyCatalogueIsAProblem() {
  #expect(
    problems("name = \"x\"\nversion = \"1\"\napproaches = []\n") == [
      "c.toml:3: approaches: the catalogue has no approaches; add at least one [[approaches]] "
        + "table"
    ])
  #expect(
    problems("name = \"x\"\nversion = \"1\"\n") == [
      "c.toml: approaches: the catalogue has no approaches; add at least one [[approaches]] table"
    ])
}

@Test func textFieldsAreStrippedOfControlCharacters() throws {
  let text =
    "name = \"x\\u001B[2J\"\nversion = \"1\"\n"
    + goodApproach.replacingFirst("name = \"First\"", with: "name = \"\\u001B[31mRed\\u0007\"")
    .replacingFirst("description = \"d\"", with: "description = \"\"\"\n  two\n  lines\"\"\"")
  let catalogue = try Catalogue.parse(text, file: "c.toml").get()
  #expect(catalogue.name == "x")
  #expect(catalogue["A1"]?.name == "Red")
  #expect(catalogue["A1"]?.description == "two lines")
}

@Test func aNULCharacterIsReportedInsteadOfTruncatingTheFile() {
  let result = problems("name = \"x\"\nversion = \"1\0\"\n")
  #expect(result == ["c.toml:2:13: the file contains a NUL character; TOML text cannot hold one"])
}

extension Result {
  var failure: Failure? {
    if case .failure(let error) = self { error } else { nil }
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
