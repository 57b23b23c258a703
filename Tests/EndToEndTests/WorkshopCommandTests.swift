import Foundation
import Testing

/// The real binary's headless workshop commands: check, export, import.
struct WorkshopCommandTests {
  typealias LP = LearnerPowerBinary

  static let examples = LP.packageRoot.appendingPathComponent("examples").path

  @Test func everyExampleScriptPassesCheck() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples).filter {
      $0.hasSuffix(".toml")
    }
    #expect(files.count >= 3)
    let r = try LP.run(["workshop", "check"] + files.map { Self.examples + "/" + $0 })
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.split(separator: "\n").allSatisfy { $0.contains(": ok (") })
  }

  @Test func aBadScriptIsRefusedWithFileLineMessages() throws {
    let home = LP.tempHome()
    let bad = home + "/bad.toml"
    try "title = \"t\"\n\n[[steps]]\nkind = \"vot\"\ntitle = \"x\"\nposition = 300\n".write(
      toFile: bad, atomically: true, encoding: .utf8)
    let r = try LP.run(["workshop", "check", bad])
    #expect(r.status == 1)
    #expect(r.stderr.contains("\(bad):4: steps[0].kind: unknown kind \"vot\""))
    #expect(r.stderr.contains("\(bad):6: steps[0].position:"))
    // Running it is refused before any screen is opened.
    let run = try LP.run(["workshop", bad])
    #expect(run.status == 1)
    let syntax = home + "/syntax.toml"
    try "title = \n".write(toFile: syntax, atomically: true, encoding: .utf8)
    let s = try LP.run(["workshop", "check", syntax])
    #expect(s.status == 1)
    #expect(s.stderr.contains("\(syntax):1:"))
  }

  @Test func runningWithoutATerminalExits2() throws {
    let r = try LP.run(["workshop", Self.examples + "/intro-20min.toml"])
    #expect(r.status == 2)
  }

  /// A journal written by hand, as the app writes it.
  func writeJournal(home: String) throws -> String {
    let folder = home + "/data/learnerpower/sessions"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let lines = [
      #"{"at":1,"session":"s1","script":{"title":"T","steps":[{"kind":"explore","title":"A","position":10,"collect":"current"},{"kind":"vote","title":"Today","collect":"both"},{"kind":"summary","title":"S","collect":"current"}]},"type":"start"}"#,
      #"{"at":2,"step":1,"type":"move"}"#,
      #"{"at":3,"step":1,"type":"vote","vote":{"id":1,"name":"Ana","current":30,"target":70}}"#,
      #"{"at":4,"step":1,"type":"vote","vote":{"id":2,"current":40,"target":80}}"#,
      #"{"at":5,"step":1,"type":"note","text":"Spread is wide"}"#,
      #"{"at":6,"step":1,"ty"#,
    ]
    let path = folder + "/s1.jsonl"
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func exportWritesEveryFormatFromAJournal() throws {
    let home = LP.tempHome()
    _ = try writeJournal(home: home)
    let env = LP.environment(home: home)
    let md = try LP.run(["workshop", "export", "s1", "--format", "md"], env: env)
    #expect(md.status == 0, "\(md.stderr)")
    #expect(md.stdout.contains("| current | 2 | 35 | 35.0 | 32.5–37.5 | 5 |"))
    #expect(md.stdout.contains("- Ana: 30 → 70"))
    #expect(md.stdout.contains("Spread is wide"))
    #expect(md.stdout.contains("- Current: 35 (Guided)"))
    let json = try LP.run(["workshop", "export", "s1", "--format", "json"], env: env)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["schema"] as? String == "learnerpower.session/2")
    let csv = try LP.run(["workshop", "export", "s1", "--format", "csv"], env: env)
    #expect(
      csv.stdout
        == "step,step_title,name,current,target,area\n2,Today,Ana,30,70,\n2,Today,,40,80,\n")
    let out = home + "/votes.svg"
    let svg = try LP.run(["workshop", "export", "s1", "-o", out], env: env)
    #expect(svg.status == 0)
    #expect((try? String(contentsOfFile: out, encoding: .utf8))?.hasPrefix("<svg") == true)
    let missing = try LP.run(["workshop", "export", "nope"], env: env)
    #expect(missing.status == 1)
  }

  @Test func importAddsGoodRowsAndReportsBadRowsByLine() throws {
    let home = LP.tempHome()
    let path = try writeJournal(home: home)
    let csv = home + "/votes.csv"
    try "name,current,target\nBo,20,60\nCy,abc,60\nDi,50,90\n".write(
      toFile: csv, atomically: true, encoding: .utf8)
    let env = LP.environment(home: home)
    let r = try LP.run(["workshop", "import", path, csv], env: env)
    #expect(r.status == 1)
    #expect(r.stderr.contains("line 3: current \"abc\" is not a whole number"))
    #expect(r.stdout.contains("imported 2 votes into step 2; skipped 1"))
    let out = try LP.run(["workshop", "export", "s1", "--format", "csv"], env: env)
    #expect(out.stdout.split(separator: "\n").count == 5)
    #expect(out.stdout.contains("2,Today,Di,50,90"))
  }

  @Test func anExportedCSVImportsBackIntoTheSameStepsOfAnotherSession() throws {
    let home = LP.tempHome()
    let folder = home + "/data/learnerpower/sessions"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let start = { (id: String) in
      #"{"at":1,"session":"\#(id)","script":{"title":"T","steps":[{"kind":"vote","title":"Today","collect":"current"},{"kind":"vote","title":"Goal, later","collect":"target"}]},"type":"start"}"#
    }
    let votes = [
      #"{"at":2,"step":0,"type":"vote","vote":{"id":1,"name":"Ana, Jr","current":30}}"#,
      #"{"at":3,"step":0,"type":"vote","vote":{"id":2,"name":"=Zed","current":45}}"#,
      #"{"at":4,"step":1,"type":"vote","vote":{"id":3,"name":"Bo","target":80}}"#,
    ]
    try (([start("a")] + votes).joined(separator: "\n") + "\n").write(
      toFile: folder + "/a.jsonl", atomically: true, encoding: .utf8)
    try (start("b") + "\n").write(toFile: folder + "/b.jsonl", atomically: true, encoding: .utf8)
    let env = LP.environment(home: home)
    let csv = home + "/a.csv"
    #expect(
      try LP.run(["workshop", "export", "a", "--format", "csv", "-o", csv], env: env).status == 0)

    let one = try LP.run(["workshop", "import", "b", csv], env: env)
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stderr.isEmpty)
    #expect(
      one.stdout.contains("imported 2 votes into step 1; skipped 0; 1 row for other steps left out")
    )
    let two = try LP.run(["workshop", "import", "b", csv, "--step", "2"], env: env)
    #expect(two.status == 0, "\(two.stderr)")
    #expect(
      two.stdout.contains("imported 1 vote into step 2; skipped 0; 2 rows for other steps left out")
    )
    // The second session now exports the same votes, names and all.
    let a = try LP.run(["workshop", "export", "a", "--format", "csv"], env: env)
    let b = try LP.run(["workshop", "export", "b", "--format", "csv"], env: env)
    #expect(
      a.stdout.contains("1,Today,\"Ana, Jr\",30,,\n1,Today,'=Zed,45,,\n2,\"Goal, later\",Bo,,80,\n")
    )
    #expect(b.stdout == a.stdout)
  }

  @Test func importedVotesNeverShareAnIdWithVotesARunningSessionWillAdd() throws {
    // A session open in another terminal numbers its votes from its own counter; an imported
    // vote with the same id would be removed by that session's `d`.
    let home = LP.tempHome()
    let path = try writeJournal(home: home)
    let csv = home + "/votes.csv"
    try "Bo,20,60\n".write(toFile: csv, atomically: true, encoding: .utf8)
    let env = LP.environment(home: home)
    #expect(try LP.run(["workshop", "import", path, csv], env: env).status == 0)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    let imported = try #require(lines.last { $0.contains("\"Bo\"") })
    let object = try JSONSerialization.jsonObject(with: Data(imported.utf8)) as? [String: Any]
    let vote = object?["vote"] as? [String: Any]
    let id = try #require(vote?["id"] as? Int)
    #expect(id >= 1 << 40)
    let none = try LP.run(["workshop", "import", path, csv, "--step", "99"], env: env)
    #expect(none.status == 1)
    #expect(none.stderr.contains("there is no step 99"))
  }
}
