/// One listed approach at a position, with how well it fits.
public struct Recommendation: Hashable, Sendable {
  /// The approach.
  public let approach: Approach
  /// ``Approach/fitScore(at:)`` at the position, 0...1.
  public let score: Double
  /// Its range starts above the position: a step further towards the learner.
  public let isNextStep: Bool
  /// A pinned approach, listed whatever its score.
  public let isPinned: Bool

  /// Makes a recommendation; ``Recommender`` makes consistent ones.
  public init(approach: Approach, score: Double, isNextStep: Bool, isPinned: Bool) {
    self.approach = approach
    self.score = score
    self.isNextStep = isNextStep
    self.isPinned = isPinned
  }

  /// The score as 0–4 dots, coarse enough that it does not flicker on every key press:
  /// 4 inside the range, 3 from 0.75, 2 from 0.5, 1 above 0, else 0.
  ///
  /// ```swift
  /// // score 1 -> 4, 0.8 -> 3, 0.6 -> 2, 0.1 -> 1, 0 -> 0
  /// ```
  public var coarseFit: Int {
    if score >= 1 { return 4 }
    if score >= 0.75 { return 3 }
    if score >= 0.5 { return 2 }
    if score > 0 { return 1 }
    return 0
  }
}

/// Lists the approaches of a catalogue that fit a position.
///
/// ```swift
/// let list = Recommender(catalogue: .builtIn).recommendations(at: 40)
/// list.first?.approach.id  // best fit first; D1 (pinned) is always somewhere in the list
/// ```
public struct Recommender: Hashable, Sendable {
  /// The approaches to choose from.
  public let catalogue: Catalogue

  /// Makes a recommender over `catalogue`.
  public init(catalogue: Catalogue) {
    self.catalogue = catalogue
  }

  /// The approaches with a score above 0, plus every pinned one, best score first and then by
  /// id; those whose range starts above `p` are marked as next steps.
  ///
  /// ```swift
  /// let at90 = Recommender(catalogue: .builtIn).recommendations(at: 90)
  /// at90.last?.approach.id  // "D1", listed with score 0 because it is pinned
  /// ```
  public func recommendations(at p: Position) -> [Recommendation] {
    catalogue.approaches
      .compactMap { approach -> Recommendation? in
        let score = approach.fitScore(at: p)
        guard score > 0 || approach.pinned else { return nil }
        return Recommendation(
          approach: approach, score: score, isNextStep: approach.fit.lowerBound > p.value,
          isPinned: approach.pinned)
      }
      .sorted { a, b in
        a.score != b.score ? a.score > b.score : a.approach.id < b.approach.id
      }
  }
}
