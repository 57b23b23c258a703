import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

private let workshopScript = WorkshopScript(
  title: "Test workshop",
  steps: [
    WorkshopStep(
      kind: .explore, title: "Intro", position: 10, prompt: "Look here", notes: "SECRET NOTE",
      minutes: 1),
    WorkshopStep(kind: .vote, title: "Today", collect: .current),
    WorkshopStep(kind: .vote, title: "Both", collect: .both),
    WorkshopStep(kind: .summary, title: "Sum"),
  ])

private func freshState(now: Double = 1000) -> WorkshopState {
  WorkshopState(
    session: WorkshopSession(id: "t", script: workshopScript, startedAt: now), catalogue: .builtIn,
    now: now)
}

@discardableResult
private func press(_ state: inout WorkshopState, _ keys: Key...) -> [JournalEntry] {
  var entries: [JournalEntry] = []
  for key in keys {
    for effect in reduceWorkshop(&state, .key(key)) {
      if case .journal(let e) = effect { entries.append(e) }
    }
  }
  return entries
}

private func type(_ state: inout WorkshopState, _ text: String) -> [JournalEntry] {
  var entries: [JournalEntry] = []
  for c in text { entries += press(&state, .char(c)) }
  return entries
}

@Test func nextAndPreviousStepAndJournalTheTimeSpent() {
  var s = freshState()
  s.now = 1030
  let entries = press(&s, .char("n"))
  #expect(s.session.stepIndex == 1)
  #expect(entries.map(\.type) == [.time, .move])
  #expect(entries.first?.seconds == 30)
  press(&s, .backspace)
  #expect(s.session.stepIndex == 0)
  #expect(s.stepBaseSeconds == 30)  // the timer continues where it was
  press(&s, .char("p"))
  #expect(s.session.stepIndex == 0)
  #expect(s.notice == "This is the first step")
  press(&s, .char(" "), .char(" "), .char(" "), .char(" "))
  #expect(s.session.stepIndex == 3)
}

@Test func goToJumpsToAStepAndRefusesABadNumber() {
  var s = freshState()
  press(&s, .char("g"))
  _ = type(&s, "3")
  press(&s, .enter)
  #expect(s.session.stepIndex == 2)
  press(&s, .char("g"))
  _ = type(&s, "9")
  press(&s, .enter)
  #expect(s.session.stepIndex == 2)
  #expect(s.notice?.contains("steps are 1 to 4") == true)
}

@Test func theSliderGlidesToTheStepPositionInUnder300ms() {
  var s = freshState()
  press(&s, .char("n"))  // vote step without position: stays at 10
  #expect(s.display == 10)
  var t = freshState()
  _ = move(&t, to: 1)
  t.display = 80
  _ = move(&t, to: 0)
  #expect(t.isGliding)
  _ = reduceWorkshop(&t, .tick(t.now + 0.1))
  #expect(t.display < 80 && t.display > 10)
  _ = reduceWorkshop(&t, .tick(t.now + 0.2))  // 300 ms after the move
  #expect(t.display == 10)
  #expect(!t.isGliding)
  // Any key skips the glide.
  t.display = 80
  _ = move(&t, to: 1)
  _ = move(&t, to: 0)
  #expect(t.isGliding)
  press(&t, .down)
  #expect(t.display == 10 && !t.isGliding)
}

@Test func digitsOpenTheVoteFieldAndEnterAddsAVote() {
  var s = freshState()
  press(&s, .char("n"))
  let entries = type(&s, "45 Ana") + press(&s, .enter)
  #expect(s.field == .vote)  // stays open for the next participant
  #expect(entries.map(\.type) == [.vote])
  #expect(s.session.votes(of: 1) == [WorkshopVote(id: 1, name: "Ana", current: 45)])
  _ = type(&s, "130")
  press(&s, .enter)
  #expect(s.session.votes(of: 1).count == 1)
  #expect(s.notice?.contains("above 100") == true)
  press(&s, .escape)
  #expect(s.field == nil)
  press(&s, .char("v"))
  #expect(s.field == .vote)
  press(&s, .escape)
  // On a non-vote step digits do nothing.
  press(&s, .char("p"), .char("4"))
  #expect(s.field == nil)
}

@Test func collectBothNeedsTwoPositions() {
  var s = freshState()
  press(&s, .char("g"))
  _ = type(&s, "3")
  press(&s, .enter)
  _ = type(&s, "30")
  press(&s, .enter)
  #expect(s.session.votes(of: 2).isEmpty)
  #expect(s.notice?.contains("two positions") == true)
  _ = type(&s, " 70 Bo Jo")
  press(&s, .enter)
  #expect(s.session.votes(of: 2) == [WorkshopVote(id: 1, name: "Bo Jo", current: 30, target: 70)])
}

@Test func votesAreHiddenUntilRevealedAndCanBeRemoved() {
  var s = freshState()
  press(&s, .char("n"))
  for v in ["10", "20", "30"] {
    _ = type(&s, v)
    press(&s, .enter)
  }
  press(&s, .escape)
  let hidden = WorkshopScreen.render(
    s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 80, height: 24))
  let hiddenText = (0..<24).map { hidden.row($0) }.joined(separator: "\n")
  #expect(hiddenText.contains("3 votes in; hidden"))
  #expect(!hiddenText.contains("median"))
  #expect(press(&s, .char("r")).map(\.type) == [.reveal])
  #expect(s.session.revealed == [1])
  let shown = WorkshopScreen.render(
    s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 80, height: 24))
  let shownText = (0..<24).map { shown.row($0) }.joined(separator: "\n")
  #expect(shownText.contains("n=3  median 20  mean 20.0  IQR 15–25"))
  #expect(shownText.contains("3 votes for current: median 20"))
  press(&s, .char("d"))
  #expect(s.session.votes(of: 1).count == 3)  // nothing selected yet
  press(&s, .down, .down)
  let removed = press(&s, .char("d"))
  #expect(removed.first?.voteID == 2)
  #expect(s.session.votes(of: 1).map(\.current) == [10, 30])
  press(&s, .char("r"))
  #expect(s.session.revealed.isEmpty)
}

@Test func notesAreJournalledAndNeverProjected() {
  var s = freshState()
  press(&s, .char("m"))
  let entries = type(&s, "Sales feel far away") + press(&s, .enter)
  #expect(entries.map(\.type) == [.note])
  #expect(s.session.notes.first?.text == "Sales feel far away")
  let grid = WorkshopScreen.render(
    s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 100, height: 30))
  let text = (0..<30).map { grid.row($0) }.joined(separator: "\n")
  #expect(!text.contains("SECRET NOTE"))
  #expect(text.contains("Look here"))
  #expect(text.contains("Agenda"))
}

@Test func timerTurnsAmberAtTheBoxAndRedAt150Percent() {
  var s = freshState(now: 0)
  _ = reduceWorkshop(&s, .tick(59))
  #expect(WorkshopScreen.timerLevel(s) == .normal)
  #expect(WorkshopScreen.timerText(s) == "0:59 / 1:00")
  _ = reduceWorkshop(&s, .tick(60))
  #expect(WorkshopScreen.timerLevel(s) == .amber)
  #expect(WorkshopScreen.timerText(s) == "1:00 / 1:00 time up")
  _ = reduceWorkshop(&s, .tick(90))
  #expect(WorkshopScreen.timerLevel(s) == .red)
  #expect(WorkshopScreen.timerText(s) == "1:30 / 1:00 over time")
}

@Test func summaryAgreedPositionsDefaultToMediansAndCanBeMoved() {
  var s = freshState()
  press(&s, .char("n"))
  for v in ["40", "51"] {
    _ = type(&s, v)
    press(&s, .enter)
  }
  press(&s, .escape)
  press(&s, .char("g"))
  _ = type(&s, "4")
  press(&s, .enter)
  #expect(s.session.agreedCurrent == 46)  // 45.5 rounds half up
  let e = press(&s, .right, .right)
  #expect(e.last?.current == 48)
  press(&s, .tab)
  press(&s, .shiftRight)
  // No target votes: the target started at the current median (46) and moved 5.
  #expect(s.session.agreedTarget == 51)
  press(&s, .char("="))
  #expect(s.session.agreedCurrent == 46)
}

@Test func replayingTheJournalOfALiveSessionGivesTheSameSession() throws {
  var s = freshState()
  var entries: [JournalEntry] = [
    .start(session: "t", script: workshopScript, source: nil, at: 1000)
  ]
  entries += press(&s, .char("n"))
  entries += type(&s, "45 Ana") + press(&s, .enter)
  entries += type(&s, "60") + press(&s, .enter)
  entries += press(&s, .escape, .char("r"), .up, .char("d"), .char("m"))
  entries += type(&s, "note") + press(&s, .enter)
  entries += press(&s, .char("n"), .char("n"), .right)
  s.now += 12
  for effect in reduceWorkshop(&s, .tick(s.now)) {
    if case .journal(let e) = effect { entries.append(e) }
  }
  let text = try entries.map { String(decoding: try $0.jsonLine(), as: UTF8.self) + "\n" }.joined()
  let replayed = try WorkshopSession.replay(text + "{\"at\":1,\"ty", file: "j").get()
  #expect(replayed.session == s.session)
}

@Test func importAddsGoodRowsAndReportsBadOnes() {
  var s = freshState()
  press(&s, .char("n"))
  let effects = importWorkshopVotes(
    &s, csv: "name,current,target\nAna,30,\nBo,x,\nCy,70,\n", file: "v.csv")
  #expect(effects.count == 2)
  #expect(s.session.votes(of: 1).map(\.name) == ["Ana", "Cy"])
  #expect(s.notice == "Imported 2 votes from v.csv; skipped 1 row")
  // Every skipped row is shown in full until the next key, which does nothing else.
  #expect(s.report?.lines.count == 2)
  #expect(s.report?.lines.last?.hasPrefix("line 3: ") == true)
  let shown = PlainTextExporter.export(
    WorkshopScreen.render(
      s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 80, height: 24)))
  #expect(shown.contains("Import from v.csv"))
  #expect(shown.contains("line 3: current \"x\""))
  press(&s, .char("n"))
  #expect(s.report == nil)
  #expect(s.session.stepIndex == 1)
}

@Test func aSessionsExportedCSVImportsIntoTheSameStepOfAnotherSession() {
  // Votes on both vote steps, exported as `x` does.
  var first = freshState()
  press(&first, .char("n"))
  _ = type(&first, "30 Ana") + press(&first, .enter)
  _ = type(&first, "40 =Zed") + press(&first, .enter)
  press(&first, .escape, .char("n"))
  _ = type(&first, "20 80 Bo") + press(&first, .enter)
  let csv = WorkshopExport.csv(first.session)
  #expect(csv.hasPrefix("step,step_title,name,current,target,area\n"))

  var second = freshState()
  press(&second, .char("n"), .char("n"))
  let effects = importWorkshopVotes(&second, csv: csv, file: "first.csv")
  #expect(effects.count == 1)
  #expect(
    second.session.votes(of: 2).map {
      [$0.name, $0.current.map(String.init), $0.target.map(String.init)]
    }
      == [["Bo", "20", "80"]])
  #expect(second.session.votes(of: 1).isEmpty)
  #expect(second.notice == "Imported 1 vote from first.csv; 2 rows for other steps left out")
  #expect(second.report == nil)
  // Step 2 takes its own rows; the spreadsheet guard on "=Zed" is undone.
  press(&second, .char("p"))
  _ = importWorkshopVotes(&second, csv: csv, file: "first.csv")
  #expect(second.session.votes(of: 1).map(\.name) == ["Ana", "=Zed"])
  #expect(second.session.votes(of: 1).map(\.current) == [30, 40])
  #expect(second.notice == "Imported 2 votes from first.csv; 1 row for other steps left out")
}

@Test func aLongImportReportListsWhatFitsAndCountsTheRest() {
  var s = freshState()
  press(&s, .char("n"))
  let rows = (1...40).map { "P\($0),x," }.joined(separator: "\n")
  _ = importWorkshopVotes(&s, csv: "name,current,target\n" + rows + "\n", file: "v.csv")
  #expect(s.report?.lines.count == 41)
  let shown = PlainTextExporter.export(
    WorkshopScreen.render(
      s, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: 80, height: 24)))
  #expect(shown.contains("line 2: "))
  #expect(shown.contains("more lines (the CLI's workshop import lists them all)"))
}

@Test func journalFileAppendsAndResumesAfterATornLine() throws {
  let dir = NSTemporaryDirectory() + "lp-ws-\(UUID().uuidString)"
  let session = WorkshopSession(id: "abc", script: workshopScript, startedAt: 5)
  let journal = try WorkshopJournal.create(in: dir, session: session)
  try journal.append(.moved(to: 2, at: 6))
  // A write cut short by a power cut.
  let handle = FileHandle(forWritingAtPath: journal.path)
  handle?.seekToEndOfFile()
  handle?.write(Data("{\"at\":7,\"step\":3,\"ty".utf8))
  try handle?.close()
  guard case .success(let (again, replay)) = WorkshopJournal.open(journal.path) else {
    Issue.record("open failed")
    return
  }
  #expect(replay.session.stepIndex == 2)
  #expect(replay.tornTail)
  try again.append(.moved(to: 1, at: 8))
  let reread = try WorkshopSessionFiles.load(journal.path).get()
  #expect(reread.session.stepIndex == 1)
  #expect(reread.skippedLines.isEmpty && !reread.tornTail)
  #expect(WorkshopSessionFiles.resolve(nil, folder: dir) == .success(journal.path))
  #expect(WorkshopSessionFiles.resolve("abc", folder: dir) == .success(journal.path))
}

@Test func exportsCarryTheVotesAndStatistics() {
  var s = freshState()
  press(&s, .char("n"))
  for v in ["10", "20", "35", "40", "60", "90"] {
    _ = type(&s, v)
    press(&s, .enter)
  }
  let md = WorkshopExport.markdown(s.session, catalogue: .builtIn)
  #expect(md.contains("| current | 6 | 37.5 | 42.5 | 23.8–55 | 31.3 |"))
  let json = WorkshopExport.json(s.session, catalogue: .builtIn)
  #expect(json.contains("\"schema\" : \"learnerpower.session/2\""))
  #expect(json.contains("\"q1\" : 23.75"))
  let csv = WorkshopExport.csv(s.session)
  #expect(csv.split(separator: "\n").count == 7)
  let svg = WorkshopExport.svg(s.session)
  #expect(svg.hasPrefix("<svg") && svg.contains("<circle") && svg.hasSuffix("</svg>\n"))
}

@Test func aVoteStepWithoutAPositionShowsNoMarkerToAnchorTheRoom() {
  var s = freshState()
  let size = Size(width: 100, height: 30)
  let onExplore = WorkshopScreen.render(s, theme: ThemeLibrary.builtInDefault.theme, size: size)
  #expect(onExplore.cells.contains { $0.text == GlyphSet.unicode.markerPrimary })
  press(&s, .char("n"))
  #expect(s.session.stepIndex == 1)
  let onVote = WorkshopScreen.render(s, theme: ThemeLibrary.builtInDefault.theme, size: size)
  #expect(!onVote.cells.contains { $0.text == GlyphSet.unicode.markerPrimary })
}

@Test func theAgendaTicksOnlyStepsThatWereVisited() {
  var s = freshState()
  press(&s, .char("g"))
  _ = type(&s, "4")
  press(&s, .enter)
  #expect(s.session.stepIndex == 3)
  #expect(s.session.visited == [0, 3])
}

@Test func importedIdsNeverMeetTheSessionsOwn() {
  var s = freshState()
  press(&s, .char("n"))
  let first = WorkshopVote.firstImportedID(in: s.session)
  #expect(first >= WorkshopVote.importedIDBase)
  s.session.apply(.voted(WorkshopVote(id: first, current: 30), step: 1, at: 1))
  // The session's counter is not pulled into the imported range.
  #expect(s.session.nextVoteID < WorkshopVote.importedIDBase)
  #expect(WorkshopVote.firstImportedID(in: s.session) > first)
}

@Test func qQuitsEvenWithAReportOpen() {
  var s = freshState()
  s.report = .init(title: "Exported", lines: ["a"])
  let effects = reduceWorkshop(&s, .key(.char("q")))
  #expect(effects.last == .quit)
  #expect(s.report == nil)
}

@Test func tAsksForTheNextThemeOnEveryStepButTypesInAField() {
  var s = freshState()
  #expect(reduceWorkshop(&s, .key(.char("t"))) == [.cycleTheme])
  press(&s, .char("n"), .char("v"))
  #expect(reduceWorkshop(&s, .key(.char("t"))).isEmpty)
  #expect(s.text == "t")
}

@Test func entriesAnotherProcessAppendsAreReadBackButOurOwnAreNot() throws {
  let dir = NSTemporaryDirectory() + "lp-ws-\(UUID().uuidString)"
  defer { try? FileManager.default.removeItem(atPath: dir) }
  let running = try WorkshopJournal.create(
    in: dir, session: WorkshopSession(id: "live", script: workshopScript, startedAt: 5))
  #expect(running.appendedByOthers().entries.isEmpty)
  try running.append(.moved(to: 1, at: 6))
  // A second writer, as `workshop import` in another terminal opens it.
  guard case .success(let (importer, _)) = WorkshopJournal.open(running.path, repairTail: false)
  else {
    Issue.record("the journal should open")
    return
  }
  try importer.append(.voted(WorkshopVote(id: 1 << 41, name: "Ana", current: 30), step: 1, at: 7))
  try running.append(.revealed(true, step: 1, at: 8))
  try importer.append(.voted(WorkshopVote(id: (1 << 41) + 1, current: 50), step: 1, at: 9))
  let appended = running.appendedByOthers()
  let seen = appended.entries
  #expect(seen.map(\.vote?.current) == [30, 50])
  // The first import landed before this process's reveal: the live order differs from the file.
  #expect(appended.outOfOrder)
  #expect(running.appendedByOthers().entries.isEmpty)  // each entry once

  // A line still being written is left for the next call.
  let handle = try #require(FileHandle(forWritingAtPath: running.path))
  handle.seekToEndOfFile()
  let line = try JournalEntry.voted(WorkshopVote(id: 9, current: 70), step: 1, at: 10).jsonLine()
  handle.write(line.prefix(10))
  #expect(running.appendedByOthers().entries.isEmpty)
  handle.write(line.dropFirst(10) + Data("\n".utf8))
  let after = running.appendedByOthers()
  #expect(after.entries.map(\.vote?.current) == [70])
  #expect(!after.outOfOrder)

  // A writer that died mid-line leaves no newline; the next entry must not be swallowed by it.
  handle.write(line.prefix(10))
  try handle.close()
  try running.append(.noted("kept", step: 1, at: 11))
  let replay = try WorkshopSessionFiles.load(running.path).get()
  #expect(replay.session.notes.map(\.text) == ["kept"])
  #expect(replay.skippedLines.count == 1)

  var s = freshState()
  press(&s, .char("n"))
  #expect(reduceWorkshop(&s, .appendedElsewhere(seen)).isEmpty)
  #expect(s.session.votes(of: 1).count == 2)
  #expect(s.notice == "2 votes added from another terminal")
}

@Test func ctrlUEmptiesTheVoteFieldAfterARejectedEntry() {
  var s = freshState()
  press(&s, .char("n"))
  _ = type(&s, "150 Xabc")
  press(&s, .enter)
  #expect(s.text == "150 Xabc")  // kept to be corrected
  press(&s, .ctrl("u"))
  #expect(s.text.isEmpty && s.field == .vote)
  _ = type(&s, "30")
  press(&s, .enter)
  #expect(s.session.votes(of: 1).map(\.current) == [30])
}
