import Foundation
import Testing

@testable import LearnerPowerApp

/// The flock that tells `workshop notes` whether a session's screen is still open.
@Suite struct WorkshopRunningLockTests {
  @Test func theLockIsSeenWhileHeldAndGoneOnceReleased() throws {
    let path = NSTemporaryDirectory() + "lp-lock-\(UUID().uuidString).jsonl"
    try "{}\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(!WorkshopRunningLock.isHeld(on: path))
    var lock = WorkshopRunningLock(journalPath: path)
    #expect(lock != nil)
    #expect(WorkshopRunningLock.isHeld(on: path))
    // A second screen on the same journal cannot take it while the first has it.
    #expect(WorkshopRunningLock(journalPath: path) == nil)
    withExtendedLifetime(lock) {}
    lock = nil
    #expect(!WorkshopRunningLock.isHeld(on: path))
    // Checking never takes the lock itself.
    #expect(WorkshopRunningLock(journalPath: path) != nil)
  }

  @Test func aMissingJournalIsNotRunning() {
    #expect(!WorkshopRunningLock.isHeld(on: "/nonexistent/lp-\(UUID().uuidString).jsonl"))
    #expect(WorkshopRunningLock(journalPath: "/nonexistent/x.jsonl") == nil)
  }
}
