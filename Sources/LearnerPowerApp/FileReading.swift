import Foundation
import LearnerPowerModel

/// Reads a whole file (a regular file or a pipe such as `<(command)`), refusing more than
/// `limit` bytes, with a message that names the file and the problem.
public func readFileData(_ path: String, limit: Int) -> Result<Data, Diagnostic> {
  var isDir: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
    return .failure(Diagnostic(file: path, message: "no such file"))
  }
  if isDir.boolValue { return .failure(Diagnostic(file: path, message: "is a folder, not a file")) }
  guard let handle = FileHandle(forReadingAtPath: path) else {
    return .failure(Diagnostic(file: path, message: "cannot be opened for reading"))
  }
  defer { try? handle.close() }
  // Reading one byte past the limit tells "too large" apart without reading a huge file whole.
  guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else {
    return .failure(Diagnostic(file: path, message: "cannot be read"))
  }
  if data.count > limit {
    return .failure(Diagnostic(file: path, message: "is too large (the limit is \(limit) bytes)"))
  }
  return .success(data)
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
