import Canvas
import Foundation
import LearnerPowerModel
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@testable import LearnerPowerApp

/// The dialogs as pure state: every transition through `reduce`.
@Suite struct SnapshotDialogReducerTests {
  func opened(_ existing: Set<String> = [], current: Position = 38, target: Position = 70)
    -> AppState
  {
    var state = AppState(current: current, target: target)
    reduce(&state, .snapshot(.saveStarted(folder: "/snaps", created: snapTime, existing: existing)))
    return state
  }

  func dialog(_ state: AppState) -> SnapshotSaveDialog? {
    if case .save(let d) = state.snapshotModal { return d }
    return nil
  }

  func type(_ text: String, _ state: inout AppState) {
    for c in text { reduce(&state, .snapshot(.key(.char(c)))) }
  }

  @Test func sAsksTheLoopToPrepareTheDialog() {
    var state = AppState()
    #expect(reduce(&state, .requestedSnapshotSave) == [.saveSnapshot])
    #expect(reduce(&state, .requestedSnapshotOpen) == [.openSnapshots])
    #expect(state.snapshotModal == nil)
  }

  @Test func theDialogProposesAFileNameThatFollowsTheTitle() {
    var state = opened()
    #expect(dialog(state)?.path.text == "/snaps/2024-05-01-0930-snapshot.json")
    type("Q3 review", &state)
    #expect(dialog(state)?.title.text == "Q3 review")
    #expect(dialog(state)?.path.text == "/snaps/2024-05-01-0930-q3-review.json")
  }

  @Test func theProposalSkipsTakenNames() {
    var state = opened(["2024-05-01-0930-q3.json", "2024-05-01-0930-q3-2.json"])
    type("Q3", &state)
    #expect(dialog(state)?.path.text == "/snaps/2024-05-01-0930-q3-3.json")
  }

  @Test func lettersGoToTheFieldNotTheExplorerKeyMap() {
    var state = opened()
    // q, s, o, h, l and digits are explorer keys; in the dialog they are text.
    type("qsohl12", &state)
    #expect(dialog(state)?.title.text == "qsohl12")
    #expect(state.current == 38 && state.target == 70)
  }

  @Test func tabMovesBetweenTitleNoteAndFile() {
    var state = opened()
    type("T", &state)
    reduce(&state, .snapshot(.key(.tab)))
    type("a note", &state)
    #expect(dialog(state)?.focus == .note)
    #expect(dialog(state)?.note.text == "a note")
    reduce(&state, .snapshot(.key(.tab)))
    #expect(dialog(state)?.focus == .path)
    reduce(&state, .snapshot(.key(.tab)))
    #expect(dialog(state)?.focus == .title)
    reduce(&state, .snapshot(.key(.backTab)))
    #expect(dialog(state)?.focus == .path)
  }

  @Test func editingTheFileStopsItFollowingTheTitle() {
    var state = opened()
    reduce(&state, .snapshot(.key(.backTab)))
    for _ in 0..<5 { reduce(&state, .snapshot(.key(.backspace))) }
    type("x.md", &state)
    #expect(dialog(state)?.path.text == "/snaps/2024-05-01-0930-snapshotx.md")
    reduce(&state, .snapshot(.key(.tab)))
    type("New", &state)
    #expect(dialog(state)?.path.text == "/snaps/2024-05-01-0930-snapshotx.md")
  }

  @Test func enterAsksTheLoopToWriteWithoutOverwriting() {
    var state = opened()
    type("Q3", &state)
    reduce(&state, .snapshot(.key(.tab)))
    type("n", &state)
    let effects = reduce(&state, .snapshot(.key(.enter)))
    #expect(
      effects == [
        .snapshot(
          .write(
            SnapshotWriteRequest(
              path: "/snaps/2024-05-01-0930-q3.json", title: "Q3", note: "n", current: 38,
              target: 70,
              created: snapTime, overwrite: false)))
      ])
    #expect(state.snapshotModal != nil, "the dialog stays until the loop says it is saved")
  }

  @Test func escCancelsAndSaysSo() {
    var state = opened()
    type("Q3", &state)
    #expect(reduce(&state, .snapshot(.key(.escape))).isEmpty)
    #expect(state.snapshotModal == nil)
    #expect(state.notice == "Snapshot not saved")
  }

  @Test func savedClosesTheDialogAndConfirmsWithThePath() {
    var state = opened()
    reduce(&state, .snapshot(.saved(path: "/snaps/a.json")))
    #expect(state.snapshotModal == nil)
    #expect(state.notice == "Saved snapshot: /snaps/a.json")
  }

  @Test func aFailureKeepsEverythingTypedAndShowsTheError() {
    var state = opened()
    type("Q3", &state)
    reduce(&state, .snapshot(.key(.tab)))
    type("keep me", &state)
    reduce(
      &state,
      .snapshot(
        .saveFailed(
          message: "Could not save: /snaps/x.json: the disk is full (writing)", fileExists: false)))
    let d = dialog(state)
    #expect(d?.title.text == "Q3" && d?.note.text == "keep me")
    #expect(d?.error == "Could not save: /snaps/x.json: the disk is full (writing)")
    #expect(d?.focus == .path, "ready to choose another place")
    #expect(state.current == 38 && state.target == 70)
    type("x", &state)
    #expect(dialog(state)?.error == nil, "typing clears the old error")
  }

  @Test func anExistingFileIsReplacedOnlyAfterYes() {
    var state = opened()
    reduce(&state, .snapshot(.key(.enter)))
    reduce(&state, .snapshot(.saveFailed(message: "", fileExists: true)))
    #expect(dialog(state)?.confirmingOverwrite == true)
    #expect(dialog(state)?.error?.contains("already exists. Replace it?") == true)
    // n: no write, back to editing.
    #expect(reduce(&state, .snapshot(.key(.char("n")))).isEmpty)
    #expect(dialog(state)?.confirmingOverwrite == false)
    #expect(dialog(state)?.path.text == "/snaps/2024-05-01-0930-snapshot.json", "n is not typed")
    // Ask again, then y: a write that may overwrite.
    reduce(&state, .snapshot(.key(.enter)))
    reduce(&state, .snapshot(.saveFailed(message: "", fileExists: true)))
    let effects = reduce(&state, .snapshot(.key(.char("y"))))
    guard case .snapshot(.write(let r)) = effects.first else {
      Issue.record("y should write")
      return
    }
    #expect(r.overwrite)
  }

  @Test func inTheReplaceQuestionEscGoesBackAndOtherKeysAreTyped() {
    var state = opened()
    reduce(&state, .snapshot(.key(.enter)))
    reduce(&state, .snapshot(.saveFailed(message: "", fileExists: true)))
    // Esc answers the question (keep the file) without closing the dialog.
    #expect(reduce(&state, .snapshot(.key(.escape))).isEmpty)
    #expect(dialog(state)?.confirmingOverwrite == false)
    #expect(dialog(state)?.error?.contains("Not replaced") == true)
    #expect(state.snapshotModal != nil)
    // Any other key goes back to editing and reaches the file field: nothing is swallowed.
    reduce(&state, .snapshot(.key(.enter)))
    reduce(&state, .snapshot(.saveFailed(message: "", fileExists: true)))
    #expect(reduce(&state, .snapshot(.key(.backspace))).isEmpty)
    #expect(dialog(state)?.confirmingOverwrite == false)
    #expect(dialog(state)?.error == nil)
    #expect(dialog(state)?.path.text == "/snaps/2024-05-01-0930-snapshot.jso")
    reduce(&state, .snapshot(.key(.enter)))
    reduce(&state, .snapshot(.saveFailed(message: "", fileExists: true)))
    type("n2", &state)  // n answers; 2 is typed
    #expect(dialog(state)?.path.text == "/snaps/2024-05-01-0930-snapshot.jso2")
  }

  @Test func anEmptyFileNameIsRefusedInTheDialog() {
    var state = opened()
    reduce(&state, .snapshot(.key(.backTab)))
    reduce(&state, .snapshot(.key(.ctrl("u"))))
    #expect(reduce(&state, .snapshot(.key(.enter))).isEmpty)
    #expect(dialog(state)?.error == "Enter a file name to save to.")
  }

  func listed(_ entries: [SnapshotListing]) -> AppState {
    var state = AppState(current: 10, target: 20)
    reduce(&state, .snapshot(.listed(folder: "/snaps", entries: entries)))
    return state
  }

  let good = SnapshotListing(
    path: "/snaps/a.json", fileName: "a.json",
    summary: .init(title: "Q3", created: snapTime, current: 38, target: 70), problem: nil)
  let bad = SnapshotListing(
    path: "/snaps/b.json", fileName: "b.json", summary: nil, problem: "/snaps/b.json: truncated")

  @Test func enterRestoresTheChosenSnapshotsMarkers() {
    var state = listed([bad, good])
    reduce(&state, .snapshot(.key(.down)))
    reduce(&state, .snapshot(.key(.enter)))
    #expect(state.current == 38 && state.target == 70)
    #expect(state.snapshotModal == nil)
    #expect(state.notice == "Restored \"Q3\": current 38 → target 70")
  }

  @Test func anUnreadableEntryExplainsItselfAndStaysOpen() {
    var state = listed([bad, good])
    reduce(&state, .snapshot(.key(.enter)))
    guard case .open(let d) = state.snapshotModal else {
      Issue.record("the list should stay open")
      return
    }
    #expect(d.message == "/snaps/b.json: truncated")
    #expect(state.current == 10)
  }

  @Test func theListSelectionStaysInRange() {
    var state = listed([good, bad])
    for key: Key in [.up, .up, .end, .down, .pageDown, .home, .pageUp] {
      reduce(&state, .snapshot(.key(key)))
      guard case .open(let d) = state.snapshotModal else { return }
      #expect(d.selection >= 0 && d.selection < 2)
    }
    var empty = listed([])
    reduce(&empty, .snapshot(.key(.down)))
    reduce(&empty, .snapshot(.key(.enter)))
    #expect(empty.current == 10)
    reduce(&empty, .snapshot(.key(.escape)))
    #expect(empty.snapshotModal == nil)
  }
}

/// The dialogs driven through the real run loop with keys, against a private folder.
@Suite struct SnapshotLoopTests {
  struct Fixture {
    var loop: ExplorerLoop
    var terminal: TestTerminal
    var folder: String
  }

  func fixture(writer: AtomicFile = AtomicFile()) -> Fixture {
    let root = tempFolder()
    let paths = AppPaths(environment: [
      "HOME": root, "XDG_DATA_HOME": root + "/data", "XDG_STATE_HOME": root + "/state",
      "XDG_CONFIG_HOME": root + "/config",
    ])
    let terminal = TestTerminal()
    let loop = ExplorerLoop(
      state: AppState(current: 38, target: 70), terminal: terminal,
      themes: ThemeLibrary(paths: paths, environment: [:]), theme: ThemeLibrary.builtInDefault,
      store: StateStore(paths: paths, files: writer))
    loop.snapshotClock = { snapTime }
    return Fixture(loop: loop, terminal: terminal, folder: paths.snapshots)
  }

  func press(_ keys: [Key], _ f: Fixture) {
    for key in keys {
      for effect in f.loop.handle(.key(key)) { _ = f.loop.perform(effect) }
    }
    f.loop.paint()
  }

  func chars(_ s: String) -> [Key] { s.map { .char($0) } }

  @Test func sTypeATitleEnterWritesTheFileAndOReopensIt() throws {
    let f = fixture()
    press([.char("s")], f)
    #expect(f.terminal.text.contains("Save snapshot"))
    #expect(f.terminal.text.contains("2024-05-01-0930-snapshot.json"))
    press(chars("Q3 review") + [.tab] + chars("Agreed: go slowly") + [.enter], f)
    let path = f.folder + "/2024-05-01-0930-q3-review.json"
    let saved = try SnapshotStore.read(path).get()
    #expect(saved.title == "Q3 review")
    #expect(saved.note == "Agreed: go slowly")
    #expect(saved.current.position == 38 && saved.target.position == 70)
    #expect(f.loop.state.snapshotModal == nil)
    #expect(f.terminal.text.contains("Saved snapshot: "))

    // Move both markers away, then restore them from the list.
    press([.char("1"), .tab, .char("4")], f)
    #expect(f.loop.state.current == 12 && f.loop.state.target == 87)
    press([.char("o")], f)
    #expect(f.terminal.text.contains("Open snapshot (1 saved)"))
    #expect(f.terminal.text.contains("Q3 review"))
    #expect(f.terminal.text.contains("38 → 70"))
    press([.enter], f)
    #expect(f.loop.state.current == 38 && f.loop.state.target == 70)
    #expect(f.terminal.text.contains("Restored \"Q3 review\""))
  }

  @Test func theCursorSitsInTheFocusedField() {
    let f = fixture()
    press([.char("s")] + chars("ab"), f)
    guard let layout = SnapshotSaveLayout(size: f.terminal.size) else { return }
    #expect(f.terminal.screen.cursor == Point(x: layout.fields[0].x + 2, y: layout.fields[0].y))
    press([.escape], f)
    #expect(f.terminal.screen.cursor?.y == Screen.layout(f.terminal.size).track.y)
  }

  @Test func aSecondSaveWithTheSameTitleGetsDashTwo() throws {
    let f = fixture()
    press([.char("s")] + chars("Same") + [.enter], f)
    press([.char("s")] + chars("Same") + [.enter], f)
    #expect(files(in: f.folder) == ["2024-05-01-0930-same-2.json", "2024-05-01-0930-same.json"])
  }

  @Test func aFailedWriteKeepsTheDialogTheTextAndTheOldFile() throws {
    let failing = AtomicFile(writer: { _, _, _ in
      errno = ENOSPC
      return -1
    })
    let f = fixture(writer: failing)
    press([.char("s")] + chars("Full disk") + [.tab] + chars("my note") + [.enter], f)
    guard case .save(let d) = f.loop.state.snapshotModal else {
      Issue.record("the dialog should stay open")
      return
    }
    #expect(d.title.text == "Full disk" && d.note.text == "my note")
    #expect(d.error?.contains("the disk is full") == true)
    #expect(f.terminal.text.contains("the disk is full"))
    #expect(files(in: f.folder).isEmpty, "no temporary file left behind")
  }

  @Test func anExistingFileNeedsAYes() throws {
    let f = fixture()
    let target = f.folder + "/mine.json"
    try SnapshotStore(folder: f.folder).write(
      snap(title: "old"), format: .json, to: target, overwrite: false)
    // Point the file field at the existing file.
    press([.char("s")] + chars("New") + [.backTab, .ctrl("u")] + chars(target) + [.enter], f)
    #expect(f.terminal.text.contains("already exists. Replace it?"))
    #expect(try SnapshotStore.read(target).get().title == "old")
    press([.char("n")], f)
    #expect(try SnapshotStore.read(target).get().title == "old")
    press([.enter, .char("y")], f)
    #expect(try SnapshotStore.read(target).get().title == "New")
    #expect(f.loop.state.snapshotModal == nil)
  }

  @Test func aFolderIsReportedAtOnceAndTheNameCanBeAdded() throws {
    let f = fixture()
    try FileManager.default.createDirectory(atPath: f.folder, withIntermediateDirectories: true)
    press([.char("s")] + chars("New") + [.backTab, .ctrl("u")] + chars(f.folder) + [.enter], f)
    guard case .save(let d) = f.loop.state.snapshotModal else {
      Issue.record("the dialog should stay open")
      return
    }
    #expect(!d.confirmingOverwrite, "a folder is not a file to replace")
    #expect(d.focus == .path)
    #expect(d.error == "\(f.folder) is a folder: add a file name, e.g. \(f.folder)/report.json")
    #expect(f.terminal.text.contains("is a folder: add a file name"))
    // Every character typed next lands in the field.
    press(chars("/mine.json") + [.enter], f)
    #expect(try SnapshotStore.read(f.folder + "/mine.json").get().title == "New")
    #expect(f.loop.state.snapshotModal == nil)
  }

  @Test func aFolderMessageNeverDoublesTheSlash() {
    #expect(
      ExplorerLoop.folderMessage("/tmp/")
        == "/tmp/ is a folder: add a file name, e.g. /tmp/report.json")
    #expect(ExplorerLoop.folderMessage("/") == "/ is a folder: add a file name, e.g. /report.json")
  }

  @Test func anEmptyFolderSaysHowToSave() {
    let f = fixture()
    press([.char("o")], f)
    #expect(f.terminal.text.contains("No snapshots yet"))
    press([.escape], f)
    #expect(f.loop.state.snapshotModal == nil)
  }

  @Test func ctrlCStillQuitsFromTheDialog() {
    let f = fixture()
    press([.char("s")], f)
    #expect(f.loop.handle(.key(.ctrl("c"))).contains(.quit))
  }
}

/// The save dialog as drawn: the file's path appears once.
@Suite struct SnapshotSaveDialogViewTests {
  func screen(folder: String, keys: [Key] = [], size: Size = Size(width: 100, height: 30)) -> String
  {
    var state = AppState(current: 38, target: 70)
    reduce(&state, .snapshot(.saveStarted(folder: folder, created: snapTime, existing: [])))
    for key in keys { reduce(&state, .snapshot(.key(key))) }
    return PlainTextExporter.export(
      Screen.render(state, theme: ThemeLibrary.builtInDefault.theme, size: size))
  }

  @Test func aPathThatFitsIsShownOnceInTheFileField() {
    let text = screen(folder: "/snaps", keys: "Q3 review".map { .char($0) })
    #expect(text.components(separatedBy: "2024-05-01-0930-q3-review.json").count == 2, "\(text)")
    #expect(!text.contains("File name:") && !text.contains("Folder:"))
  }

  @Test func aLongPathPutsTheFolderTheFieldScrolledAwayOnTheLineBelow() throws {
    let folder = "/home/ana.lopez/.local/share/learnerpower/snapshots"
    let text = screen(folder: folder)
    #expect(
      text.components(separatedBy: "2024-05-01-0930-snapshot.json").count == 2, "the name once")
    let lines = text.split(separator: "\n").map(String.init)
    let file = try #require(lines.firstIndex { $0.contains("│ File ") })
    #expect(lines[file + 1].contains("│ Folder: \(folder) "))
    let file2 = screen(folder: folder, keys: [.tab, .tab, .home])
    #expect(file2.contains("│ File name: 2024-05-01-0930-snapshot.json "))
    #expect(!file2.contains("Folder:"))

    try Golden.check(text, "save-dialog-long-path-100x30.txt")
  }

  @Test func theHiddenPartFollowsTheCursorAndNeedsASlash() {
    var field = TextField("/a/b/cdefgh.json")
    #expect(Context.hiddenPathPart(field, width: 40) == nil)
    #expect(Context.hiddenPathPart(field, width: 8) == "Folder: /a/b")
    _ = field.apply(.home)
    #expect(Context.hiddenPathPart(field, width: 8) == "File name: cdefgh.json")
    #expect(Context.hiddenPathPart(TextField("/abcdefghijkl.json"), width: 8) == "Folder: /")
    #expect(Context.hiddenPathPart(TextField("abcdefghijkl.json"), width: 8) == nil)
  }
}
