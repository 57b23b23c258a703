import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The save and open dialogs in the real binary, driven by keys in a private tmux server.
@Suite(.serialized) struct SnapshotTmuxTests {
  typealias LP = LearnerPowerBinary

  @Test(.enabled(if: tmuxAvailable)) func saveWithSThenRestoreWithO() throws {
    let home = LP.tempHome()
    let env = LP.terminalEnvironment(home: home)
    let s = try TmuxSession(command: [LP.path, "--current", "38", "--target", "70"], env: env)
    s.waitFor(text: "Current 38 · Guided")
    try s.send("s")
    s.waitFor(text: "Save snapshot")
    try s.sendLiteral("Q3 réview")
    s.waitFor(text: "q3-review.json")
    try s.send("Tab")
    try s.sendLiteral("go slowly")
    try s.send("Enter")
    s.waitFor(text: "Saved snapshot:")
    let folder = home + "/data/learnerpower/snapshots"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    #expect(names.count == 1)
    let file = folder + "/" + (names.first ?? "")
    #expect(names.first?.hasSuffix("-q3-review.json") == true)
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    #expect(text.contains("\"title\" : \"Q3 réview\""))
    #expect(text.contains("\"note\" : \"go slowly\""))

    // Move the current marker away, then restore it from the list.
    try s.send("1")
    s.waitFor(text: "Current 12 · Directed")
    try s.send("o")
    s.waitFor(text: "Open snapshot (1 saved)")
    try s.send("Enter")
    s.waitFor(text: "Restored \"Q3 réview\"")
    s.waitFor(text: "Current 38 · Guided")
    try s.send("q")
    s.waitFor(text: "EXIT=0")
  }

  @Test(.enabled(if: tmuxAvailable)) func aFolderIsReportedAndTheReplaceQuestionSwallowsNoKey()
    throws
  {
    let home = LP.tempHome()
    let env = LP.terminalEnvironment(home: home)
    let s = try TmuxSession(command: [LP.path, "--current", "38", "--target", "70"], env: env)
    s.waitFor(text: "Current 38 · Guided")
    try s.send("s")
    s.waitFor(text: "Save snapshot")
    // A short folder of its own, so the message's first line is whole on screen.
    let dir = "/tmp/lp-" + UUID().uuidString.prefix(6)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try s.send("BTab", "C-u")
    try s.sendLiteral(dir)
    try s.send("Enter")
    // At once, not after a replace question that then refuses.
    let folder = s.waitFor(text: "\(dir) is a folder: add a file name, e.g.")
    #expect(folder.contains("\(dir)/report.json"))
    #expect(!folder.contains("Replace it?"))
    try s.sendLiteral("/mine.json")
    try s.send("Enter")
    s.waitFor(text: "Saved snapshot: \(dir)/mine.json")
    #expect(FileManager.default.fileExists(atPath: dir + "/mine.json"))

    // The same file again: the question. C-u answers it (keep) and clears the field, and the
    // new path typed after it arrives whole.
    try s.send("s")
    s.waitFor(text: "Save snapshot")
    try s.send("BTab", "C-u")
    try s.sendLiteral(dir + "/mine.json")
    try s.send("Enter")
    s.waitFor(text: "\(dir)/mine.json already exists. Replace it?")
    try s.send("C-u")
    try s.sendLiteral(dir + "/other.json")
    try s.send("Enter")
    s.waitFor(text: "Saved snapshot: \(dir)/other.json")
    try s.send("q")
    s.waitFor(text: "EXIT=0")
  }
}
