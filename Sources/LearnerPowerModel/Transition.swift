/// The plan for moving from a current position to a target: what to introduce, keep and phase
/// down, and whether the jump is large enough to need scaffolding.
///
/// Lists are in catalogue order (by stage, then id). Pinned approaches (compliance) are always
/// kept and never introduced or phased down.
///
/// ```swift
/// let plan = Transition(from: 38, to: 70, catalogue: .builtIn)
/// plan.introduce.map(\.id)  // Enabled approaches such as "E2", "E3"
/// plan.phaseDown.map(\.id)  // Guided approaches such as "G1", "G2"
/// plan.keep.map(\.id)       // ["D1"]
/// plan.isLargeJump          // false: 32 points, adjacent stages
/// ```
public struct Transition: Hashable, Sendable {
  /// Which way the target lies.
  public enum Direction: String, Sendable, Codable, Hashable {
    /// The target gives learners more control.
    case towardsLearner
    /// The target gives the organisation more control.
    case towardsOrganisation
    /// Target and current are the same.
    case none
  }

  /// Where the organisation is.
  public let current: Position
  /// Where it wants to be.
  public let target: Position
  /// Fit at the target but not at the current position (never pinned ones).
  public let introduce: [Approach]
  /// Fit at both, plus every pinned approach.
  public let keep: [Approach]
  /// Fit at the current position only (never pinned ones).
  public let phaseDown: [Approach]

  /// Works out the plan between two positions over `catalogue`.
  public init(from current: Position, to target: Position, catalogue: Catalogue) {
    self.current = current
    self.target = target
    let ordered = catalogue.approaches.sorted(by: Approach.catalogueOrder)
    introduce = ordered.filter { !$0.pinned && $0.fits(target) && !$0.fits(current) }
    keep = ordered.filter { $0.pinned || ($0.fits(target) && $0.fits(current)) }
    phaseDown = ordered.filter { !$0.pinned && $0.fits(current) && !$0.fits(target) }
  }

  /// Points between the two positions.
  public var distance: Int { abs(target.value - current.value) }

  /// Which way the target lies.
  public var direction: Direction {
    target > current ? .towardsLearner : target < current ? .towardsOrganisation : .none
  }

  /// How many stage boundaries the move crosses (0 within a stage).
  public var stagesCrossed: Int { abs(target.stage.rawValue - current.stage.rawValue) }

  /// The move jumps over at least one whole stage.
  public var skipsStage: Bool { stagesCrossed >= 2 }

  /// More than 40 points, or a skipped stage.
  ///
  /// ```swift
  /// Transition(from: 30, to: 70, catalogue: .builtIn).isLargeJump  // false
  /// Transition(from: 30, to: 71, catalogue: .builtIn).isLargeJump  // true (41 points)
  /// Transition(from: 20, to: 55, catalogue: .builtIn).isLargeJump  // true (skips Guided)
  /// ```
  public static let largeJumpDistance = 40

  /// See ``largeJumpDistance``.
  public var isLargeJump: Bool { distance > Self.largeJumpDistance || skipsStage }

  /// Plain-English advice for a large jump; nil otherwise.
  ///
  /// Towards the learner the caveat is that self-direction needs scaffolding. Towards the
  /// organisation the line is gentler: taking back control can be right, but the reasons and
  /// the networks people rely on deserve care.
  public var caveat: String? {
    guard isLargeJump else { return nil }
    let span = "\(distance) points, \(current.stage.name) to \(target.stage.name)"
    switch direction {
    case .towardsLearner:
      return "A big jump (\(span)): self-direction needs scaffolding. Move a stage at a time, "
        + "keep some structure and support while people build the habits, and check progress "
        + "before going further."
    case .towardsOrganisation:
      return "A big step back towards organisational control (\(span)). That can be right, "
        + "for example for regulated content, but explain why and keep the peer networks "
        + "people already rely on."
    case .none:
      return nil
    }
  }
}
