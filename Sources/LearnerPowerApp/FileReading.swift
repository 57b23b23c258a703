#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a whole file (a regular file or a pipe such as `<(command)`), refusing more than
/// `limit` bytes, with a message that names the file and the problem.
public func readFileData(_ path: String, limit: Int) -> Result<Data, Diagnostic> {
  guard let isDir = PathText.isFolder(path) else {
    return .failure(Diagnostic(file: path, message: "no such file"))
  }
  if isDir { return .failure(Diagnostic(file: path, message: "is a folder, not a file")) }
  let fd = open(path, O_RDONLY | O_CLOEXEC)
  guard fd >= 0 else {
    return .failure(Diagnostic(file: path, message: "cannot be opened for reading"))
  }
  defer { close(fd) }
  // Reading one byte past the limit tells "too large" apart without reading a huge file whole.
  guard let data = readUpTo(limit + 1, from: fd) else {
    return .failure(Diagnostic(file: path, message: "cannot be read"))
  }
  if data.count > limit {
    return .failure(Diagnostic(file: path, message: "is too large (the limit is \(limit) bytes)"))
  }
  return .success(data)
}

/// Reads from `fd` until end of file or `count` bytes (retrying EINTR); nil on a read error.
private func readUpTo(_ count: Int, from fd: Int32) -> Data? {
  var data = Data()
  var buffer = [UInt8](repeating: 0, count: 64 << 10)
  while data.count < count {
    let want = min(buffer.count, count - data.count)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
    if n < 0 {
      if errno == EINTR { continue }
      return nil
    }
    if n == 0 { break }
    data.append(contentsOf: buffer[..<n])
  }
  return data
}

/// Reads a UTF-8 text file with a message that names the file and the problem.
func readText(_ path: String, limit: Int = 4 << 20) -> Result<String, Diagnostic> {
  switch readFileData(path, limit: limit) {
  case .failure(let d): return .failure(d)
  case .success(let data):
    guard let text = String(data: data, encoding: .utf8) else {
      return .failure(Diagnostic(file: path, message: "is not UTF-8 text (is it a binary file?)"))
    }
    return .success(text)
  }
}

/// Reads a catalogue file.
public enum CatalogueFile {
  public static func load(_ path: String) -> Result<Catalogue, DiagnosticList> {
    switch readText(path) {
    case .failure(let d): return .failure(DiagnosticList([d]))
    case .success(let text): return Catalogue.parse(text, file: path)
    }
  }
}
