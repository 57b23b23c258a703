#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

#if canImport(Glibc)
  import Glibc
#endif

/// The append-only journal of a workshop session: `<id>.jsonl` in the sessions folder. Each
/// entry is one line, written with a single write(2) and fsynced before the call returns, so a
/// crash, `kill -9` or power cut loses at most the entry being written (a torn last line, which
/// replay ignores and the next open cuts off).
///
/// ```swift
/// let journal = try WorkshopJournal.create(in: paths.sessions, session: session)
/// try journal.append(.moved(to: 1, at: now))
/// ```
public final class WorkshopJournal {
  /// Where the journal lives.
  public let path: String
  private let fd: Int32
  /// Bytes of the file already replayed or read back (see ``appendedByOthers()``).
  private var processed: off_t = 0
  /// Lines this process appended that have not been read back yet, in order.
  private var ownLines: [Data] = []

  private init(path: String, fd: Int32) {
    self.path = path
    self.fd = fd
  }

  /// The file's size now, or nil when it cannot be told.
  private func size() -> off_t? {
    var info = stat()
    return fstat(fd, &info) == 0 ? info.st_size : nil
  }

  /// What another process appended since the last look.
  public struct Appended: Sendable {
    /// The entries, in file order.
    public var entries: [JournalEntry]
    /// True when one of them landed in the file before an entry of this process that was
    /// already applied: live state then differs in order from a replay, so the caller should
    /// rebuild the session from the file.
    public var outOfOrder: Bool
  }

  /// Entries another process appended since the last call (`workshop import` in a second
  /// terminal), so a running session shows them at once. Only whole lines are taken; this
  /// process's own lines are recognised and skipped; unreadable lines are skipped as in replay.
  public func appendedByOthers() -> Appended {
    let none = Appended(entries: [], outOfOrder: false)
    guard let end = size(), end > processed else { return none }
    let count = Int(end - processed)
    var buffer = [UInt8](repeating: 0, count: count)
    let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, processed) }
    guard got > 0 else { return none }
    let bytes = buffer.prefix(got)
    // A line still being written has no newline yet: leave it for the next call.
    guard let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) else { return none }
    processed += off_t(lastNewline + 1)
    var result = none
    var foreignSeen = false
    let decoder = JSONDecoder()
    for line in bytes[...lastNewline].split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    {
      let data = Data(line)
      if let mine = ownLines.firstIndex(of: data) {
        ownLines.remove(at: mine)
        if foreignSeen { result.outOfOrder = true }
        continue
      }
      if let entry = try? decoder.decode(JournalEntry.self, from: data), entry.type != .start {
        result.entries.append(entry)
        foreignSeen = true
      }
    }
    return result
  }

  /// Whether the file ends in the middle of a line (a writer that crashed mid-line).
  private func endsMidLine() -> Bool {
    guard let end = size(), end > 0 else { return false }
    var last: UInt8 = 0
    return pread(fd, &last, 1, end - 1) == 1 && last != UInt8(ascii: "\n")
  }

  deinit { close(fd) }

  /// Creates `<id>.jsonl` in `folder` (never replacing a file) and writes the start entry.
  public static func create(in folder: String, session: WorkshopSession) throws(FileStoreError)
    -> WorkshopJournal
  {
    try AtomicFile.makeFolder(folder)
    let path = folder + "/" + session.id + ".jsonl"
    // Read and write: a running session reads back what `workshop import` appends elsewhere.
    let fd = Glibc.open(path, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .posix(path, errno, doing: "creating the session journal") }
    let journal = WorkshopJournal(path: path, fd: fd)
    try journal.append(
      .start(
        session: session.id, script: session.script, source: session.source,
        at: session.startedAt))
    journal.processed = journal.size() ?? 0
    journal.ownLines = []
    let dfd = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      _ = fsync(dfd)
      close(dfd)
    }
    return journal
  }

  /// Opens an existing journal for appending after replaying it; a torn last line is cut off
  /// first so the next entry starts on a line of its own, unless `repairTail` is false (the
  /// session is running elsewhere, and its "torn" line may be one it is writing right now).
  public static func open(_ path: String, repairTail: Bool = true)
    -> Result<(WorkshopJournal, WorkshopSession.Replay), Diagnostic>
  {
    let text: String
    switch readText(path, limit: WorkshopSessionFiles.sizeLimit) {
    case .failure(let d): return .failure(d)
    case .success(let t): text = t
    }
    let replay: WorkshopSession.Replay
    switch WorkshopSession.replay(text, file: path) {
    case .failure(let d): return .failure(d)
    case .success(let r): replay = r
    }
    let fd = Glibc.open(path, O_RDWR | O_APPEND | O_CLOEXEC)
    guard fd >= 0 else {
      return .failure(
        Diagnostic(file: path, message: FileStoreError.posix(path, errno, doing: "opening").reason))
    }
    // Everything up to the last newline of what was read is in the replay; lines appended
    // since (by an import elsewhere) are read back by `appendedByOthers()`.
    let wholeLines =
      text.utf8.lastIndex(of: UInt8(ascii: "\n")).map {
        text.utf8.distance(from: text.utf8.startIndex, to: $0) + 1
      } ?? 0
    if repairTail, replay.tornTail {
      _ = ftruncate(fd, off_t(wholeLines))
      _ = fsync(fd)
    }
    let journal = WorkshopJournal(path: path, fd: fd)
    journal.processed = off_t(wholeLines)
    return .success((journal, replay))
  }

  /// Appends one entry as one line and fsyncs it.
  public func append(_ entry: JournalEntry) throws(FileStoreError) {
    var data: Data
    do {
      data = try entry.jsonLine()
    } catch {
      throw FileStoreError(path: path, reason: "could not encode a journal entry (\(error))")
    }
    ownLines.append(data)
    data.append(UInt8(ascii: "\n"))
    // A line another writer left unfinished (it crashed) would swallow this one: end it first,
    // so it is skipped on replay as one unreadable line and this entry stays whole.
    if endsMidLine() { data.insert(UInt8(ascii: "\n"), at: 0) }
    let failure = AtomicFile.writeAll(data, to: fd, path: path, doing: "writing the journal")
    if let failure {
      ownLines.removeLast()
      throw failure
    }
    if fsync(fd) != 0 { throw .posix(path, errno, doing: "flushing the journal to disk") }
  }
}

/// Finding and reading session journals.
public enum WorkshopSessionFiles {
  /// A SESSION argument as a journal path: an existing file path, else an id in `folder`, else
  /// (for nil) the most recently changed journal in `folder`.
  public static func resolve(_ name: String?, folder: String) -> Result<String, Diagnostic> {
    guard let name else {
      let files = journals(in: folder)
      guard let latest = files.max(by: { $0.modified < $1.modified }) else {
        return .failure(Diagnostic(file: folder, message: "no workshop sessions here yet"))
      }
      return .success(latest.path)
    }
    if PathText.isFolder(name) == false {
      return .success(name)
    }
    let id = name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
    let candidate = folder + "/" + id + ".jsonl"
    if !id.contains("/"), FileManager.default.fileExists(atPath: candidate) {
      return .success(candidate)
    }
    return .failure(
      Diagnostic(file: name, message: "no such session (neither a file nor an id in \(folder))"))
  }

  /// Journals in `folder` with their modification times.
  public static func journals(in folder: String) -> [(path: String, modified: Date)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".jsonl") }.map { name in
      let path = folder + "/" + name
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      return (path, (attributes?[.modificationDate] as? Date) ?? .distantPast)
    }
  }

  /// The largest journal read (a day-long session with a big room is a few megabytes).
  static let sizeLimit = 64 << 20

  /// Reads and replays a journal file.
  public static func load(_ path: String) -> Result<WorkshopSession.Replay, Diagnostic> {
    switch readText(path, limit: sizeLimit) {
    case .failure(let d): return .failure(d)
    case .success(let text): return WorkshopSession.replay(text, file: path)
    }
  }

  /// Reads and checks a script file, and the questions file it names (a relative path is
  /// taken from the script's folder, so a script and its questions travel together).
  public static func loadScript(_ path: String) -> Result<WorkshopScript, DiagnosticList> {
    switch readText(path) {
    case .failure(let d): return .failure(DiagnosticList([d]))
    case .success(let text):
      let folder = PathText.deletingLastComponent(path)
      return WorkshopScript.parse(text, file: path) { named in
        let resolved = named.hasPrefix("/") || folder.isEmpty ? named : folder + "/" + named
        switch readText(resolved) {
        case .failure(let d): return .failure(DiagnosticList([d]))
        case .success(let text): return AssessmentQuestions.parse(text, file: resolved)
        }
      }
    }
  }

  /// A new session id: local date and time plus a slug of the title, e.g.
  /// `2024-05-02-1430-where-are-we`; `-2`, `-3` on collision with an existing journal.
  public static func newID(title: String, at time: Double, folder: String) -> String {
    var t = time_t(time)
    var parts = tm()
    localtime_r(&t, &parts)
    func pad(_ n: Int32, _ w: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, w - s.count)) + s
    }
    let stamp =
      "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))-"
      + "\(pad(parts.tm_hour, 2))\(pad(parts.tm_min, 2))"
    let slug = slugify(title)
    let base = slug.isEmpty ? stamp : stamp + "-" + slug
    var id = base
    var n = 2
    while FileManager.default.fileExists(atPath: folder + "/" + id + ".jsonl") {
      id = "\(base)-\(n)"
      n += 1
    }
    return id
  }

  /// Lower-case ASCII letters and digits joined by dashes, at most 40 characters.
  static func slugify(_ text: String) -> String {
    var out = ""
    var dash = false
    for c in text.lowercased().unicodeScalars {
      if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
        if dash && !out.isEmpty { out += "-" }
        out.unicodeScalars.append(c)
        dash = false
      } else {
        dash = true
      }
      if out.count >= 40 { break }
    }
    return out
  }
}
