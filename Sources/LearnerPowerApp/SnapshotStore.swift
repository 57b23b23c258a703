// The standard library's canonical decomposition (NFD), which Foundation's
// `decomposedStringWithCanonicalMapping` is built on; FoundationEssentials does not offer it.
@_spi(_Unicode) import Swift

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

/// One entry of the snapshots folder, as the `o` list shows it.
public struct SnapshotListing: Sendable, Hashable {
  /// The file's full path.
  public var path: String
  /// The file name alone.
  public var fileName: String
  /// What was read: title, date and positions; nil when the file could not be read.
  public var summary: Summary?
  /// Why the file could not be read (names the file and the problem); nil when it was read.
  public var problem: String?

  /// The parts of a snapshot the list needs.
  public struct Summary: Sendable, Hashable {
    public var title: String
    public var created: SnapshotTimestamp
    public var current: Position
    public var target: Position
    /// The learning area the positions belong to (version 2 snapshots), or nil.
    public var area: String?
    /// Every learning area the snapshot holds (version 2), empty for version 1.
    public var areas: [LearningArea]

    public init(
      title: String, created: SnapshotTimestamp, current: Position, target: Position,
      area: String? = nil,
      areas: [LearningArea] = []
    ) {
      self.title = title
      self.created = created
      self.current = current
      self.target = target
      self.area = area
      self.areas = areas
    }
  }

  public init(path: String, fileName: String, summary: Summary?, problem: String?) {
    self.path = path
    self.fileName = fileName
    self.summary = summary
    self.problem = problem
  }
}

/// Names, writes, lists and reads snapshot files in the snapshots folder (or anywhere).
///
/// Writes go through ``AtomicFile``: a temporary file in the same folder, fsync, rename, and
/// never over an existing file unless asked.
///
/// ```swift
/// let store = SnapshotStore(folder: paths.snapshots)
/// let path = store.proposedPath(title: "Q3 review", created: now)
/// // ".../snapshots/2024-05-01-0930-q3-review.json" (or …-2.json when that exists)
/// try store.write(snapshot, format: .json, to: path, overwrite: false)
/// ```
public struct SnapshotStore: Sendable {
  /// The folder snapshots are saved in and listed from.
  public var folder: String
  /// The atomic writer (injectable, so tests can fail a write half-way).
  public var files: AtomicFile

  public init(folder: String, files: AtomicFile = AtomicFile()) {
    self.folder = folder
    self.files = files
  }

  // MARK: - Names

  /// A file-name-safe form of a title: lower-case ASCII letters and digits joined by `-`, at
  /// most 48 characters; accents are dropped (`Équipe` → `equipe`), and a title with nothing
  /// usable becomes `snapshot`.
  ///
  /// ```swift
  /// SnapshotStore.slug("Q3 review: Ana & Bo!")  // "q3-review-ana-bo"
  /// ```
  public static func slug(_ title: String) -> String {
    var out = ""
    var pendingDash = false
    // Canonical decomposition splits "é" into "e" plus an accent, which is then dropped.
    for scalar in title._nfd {
      let v = scalar.value
      let isDigit = (0x30...0x39).contains(v)
      let isLetter = (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
      if isDigit || isLetter {
        if pendingDash, !out.isEmpty { out.append("-") }
        pendingDash = false
        out.unicodeScalars.append(
          isLetter && v < 0x61 ? Unicode.Scalar(v + 0x20) ?? scalar : scalar)
      } else if scalar.properties.generalCategory != .nonspacingMark {
        pendingDash = true
      }
      if out.count >= 48 { break }
    }
    out = String(out.prefix(48))
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "snapshot" : out
  }

  /// `YYYY-MM-DD-HHMM-<slug>.<ext>`.
  public static func fileName(
    title: String, created: SnapshotTimestamp, format: SnapshotFormat = .json
  )
    -> String
  {
    "\(created.fileStamp)-\(slug(title)).\(format.fileExtension)"
  }

  /// The first free name for `base` among `existing`: `base`, then `base-2`, `base-3`, …
  ///
  /// ```swift
  /// SnapshotStore.firstFree("a.json", existing: ["a.json", "a-2.json"])  // "a-3.json"
  /// ```
  public static func firstFree(_ base: String, existing: Set<String>) -> String {
    guard existing.contains(base) else { return base }
    let ext = PathText.pathExtension(base)
    let stem = ext.isEmpty ? base : String(base.dropLast(ext.count + 1))
    var n = 2
    while true {
      let candidate = ext.isEmpty ? "\(stem)-\(n)" : "\(stem)-\(n).\(ext)"
      if !existing.contains(candidate) { return candidate }
      n += 1
    }
  }

  /// The names already in the folder (empty when it does not exist yet).
  public func existingNames() -> Set<String> {
    Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
  }

  /// The full path a new snapshot would be saved at, avoiding every existing file.
  public func proposedPath(
    title: String, created: SnapshotTimestamp, format: SnapshotFormat = .json
  ) -> String {
    let name = Self.firstFree(
      Self.fileName(title: title, created: created, format: format), existing: existingNames())
    return folder + "/" + name
  }

  // MARK: - Writing

  /// Writes `snapshot` in `format` to `path` atomically.
  ///
  /// - Parameter overwrite: false refuses to replace an existing file ("the file already
  ///   exists"), leaving it untouched.
  /// - Parameter createFolder: true creates a missing folder (the snapshots folder the app
  ///   chose); false refuses, naming the folder, so a mistyped `-o some/dir/file.json` never
  ///   leaves new folders behind.
  ///
  /// ```swift
  /// try store.write(s, format: .json, to: "/no/such/dir/a.json", overwrite: false, createFolder: false)
  /// // throws "/no/such/dir: the folder does not exist (create it first, or write elsewhere)"
  /// ```
  public func write(
    _ snapshot: Snapshot, format: SnapshotFormat, to path: String, overwrite: Bool,
    catalogue: Catalogue = .builtIn, createFolder: Bool = true
  ) throws(FileStoreError) {
    let data: Data
    do {
      data = try SnapshotFormatter.data(snapshot, format: format, catalogue: catalogue)
    } catch {
      throw FileStoreError(path: path, reason: "could not encode the snapshot (\(error))")
    }
    let parent = PathText.deletingLastComponent(path)
    if createFolder {
      if !parent.isEmpty { try AtomicFile.makeFolder(parent) }
    } else if !parent.isEmpty {
      try Self.checkFolder(parent)
    }
    try files.write(data, to: path, overwrite: overwrite)
  }

  /// Fails unless `folder` exists and is a folder; the error names it.
  static func checkFolder(_ folder: String) throws(FileStoreError) {
    guard let isDir = PathText.isFolder(folder) else {
      throw FileStoreError(
        path: folder, reason: "the folder does not exist (create it first, or write elsewhere)")
    }
    guard isDir else {
      throw FileStoreError(path: folder, reason: "is a file, not a folder")
    }
  }

  // MARK: - Reading

  /// Reads a snapshot file; the error names the file and the problem.
  public static func read(_ path: String) -> Result<Snapshot, Diagnostic> {
    guard let isDir = PathText.isFolder(path) else {
      return .failure(Diagnostic(file: path, message: "no such file"))
    }
    if isDir {
      return .failure(Diagnostic(file: path, message: "is a folder, not a snapshot file"))
    }
    // Refuse huge files before reading them whole.
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
      size > SnapshotCodec.sizeLimit
    {
      return .failure(
        Diagnostic(
          file: path,
          message:
            "too large for a snapshot (\(size) bytes; the limit is \(SnapshotCodec.sizeLimit))"
        ))
    }
    switch readFileData(path, limit: SnapshotCodec.sizeLimit) {
    case .failure(let d): return .failure(d)
    case .success(let data): return SnapshotCodec.decode(data, file: path)
    }
  }

  /// Every `.json` file in the folder, newest snapshot first (unreadable files last, by name).
  public func list() -> [SnapshotListing] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
    let entries = names.map { name -> SnapshotListing in
      let path = folder + "/" + name
      switch Self.read(path) {
      case .success(let s):
        return SnapshotListing(
          path: path, fileName: name,
          summary: .init(
            title: s.title, created: s.created, current: s.current.position,
            target: s.target.position, area: s.area, areas: s.areas ?? []),
          problem: nil)
      case .failure(let d):
        return SnapshotListing(path: path, fileName: name, summary: nil, problem: d.description)
      }
    }
    return entries.sorted { a, b in
      switch (a.summary, b.summary) {
      case (let x?, let y?):
        return x.created != y.created ? x.created > y.created : a.fileName > b.fileName
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a.fileName < b.fileName
      }
    }
  }
}
