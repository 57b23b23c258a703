import Foundation
import Testing

@Suite struct RenderCommandTests {
  typealias LP = LearnerPowerBinary

  @Test func doneWhenScreenHasEverythingTheIssueNames() throws {
    let r = try LP.run([
      "render", "--current", "38", "--target", "70", "--width", "100", "--height", "30",
    ])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 31)  // exactly 30 lines, each ending in a newline
    #expect(r.stdout.contains("Guided"))
    #expect(r.stdout.contains("Organisation 62%"))
    #expect(r.stdout.contains("38% Learner"))
    #expect(r.stdout.contains("Blended cohort"))
    #expect(r.stdout.contains("Target 70"))
    #expect(r.stdout.contains("Enabled"))
    #expect(r.stdout.contains("Introduce"))
    #expect(!lines.contains { $0.hasSuffix(" ") })
  }

  @Test func defaultsAre100x30WithTargetEqualToCurrent() throws {
    let r = try LP.run(["render", "--current", "55"])
    #expect(r.status == 0)
    #expect(r.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 31)
    #expect(r.stdout.contains("Current and target are the same"))
  }

  @Test func belowTheMinimumItPrintsTheSizeMessageAndSucceeds() throws {
    let r = try LP.run(["render", "--width", "30", "--height", "8"])
    #expect(r.status == 0)
    #expect(r.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 9)
    #expect(r.stdout.contains("60×20"))
  }

  @Test func outOfRangeOrNonNumericPositionsAreUsageErrors() throws {
    for bad in ["101", "-1", "abc", "4.5"] {
      let r = try LP.run(["render", "--current", bad])
      #expect(r.status == 64, "\(bad)")
      #expect(r.stderr.contains(bad), "\(bad): \(r.stderr)")
    }
    // A negative number is a value, not an option: the message says what is wrong with it.
    #expect(try LP.run(["render", "--current", "-1"]).stderr.contains("below 0"))
  }

  @Test func asciiOutputHasOnlyASCII() throws {
    let r = try LP.run(["render", "--current", "20", "--target", "80", "--ascii"])
    #expect(r.status == 0)
    #expect(r.stdout.unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test func ansiFormatColoursAndNoColorStripsColour() throws {
    let home = LP.tempHome()
    let coloured = try LP.run(["render", "--format", "ansi"], env: LP.environment(home: home))
    #expect(coloured.stdout.contains("\u{1B}["))
    #expect(coloured.stdout.contains("38;5;"))
    let plain = try LP.run(
      ["render", "--format", "ansi"], env: LP.environment(home: home, extra: ["NO_COLOR": "1"]))
    #expect(plain.status == 0)
    #expect(!plain.stdout.contains("38;5;") && !plain.stdout.contains("48;5;"))
  }

  @Test func theOutputDoesNotDependOnTheLocale() throws {
    let home = LP.tempHome()
    let a = try LP.run(
      ["render", "--current", "30"],
      env: LP.environment(home: home, extra: ["LANG": "C", "LC_ALL": "C"]))
    let b = try LP.run(["render", "--current", "30"], env: LP.environment(home: home))
    #expect(a.stdout == b.stdout)
  }

  @Test func versionAndHelpWork() throws {
    let v = try LP.run(["--version"])
    #expect(v.status == 0)
    #expect(v.stdout.contains("0."))
    let h = try LP.run(["--help"])
    #expect(h.status == 0)
    #expect(h.stdout.contains("Kineo"))
    #expect(h.stdout.contains("render"))
  }

  @Test func theExplorerWithoutATerminalExits2AndSuggestsRender() throws {
    let r = try LP.run([])
    #expect(r.status == 2)
    #expect(r.stderr.contains("learnerpower render"))
  }

  @Test func catalogueCheckReportsEveryProblemWithItsLine() throws {
    let home = LP.tempHome()
    let file = home + "/bad.toml"
    try """
    name = "bad"
    version = "1"

    [[approaches]]
    id = "A1"
    name = "One"
    stage = "guided"
    fit = [30, 50]
    description = "d"
    ld_role = "r"
    tools = []
    risk = "k"
    social_mode = "group"
    pinned = false

    [[approaches]]
    id = "A1"
    name = "Two"
    stage = "sideways"
    fit = [60, 140]
    description = "d"
    ld_role = "r"
    tools = []
    risk = "k"
    social_mode = "group"
    pinned = false
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let r = try LP.run(["catalogue", "check", file])
    #expect(r.status == 1)
    #expect(r.stderr.contains("bad.toml:17"))  // duplicate id
    #expect(r.stderr.contains("bad.toml:19"))  // unknown stage
    #expect(r.stderr.contains("bad.toml:20"))  // fit out of range
    let good = try LP.run([
      "catalogue", "check", LP.packageRoot.path + "/Sources/LearnerPowerModel/Data/catalogue.toml",
    ])
    #expect(good.status == 0)
  }

  @Test func aBadCatalogueOptionEndsTheRunWithItsProblems() throws {
    let home = LP.tempHome()
    try "name = [".write(toFile: home + "/c.toml", atomically: true, encoding: .utf8)
    let r = try LP.run(["render", "--catalogue", home + "/c.toml"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("c.toml:1"))
  }
}

@Suite struct FileReadingTests {
  typealias LP = LearnerPowerBinary

  @Test func aSnapshotCanBeReadFromAPipeAndHugeInputIsRefused() throws {
    let home = LP.tempHome()
    let env = LP.environment(home: home)
    let a = try LP.run(
      ["snapshot", "--current", "38", "--target", "70", "--title", "a", "-o", home + "/a.json"],
      env: env)
    #expect(a.status == 0)
    // /dev/stdin is a pipe here, as `<(command)` would be.
    let json = try String(contentsOfFile: home + "/a.json", encoding: .utf8)
    let piped = try LP.run(["show", "/dev/stdin", "--format", "md"], env: env, input: json)
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.contains("38"))
    let huge = try LP.run(["show", "/dev/zero"], env: env)
    #expect(huge.status == 1)
    #expect(huge.stderr.contains("/dev/zero"))
    #expect(huge.stderr.contains("too large"))
  }
}

@Suite struct UnwritableOutputTests {
  @Test func aFullDiskOnStandardOutputIsAMessageAndExit1NotACrash() throws {
    for args in [["render"], ["themes", "list"], ["snapshot", "--current", "30", "-o", "-"]] {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: LearnerPowerBinary.path)
      p.arguments = args
      p.environment = LearnerPowerBinary.environment(home: LearnerPowerBinary.tempHome())
      p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
      let err = Pipe()
      p.standardError = err
      p.standardInput = FileHandle.nullDevice
      try p.run()
      let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      #expect(p.terminationStatus == 1, "\(args)")
      #expect(message.contains("cannot write the output"), "\(args): \(message)")
    }
  }
}
