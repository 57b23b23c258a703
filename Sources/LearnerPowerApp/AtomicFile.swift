#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// Why a file could not be written or read, in words a user can act on.
public struct FileStoreError: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
  public var description: String { "\(path): \(reason)" }

  /// Builds the message from an errno value.
  static func posix(_ path: String, _ code: Int32, doing: String) -> FileStoreError {
    let reason: String
    switch code {
    case ENOSPC: reason = "the disk is full (\(doing))"
    case EDQUOT: reason = "the disk quota is used up (\(doing))"
    case EROFS: reason = "the file system is read-only (\(doing))"
    case EACCES, EPERM: reason = "permission denied (\(doing))"
    case ENOENT: reason = "the folder does not exist (\(doing))"
    case ENOTDIR: reason = "part of the path is not a folder (\(doing))"
    case EISDIR: reason = "it is a folder, not a file (\(doing))"
    case EEXIST: reason = "the file already exists"
    case ENAMETOOLONG: reason = "the name is too long"
    default: reason = "\(String(cString: strerror(code))) (\(doing))"
    }
    return FileStoreError(path: path, reason: reason)
  }
}

/// Writes files so that nothing the user made is ever half-written: a temporary file in the same
/// folder, every byte written, fsync, then rename (or link, when overwriting is not allowed) into
/// place, then fsync of the folder.
///
/// The low-level write is injectable so tests can make a write fail half-way (CI runs as root, so
/// permissions cannot be used to make writes fail).
///
/// ```swift
/// try AtomicFile().write(Data("hi".utf8), to: "/tmp/a.txt", overwrite: true)
/// ```
public struct AtomicFile: Sendable {
  /// Writes up to `count` bytes; returns the number written or -1 with `errno` set, like write(2).
  public typealias Writer = @Sendable (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int

  public var writer: Writer

  public init(writer: @escaping Writer = { fd, p, n in Glibc.write(fd, p, n) }) {
    self.writer = writer
  }

  /// Writes `data` to `path` atomically.
  ///
  /// - Parameter overwrite: when false and `path` exists, fails with "the file already exists" and
  ///   leaves the existing file untouched.
  public func write(_ data: Data, to path: String, overwrite: Bool) throws(FileStoreError) {
    // What is at the path decides how to write: a link is written through (the link stays), and a
    // device, FIFO or socket is written to directly: renaming over it would replace /dev/null
    // with a regular file.
    var path = path
    var info = stat()
    if lstat(path, &info) == 0 {
      if info.st_mode & S_IFMT == S_IFLNK, let target = Self.linkTarget(path) {
        path = target
        if lstat(path, &info) != 0 { info = stat() }
      }
      let kind = info.st_mode & S_IFMT
      if kind == S_IFCHR || kind == S_IFBLK || kind == S_IFIFO || kind == S_IFSOCK {
        guard overwrite else {
          throw FileStoreError(
            path: path, reason: "the file already exists (use --force to replace it)")
        }
        try writeThrough(data, to: path)
        return
      }
    }
    let folder = PathText.deletingLastComponent(path)
    let dir = folder.isEmpty ? "." : folder
    let base = PathText.lastComponent(path)
    guard !base.isEmpty else { throw FileStoreError(path: path, reason: "no file name given") }
    if PathText.isFolder(path) == true {
      throw FileStoreError(path: path, reason: "it is a folder, not a file")
    }
    if !overwrite, FileManager.default.fileExists(atPath: path) {
      throw FileStoreError(
        path: path, reason: "the file already exists (use --force to replace it)")
    }
    let tmp = "\(dir)/.\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .posix(path, errno, doing: "creating a temporary file in \(dir)") }
    var failure = Self.writeAll(data, to: fd, path: path, doing: "writing", writer: writer)
    if failure == nil, fsync(fd) != 0 { failure = .posix(path, errno, doing: "flushing to disk") }
    if close(fd) != 0, failure == nil { failure = .posix(path, errno, doing: "closing") }
    if let failure {
      unlink(tmp)
      throw failure
    }
    if overwrite {
      if rename(tmp, path) != 0 {
        let e = errno
        unlink(tmp)
        throw .posix(path, e, doing: "moving the new file into place")
      }
    } else {
      // link(2) refuses to replace an existing file, so a file that appeared since the check
      // above is still never clobbered.
      let rc = link(tmp, path)
      let e = errno
      unlink(tmp)
      if rc != 0 {
        throw e == EEXIST
          ? FileStoreError(
            path: path, reason: "the file already exists (use --force to replace it)")
          : .posix(path, e, doing: "moving the new file into place")
      }
    }
    let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      _ = fsync(dfd)
      close(dfd)
    }
  }

  /// Where the symbolic link at `path` points, made absolute against the link's folder.
  static func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink(path, &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if target.hasPrefix("/") { return target }
    let folder = PathText.deletingLastComponent(path)
    return folder.isEmpty ? target : folder + "/" + target
  }

  /// Writes `data` straight into a device, FIFO or socket that is already there.
  private func writeThrough(_ data: Data, to path: String) throws(FileStoreError) {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .posix(path, errno, doing: "opening") }
    var failure = Self.writeAll(data, to: fd, path: path, doing: "writing", writer: writer)
    if close(fd) != 0, failure == nil { failure = .posix(path, errno, doing: "closing") }
    if let failure { throw failure }
  }

  /// Writes every byte of `data` to `fd` (retrying short writes and EINTR); the error, if any,
  /// names `path` and what was being done. Shared by atomic writes and the workshop journal.
  static func writeAll(
    _ data: Data, to fd: Int32, path: String, doing: String,
    writer: Writer = { fd, p, n in Glibc.write(fd, p, n) }
  ) -> FileStoreError? {
    data.withUnsafeBytes { raw -> FileStoreError? in
      guard let base = raw.baseAddress else { return nil }
      var done = 0
      while done < raw.count {
        let n = writer(fd, base + done, raw.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          return .posix(path, errno, doing: doing)
        }
        // A write that makes no progress would loop for ever; report it as a full disk.
        if n == 0 { return .posix(path, ENOSPC, doing: doing) }
        done += n
      }
      return nil
    }
  }

  /// Creates a folder and its parents, with a clear message when that is impossible.
  public static func makeFolder(_ path: String) throws(FileStoreError) {
    if let isDir = PathText.isFolder(path) {
      if isDir { return }
      throw FileStoreError(path: path, reason: "exists but is not a folder")
    }
    let code = makeFolders(path)
    if code != 0 { throw .posix(path, code, doing: "creating the folder") }
  }

  /// `mkdir -p`: creates `path` and any missing parents; 0 or the errno that stopped it.
  private static func makeFolders(_ path: String) -> Int32 {
    if mkdir(path, 0o777) == 0 { return 0 }
    var code = errno
    if code == ENOENT {
      let parent = PathText.deletingLastComponent(path)
      guard !parent.isEmpty, parent != path else { return code }
      let parentCode = makeFolders(parent)
      if parentCode != 0 { return parentCode }
      if mkdir(path, 0o777) == 0 { return 0 }
      code = errno
    }
    // Made meanwhile by someone else is as good as made here; a file in the way is not.
    if code == EEXIST { return PathText.isFolder(path) == true ? 0 : ENOTDIR }
    return code
  }
}
