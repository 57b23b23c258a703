import Foundation
import Testing

/// `snapshot`, `show` and `diff` through the built binary: files, exit codes, messages.
@Suite struct SnapshotCommandTests {
  typealias LP = LearnerPowerBinary
  static let fixed = ["--created", "2024-05-01T09:30:00Z"]

  struct Home {
    let path = LP.tempHome()
    var env: [String: String] { LP.environment(home: path) }
    var snapshots: String { path + "/data/learnerpower/snapshots" }
    func run(_ args: [String]) throws -> LP.Result { try LP.run(args, env: env, cwd: path) }
  }

  @Test func withoutOutputItWritesIntoTheSnapshotsFolderAndPrintsThePath() throws {
    let home = Home()
    let first = try home.run(
      ["snapshot", "--current", "38", "--target", "70", "--title", "Q3 review"] + Self.fixed)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout == home.snapshots + "/2024-05-01-0930-q3-review.json\n")
    let second = try home.run(["snapshot", "--current", "38", "--title", "Q3 review"] + Self.fixed)
    #expect(second.stdout == home.snapshots + "/2024-05-01-0930-q3-review-2.json\n")
    let third = try home.run(["snapshot", "--current", "38", "--title", "Q3 review"] + Self.fixed)
    #expect(third.stdout == home.snapshots + "/2024-05-01-0930-q3-review-3.json\n")
    let text = try String(
      contentsOfFile: home.snapshots + "/2024-05-01-0930-q3-review.json", encoding: .utf8)
    #expect(text.contains("\"schema\" : \"learnerpower.snapshot/2\""))
    #expect(text.contains("\"title\" : \"Q3 review\""))
  }

  @Test func snapshotsDirOverridesTheFolder() throws {
    let home = Home()
    let r = try home.run(
      ["snapshot", "--current", "10", "--snapshots-dir", home.path + "/mine"] + Self.fixed)
    #expect(r.stdout == home.path + "/mine/2024-05-01-0930-current-10-target-10.json\n")
  }

  @Test func theFormatComesFromTheOutputExtension() throws {
    let home = Home()
    for (name, start) in [
      ("r.md", "# Q"), ("c.svg", "<?xml"), ("s.txt", "Snapshot: Q"), ("d.json", "{"),
    ] {
      let r = try home.run(
        ["snapshot", "--current", "38", "--title", "Q", "-o", name] + Self.fixed)
      #expect(r.status == 0, "\(r.stderr)")
      let text = try String(contentsOfFile: home.path + "/" + name, encoding: .utf8)
      #expect(text.hasPrefix(start), "\(name) starts with \(text.prefix(20))")
    }
    let forced = try home.run(
      ["snapshot", "--current", "38", "--format", "md", "-o", "x.json"] + Self.fixed)
    #expect(forced.status == 0)
    #expect(try String(contentsOfFile: home.path + "/x.json", encoding: .utf8).hasPrefix("# "))
  }

  @Test func dashWritesToStandardOutput() throws {
    let r = try Home().run(
      ["snapshot", "--current", "38", "-o", "-", "--format", "svg"] + Self.fixed)
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("<?xml") && r.stdout.hasSuffix("</svg>\n"))
  }

  @Test(arguments: [
    ["--current", "101"], ["--current", "-1"], ["--current", "abc"],
    ["--current", "40", "--target", "200"], [],
  ])
  func outOfRangeOrMissingPositionsAreUsageErrors(_ args: [String]) throws {
    let r = try Home().run(["snapshot"] + args)
    #expect(r.status == 64, "\(r.stderr)")
  }

  @Test func anExistingOutputNeedsForce() throws {
    let home = Home()
    _ = try home.run(
      ["snapshot", "--current", "38", "--title", "old", "-o", "a.json"] + Self.fixed)
    let refused = try home.run(
      ["snapshot", "--current", "60", "--title", "new", "-o", "a.json"] + Self.fixed)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("a.json: the file already exists (use --force to replace it)"))
    #expect(
      try String(contentsOfFile: home.path + "/a.json", encoding: .utf8).contains(
        "\"title\" : \"old\""))
    let forced = try home.run(
      ["snapshot", "--current", "60", "--title", "new", "-o", "a.json", "--force"] + Self.fixed)
    #expect(forced.status == 0)
    #expect(
      try String(contentsOfFile: home.path + "/a.json", encoding: .utf8).contains(
        "\"title\" : \"new\""))
    let files = try FileManager.default.contentsOfDirectory(atPath: home.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(files.isEmpty)
  }

  @Test func aBadPlaceIsAClearFailure() throws {
    let home = Home()
    _ = FileManager.default.createFile(atPath: home.path + "/plain", contents: Data())
    let r = try home.run(["snapshot", "--current", "38", "-o", "plain/inside.json"] + Self.fixed)
    #expect(r.status == 1)
    #expect(r.stderr.contains("plain"))
  }

  @Test func anOutputIntoAMissingFolderIsRefusedAndNoFolderIsMade() throws {
    let home = Home()
    for path in ["missing/a.json", home.path + "/gone/deeper/a.md"] {
      let r = try home.run(["snapshot", "--current", "38", "-o", path] + Self.fixed)
      #expect(r.status == 1, "\(path): \(r.stderr)")
      #expect(r.stdout.isEmpty)
      let folder = (path as NSString).deletingLastPathComponent
      #expect(
        r.stderr
          == "learnerpower: \(folder): the folder does not exist (create it first, or write elsewhere)\n"
      )
    }
    #expect(!FileManager.default.fileExists(atPath: home.path + "/missing"))
    #expect(!FileManager.default.fileExists(atPath: home.path + "/gone"))
    // The snapshots folder itself is still made when it is the default place.
    #expect(!FileManager.default.fileExists(atPath: home.snapshots))
    let r = try home.run(["snapshot", "--current", "38"] + Self.fixed)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix(home.snapshots + "/"))
  }

  // MARK: - --answers

  @discardableResult
  func write(_ text: String, _ name: String, in home: Home) -> String {
    let path = home.path + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  static let answers =
    "[today]\nQ1 = 2\nQ2 = 1\nQ3 = \"not sure\"\nQ4 = 3\n\n[target]\nQ1 = 4\nQ2 = 3\nQ4 = 4\n"

  func object(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
  }

  @Test func answersGiveThePositionsAndTravelInTheSnapshot() throws {
    let home = Home()
    let file = write(Self.answers, "answers.toml", in: home)
    let r = try home.run(["snapshot", "--answers", "answers.toml", "-o", "-"] + Self.fixed)
    #expect(r.status == 0, "\(r.stderr)")
    let doc = try object(r.stdout)
    // The same positions `assess --answers` reports for the file.
    let scored = try object(try home.run(["assess", "--answers", file, "--format", "json"]).stdout)
    let today = (scored["today"] as? [String: Any])?["position"] as? Int
    let target = (scored["target"] as? [String: Any])?["position"] as? Int
    #expect((doc["current"] as? [String: Any])?["position"] as? Int == today)
    #expect((doc["target"] as? [String: Any])?["position"] as? Int == target)
    #expect(today == 33 && target == 89)
    #expect(doc["title"] as? String == "Current 33, target 89")
    let assessment = try #require(doc["assessment"] as? [String: Any])
    #expect(
      (assessment["questions"] as? [String: String])?["name"] == "Learner Power self-assessment")
    #expect((assessment["today"] as? [String: Any])?["Q3"] as? String == "not sure")
    #expect((assessment["target"] as? [String: Any])?["Q4"] as? Int == 4)
    #expect(r.stdout.contains("\"Q1\" : 2"))

    // Given positions win; the answers still go along, and show in the report.
    let given = try home.run(
      ["snapshot", "--answers", file, "--current", "10", "-o", "g.md"] + Self.fixed)
    #expect(given.status == 0, "\(given.stderr)")
    let md = try String(contentsOfFile: home.path + "/g.md", encoding: .utf8)
    #expect(md.contains("Self-assessment answers"))
    let json = try home.run(
      ["snapshot", "--answers", file, "--current", "10", "-o", "-"] + Self.fixed)
    #expect((try object(json.stdout)["current"] as? [String: Any])?["position"] as? Int == 10)
    #expect((try object(json.stdout)["target"] as? [String: Any])?["position"] as? Int == 89)
  }

  @Test func answersForAnotherQuestionSetNeedItsQuestionFile() throws {
    let home = Home()
    let questions = write(
      "name = \"Two\"\nversion = \"2\"\n"
        + "[[questions]]\nid = \"X\"\ntext = \"One?\"\ndimension = \"culture\"\nanswers = [\"a\", \"b\", \"c\", \"d\"]\n"
        + "[[questions]]\nid = \"Y\"\ntext = \"Two?\"\ndimension = \"roles\"\nanswers = [\"a\", \"b\", \"c\", \"d\"]\n",
      "two.toml", in: home)
    write("[today]\nX = 1\nY = 3\n[target]\nX = 4\nY = 4\n", "xy.toml", in: home)
    let r = try home.run(
      ["snapshot", "--questions", questions, "--answers", "xy.toml", "-o", "-"] + Self.fixed)
    #expect(r.status == 0, "\(r.stderr)")
    let doc = try object(r.stdout)
    #expect((doc["current"] as? [String: Any])?["position"] as? Int == 34)
    #expect(
      ((doc["assessment"] as? [String: Any])?["questions"] as? [String: String]) == [
        "name": "Two", "version": "2",
      ])
    let builtIn = try home.run(["snapshot", "--answers", "xy.toml", "-o", "-"] + Self.fixed)
    #expect(builtIn.status == 1)
    #expect(
      builtIn.stderr.contains("xy.toml:2: today.X: unknown question \"X\""), "\(builtIn.stderr)")
    let noAnswers = try home.run(["snapshot", "--current", "3", "--questions", questions])
    #expect(noAnswers.status == 64)
    #expect(noAnswers.stderr.contains("--questions is only used with --answers"))
  }

  @Test func aBadAnswerFileNamesFileAndLineAndWritesNothing() throws {
    let home = Home()
    write("[today]\nQ1 = 2\nQ2 = 7\n[target]\nQ1 = 4\nQ99 = 1\n", "bad.toml", in: home)
    let r = try home.run(["snapshot", "--answers", "bad.toml", "-o", "out.json"] + Self.fixed)
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(
      r.stderr.contains(
        "bad.toml:3: today.Q2: expected an answer number from 1 to 4, or \"not sure\"; found 7"),
      "\(r.stderr)")
    #expect(r.stderr.contains("bad.toml:6: target.Q99: unknown question \"Q99\""), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: home.path + "/out.json"))

    write("[today]\nQ1 = \"?\"\n[target]\nQ1 = 3\n", "unsure.toml", in: home)
    let unsure = try home.run(["snapshot", "--answers", "unsure.toml"] + Self.fixed)
    #expect(unsure.status == 1)
    #expect(
      unsure.stderr
        == "learnerpower: unsure.toml: no question is answered for today (every answer is \"not sure\" or missing), so there is no current position to take from it; answer at least one, or give --current N\n"
    )
    // With --current given, only the target is taken from the file.
    #expect(
      try home.run(
        ["snapshot", "--answers", "unsure.toml", "--current", "20", "-o", "-"] + Self.fixed
      ).status == 0)

    let missing = try home.run(["snapshot", "--answers", "nope.toml"] + Self.fixed)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nope.toml: no such file"))
    let neither = try home.run(["snapshot", "--title", "x"] + Self.fixed)
    #expect(neither.status == 64)
    #expect(neither.stderr.contains("--current"))
  }

  @Test func showPrintsTheExplorerScreenByDefault() throws {
    let home = Home()
    _ = try home.run(
      ["snapshot", "--current", "38", "--target", "70", "--title", "Q3", "-o", "a.json"]
        + Self.fixed)
    let r = try home.run(["show", "a.json"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "Snapshot: Q3 (2024-05-01 09:30 UTC)")
    #expect(r.stdout.contains("Learner Power explorer"))
    #expect(r.stdout.contains("Current 38"))
    let md = try home.run(["show", "a.json", "--format", "md"])
    #expect(md.stdout.hasPrefix("# Q3\n"))
    let json = try home.run(["show", "a.json", "--format", "json"])
    #expect(json.stdout == (try String(contentsOfFile: home.path + "/a.json", encoding: .utf8)))
  }

  @Test(arguments: [
    ("cut.json", "{\n  \"app\" : {", "truncated"),
    ("bin.json", "\u{0}\u{1}\u{2}", "binary data"),
    ("future.json", "{\"schema\": \"learnerpower.snapshot/3\"}", "newer learnerpower"),
    ("session.json", "{\"schema\": \"learnerpower.session/1\"}", "workshop session"),
    ("other.json", "{\"name\": 1}", "no \"schema\" field"),
    ("empty.json", "", "empty file"),
  ])
  func showNamesABadFileAndItsProblem(_ name: String, _ content: String, _ problem: String) throws {
    let home = Home()
    _ = FileManager.default.createFile(atPath: home.path + "/" + name, contents: Data(content.utf8))
    let r = try home.run(["show", name])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.hasPrefix("learnerpower: \(name): "), "\(r.stderr)")
    #expect(r.stderr.contains(problem), "\(r.stderr)")
  }

  @Test func showOfAMissingFileFails() throws {
    let r = try Home().run(["show", "nope.json"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("nope.json: no such file"))
  }

  @Test func diffSaysWhatMovedAndExitCodeSaysWhether() throws {
    let home = Home()
    _ = try home.run(
      ["snapshot", "--current", "38", "--target", "70", "--title", "T", "-o", "a.json"] + Self.fixed
    )
    _ = try home.run(
      ["snapshot", "--current", "55", "--target", "70", "--title", "T", "-o", "b.json"] + Self.fixed
    )
    let d = try home.run(["diff", "a.json", "b.json"])
    #expect(d.status == 0)
    let lines = d.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.prefix(4) == [
        "Current: 38 → 55, 17 points towards the learner", "Target: 70, unchanged",
        "Stage: current Guided → Enabled",
        "Social empowerment: current 32.3 → 57.5 (Structured → Distributed)",
      ])
    #expect(
      lines.dropFirst(4).map { String($0.prefix(34)) } == [
        "Approaches introduced at current: ", "Approaches removed at current: D2 ",
      ])
    #expect(try home.run(["diff", "a.json", "b.json", "--exit-code"]).status == 1)
    let same = try home.run(["diff", "a.json", "a.json", "--exit-code"])
    #expect(same.status == 0)
    #expect(same.stdout == "No differences: the two snapshots are the same.\n")
    let bad = try home.run(["diff", "a.json", "missing.json"])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("missing.json: no such file"))
  }

  @Test func diffComparesTheLearningAreasAndTheAnswers() throws {
    let home = Home()
    _ = try home.run(
      ["snapshot", "--current", "38", "--target", "70", "-o", "a.json"] + Self.fixed)
    // A second look with the areas and answers the explorer would have saved.
    var doc =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: home.path + "/a.json")))
      as? [String: Any] ?? [:]
    doc["areas"] = [
      ["name": "Leadership", "current": 55, "target": 85, "pinned": false],
      ["name": "Whole organisation", "current": 38, "target": 70, "pinned": true],
    ]
    doc["assessment"] = [
      "questions": ["name": "Learner Power self-assessment", "version": "1"],
      "today": ["Q1": 2, "Q3": "not sure"], "target": ["Q1": 4],
    ]
    try JSONSerialization.data(withJSONObject: doc).write(
      to: URL(fileURLWithPath: home.path + "/b.json"))
    var withOther = doc
    withOther["assessment"] = [
      "questions": ["name": "Learner Power self-assessment", "version": "1"],
      "today": ["Q1": 3, "Q3": "not sure"], "target": ["Q1": 4, "Q12": 1],
    ]
    try JSONSerialization.data(withJSONObject: withOther).write(
      to: URL(fileURLWithPath: home.path + "/c.json"))

    let d = try home.run(["diff", "a.json", "b.json", "--exit-code"])
    #expect(d.status == 1, "\(d.stderr)")
    #expect(
      d.stdout == """
        Current: 38, unchanged
        Target: 70, unchanged
        Areas:
          Leadership: added (current 55, target 85)
          Whole organisation: now pinned
        Assessment: added (answers to 2 questions)

        """)
    let back = try home.run(["diff", "b.json", "a.json"])
    #expect(back.stdout.contains("  Leadership: removed (was current 55, target 85)\n"))
    #expect(back.stdout.contains("  Whole organisation: no longer pinned\n"))
    #expect(back.stdout.contains("Assessment: removed (it had answers to 2 questions)\n"))
    let answers = try home.run(["diff", "b.json", "c.json"])
    #expect(
      answers.stdout.hasSuffix(
        "Assessment: answers changed for 2 questions: Q1 (today), Q12 (target)\n"))
  }
}
