import Foundation
import Testing

/// Learning areas and a script's own questions file, through the real binary: `workshop check`,
/// a session in tmux that votes on two areas and agrees them on the summary, and its exports.
@Suite(.serialized) struct WorkshopAreaEndToEndTests {
  typealias LP = LearnerPowerBinary

  static let areasExample = LP.packageRoot.appendingPathComponent("examples/learning-areas.toml")
    .path

  /// The shared two-question set in Tests/Fixtures.
  static let twoQuestions =
    (try? String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/two-questions.toml"),
      encoding: .utf8)) ?? ""

  @Test func aSessionWithNothingAgreedHasNoSnapshotToExport() throws {
    let home = LP.tempHome()
    let folder = home + "/data/learnerpower/sessions"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let start =
      #"{"at":1,"script":{"steps":[{"collect":"both","kind":"vote","title":"V"}],"title":"T"},"session":"s1","type":"start"}"#
    try (start + "\n").write(toFile: folder + "/s1.jsonl", atomically: true, encoding: .utf8)
    let r = try LP.run(
      ["workshop", "export", "s1", "--format", "snapshot"], env: LP.environment(home: home))
    #expect(r.status == 1)
    #expect(r.stderr.contains("s1: nothing has been agreed yet"))
    // A line that cannot be read is left out of the report, and the export says so.
    let vote = #"{"at":2,"step":0,"type":"vote","vote":{"current":30,"id":1,"target":60}}"#
    try (start + "\n{garbage\n" + vote + "\n").write(
      toFile: folder + "/s1.jsonl", atomically: true, encoding: .utf8)
    let warned = try LP.run(
      ["workshop", "export", "s1", "--format", "csv"], env: LP.environment(home: home))
    #expect(warned.status == 0)
    #expect(
      warned.stderr.contains(
        "s1.jsonl: journal line 2 could not be read and is left out of the export"))
    #expect(warned.stdout.contains("1,V,,30,60,"))
    let bad = try LP.run(
      ["workshop", "export", "s1", "--format", "pdf"], env: LP.environment(home: home))
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("md, json, csv, svg or snapshot"))
  }

  @Test func checkFindsTheQuestionsFileBesideTheScriptAndReportsItsProblems() throws {
    let home = LP.tempHome()
    let folder = home + "/scripts"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let script = folder + "/w.toml"
    try """
    title = "Ours"
    questions = "ours.toml"
    areas = ["Leadership"]
    [[steps]]
    kind = "assess"
    title = "Culture"
    area = "Leadership"
    """.write(toFile: script, atomically: true, encoding: .utf8)
    try Self.twoQuestions.write(toFile: folder + "/ours.toml", atomically: true, encoding: .utf8)
    // Run from elsewhere: the questions file is found beside the script, not in the cwd.
    let ok = try LP.run(["workshop", "check", script], cwd: home)
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout.contains("2 steps"))

    try "name = \"Ours\"\nversion = \"1\"\n[[questions]]\nid = \"A1\"\n".write(
      toFile: folder + "/ours.toml", atomically: true, encoding: .utf8)
    let bad = try LP.run(["workshop", "check", script], cwd: home)
    #expect(bad.status == 1)
    let lines = bad.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "\(script):2: questions: the questions file \"ours.toml\" cannot be used (3 problems below)"
    )
    #expect(
      lines.contains {
        $0.hasPrefix("\(folder)/ours.toml:3: questions[0].text: missing required key")
      })

    try FileManager.default.removeItem(atPath: folder + "/ours.toml")
    let missing = try LP.run(["workshop", "check", script], cwd: home)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("\(folder)/ours.toml"))

    try
      "title = \"T\"\nareas = [\"Sales\"]\n[[steps]]\nkind = \"vote\"\ntitle = \"V\"\narea = \"Sals\"\n"
      .write(toFile: script, atomically: true, encoding: .utf8)
    let typo = try LP.run(["workshop", "check", script])
    #expect(typo.status == 1)
    #expect(
      typo.stderr.contains(
        "\(script):6: steps[0].area: unknown area \"Sals\"; did you mean \"Sales\"?"))
  }

  @Test(.enabled(if: tmuxAvailable)) func aRoomAgreesTwoAreasAndTheReportCarriesEveryArea() throws {
    let home = LP.tempHome()
    let env = LP.terminalEnvironment(home: home)
    let s = try TmuxSession(
      command: [LP.path, "workshop", Self.areasExample], width: 100, height: 30, env: env)
    s.waitFor(text: "Step 1 of 7")
    try s.send("n")
    s.waitFor(text: "Compliance and safety  (vote · both)")
    for vote in ["10 20", "20 20"] {
      try s.sendLiteral(vote)
      try s.send("Enter")
    }
    s.waitFor(text: "Vote 2 added")
    try s.send("Escape")
    try s.send("n")
    s.waitFor(text: "Onboarding  (vote · both)")
    try s.sendLiteral("40 70")
    try s.send("Enter")
    s.waitFor(text: "Vote 1 added")
    try s.send("Escape")
    try s.send("g")
    try s.sendLiteral("7")
    try s.send("Enter")
    let summary = s.waitFor(text: "Agreed by area")
    #expect(summary.contains("Compliance and safety"))
    #expect(summary.contains("15→20"))
    #expect(summary.contains("40→70"))
    // Leadership had no votes; move its target by hand.
    try s.send("Down", "Down", "Down", "Tab", "L")
    s.waitFor(text: "Leadership: 50 Enabled → 55 Enabled (adjusted)")

    // A second screen on the same session is refused: two writers would interleave one journal.
    let twice = try LP.run(["workshop", "resume"], env: env)
    #expect(twice.status == 1)
    #expect(twice.stderr.contains("this session is open on another screen"))

    // x writes the reports and the agreed areas as a snapshot the explorer can take.
    try s.send("x")
    s.waitFor(text: "The agreed areas as a snapshot")
    let snapshots = home + "/data/learnerpower/snapshots"
    let names = try FileManager.default.contentsOfDirectory(atPath: snapshots)
    #expect(names.count == 1 && names.first?.hasSuffix("-agreed.json") == true)
    try s.send("Escape")  // closes the list of exported files
    s.waitFor("the list to close") { !$0.contains("The agreed areas as a snapshot") }
    try s.send("q")
    s.waitFor(text: "EXIT=0")
    let shown = try LP.run(["show", snapshots + "/" + (names.first ?? "")], env: env)
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(shown.stdout.contains("Compliance and safety"))
    #expect(shown.stdout.contains("Leadership"))

    let folder = home + "/data/learnerpower/sessions"
    let journal = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".jsonl") })
    let md = try LP.run(["workshop", "export", folder + "/" + journal, "--format", "md"], env: env)
    #expect(md.status == 0, "\(md.stderr)")
    #expect(
      md.stdout.contains(
        "| Compliance and safety (pinned) | 15 (Directed) | 20 (Directed) | +5 | vote medians | 2 |"
      ))
    #expect(
      md.stdout.contains("| Onboarding | 40 (Guided) | 70 (Enabled) | +30 | vote medians | 1 |"))
    #expect(md.stdout.contains("| Professional skills | – | – | – | no votes yet | 0 |"))
    #expect(md.stdout.contains("| Leadership | 50 (Enabled) | 55 (Enabled) | +5 | adjusted | 0 |"))

    // The same as a snapshot from the command line, into the snapshots folder by default.
    let exported = try LP.run(
      ["workshop", "export", folder + "/" + journal, "--format", "snapshot"], env: env)
    #expect(exported.status == 0, "\(exported.stderr)")
    let path = exported.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    // The same file x wrote: one agreed snapshot per session.
    #expect(path == snapshots + "/" + (names.first ?? ""))
    let json = try String(contentsOfFile: path, encoding: .utf8)
    #expect(json.contains("\"schema\" : \"learnerpower.snapshot/2\""))
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let areas = (object?["areas"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
    // Professional skills had nothing agreed: the snapshot's note names it instead.
    #expect(areas == ["Compliance and safety", "Onboarding", "Leadership"])
    #expect((object?["note"] as? String)?.contains("Not agreed: Professional skills.") == true)

  }
}
