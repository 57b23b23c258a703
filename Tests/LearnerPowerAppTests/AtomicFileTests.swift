import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

@Suite struct AtomicFileTests {
  func tempDir() -> String {
    let d = NSTemporaryDirectory() + "lp-atomic-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
  }

  @Test func writesAndReplacesWhenAllowed() throws {
    let d = tempDir()
    let f = d + "/a.txt"
    try AtomicFile().write(Data("one".utf8), to: f, overwrite: false)
    try AtomicFile().write(Data("two".utf8), to: f, overwrite: true)
    #expect(try String(contentsOfFile: f, encoding: .utf8) == "two")
  }

  @Test func neverClobbersWithoutPermission() throws {
    let d = tempDir()
    let f = d + "/a.txt"
    try AtomicFile().write(Data("one".utf8), to: f, overwrite: false)
    #expect(throws: FileStoreError.self) {
      try AtomicFile().write(Data("two".utf8), to: f, overwrite: false)
    }
    #expect(try String(contentsOfFile: f, encoding: .utf8) == "one")
  }

  func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  @Test func aDeviceIsWrittenToNeverReplaced() throws {
    // Renaming a temporary file over /dev/null would turn it into a regular file.
    try AtomicFile().write(Data("x".utf8), to: "/dev/null", overwrite: true)
    #expect(kind("/dev/null") == S_IFCHR)
    #expect(throws: FileStoreError.self) {
      try AtomicFile().write(Data("x".utf8), to: "/dev/null", overwrite: false)
    }
    if FileManager.default.fileExists(atPath: "/dev/full") {
      do {
        try AtomicFile().write(Data("x".utf8), to: "/dev/full", overwrite: true)
        Issue.record("writing to /dev/full should fail")
      } catch {
        #expect(error.reason.hasPrefix("the disk is full"))
      }
      #expect(kind("/dev/full") == S_IFCHR)
    }
  }

  @Test func aLinkIsWrittenThroughAndStaysALink() throws {
    let d = tempDir()
    try AtomicFile().write(Data("one".utf8), to: d + "/real.json", overwrite: false)
    #expect(symlink("real.json", d + "/link.json") == 0)
    try AtomicFile().write(Data("two".utf8), to: d + "/link.json", overwrite: true)
    #expect(kind(d + "/link.json") == S_IFLNK)
    #expect(try String(contentsOfFile: d + "/real.json", encoding: .utf8) == "two")
  }

  @Test func aWriteFailingHalfWayLeavesTheOldFileAndNoTemporaryFile() throws {
    let d = tempDir()
    let f = d + "/state.toml"
    try AtomicFile().write(Data("old contents".utf8), to: f, overwrite: true)
    // Writes 4 bytes, then reports a full disk, as a real ENOSPC would.
    let failing = AtomicFile { fd, p, n in
      let wrote = write(fd, p, min(n, 4))
      if wrote > 0, n > 4 { return wrote }
      errno = ENOSPC
      return -1
    }
    var message = ""
    do {
      try failing.write(Data(String(repeating: "x", count: 100).utf8), to: f, overwrite: true)
    } catch {
      message = error.description
    }
    #expect(message.contains("disk is full"))
    #expect(message.contains(f))
    #expect(try String(contentsOfFile: f, encoding: .utf8) == "old contents")
    #expect(try FileManager.default.contentsOfDirectory(atPath: d) == ["state.toml"])
  }

  @Test func aMissingFolderIsNamedInTheMessage() {
    do {
      try AtomicFile().write(Data("x".utf8), to: "/nonexistent-lp-folder/x.json", overwrite: false)
      Issue.record("expected a failure")
    } catch {
      #expect(error.description.contains("/nonexistent-lp-folder/x.json"))
      #expect(error.description.contains("does not exist"))
    }
  }
}

@Suite struct StateStoreTests {
  func paths() -> AppPaths {
    let d = NSTemporaryDirectory() + "lp-state-\(UUID().uuidString)"
    return AppPaths(environment: [
      "HOME": d, "XDG_STATE_HOME": d + "/s", "XDG_CONFIG_HOME": d + "/c", "XDG_DATA_HOME": d + "/d",
    ])
  }

  @Test func stateRoundTrips() throws {
    let store = StateStore(paths: paths())
    var s = AppState(current: 12, target: 88)
    s.active = .target
    s.selection = 2
    try store.saveState(s)
    try store.saveTheme("light")
    let (loaded, warning) = store.load()
    #expect(warning == nil)
    #expect(
      loaded
        == RememberedState(
          current: 12, target: 88, active: .target, selection: 2, theme: "light",
          areas: [LearningArea(name: "Whole organisation", current: 12, target: 88)], activeArea: 0)
    )
  }

  @Test func aDamagedStateFileIsIgnoredWithAWarning() throws {
    let p = paths()
    try FileManager.default.createDirectory(atPath: p.state, withIntermediateDirectories: true)
    try "current = [".write(toFile: p.stateFile, atomically: true, encoding: .utf8)
    let (loaded, warning) = StateStore(paths: p).load()
    #expect(loaded == RememberedState())
    #expect(warning?.contains(p.stateFile) == true)
  }

  @Test func outOfRangeRememberedPositionsAreDropped() throws {
    let p = paths()
    try FileManager.default.createDirectory(atPath: p.state, withIntermediateDirectories: true)
    try "current = 400\ntarget = 20\n".write(toFile: p.stateFile, atomically: true, encoding: .utf8)
    let (loaded, _) = StateStore(paths: p).load()
    #expect(loaded.current == nil)
    #expect(loaded.target == 20)
  }

  @Test func xdgFoldersFollowTheEnvironment() {
    let p = AppPaths(environment: ["HOME": "/home/ana", "XDG_DATA_HOME": "relative/ignored"])
    #expect(p.snapshots == "/home/ana/.local/share/learnerpower/snapshots")
    #expect(p.stateFile == "/home/ana/.local/state/learnerpower/state.toml")
    #expect(p.configFile == "/home/ana/.config/learnerpower/config.toml")
  }
}
