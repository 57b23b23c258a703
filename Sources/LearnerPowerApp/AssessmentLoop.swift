import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the questionnaire on a terminal until the user leaves or applies the result: the same
/// synchronous `poll(2)` loop as the explorer (drain every pending key, then render once).
/// Used on its own by `learnerpower assess` and nested inside the explorer for `a`.
public final class AssessmentLoop {
  /// How a run ended.
  public enum Ending: Sendable, Hashable {
    /// The questionnaire's own outcome (apply or leave).
    case finished(AssessmentOutcome)
    /// A signal asked the program to end (128 + signal number, as shells expect).
    case signalled(Int32)
  }

  /// The questionnaire's state; readable after the run (tests, the standalone command).
  public private(set) var session: AssessmentSession
  let terminal: any InteractiveTerminal
  let theme: Theme
  let ascii: Bool
  var previous: CellGrid?

  /// A loop over `terminal`; `previous` is the frame already on screen, if any, so only what
  /// changes gets painted.
  public init(
    session: AssessmentSession, terminal: any InteractiveTerminal, theme: Theme, ascii: Bool,
    previous: CellGrid? = nil
  ) {
    self.session = session
    self.terminal = terminal
    self.theme = theme
    self.ascii = ascii
    self.previous = previous
  }

  /// The last frame painted, so a caller can paint only what differs from it.
  public var lastFrame: CellGrid? { previous }

  /// Runs until the questionnaire ends.
  public func run() -> Ending {
    paint()
    var fds = terminal.pollDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    while true {
      for i in fds.indices { fds[i].revents = 0 }
      let rc = poll(&fds, nfds_t(fds.count), -1)
      if rc < 0 && errno != EINTR { return .finished(.leave) }
      if let ending = process(terminal.drainEvents()) { return ending }
    }
  }

  /// Reduces a batch of events, then paints once; returns the ending when one came.
  public func process(_ events: [InputEvent]) -> Ending? {
    for event in events {
      switch event {
      case .key(let key):
        guard let action = session.action(for: key) else { continue }
        if let outcome = reduceAssessment(&session, action) { return .finished(outcome) }
      case .mouse, .resize:
        continue
      case .signal(let s):
        switch s {
        case .interrupt: return .signalled(130)
        case .terminate: return .signalled(143)
        case .hangup: return .signalled(129)
        case .stop: terminal.suspend()
        case .resumed: previous = nil
        }
      }
    }
    paint()
    return nil
  }

  func paint() {
    let grid = AssessmentScreen.render(session, theme: theme, size: terminal.size, ascii: ascii)
    let changes = grid.changes(since: previous)
    if !changes.isEmpty || previous == nil { terminal.paint(changes, cursor: nil) }
    previous = grid
  }
}

extension ExplorerLoop {
  /// `a`: runs the questionnaire over the explorer; `m` on the result moves both markers (through
  /// the reducer). Returns true when a signal ended the program meanwhile.
  func runAssessmentFromExplorer() -> Bool {
    var session = AssessmentSession(questions: questions)
    // With several areas the result names the one `m` sets (the active one).
    if state.areas.count > 1 { session.areaName = state.area.name }
    let loop = AssessmentLoop(
      session: session, terminal: terminal, theme: theme.theme, ascii: state.ascii,
      previous: previous)
    let ending = loop.run()
    previous = loop.lastFrame
    switch ending {
    case .signalled(let code):
      signalExit = code
      reduce(&state, .requestedQuit)
      _ = perform(.saveState)
      return true
    case .finished(.quit):
      return reduce(&state, .requestedQuit).map(perform).contains(true)
    case .finished(.leave):
      reduce(&state, .noticed("Self-assessment closed; the markers are unchanged"))
    case .finished(.apply(let current, let target)):
      applyAssessment(current: current, target: target)
      let set = loop.session.questions
      state.assessment = (
        state.area.name,
        Snapshot.AssessmentRecord(
          questions: .init(name: set.name, version: set.version), answers: loop.session.answers)
      )
    }
    return false
  }

  /// Places both markers with the reducer's own actions, leaving the current marker active.
  private func applyAssessment(current: Position, target: Position) {
    reduce(&state, .closedOverlay)
    if state.active != .current { reduce(&state, .switchedMarker) }
    reduce(&state, .placedMarker(at: current))
    reduce(&state, .switchedMarker)
    reduce(&state, .placedMarker(at: target))
    reduce(&state, .switchedMarker)
    reduce(
      &state,
      .noticed("From the self-assessment: current \(current.value), target \(target.value)"))
  }
}
