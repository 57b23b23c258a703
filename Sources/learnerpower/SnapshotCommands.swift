import ArgumentParser
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerApp
import LearnerPowerModel

extension SnapshotFormat: ExpressibleByArgument {}

/// `learnerpower snapshot`: writes a snapshot of two positions.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Write a snapshot of a current and a target position.",
    discussion: """
      Without -o the snapshot goes into the snapshots folder as YYYY-MM-DD-HHMM-<title>.json \
      (-2, -3, ... when the name is taken) and the path is printed. The format comes from \
      --format, else from the extension of -o, else json. An existing file is replaced only \
      with --force; the folder of an -o file must exist. With --answers FILE.toml the snapshot \
      carries the self-assessment answers, and the positions not given with --current and \
      --target come from scoring them (format: docs/assess.md).
      """
  )

  @Option(
    help: ArgumentHelp(
      "Current position (0-100); required unless --answers gives it.", valueName: "n"),
    transform: positionArgument)
  var current: Position?

  @Option(
    help: ArgumentHelp(
      "Target position (0-100); defaults to the --answers result, else the current one.",
      valueName: "n"),
    transform: positionArgument)
  var target: Position?

  @Option(
    help: ArgumentHelp(
      "Attach a filled self-assessment answer file (as 'assess --answers' reads).",
      valueName: "file"))
  var answers: String?

  @Option(
    help: ArgumentHelp(
      "Question file the answers refer to (default: the built-in one).", valueName: "file"))
  var questions: String?

  @Option(help: ArgumentHelp("Title of the snapshot.", valueName: "text"))
  var title: String?

  @Option(help: ArgumentHelp("A note to keep with the snapshot.", valueName: "text"))
  var note: String = ""

  @Option(help: ArgumentHelp("Output format.", valueName: "json|md|txt|svg"))
  var format: SnapshotFormat?

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write here ('-' for standard output).", valueName: "file"))
  var output: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  /// Fixes the recorded time (ISO 8601), for reproducible files in tests and scripts.
  @Option(help: ArgumentHelp(visibility: .private))
  var created: String?

  @OptionGroup var common: CommonOptions

  func validate() throws {
    if let created, SnapshotTimestamp(iso8601: created) == nil {
      throw ValidationError("--created must be an ISO 8601 time such as 2024-05-01T09:30:00Z.")
    }
    if current == nil, answers == nil {
      throw ValidationError(
        "Missing --current <n> (or --answers FILE.toml to take the positions from a self-assessment)."
      )
    }
    if questions != nil, answers == nil {
      throw ValidationError("--questions is only used with --answers FILE.toml.")
    }
  }

  func run() throws {
    let catalogue = try common.catalogue()
    let stamp = created.flatMap(SnapshotTimestamp.init(iso8601:)) ?? .now()
    let (current, target, record) = try positions(catalogue: catalogue)
    let title = title ?? "Current \(current.value), target \(target.value)"
    let snapshot = Snapshot.make(
      current: current, target: target, catalogue: catalogue, title: title, note: note,
      created: stamp, app: .init(name: "learnerpower", version: appVersion), assessment: record)
    let format = format ?? output.flatMap(SnapshotFormat.init(path:)) ?? .json

    if output == "-" {
      do {
        let data = try SnapshotFormatter.data(snapshot, format: format, catalogue: catalogue)
        Output.out(String(decoding: data, as: UTF8.self))
      } catch {
        printError("could not encode the snapshot: \(error)")
        throw ExitCode(1)
      }
      return
    }
    let store = SnapshotStore(folder: common.paths.snapshots)
    let path = output ?? store.proposedPath(title: title, created: stamp, format: format)
    do {
      // Only the snapshots folder is created when missing; an -o path must name an existing
      // folder, so a typo is an error rather than a new folder.
      try store.write(
        snapshot, format: format, to: path, overwrite: force, catalogue: catalogue,
        createFolder: output == nil)
    } catch {
      printError(error.description)
      throw ExitCode(1)
    }
    print(path)
  }
}

extension SnapshotCommand {
  /// The two positions, and the answers to attach when `--answers` is given. Positions given on
  /// the command line win; the others come from scoring the answers (a bad file, or one with
  /// nothing answered for a position that is needed, ends the run with exit 1).
  func positions(catalogue: Catalogue) throws -> (Position, Position, Snapshot.AssessmentRecord?) {
    guard let answers else {
      // validate() already refuses this; kept so the type system agrees.
      guard let current else { throw ValidationError("Missing --current <n>.") }
      return (current, target ?? current, nil)
    }
    let set = try loadQuestionSet(questions)
    let filled: AssessmentAnswers
    switch AssessmentReport.loadAnswers(answers, questions: set) {
    case .success(let a): filled = a
    case .failure(let e):
      Output.err(e.description + "\n")
      throw ExitCode(1)
    }
    let record = Snapshot.AssessmentRecord(
      questions: .init(name: set.name, version: set.version), answers: filled)
    switch Snapshot.positions(
      from: filled, questions: set, current: current, target: target, catalogue: catalogue)
    {
    case .failure(let e):
      printError("\(answers): \(e)")
      throw ExitCode(1)
    case .success(let p):
      return (p.current, p.target, record)
    }
  }
}

/// `learnerpower show`: prints a saved snapshot in any format.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print a saved snapshot (the explorer screen by default)."
  )

  @Argument(help: ArgumentHelp("A snapshot JSON file.", valueName: "file"))
  var file: String

  @Option(help: ArgumentHelp("Output format.", valueName: "json|md|txt|svg"))
  var format: SnapshotFormat = .txt

  @Flag(help: "Use ASCII glyphs only (txt).")
  var ascii = false

  @OptionGroup var common: CommonOptions

  func run() throws {
    let snapshot = try readSnapshot(file)
    let catalogue = try common.catalogue()
    if format == .txt {
      let text = SnapshotFormatter.text(snapshot, catalogue: catalogue, ascii: ascii)
      Output.out(text)
      return
    }
    do {
      Output.out(
        String(
          decoding: try SnapshotFormatter.data(snapshot, format: format, catalogue: catalogue),
          as: UTF8.self))
    } catch {
      printError("\(file): could not write the \(format.rawValue) form: \(error)")
      throw ExitCode(1)
    }
  }
}

/// `learnerpower diff`: says what moved between two snapshots.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two snapshots: positions, stages, learning areas, answers, approaches.",
    discussion: """
      Prints what differs, in a fixed order: the positions, stage and social empowerment, the \
      learning areas (the later file's order, then the removed ones), the self-assessment \
      answers, the approaches recommended at each marker (by id), then the catalogue, title and \
      note. Exits 0 unless --exit-code is given; then 1 when they differ, as 'git diff' does.
      """
  )

  @Argument(help: ArgumentHelp("The earlier snapshot.", valueName: "a"))
  var a: String

  @Argument(help: ArgumentHelp("The later snapshot.", valueName: "b"))
  var b: String

  @Flag(help: "Exit with 1 when the snapshots differ.")
  var exitCode = false

  func run() throws {
    let before = try readSnapshot(a)
    let after = try readSnapshot(b)
    let diff = SnapshotDiff(from: before, to: after)
    Output.out(diff.report)
    if exitCode, !diff.isEmpty { throw ExitCode(1) }
  }
}

/// Reads a snapshot or ends the run with exit 1 and a message naming the file and the problem.
private func readSnapshot(_ path: String) throws -> Snapshot {
  switch SnapshotStore.read(path) {
  case .success(let s): return s
  case .failure(let d):
    printError(d.description)
    throw ExitCode(1)
  }
}
