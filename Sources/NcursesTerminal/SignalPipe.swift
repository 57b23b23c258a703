import CTerminalGuard

/// The signals the guard's handler has written into its self-pipe since the last look: one
/// reader for the full screen and the notes view's keyboard, so both see the same signals the
/// same way.
enum SignalPipe {
  /// One signal from the pipe.
  enum Pending: Equatable {
    case windowChanged, terminate, hangup, interrupt, stop, continued
  }

  /// Every signal waiting in the pipe, in the order they came; never blocks.
  static func drain() -> [Pending] {
    var pending: [Pending] = []
    var buffer = [UInt8](repeating: 0, count: 64)
    while true {
      let n = buffer.withUnsafeMutableBufferPointer {
        lp_signals_read($0.baseAddress, Int32($0.count))
      }
      guard n > 0 else { break }
      for code in buffer.prefix(Int(n)) {
        switch Int(code) {
        case Int(LP_SIGNAL_WINCH): pending.append(.windowChanged)
        case Int(LP_SIGNAL_TERM): pending.append(.terminate)
        case Int(LP_SIGNAL_HUP): pending.append(.hangup)
        case Int(LP_SIGNAL_INT): pending.append(.interrupt)
        case Int(LP_SIGNAL_TSTP): pending.append(.stop)
        case Int(LP_SIGNAL_CONT): pending.append(.continued)
        default: break
        }
      }
    }
    return pending
  }
}
