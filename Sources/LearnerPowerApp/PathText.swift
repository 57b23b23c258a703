#if canImport(Glibc)
  import Glibc
#endif

/// Path arithmetic on plain strings, for code that imports only FoundationEssentials (which has no
/// `NSString` path methods). Each function gives the same answers as the `NSString` method it
/// names: repeated slashes count as one and a trailing slash is ignored.
///
/// ```swift
/// PathText.deletingLastComponent("/a/b/c.json")  // "/a/b"
/// PathText.lastComponent("/a/b/c.json")          // "c.json"
/// PathText.pathExtension("/a/b/c.json")          // "json"
/// PathText.expandingTilde("~/notes")             // "/home/ana/notes"
/// ```
public enum PathText {
  /// `path` with runs of slashes made single and a trailing slash removed (but "/" kept).
  static func fixingSlashes(_ path: String) -> String {
    var out = ""
    out.reserveCapacity(path.utf8.count)
    var previousWasSlash = false
    for ch in path {
      if ch == "/" {
        if previousWasSlash { continue }
        previousWasSlash = true
      } else {
        previousWasSlash = false
      }
      out.append(ch)
    }
    if out.count > 1, out.last == "/" { out.removeLast() }
    return out
  }

  /// Where the last component starts in a path already passed through ``fixingSlashes(_:)``.
  private static func startOfLastComponent(_ fixed: String) -> String.Index {
    fixed.lastIndex(of: "/").map(fixed.index(after:)) ?? fixed.startIndex
  }

  /// The folder part of `path`, as `NSString.deletingLastPathComponent`: "" for a bare name,
  /// "/" for a name in the root.
  public static func deletingLastComponent(_ path: String) -> String {
    let fixed = fixingSlashes(path)
    if fixed == "/" || fixed.isEmpty { return fixed }
    let start = startOfLastComponent(fixed)
    if start == fixed.startIndex { return "" }
    if start == fixed.index(after: fixed.startIndex) { return "/" }
    return String(fixed[..<fixed.index(before: start)])
  }

  /// The file name part of `path`, as `NSString.lastPathComponent` ("/" for the root).
  public static func lastComponent(_ path: String) -> String {
    let fixed = fixingSlashes(path)
    if fixed.count <= 1 { return fixed }
    return String(fixed[startOfLastComponent(fixed)...])
  }

  /// The extension of the last component without its dot, as `NSString.pathExtension`: "" when
  /// there is none, for a dot file (".profile") and for a name ending in a dot.
  public static func pathExtension(_ path: String) -> String {
    let fixed = fixingSlashes(path)
    if fixed.count <= 1 { return "" }
    let start = startOfLastComponent(fixed)
    guard let dot = fixed[start...].lastIndex(of: "."), dot != start,
      fixed.index(after: dot) != fixed.endIndex
    else { return "" }
    return String(fixed[fixed.index(after: dot)...])
  }

  /// `path` with a leading `~` or `~user` replaced by that home folder, as
  /// `NSString.expandingTildeInPath` (which also drops one trailing slash). Other paths are
  /// returned unchanged.
  public static func expandingTilde(_ path: String) -> String {
    guard path.first == "~" else { return path }
    let endOfUser = path.firstIndex(of: "/") ?? path.endIndex
    let user = String(path[path.index(after: path.startIndex)..<endOfUser])
    var result = path
    if let home = user.isEmpty ? homeDirectory() : homeDirectory(ofUser: user) {
      result.replaceSubrange(path.startIndex..<endOfUser, with: home)
    }
    if result.count > 1, result.last == "/" { result.removeLast() }
    return result
  }

  /// The user's home folder: `$HOME` when set, else the password database's entry.
  public static func homeDirectory() -> String? {
    if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty {
      return withoutTrailingSlashes(home)
    }
    guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
    return withoutTrailingSlashes(String(cString: dir))
  }

  private static func homeDirectory(ofUser user: String) -> String? {
    guard let entry = getpwnam(user), let dir = entry.pointee.pw_dir else { return nil }
    return withoutTrailingSlashes(String(cString: dir))
  }

  private static func withoutTrailingSlashes(_ path: String) -> String {
    var path = path
    while path.count > 1, path.last == "/" { path.removeLast() }
    return path
  }

  /// Whether something exists at `path` (following symbolic links) and is a folder: `nil` when
  /// nothing is there, as `FileManager.fileExists(atPath:isDirectory:)` returning false.
  public static func isFolder(_ path: String) -> Bool? {
    var info = stat()
    guard !path.isEmpty, stat(path, &info) == 0 else { return nil }
    return (info.st_mode & S_IFMT) == S_IFDIR
  }
}
