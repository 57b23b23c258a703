import Foundation
import Testing

@testable import LearnerPowerModel

// MARK: - Statistics (expected values worked out by hand with numpy's type 7:
// h = (n - 1) p, q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]))

@Test func statisticsOfNoVotesAreEmpty() {
  let s = VoteStatistics([])
  #expect(s.count == 0)
  #expect(s.median == nil && s.mean == nil && s.interquartileRange == nil)
  #expect(s.medianPosition == nil)
  #expect(s.meanText == "–")
  #expect(s.sentence(label: "today") == "No votes for today yet.")
}

@Test func statisticsOfOneVote() {
  let s = VoteStatistics([42])
  #expect(s.median == 42 && s.mean == 42)
  #expect(s.lowerQuartile == 42 && s.upperQuartile == 42 && s.interquartileRange == 0)
  #expect(s.meanText == "42.0")
  #expect(s.sentence(label: "today").hasPrefix("1 vote for today: median 42"))
}

@Test func statisticsOfTwoVotesUseTheMiddleTwo() {
  let s = VoteStatistics([50, 45])
  #expect(s.median == 47.5)
  #expect(s.medianText == "47.5")
  #expect(s.medianPosition == 48)  // half up
  // h = 0.25 → 45 + 0.25·5 = 46.25; h = 0.75 → 48.75
  #expect(s.lowerQuartile == 46.25)
  #expect(s.upperQuartile == 48.75)
  #expect(s.interquartileRange == 2.5)
}

@Test func statisticsOfManyVotes() {
  // numpy: np.percentile([10,20,35,40,60,90], [25,50,75]) = [23.75, 37.5, 55.0]; mean 42.5
  let s = VoteStatistics([90, 10, 40, 20, 60, 35])
  #expect(s.lowerQuartile == 23.75)
  #expect(s.median == 37.5)
  #expect(s.upperQuartile == 55)
  #expect(s.interquartileRange == 31.25)
  #expect(s.meanText == "42.5")
  #expect(s.medianPosition == 38)
  // An odd count: [1,2,3,4,100] → q1 2, median 3, q3 4, mean 22.0
  let odd = VoteStatistics([100, 1, 2, 3, 4])
  #expect(odd.lowerQuartile == 2 && odd.median == 3 && odd.upperQuartile == 4)
  #expect(odd.meanText == "22.0")
  // Mean 100/3 = 33.33… → 33.3
  #expect(VoteStatistics([33, 33, 34]).meanText == "33.3")
}

@Test func statisticPositionsRoundHalfUp() {
  #expect(VoteStatistics.position(12.5) == 13)
  #expect(VoteStatistics.position(12.49) == 12)
  #expect(VoteStatistics.position(0.5) == 1)
  #expect(VoteStatistics.format(23.75) == "23.8")
  #expect(VoteStatistics.format(47.5) == "47.5")
  #expect(VoteStatistics.format(40) == "40")
}

// MARK: - Session and journal

private let script = WorkshopScript(
  title: "T",
  steps: [
    WorkshopStep(kind: .explore, title: "Intro", position: 10),
    WorkshopStep(kind: .vote, title: "Today", collect: .both),
    WorkshopStep(kind: .summary, title: "Sum"),
  ])

private func journal(_ entries: [JournalEntry]) throws -> String {
  try entries.map { String(decoding: try $0.jsonLine(), as: UTF8.self) + "\n" }.joined()
}

@Test func applyingEntriesChangesTheSession() {
  var s = WorkshopSession(id: "s1", script: script, startedAt: 100)
  s.apply(.moved(to: 1, at: 101))
  s.apply(.voted(WorkshopVote(id: 1, name: "Ana", current: 30, target: 70), step: 1, at: 102))
  s.apply(.voted(WorkshopVote(id: 2, current: 40, target: 80), step: 1, at: 103))
  s.apply(.voted(WorkshopVote(id: 3, current: 90, target: 90), step: 1, at: 103))
  s.apply(.unvoted(id: 3, step: 1, at: 104))
  s.apply(.revealed(true, step: 1, at: 105))
  s.apply(.noted("Sales feel far from this", step: 1, at: 106))
  s.apply(.timed(step: 1, seconds: 42, at: 107))
  #expect(s.stepIndex == 1)
  #expect(s.votes(of: 1).map(\.id) == [1, 2])
  #expect(s.nextVoteID == 4)
  #expect(s.revealed == [1])
  #expect(s.notes.map(\.text) == ["Sales feel far from this"])
  #expect(s.seconds[1] == 42)
  #expect(s.agreedCurrent == 35)
  #expect(s.agreedTarget == 75)
  s.apply(.agreed(current: 33, target: nil, at: 108))
  #expect(s.agreedCurrent == 33 && s.agreedTarget == 75)
  // Out-of-range steps are ignored, never trap.
  s.apply(.moved(to: 9, at: 109))
  s.apply(.voted(WorkshopVote(id: 9, current: 1), step: -1, at: 109))
  #expect(s.stepIndex == 1)
  #expect(s.votes[-1] == nil)
}

@Test func replayEqualsTheLiveSessionAndIgnoresATornLastLine() throws {
  let entries: [JournalEntry] = [
    .start(session: "s1", script: script, source: "w.toml", at: 100),
    .moved(to: 1, at: 101),
    .voted(
      WorkshopVote(id: 1, name: "Ana, \"the boss\"", current: 30, target: 70), step: 1, at: 102),
    .revealed(true, step: 1, at: 103),
    .noted("ünïcode ✓", step: 1, at: 104),
    .agreed(current: 31, target: 72, at: 105),
    .timed(step: 1, seconds: 12.5, at: 106),
  ]
  var live = WorkshopSession(id: "s1", script: script, source: "w.toml", startedAt: 100)
  for e in entries.dropFirst() { live.apply(e) }
  let text = try journal(entries)
  let replayed = try WorkshopSession.replay(text, file: "j").get()
  #expect(replayed.session == live)
  #expect(replayed.tornTail == false)
  #expect(replayed.skippedLines.isEmpty)

  let torn =
    text
    + String(decoding: try JournalEntry.moved(to: 2, at: 107).jsonLine(), as: UTF8.self)
    .prefix(12)
  let fromTorn = try WorkshopSession.replay(torn, file: "j").get()
  #expect(fromTorn.session == live)
  #expect(fromTorn.tornTail)
}

@Test func aJournalWithoutAStartIsRefused() {
  guard
    case .failure(let d) = WorkshopSession.replay(
      "{\"type\":\"move\",\"at\":1,\"step\":1}\n", file: "j")
  else {
    Issue.record("expected a failure")
    return
  }
  #expect(d.line == 1)
  guard case .failure = WorkshopSession.replay("", file: "j") else {
    Issue.record("expected a failure")
    return
  }
}

@Test func aDamagedMiddleLineIsSkippedAndCounted() throws {
  let text =
    try journal([.start(session: "s", script: script, source: nil, at: 0)]) + "garbage\n"
    + (try journal([.moved(to: 2, at: 1)]))
  let r = try WorkshopSession.replay(text, file: "j").get()
  #expect(r.skippedLines == [2])
  #expect(r.session.stepIndex == 2)
}

// MARK: - CSV import

@Test func csvImportKeepsGoodRowsAndReportsBadOnesByLine() {
  let csv = """
    name,current,target
    Ana,30,70
    "Bo, Jr",40,
    Cy,abc,60
    Di,120,80

    ,25,75
    Ed,10,20,30
    """
  let both = WorkshopVoteCSV.parse(csv, collect: .both)
  #expect(both.rows.map(\.name) == ["Ana", nil])
  #expect(both.rows.last?.current == 25)
  #expect(both.problems.count == 4)
  #expect(both.problems[0].hasPrefix("line 3: target is missing"))
  #expect(both.problems[1].hasPrefix("line 4: current \"abc\" is not a whole number"))
  #expect(both.problems[2].hasPrefix("line 5: current 120 is above 100"))
  #expect(both.problems[3].hasPrefix("line 8: expected 3 columns"))

  let current = WorkshopVoteCSV.parse(csv, collect: .current)
  #expect(current.rows.map(\.name) == ["Ana", "Bo, Jr", nil])
  #expect(current.rows.allSatisfy { $0.target == nil })
}

@Test func csvWithoutHeaderAndWithCRLFIsRead() {
  let r = WorkshopVoteCSV.parse("Ana,30,70\r\nBo,40,60\r\n", collect: .target)
  #expect(r.rows.map(\.target) == [70, 60])
  #expect(r.problems.isEmpty)
}
