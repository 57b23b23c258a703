#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One participant's vote on a vote step.
public struct WorkshopVote: Hashable, Sendable, Codable {
  /// Unique within the session, so a removal names exactly one vote.
  public var id: Int
  /// Optional participant name.
  public var name: String?
  /// Where they think we are, for collect = current | both.
  public var current: Position?
  /// Where they want to be, for collect = target | both.
  public var target: Position?

  /// Votes imported from a CSV take ids from here up; votes typed in the session stay below.
  public static let importedIDBase = 1 << 40

  /// The first id for a batch of imported votes: above every imported id already in `session`,
  /// plus a random step so two imports run at the same moment do not start at the same id.
  ///
  /// ```swift
  /// WorkshopVote.firstImportedID(in: session) >= WorkshopVote.importedIDBase  // true
  /// ```
  public static func firstImportedID(in session: WorkshopSession) -> Int {
    let highest = session.votes.values.joined().map(\.id).filter { $0 >= importedIDBase }.max()
    return max(highest.map { $0 + 1 } ?? importedIDBase, importedIDBase)
      + Int.random(in: 0..<(1 << 30))
  }

  /// Creates a vote.
  public init(id: Int, name: String? = nil, current: Position? = nil, target: Position? = nil) {
    self.id = id
    self.name = name
    self.current = current
    self.target = target
  }
}

/// A note the facilitator typed during the session (`m`).
public struct WorkshopNote: Hashable, Sendable, Codable {
  /// Step index (0-based) the note was taken on.
  public var step: Int
  /// The note text, one line.
  public var text: String
  /// Seconds since 1970 when it was taken.
  public var at: Double

  /// Creates a note.
  public init(step: Int, text: String, at: Double) {
    self.step = step
    self.text = text
    self.at = at
  }
}

/// One journal line: a self-contained record of one change. The first entry of a journal is
/// `start` and embeds the script; replaying every entry rebuilds the session exactly.
///
/// ```swift
/// let entry = JournalEntry.moved(to: 2, at: 0)
/// String(decoding: try entry.jsonLine(), as: UTF8.self)  // {"at":0,"step":2,"type":"move"}
/// ```
public struct JournalEntry: Hashable, Sendable, Codable {
  /// What changed.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// The session began (embeds the script and the session id).
    case start
    /// The current step changed.
    case move
    /// A vote was added to a step.
    case vote
    /// A vote was removed from a step.
    case unvote
    /// A step's votes were revealed or hidden.
    case reveal
    /// A live note was taken.
    case note
    /// The agreed current/target changed.
    case agree
    /// Total time spent so far on a step.
    case time
  }

  /// What changed.
  public var type: Kind
  /// Seconds since 1970.
  public var at: Double
  /// Session id (start only).
  public var session: String?
  /// The script (start only).
  public var script: WorkshopScript?
  /// File the script came from (start only).
  public var source: String?
  /// The step concerned.
  public var step: Int?
  /// The vote added (vote), or the id removed (unvote, vote.id only).
  public var vote: WorkshopVote?
  /// Removed vote id (unvote).
  public var voteID: Int?
  /// Revealed (true) or hidden (false).
  public var shown: Bool?
  /// Note text.
  public var text: String?
  /// Agreed current (agree).
  public var current: Position?
  /// Agreed target (agree).
  public var target: Position?
  /// The learning area the agreed positions are for (agree); nil for the whole organisation.
  public var area: String?
  /// Total seconds spent on `step` (time).
  public var seconds: Double?

  /// Creates an entry; prefer the static constructors.
  public init(type: Kind, at: Double) {
    self.type = type
    self.at = at
  }

  /// The first entry of a journal.
  public static func start(session: String, script: WorkshopScript, source: String?, at: Double)
    -> JournalEntry
  {
    var e = JournalEntry(type: .start, at: at)
    e.session = session
    e.script = script
    e.source = source
    return e
  }

  /// The current step became `step`.
  public static func moved(to step: Int, at: Double) -> JournalEntry {
    var e = JournalEntry(type: .move, at: at)
    e.step = step
    return e
  }

  /// `vote` was added to `step`.
  public static func voted(_ vote: WorkshopVote, step: Int, at: Double) -> JournalEntry {
    var e = JournalEntry(type: .vote, at: at)
    e.step = step
    e.vote = vote
    return e
  }

  /// The vote with `id` was removed from `step`.
  public static func unvoted(id: Int, step: Int, at: Double) -> JournalEntry {
    var e = JournalEntry(type: .unvote, at: at)
    e.step = step
    e.voteID = id
    return e
  }

  /// The votes of `step` were revealed or hidden.
  public static func revealed(_ shown: Bool, step: Int, at: Double) -> JournalEntry {
    var e = JournalEntry(type: .reveal, at: at)
    e.step = step
    e.shown = shown
    return e
  }

  /// A live note on `step`.
  public static func noted(_ text: String, step: Int, at: Double) -> JournalEntry {
    var e = JournalEntry(type: .note, at: at)
    e.step = step
    e.text = text
    return e
  }

  /// The agreed positions of `area` (nil: the whole organisation) were set (nil positions:
  /// back to the room's result).
  public static func agreed(
    current: Position?, target: Position?, area: String? = nil, at: Double
  ) -> JournalEntry {
    var e = JournalEntry(type: .agree, at: at)
    e.current = current
    e.target = target
    e.area = area
    return e
  }

  /// `seconds` spent in total on `step` so far.
  public static func timed(step: Int, seconds: Double, at: Double) -> JournalEntry {
    var e = JournalEntry(type: .time, at: at)
    e.step = step
    e.seconds = seconds
    return e
  }

  /// The entry as one JSON line (sorted keys, no newline).
  public func jsonLine() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}

/// The facilitator's agreed current and target for one area.
public struct AgreedPair: Hashable, Sendable {
  /// Agreed current, or nil to take the room's result.
  public var current: Position?
  /// Agreed target, or nil to take the room's result.
  public var target: Position?

  /// Creates a pair.
  public init(current: Position?, target: Position?) {
    self.current = current
    self.target = target
  }
}

/// The state of a running workshop: script, current step, votes, reveals, notes, timers.
/// It changes only by applying journal entries, so replaying a journal equals the live state.
///
/// ```swift
/// var s = WorkshopSession(id: "x", script: script, startedAt: 0)
/// s.apply(.moved(to: 1, at: 5))
/// s.stepIndex  // 1
/// ```
public struct WorkshopSession: Hashable, Sendable {
  /// Session id (journal file name without `.jsonl`).
  public var id: String
  /// The script being run.
  public var script: WorkshopScript
  /// File the script came from, if known.
  public var source: String?
  /// When the session started (seconds since 1970).
  public var startedAt: Double
  /// Time of the latest entry.
  public var updatedAt: Double
  /// The current step (0-based, always a valid index).
  public var stepIndex: Int = 0 {
    didSet { visited.insert(stepIndex) }
  }
  /// Steps the session has been on (the agenda ticks these, not every step before the current
  /// one: `g` can jump ahead).
  public var visited: Set<Int> = [0]
  /// Votes per step index.
  public var votes: [Int: [WorkshopVote]] = [:]
  /// Steps whose votes are revealed.
  public var revealed: Set<Int> = []
  /// Live notes in the order taken.
  public var notes: [WorkshopNote] = []
  /// Agreed positions the facilitator set, per learning area ("" for the whole organisation);
  /// an area missing here takes the room's result.
  public var overrides: [String: AgreedPair] = [:]
  /// Seconds spent per step (as last journalled).
  public var seconds: [Int: Double] = [:]
  /// When each step's time was last journalled (seconds since 1970).
  public var timedAt: [Int: Double] = [:]
  /// When the current step was entered (its latest `move`, or the start).
  public var enteredAt: Double
  /// The id the next vote gets.
  public var nextVoteID = 1

  /// A fresh session at the first step.
  public init(id: String, script: WorkshopScript, source: String? = nil, startedAt: Double) {
    self.id = id
    self.script = script
    self.source = source
    self.startedAt = startedAt
    self.updatedAt = startedAt
    self.enteredAt = startedAt
  }

  /// Time on the current step at `now`, for a view that follows the journal from outside (the
  /// facilitator's notes): the last journalled total plus the time since it, or since the step
  /// was entered when that is later. A running session journals at least every ten seconds
  /// and on resume, so this never runs far from what the projected screen shows.
  ///
  /// ```swift
  /// // time entry: 40 s on step 2 at t = 100; now t = 103
  /// session.secondsOnCurrentStep(now: 103)  // 43
  /// ```
  public func secondsOnCurrentStep(now: Double) -> Double {
    let base = seconds[stepIndex] ?? 0
    let since = max(timedAt[stepIndex] ?? enteredAt, enteredAt)
    return base + max(0, now - since)
  }

  /// The current step, nil only for a script without steps.
  public var step: WorkshopStep? {
    script.steps.indices.contains(stepIndex) ? script.steps[stepIndex] : nil
  }

  /// Votes of `step`, in the order given.
  public func votes(of step: Int) -> [WorkshopVote] { votes[step] ?? [] }

  /// Statistics of the current (or target) values of the votes on `step`.
  public func statistics(of step: Int, target: Bool) -> VoteStatistics {
    VoteStatistics(votes(of: step).compactMap { target ? $0.target?.value : $0.current?.value })
  }

  /// Whether step `index` speaks for `area` (nil: the whole organisation).
  func step(_ index: Int, isIn area: String?) -> Bool {
    !script.steps.indices.contains(index) ? area == nil : script.steps[index].area == area
  }

  /// Every current (or target) value voted on the vote steps of `area` (nil: the steps that
  /// name no area); answers on assess steps are scored separately, by ``assessed(target:in:)``.
  public func allValues(target: Bool, in area: String? = nil) -> [Int] {
    votes.keys.sorted().filter { step in
      self.step(step, isIn: area)
        && (!script.steps.indices.contains(step) || script.steps[step].kind != .assess)
    }.flatMap { step in
      votes(of: step).compactMap { target ? $0.target?.value : $0.current?.value }
    }
  }

  /// The room's self-assessment result for today (or the target) in `area`: the median answer
  /// score of each assess question, then the mean of those medians (questions nobody answered,
  /// and "not sure" answers, left out), rounded half up; nil when no question was answered.
  ///
  /// ```swift
  /// // Q1 answered 2, 3, 3 (33, 67, 67) and Q2 answered 4 (100): (67 + 100) / 2 = 83.5 → 84
  /// session.assessed(target: false)  // 84
  /// ```
  public func assessed(target: Bool, in area: String? = nil) -> Position? {
    let medians = script.steps.indices.filter {
      script.steps[$0].kind == .assess && step($0, isIn: area)
    }.compactMap { statistics(of: $0, target: target).median }
    guard !medians.isEmpty else { return nil }
    let mean = medians.reduce(0, +) / Double(medians.count)
    return Position(clamping: Int((mean + 0.5).rounded(.down)))
  }

  /// Where an agreed position comes from.
  public enum AgreedSource: String, Hashable, Sendable {
    /// The facilitator set it on the summary step.
    case adjusted
    /// The room's self-assessment (assess steps).
    case assessment
    /// The median of the votes.
    case votes
    /// Nothing yet: no votes and no answers.
    case none

    /// In words, for the summary and reports.
    public var words: String {
      switch self {
      case .adjusted: "adjusted"
      case .assessment: "self-assessment"
      case .votes: "vote medians"
      case .none: "no votes yet"
      }
    }
  }

  /// The agreed current position of `area` (nil: the whole organisation): the facilitator's
  /// choice, else the room's self-assessment when assess questions were answered, else the
  /// median of every current vote, else nil.
  public func agreedCurrent(in area: String?) -> Position? {
    overrides[area ?? ""]?.current ?? assessed(target: false, in: area)
      ?? VoteStatistics(allValues(target: false, in: area)).medianPosition
  }

  /// The agreed target position of `area`, as ``agreedCurrent(in:)``.
  public func agreedTarget(in area: String?) -> Position? {
    overrides[area ?? ""]?.target ?? assessed(target: true, in: area)
      ?? VoteStatistics(allValues(target: true, in: area)).medianPosition
  }

  /// Where the agreed positions of `area` come from.
  public func agreedSource(in area: String?) -> AgreedSource {
    if overrides[area ?? ""] != nil { return .adjusted }
    if assessed(target: false, in: area) != nil || assessed(target: true, in: area) != nil {
      return .assessment
    }
    if agreedCurrent(in: area) != nil || agreedTarget(in: area) != nil { return .votes }
    return .none
  }

  /// The agreed current position of the whole organisation (steps that name no area).
  public var agreedCurrent: Position? { agreedCurrent(in: nil) }
  /// The agreed target position of the whole organisation.
  public var agreedTarget: Position? { agreedTarget(in: nil) }
  /// The facilitator's current for the whole organisation, if set.
  public var agreedCurrentOverride: Position? { overrides[""]?.current }
  /// The facilitator's target for the whole organisation, if set.
  public var agreedTargetOverride: Position? { overrides[""]?.target }

  /// Whether the summary and reports list learning areas (a row each) rather than the single
  /// agreed line of a script without areas.
  public var hasAreaResults: Bool { !script.areas.isEmpty }

  /// Whether any step names no area (so the whole organisation has a result of its own).
  var hasUnscopedVoting: Bool {
    script.areas.isEmpty || script.steps.contains { $0.kind.collectsVotes && $0.area == nil }
  }

  /// The rows the summary step and the reports list: the whole organisation (when the script
  /// has no areas, or some voting steps name none), then each of the script's areas in order.
  ///
  /// ```swift
  /// session.results.map(\.name)  // ["Compliance", "Onboarding", "Leadership"]
  /// ```
  public var results: [AreaResult] {
    var rows: [AreaResult] = []
    if hasUnscopedVoting { rows.append(result(in: nil)) }
    rows += script.areas.map { result(in: $0.name) }
    return rows
  }

  /// The agreed positions of one area (nil: the whole organisation).
  public func result(in area: String?) -> AreaResult {
    let pinned = area.flatMap { script.area(named: $0) }?.pinned ?? false
    let votes = votes.keys.filter { step($0, isIn: area) }.map { self.votes(of: $0).count }
      .reduce(0, +)
    return AreaResult(
      area: area, pinned: pinned, current: agreedCurrent(in: area), target: agreedTarget(in: area),
      source: agreedSource(in: area), votes: votes)
  }

  /// The agreed positions of one learning area (or of the whole organisation).
  public struct AreaResult: Hashable, Sendable {
    /// The area, or nil for the whole organisation.
    public var area: String?
    /// Held in place on purpose.
    public var pinned: Bool
    /// Agreed current, if any.
    public var current: Position?
    /// Agreed target, if any.
    public var target: Position?
    /// Where they come from.
    public var source: AgreedSource
    /// Votes and answers given on the area's steps.
    public var votes: Int

    /// The name to show: the area's, or "Whole organisation".
    public var name: String { area ?? LearningArea.defaultName }
  }

  /// Applies one journal entry; entries that do not fit (a step out of range) are ignored so a
  /// damaged journal never stops a resume.
  public mutating func apply(_ entry: JournalEntry) {
    updatedAt = max(updatedAt, entry.at)
    let steps = script.steps.indices
    switch entry.type {
    case .start:
      break
    case .move:
      if let s = entry.step, steps.contains(s) {
        stepIndex = s
        enteredAt = entry.at
      }
    case .vote:
      guard let s = entry.step, steps.contains(s), var vote = entry.vote else { return }
      vote.name = vote.name.map(TextSanitizer.cleanLine)
      votes[s, default: []].append(vote)
      // Imported votes take ids from their own range; the session's counter stays below it, so
      // a vote typed after an import never shares an id with one (`d` deletes by id).
      if vote.id < WorkshopVote.importedIDBase { nextVoteID = max(nextVoteID, vote.id + 1) }
    case .unvote:
      guard let s = entry.step, let id = entry.voteID else { return }
      votes[s]?.removeAll { $0.id == id }
      if votes[s]?.isEmpty == true { votes[s] = nil }
    case .reveal:
      guard let s = entry.step, steps.contains(s) else { return }
      if entry.shown == true { revealed.insert(s) } else { revealed.remove(s) }
    case .note:
      guard let s = entry.step, let text = entry.text else { return }
      notes.append(WorkshopNote(step: s, text: TextSanitizer.cleanLine(text), at: entry.at))
    case .agree:
      let key = entry.area.map(LearningArea.cleanName) ?? ""
      if entry.current == nil, entry.target == nil {
        overrides[key] = nil
      } else {
        overrides[key] = AgreedPair(current: entry.current, target: entry.target)
      }
    case .time:
      guard let s = entry.step, steps.contains(s), let t = entry.seconds, t.isFinite, t >= 0
      else { return }
      seconds[s] = t
      timedAt[s] = entry.at
    }
  }

  /// Rebuilds a session from journal text: the first line must be a `start` entry; a torn or
  /// unreadable last line is ignored; an unreadable line in the middle is counted in `skipped`.
  public static func replay(_ text: String, file: String) -> Result<Replay, Diagnostic> {
    let decoder = JSONDecoder()
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // A journal ends with a newline; anything after the last one is a line cut short.
    var torn = false
    if let last = lines.last {
      // Even a tail that happens to parse is dropped: the writer truncates it before appending.
      torn = !last.isEmpty
      lines.removeLast()
    }
    guard let first = lines.first, !first.isEmpty else {
      return .failure(Diagnostic(file: file, line: 1, message: "the journal is empty"))
    }
    guard let start = try? decoder.decode(JournalEntry.self, from: Data(first.utf8)),
      start.type == .start, let script = start.script, let id = start.session
    else {
      return .failure(
        Diagnostic(
          file: file, line: 1,
          message: "not a workshop journal: the first line must be the session start"))
    }
    var session = WorkshopSession(
      id: id, script: script.sanitized, source: start.source.map(TextSanitizer.cleanLine),
      startedAt: start.at)
    var skipped: [Int] = []
    for (offset, line) in lines.enumerated().dropFirst() {
      guard let entry = try? decoder.decode(JournalEntry.self, from: Data(line.utf8)) else {
        skipped.append(offset + 1)
        continue
      }
      session.apply(entry)
    }
    return .success(Replay(session: session, skippedLines: skipped, tornTail: torn))
  }

  /// The outcome of ``replay(_:file:)``.
  public struct Replay: Hashable, Sendable {
    /// The rebuilt session.
    public var session: WorkshopSession
    /// Line numbers (1-based) that could not be read, other than a torn last line.
    public var skippedLines: [Int]
    /// Whether the file ended without a newline (a write cut short).
    public var tornTail: Bool
  }
}
