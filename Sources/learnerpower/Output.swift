#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// Output that never traps. `FileHandle.write(_:)` ends the process with a fatal error when the
/// write fails (a full disk, `> /dev/full`, a closed pipe), so every command writes through here
/// and a failed write becomes a message and exit status 1.
enum Output {
  /// Writes all of `text` to a descriptor; false when the system refused.
  @discardableResult
  static func write(_ text: String, to fd: Int32) -> Bool {
    // Anything already in stdio's buffers (from `print`) must come first.
    fflush(nil)
    var ok = true
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        ok = false
        break
      }
      bytes = bytes.dropFirst(n)
    }
    return ok
  }

  /// Standard output; a failed write is reported once and ends the run with status 1.
  static func out(_ text: String) {
    if !write(text, to: 1) { failed(errno) }
  }

  /// Standard error (a failure there has nowhere to be reported).
  static func err(_ text: String) { write(text, to: 2) }

  /// Flushes `print` output at exit; a failure is reported and the exit status becomes 1.
  static func finish() {
    // fflush(NULL) flushes every stream and fails when any write fails.
    if fflush(nil) != 0 { failed(errno) }
  }

  private static func failed(_ code: Int32) {
    err("learnerpower: cannot write the output: \(String(cString: strerror(code)))\n")
    exit(1)
  }
}
