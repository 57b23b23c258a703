import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The workshop screen of the real binary in a private tmux server: stepping, votes through the
/// vote field, reveal, `kill -9`, resume, export; facilitator notes; signals.
@Suite(.serialized) struct WorkshopTmuxTests {
  typealias LP = LearnerPowerBinary

  static let examples = LP.packageRoot.appendingPathComponent("examples").path
  static let intro = examples + "/intro-20min.toml"

  func start(_ args: [String], home: String, width: Int = 100, height: Int = 30) throws
    -> TmuxSession
  {
    try TmuxSession(
      command: [LP.path] + args, width: width, height: height,
      env: LP.terminalEnvironment(home: home))
  }

  var sessionsFolder: (String) -> String { { $0 + "/data/learnerpower/sessions" } }

  // MARK: - Statistics computed here, independently of the model

  /// Type-7 quantile (linear interpolation, numpy's default) of sorted values.
  func quantile(_ sorted: [Int], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    return Double(sorted[lo]) + (h - Double(lo)) * Double(sorted[hi] - sorted[lo])
  }

  /// One decimal, half away from zero, without a trailing ".0".
  func short(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded(.toNearestOrAwayFromZero))
    return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
  }

  /// The report's table row for `votes`: count, median, mean (always one decimal), Q1–Q3, IQR.
  func expectedRow(label: String, votes: [Int]) -> String {
    let s = votes.sorted()
    let median = quantile(s, 0.5), q1 = quantile(s, 0.25), q3 = quantile(s, 0.75)
    let meanTenths = Int(
      (Double(s.reduce(0, +)) / Double(s.count) * 10).rounded(.toNearestOrAwayFromZero))
    let mean = "\(meanTenths / 10).\(meanTenths % 10)"
    return
      "| \(label) | \(s.count) | \(short(median)) | \(mean) | \(short(q1))–\(short(q3)) | \(short(q3 - q1)) |"
  }

  @Test func theIndependentStatisticsAgreeWithAWorkedExample() {
    // 30 45 62 70: median (45+62)/2, mean 51.75, Q1 30+0.75·15, Q3 62+0.25·8.
    #expect(
      expectedRow(label: "current", votes: [30, 45, 62, 70])
        == "| current | 4 | 53.5 | 51.8 | 41.3–64 | 22.8 |")
  }

  // MARK: - The whole session

  @Test(.enabled(if: tmuxAvailable))
  func votesSurviveKill9AndTheReportMatchesTheVotesGiven() throws {
    let home = LP.tempHome()
    let s = try start(["workshop", Self.intro], home: home)
    s.waitFor(text: "Step 1 of 5")
    // Three steps on to the vote step ("Where are we today?", collect = current).
    try s.send("n")
    s.waitFor(text: "Step 2 of 5")
    try s.send("n")
    s.waitFor(text: "Step 3 of 5")
    try s.send("n")
    s.waitFor(text: "Step 4 of 5")
    s.waitFor(text: "0 votes in; hidden until revealed")

    // A digit opens the vote field with that digit; Enter adds and keeps the field open.
    let given: [(Int, String?)] = [(30, "Ana"), (45, nil), (62, "Bo"), (70, nil)]
    for (n, (value, name)) in given.enumerated() {
      try s.sendLiteral("\(value)" + (name.map { " " + $0 } ?? ""))
      try s.send("Enter")
      s.waitFor(text: "Vote \(n + 1) added (hidden until r)")
    }
    // One vote too many, removed again: it must not reach the report.
    try s.sendLiteral("99 Zed")
    try s.send("Enter")
    s.waitFor(text: "Vote 5 added")
    try s.send("Escape")
    s.waitFor(text: "5 votes in; hidden")
    let hidden = s.screen()
    #expect(!hidden.contains("median"), "votes stay hidden until revealed:\n\(hidden)")
    try s.send("Up")
    try s.send("d")
    s.waitFor(text: "Vote removed")
    s.waitFor(text: "4 votes in; hidden")

    try s.send("r")
    let revealed = s.waitFor(text: "current: n=4  median 53.5  mean 51.8  IQR 41.3–64")
    #expect(revealed.contains("30 Ana"))
    #expect(revealed.contains("62 Bo"))
    #expect(!revealed.contains("Zed"))

    // The reveal is on screen, so it is in the journal (appended and fsynced before painting).
    let pid = try #require(s.programPID())
    kill(pid, SIGKILL)
    s.waitFor(text: "EXIT=137")

    let folder = sessionsFolder(home)
    let journals = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".jsonl")
    }
    #expect(journals.count == 1)
    let journal = folder + "/" + (try #require(journals.first))

    // Resume the latest session: same step, same votes, still revealed.
    let r = try start(["workshop", "resume"], home: home)
    let resumed = r.waitFor(text: "Step 4 of 5")
    r.waitFor(text: "current: n=4  median 53.5  mean 51.8  IQR 41.3–64")
    #expect(resumed.contains("Where are we today?"))
    #expect(r.screen().contains("30 Ana"))
    #expect(!r.screen().contains("Zed"))
    // One more vote after the crash is kept with the others.
    try r.sendLiteral("50 Cy")
    try r.send("Enter")
    r.waitFor(text: "Vote 5 added")
    try r.send("Escape", "q")
    r.waitFor(text: "EXIT=0")
    let (before, after) = r.sttyBeforeAndAfter()
    #expect(!before.isEmpty && before == after)

    let md = try LP.run(
      ["workshop", "export", journal, "--format", "md"], env: LP.terminalEnvironment(home: home))
    #expect(md.status == 0, "\(md.stderr)")
    let votes = given.map(\.0) + [50]
    #expect(md.stdout.contains(expectedRow(label: "current", votes: votes)), "\(md.stdout)")
    #expect(md.stdout.contains("- Ana: 30"))
    #expect(md.stdout.contains("- Bo: 62"))
    #expect(md.stdout.contains("- Cy: 50"))
    #expect(!md.stdout.contains("Zed"))
    #expect(md.stdout.contains("4. **Where are we today?**"))
    #expect(md.stdout.contains("← where the session is"))
    // The agreed current defaults to the median of the votes.
    #expect(md.stdout.contains("- Current: 50 (Enabled)"))
  }

  @Test(.enabled(if: tmuxAvailable))
  func facilitatorNotesStayOffTheProjectedScreenButFollowInNotes() throws {
    let home = LP.tempHome()
    let s = try start(["workshop", Self.intro], home: home)
    let first = s.waitFor(text: "Step 1 of 5")
    #expect(first.contains("On the left the organisation decides"))  // the prompt is for the room
    #expect(!first.contains("no right or wrong"))  // the notes are not
    try s.send("n")
    let second = s.waitFor(text: "Step 2 of 5")
    #expect(!second.contains("Horses for courses"))
    #expect(!second.contains("Notes"))

    // The screen shows step 2, so the move is already in the journal.
    let env = LP.terminalEnvironment(home: home)
    let notes = try LP.run(["workshop", "notes", "--once"], env: env)
    #expect(notes.status == 0, "\(notes.stderr)")
    #expect(notes.stdout.contains("step 2 of 5"))
    #expect(notes.stdout.contains("NOW: Directed: compliance stays formal"))
    #expect(
      notes.stdout.contains("Horses for courses: compliance training is formal at every stage."))
    #expect(notes.stdout.contains("NEXT: Enabled: time, space and tools"))
    #expect(notes.stdout.contains("/ 3:00"))
    try s.send("q")
    s.waitFor(text: "EXIT=0")
  }

  @Test(.enabled(if: tmuxAvailable)) func questionMarkShowsTheKeysAndEscClosesThem() throws {
    let s = try start(["workshop", Self.intro], home: LP.tempHome(), width: 80, height: 24)
    s.waitFor(text: "Step 1 of 5")
    #expect(s.screen().contains("? help"))
    try s.send("?")
    let help = s.waitFor(text: "Workshop keys")
    #expect(help.contains("reveal/hide votes"))
    #expect(help.contains("In the vote field"))
    try s.send("Escape")
    s.waitFor("the help to close") { !$0.contains("Workshop keys") && $0.contains("Step 1 of 5") }
    // Another key closes the help and still does its job.
    try s.send("?")
    s.waitFor(text: "Workshop keys")
    try s.send("n")
    s.waitFor("step 2 without the help") {
      !$0.contains("Workshop keys") && $0.contains("Step 2 of 5")
    }
  }

  // MARK: - Themes

  /// Whether the pane shows any colour: an SGR sequence with a foreground or background colour
  /// (30–37, 40–47, 90–97, 100–107, or 38/48 for 256 and direct colour).
  func showsColour(_ s: TmuxSession) -> Bool {
    let escaped = (try? s.tmux(["capture-pane", "-p", "-e"])) ?? ""
    let colours = Set(Array(30...38) + Array(40...48) + Array(90...97) + Array(100...107))
    for match in escaped.matches(of: #/\x1B\[([0-9;]*)m/#) {
      let params = match.output.1.split(separator: ";").compactMap { Int($0) }
      if params.contains(where: colours.contains) { return true }
    }
    return false
  }

  @Test(.enabled(if: tmuxAvailable)) func theWorkshopHonoursThemeOptionAndTheRememberedTheme()
    throws
  {
    // The default theme colours the title bar.
    let plain = try start(["workshop", Self.intro], home: LP.tempHome())
    plain.waitFor(text: "Step 1 of 5")
    #expect(showsColour(plain))

    let given = try start(["workshop", "--theme", "monochrome", Self.intro], home: LP.tempHome())
    given.waitFor(text: "Step 1 of 5")
    #expect(!showsColour(given))

    // The explorer's remembered choice is used when no --theme is given.
    let home = LP.tempHome()
    try FileManager.default.createDirectory(
      atPath: home + "/config/learnerpower", withIntermediateDirectories: true)
    try "theme = \"monochrome\"\n".write(
      toFile: home + "/config/learnerpower/config.toml", atomically: true, encoding: .utf8)
    let remembered = try start(["workshop", Self.intro], home: home)
    remembered.waitFor(text: "Step 1 of 5")
    #expect(!showsColour(remembered))

    // A theme that cannot be used never stops the session: the status line says so.
    let missing = try start(
      ["workshop", "--theme", "no-such-theme", Self.intro], home: LP.tempHome())
    missing.waitFor(text: "Warning: theme 'no-such-theme' not used")
    #expect(missing.screen().contains("Step 1 of 5"))
  }

  @Test(.enabled(if: tmuxAvailable)) func tSwitchesTheThemeMidSessionAndRemembersIt() throws {
    let home = LP.tempHome()
    let s = try start(["workshop", "--theme", "monochrome", Self.intro], home: home)
    s.waitFor(text: "Step 1 of 5")
    #expect(!showsColour(s))
    // monochrome is followed by okabe-ito in list order, which colours the screen.
    try s.send("t")
    s.waitFor(text: "Theme: okabe-ito")
    s.waitFor("colour on screen") { _ in showsColour(s) }
    #expect(s.screen().contains("Step 1 of 5"))  // the session is where it was
    try s.send("q")
    s.waitFor(text: "EXIT=0")
    let config = try String(
      contentsOfFile: home + "/config/learnerpower/config.toml", encoding: .utf8)
    #expect(config.contains("theme = \"okabe-ito\""))
  }

  @Test(.enabled(if: tmuxAvailable)) func votesImportedFromAnotherTerminalShowAtOnce() throws {
    let home = LP.tempHome()
    let s = try start(["workshop", Self.intro], home: home)
    s.waitFor(text: "Step 1 of 5")
    try s.send("g")
    try s.sendLiteral("4")
    try s.send("Enter")
    s.waitFor(text: "Step 4 of 5")
    let csv = home + "/votes.csv"
    try "name,current\nAna,30\nBo,50\nCy,oops\n".write(
      toFile: csv, atomically: true, encoding: .utf8)
    let imported = try LP.run(
      [
        "workshop", "import", "--step", "4",
        sessionsFolder(home).appending("/")
          + (try FileManager.default.contentsOfDirectory(atPath: sessionsFolder(home)).first {
            $0.hasSuffix(".jsonl")
          } ?? ""), csv,
      ], env: LP.terminalEnvironment(home: home))
    #expect(imported.status == 1)  // one bad row
    #expect(imported.stdout.contains("(the running session shows them now)"))
    // The import writes its rows one by one, so they may arrive in one batch or two.
    s.waitFor(text: "added from another terminal")
    try s.send("r")
    s.waitFor(text: "n=2")
    try s.send("q")
    s.waitFor(text: "EXIT=0")
  }

  @Test(.enabled(if: tmuxAvailable)) func aClickInTheAgendaGoesToThatStep() throws {
    let s = try start(["workshop", Self.intro], home: LP.tempHome())
    s.waitFor(text: "Step 1 of 5")
    // Agenda step 3 is on screen row 6 (1-based); SGR press and release at column 5.
    try s.sendLiteral("\u{1B}[<0;5;6M\u{1B}[<0;5;6m")
    s.waitFor(text: "Step 3 of 5")
    try s.send("q")
    s.waitFor(text: "EXIT=0")
  }

  // MARK: - Signals

  @Test(.enabled(if: tmuxAvailable)) func sigtermRestoresTheTerminalAndKeepsTheJournal() throws {
    let home = LP.tempHome()
    let s = try start(["workshop", Self.intro], home: home)
    s.waitFor(text: "Step 1 of 5")
    try s.send("n")
    s.waitFor(text: "Step 2 of 5")
    let pid = try #require(s.programPID())
    kill(pid, SIGTERM)
    let screen = s.waitFor("exit marker") { $0.contains("EXIT=") }
    #expect(screen.contains("EXIT=0"))
    #expect(!screen.contains("Step 2 of 5"))  // the alternate screen was left
    let (before, after) = s.sttyBeforeAndAfter()
    #expect(!before.isEmpty)
    #expect(before == after)
    let notes = try LP.run(
      ["workshop", "notes", "--once"], env: LP.terminalEnvironment(home: home))
    #expect(notes.stdout.contains("step 2 of 5"))
  }

  @Test(.enabled(if: tmuxAvailable)) func ctrlZSuspendsCleanlyAndFgResumes() throws {
    try TmuxSession.checkSuspendAndResume(
      ["workshop", Self.intro], env: LP.terminalEnvironment(home: LP.tempHome()),
      ready: "Step 1 of 5",
      afterResume: { s in
        try s.send("n")
        s.waitFor(text: "Step 2 of 5")
        try s.send("q")
      },
      exited: { !$0.contains("Step 2 of 5") })
  }

}
