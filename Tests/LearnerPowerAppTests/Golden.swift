import Foundation
import Testing

/// Golden files in `Goldens/`: a test's text is compared with its file, or written to it when
/// `LEARNERPOWER_RECORD=1` (then review the diff before committing).
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Goldens")
  static let recording = ProcessInfo.processInfo.environment["LEARNERPOWER_RECORD"] == "1"

  /// Expects `text` to equal the golden file `name`, or records it.
  static func check(
    _ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let file = folder.appendingPathComponent(name)
    if recording {
      try text.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let golden = try String(contentsOf: file, encoding: .utf8)
    #expect(
      text == golden, "\(name) differs; re-record with LEARNERPOWER_RECORD=1 and review the diff",
      sourceLocation: sourceLocation)
  }
}
