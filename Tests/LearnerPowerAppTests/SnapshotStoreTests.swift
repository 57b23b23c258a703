import Canvas
import Foundation
import LearnerPowerModel
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif
#if canImport(Glibc)
  import Glibc
#endif

@testable import LearnerPowerApp

/// 2024-05-01T09:30:00Z, the fixed clock of every snapshot test.
let snapTime = SnapshotTimestamp(secondsSince1970: 1_714_555_800)

func snap(
  _ current: Position = 38, _ target: Position = 70, title: String = "Q3 review", note: String = ""
)
  -> Snapshot
{
  Snapshot.make(
    current: current, target: target, catalogue: .builtIn, title: title, note: note,
    created: snapTime, app: .init(name: "learnerpower", version: "0.1.0"))
}

func tempFolder() -> String {
  let d = NSTemporaryDirectory() + "lp-snap-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
  return d
}

func files(in folder: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

@Suite struct SnapshotNamingTests {
  @Test func slugsAreLowerCaseAsciiJoinedByDashes() {
    #expect(SnapshotStore.slug("Q3 review: Ana & Bo!") == "q3-review-ana-bo")
    #expect(SnapshotStore.slug("  Équipe  Über  ") == "equipe-uber")
    #expect(SnapshotStore.slug("../../etc/passwd") == "etc-passwd")
    #expect(SnapshotStore.slug("漢字") == "snapshot")
    #expect(SnapshotStore.slug("") == "snapshot")
    #expect(SnapshotStore.slug(String(repeating: "abc ", count: 40)).count <= 48)
    #expect(!SnapshotStore.slug(String(repeating: "abc ", count: 40)).hasSuffix("-"))
  }

  @Test func fileNamesStartWithTheDateAndTime() {
    #expect(
      SnapshotStore.fileName(title: "Q3 review", created: snapTime)
        == "2024-05-01-0930-q3-review.json")
    #expect(
      SnapshotStore.fileName(title: "x", created: snapTime, format: .svg) == "2024-05-01-0930-x.svg"
    )
  }

  @Test func collisionsGetDashTwoThenDashThree() {
    #expect(SnapshotStore.firstFree("a.json", existing: []) == "a.json")
    #expect(SnapshotStore.firstFree("a.json", existing: ["a.json"]) == "a-2.json")
    #expect(SnapshotStore.firstFree("a.json", existing: ["a.json", "a-2.json"]) == "a-3.json")
    #expect(SnapshotStore.firstFree("a", existing: ["a"]) == "a-2")
  }

  @Test func proposedPathLooksAtTheFolder() throws {
    let folder = tempFolder()
    let store = SnapshotStore(folder: folder)
    let first = store.proposedPath(title: "Q3 review", created: snapTime)
    #expect(first == folder + "/2024-05-01-0930-q3-review.json")
    try store.write(snap(), format: .json, to: first, overwrite: false)
    #expect(
      store.proposedPath(title: "Q3 review", created: snapTime) == folder
        + "/2024-05-01-0930-q3-review-2.json")
  }

  @Test func formatsFollowFileExtensions() {
    #expect(SnapshotFormat(path: "a/b.JSON") == .json)
    #expect(SnapshotFormat(path: "r.md") == .md)
    #expect(SnapshotFormat(path: "r.markdown") == .md)
    #expect(SnapshotFormat(path: "s.txt") == .txt)
    #expect(SnapshotFormat(path: "c.svg") == .svg)
    #expect(SnapshotFormat(path: "c.png") == nil)
    #expect(SnapshotFormat(path: "noext") == nil)
  }
}

@Suite struct SnapshotFileTests {
  @Test func writtenFilesReadBackIdentically() throws {
    let folder = tempFolder()
    let store = SnapshotStore(folder: folder + "/new/sub")
    let path = store.folder + "/a.json"
    try store.write(snap(note: "two\nlines"), format: .json, to: path, overwrite: false)
    let read = try SnapshotStore.read(path).get()
    #expect(read == snap(note: "two\nlines"))
    let again = folder + "/b.json"
    try store.write(read, format: .json, to: again, overwrite: false)
    #expect(
      FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: again))
  }

  @Test func withoutCreateFolderAMissingFolderIsNamedAndNothingIsMade() throws {
    let folder = tempFolder()
    let store = SnapshotStore(folder: folder)
    do {
      try store.write(
        snap(), format: .json, to: folder + "/missing/deeper/a.json", overwrite: false,
        createFolder: false)
      Issue.record("the write should have been refused")
    } catch {
      #expect(
        error.description == folder
          + "/missing/deeper: the folder does not exist (create it first, or write elsewhere)")
    }
    #expect(files(in: folder).isEmpty, "no folder was created")
    _ = FileManager.default.createFile(atPath: folder + "/plain", contents: Data())
    #expect(throws: FileStoreError(path: folder + "/plain", reason: "is a file, not a folder")) {
      try store.write(
        snap(), format: .json, to: folder + "/plain/a.json", overwrite: false, createFolder: false)
    }
    try store.write(
      snap(), format: .json, to: folder + "/a.json", overwrite: false, createFolder: false)
    #expect(files(in: folder) == ["a.json", "plain"])
  }

  @Test func anExistingFileIsNeverReplacedWithoutOverwrite() throws {
    let folder = tempFolder()
    let store = SnapshotStore(folder: folder)
    let path = folder + "/a.json"
    try store.write(snap(title: "first"), format: .json, to: path, overwrite: false)
    #expect(throws: FileStoreError.self) {
      try store.write(snap(title: "second"), format: .json, to: path, overwrite: false)
    }
    #expect(try SnapshotStore.read(path).get().title == "first")
    try store.write(snap(title: "second"), format: .json, to: path, overwrite: true)
    #expect(try SnapshotStore.read(path).get().title == "second")
    #expect(files(in: folder) == ["a.json"], "no temporary files left behind")
  }

  @Test func aWriteFailingHalfWayLeavesTheOldFileAndNoTemporaryFile() throws {
    let folder = tempFolder()
    let path = folder + "/a.json"
    try SnapshotStore(folder: folder).write(
      snap(title: "old"), format: .json, to: path, overwrite: false)
    let before = FileManager.default.contents(atPath: path)
    // The first chunk goes through, then the disk is "full".
    let calls = Counter()
    let failing = AtomicFile(writer: { fd, p, n in
      if calls.next() == 0 { return Glibc.write(fd, p, min(n, 100)) }
      errno = ENOSPC
      return -1
    })
    let store = SnapshotStore(folder: folder, files: failing)
    do {
      try store.write(snap(title: "new"), format: .json, to: path, overwrite: true)
      Issue.record("the write should have failed")
    } catch {
      #expect(error.description == "\(path): the disk is full (writing)")
    }
    #expect(FileManager.default.contents(atPath: path) == before)
    #expect(files(in: folder) == ["a.json"], "the temporary file was removed")
  }

  @Test func aBadPlaceGivesAClearMessage() {
    let folder = tempFolder()
    _ = FileManager.default.createFile(atPath: folder + "/plain", contents: Data("x".utf8))
    let store = SnapshotStore(folder: folder)
    #expect(throws: FileStoreError.self) {
      try store.write(snap(), format: .json, to: folder + "/plain/inside/a.json", overwrite: false)
    }
    do {
      try store.write(snap(), format: .json, to: folder, overwrite: false)
    } catch {
      #expect(error.reason.contains("folder"))
    }
  }

  @Test(arguments: [
    ("empty.json", Data(), "empty file: not a snapshot"),
    ("cut.json", Data("{\n  \"app\" : {\n    \"name\" : \"learnerpower\"".utf8), "truncated"),
    ("bin.json", Data([0x00, 0x01, 0xFF, 0xFE]), "binary data"),
    ("list.json", Data("[]".utf8), "expected a JSON object"),
    ("future.json", Data("{\"schema\": \"learnerpower.snapshot/7\"}".utf8), "newer learnerpower"),
    ("session.json", Data("{\"schema\": \"learnerpower.session/1\"}".utf8), "workshop session"),
    ("other.json", Data("{\"a\": 1}".utf8), "no \"schema\" field"),
    ("junk.json", Data("not json at all".utf8), "not valid JSON"),
    // Damage in a field the app never reads is still found, with its line and column.
    (
      "unread.json", Data("{\"schema\": \"learnerpower.snapshot/2\",\n \"zz\": 01}".utf8),
      ":2:8: not valid JSON (a number may not start with 0"
    ),
    (
      "escape.json", Data("{\"schema\": \"learnerpower.snapshot/2\", \"yy\": \"\\q\"}".utf8),
      "unknown escape"
    ),
    (
      "huge.json", Data("{\"schema\": \"learnerpower.snapshot/2\", \"xx\": 1e999}".utf8),
      "too large"
    ),
    (
      "surrogate.json", Data("{\"schema\": \"learnerpower.snapshot/2\", \"s\": \"\\uD800\"}".utf8),
      "lone high surrogate"
    ),
  ])
  func eachDamagedFileIsNamedWithItsProblem(_ name: String, _ bytes: Data, _ expected: String) {
    let folder = tempFolder()
    let path = folder + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: bytes)
    let message = SnapshotStore.read(path).failureDescription
    #expect(message.hasPrefix(path + ":"), "names the file: \(message)")
    #expect(message.contains(expected), "says the problem: \(message)")
  }

  @Test func missingFilesAndFoldersAreNamedToo() {
    let folder = tempFolder()
    #expect(
      SnapshotStore.read(folder + "/nope.json").failureDescription
        == "\(folder)/nope.json: no such file")
    #expect(
      SnapshotStore.read(folder).failureDescription == "\(folder): is a folder, not a snapshot file"
    )
  }

  @Test func listShowsNewestFirstAndUnreadableFilesLast() throws {
    let folder = tempFolder()
    let store = SnapshotStore(folder: folder)
    var older = snap(20, 30, title: "Older")
    older.created = SnapshotTimestamp(secondsSince1970: snapTime.secondsSince1970 - 3600)
    try store.write(older, format: .json, to: folder + "/b.json", overwrite: false)
    try store.write(snap(title: "Newer"), format: .json, to: folder + "/a.json", overwrite: false)
    _ = FileManager.default.createFile(atPath: folder + "/broken.json", contents: Data("{".utf8))
    _ = FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("x".utf8))
    let list = store.list()
    #expect(list.map(\.fileName) == ["a.json", "b.json", "broken.json"])
    #expect(list[0].summary?.title == "Newer")
    #expect(list[1].summary?.current == 20 && list[1].summary?.target == 30)
    #expect(list[2].summary == nil)
    #expect(list[2].problem?.contains("broken.json: truncated") == true)
    #expect(SnapshotStore(folder: folder + "/missing").list().isEmpty)
  }
}

extension Result where Failure == Diagnostic {
  var failureDescription: String {
    if case .failure(let d) = self { return d.description }
    return "(no failure)"
  }
}

/// A thread-safe call counter for the injected writer (it is `@Sendable`).
final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()
  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value - 1
  }
}

@Suite struct SnapshotFormatTests {
  func checkGolden(
    _ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try Golden.check(text, name, sourceLocation: sourceLocation)
  }

  static let large = snap(
    20, 80, title: "Big move | *bold* <b>", note: "Agreed in the workshop.\nRevisit in Q4.")

  @Test func markdownMatchesGolden() throws {
    try checkGolden(SnapshotFormatter.markdown(snap()), "snapshot-38-70.md")
    try checkGolden(SnapshotFormatter.markdown(Self.large), "snapshot-20-80-note.md")
  }

  @Test func markdownHasTheReportParts() {
    let md = SnapshotFormatter.markdown(Self.large)
    #expect(md.hasPrefix("# Big move \\| \\*bold\\* \\<b\\>\n"))
    #expect(md.contains("| Stage | Directed | Learner-led |"))
    #expect(md.contains("| Organisational control | 80% | 20% |"))
    #expect(md.contains("> **Large jump.**"))
    #expect(md.contains("- **Keep** (1): D1 "))
    #expect(md.contains("## Recommendations at the current position, 20 (Directed)"))
    #expect(md.contains("pinned (always kept)"))
    #expect(md.contains("## Note\n\n> Agreed in the workshop.\n> Revisit in Q4.\n"))
  }

  @Test func svgMatchesGolden() throws {
    try checkGolden(SnapshotSVG.render(snap()), "snapshot-38-70.svg")
    try checkGolden(SnapshotSVG.render(Self.large), "snapshot-20-80-note.svg")
  }

  @Test(arguments: [
    snap(), large, snap(0, 100, title: "Ends & \"quotes\" 'apos'"), snap(50, 50, title: ""),
  ])
  func svgIsWellFormedXML(_ s: Snapshot) throws {
    let svg = SnapshotSVG.render(s)
    let collector = SVGCollector()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = collector
    #expect(parser.parse(), "parse error: \(String(describing: parser.parserError))")
    #expect(collector.elements.first == "svg")
    #expect(collector.elements.filter { $0 == "polyline" }.count == 3, "three curves")
    #expect(collector.elements.filter { $0 == "rect" }.count >= 5, "background and four bands")
    let texts = collector.texts.joined(separator: "\n")
    #expect(texts.contains("Current \(s.current.position.value): \(s.current.stage.name)"))
    #expect(texts.contains("Target \(s.target.position.value): \(s.target.stage.name)"))
    for stage in Stage.allCases { #expect(texts.contains(stage.name)) }
    #expect(texts.contains("Learner control (%)"))
    #expect(texts.contains("Social empowerment"))
    #expect(!s.title.isEmpty ? texts.contains(s.title) : texts.contains("Learner Power snapshot"))
  }

  @Test func svgHasNoScriptsImagesOrExternalReferences() {
    let svg = SnapshotSVG.render(Self.large)
    for banned in [
      "<script", "<image", "xlink:href", "href=", "@import", "url(", "<foreignObject", "@font-face",
    ] {
      #expect(!svg.contains(banned), "found \(banned)")
    }
    #expect(svg.contains("font-family=\"sans-serif\""))
  }

  @Test func svgCurvesComeFromTheContinuum() {
    let svg = SnapshotSVG.render(snap())
    // Social empowerment is 0 at the left end (x 90, y 430) and 100 at the right (890, 130).
    #expect(svg.contains("id=\"social\""))
    #expect(svg.contains("points=\"90,430 "))
    #expect(svg.contains(" 890,130\"/>"))
  }

  @Test func textIsTheExplorerScreenWithAHeading() {
    let text = SnapshotFormatter.text(snap(note: "n1"), catalogue: .builtIn)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "Snapshot: Q3 review (2024-05-01 09:30 UTC)")
    #expect(lines[1] == "Note: n1")
    var state = AppState(current: 38, target: 70)
    state.active = .current
    let screen = PlainTextExporter.export(
      Screen.render(
        state, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 100, height: 30)))
    #expect(text.hasSuffix(screen))
    #expect(lines.count == 3 + 30 + 1)
  }
}

/// Collects element names and text content from an XML document.
final class SVGCollector: NSObject, XMLParserDelegate {
  var elements: [String] = []
  var texts: [String] = []
  private var current = ""

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements.append(name)
    current = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    if !current.isEmpty { texts.append(current) }
    current = ""
  }
}
