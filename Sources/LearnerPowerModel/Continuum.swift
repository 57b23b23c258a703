/// The curves of the continuum: the ONE place that defines them.
///
/// Positions are learner control on a 0...100 axis. Control is shared, so the two control lines
/// are straight and always add up to 100. Social empowerment rises with learner control along
/// an S-curve, the Hermite "smoothstep" scaled to 0...100:
///
///     t = p / 100
///     social(p) = 100 * (3t² - 2t³)
///
/// It is exactly 0 at p = 0 and 100 at p = 100, strictly rising in between, flat at both ends
/// (slope 0) and steepest at p = 50 (slope 1.5 per point), where it crosses 50. So social
/// empowerment lags learner control at the organisation end (social activity there is
/// incidental) and catches up and levels off at the learner end. Inputs outside 0...100 are
/// clamped.
///
/// ```swift
/// Continuum.socialEmpowerment(at: 50)      // 50
/// Continuum.organisationalControl(at: 30)  // 70
/// Continuum.samples(count: 3).map(\.social) // [0, 50, 100]
/// ```
public enum Continuum {
  /// The organisation's share of control at `p`: `100 - p`.
  public static func organisationalControl(at p: Double) -> Double { 100 - clamp(p) }

  /// The learner's share of control at `p`: `p` itself.
  public static func learnerControl(at p: Double) -> Double { clamp(p) }

  /// Social empowerment at `p`, 0...100, along the smoothstep S-curve described above.
  ///
  /// ```swift
  /// Continuum.socialEmpowerment(at: 12)  // ≈ 4
  /// Continuum.socialEmpowerment(at: 87)  // ≈ 96
  /// ```
  public static func socialEmpowerment(at p: Double) -> Double {
    let t = clamp(p) / 100
    return 100 * t * t * (3 - 2 * t)
  }

  /// `count` evenly spaced samples from 0 to 100 inclusive, for charts; fewer than 2 gives 2.
  ///
  /// ```swift
  /// Continuum.samples(count: 5).map(\.position)  // [0, 25, 50, 75, 100]
  /// ```
  public static func samples(count: Int) -> [ContinuumSample] {
    let n = max(2, count)
    return (0..<n).map { index in
      // Divide last so that the final sample is exactly 100.
      let p = Double(index) * 100 / Double(n - 1)
      return ContinuumSample(
        position: p, organisational: organisationalControl(at: p), learner: learnerControl(at: p),
        social: socialEmpowerment(at: p))
    }
  }

  private static func clamp(_ p: Double) -> Double {
    guard !p.isNaN else { return 0 }
    return min(max(p, 0), 100)
  }
}

/// The three curve values at one position, as drawn on the continuum chart.
public struct ContinuumSample: Hashable, Sendable {
  /// The position, 0...100.
  public let position: Double
  /// Organisational control at ``position``.
  public let organisational: Double
  /// Learner control at ``position``.
  public let learner: Double
  /// Social empowerment at ``position``.
  public let social: Double

  /// Makes a sample; use ``Continuum/samples(count:)`` to get consistent ones.
  public init(position: Double, organisational: Double, learner: Double, social: Double) {
    self.position = position
    self.organisational = organisational
    self.learner = learner
    self.social = social
  }
}
