/// Summary statistics of a set of votes (positions 0–100).
///
/// Median is the mean of the middle two for an even count; quartiles use linear interpolation
/// (type 7, numpy's default); a position taken from a statistic rounds half up.
///
/// ```swift
/// let s = VoteStatistics([10, 20, 30, 40])
/// s.median          // 25.0
/// s.meanText        // "25.0"
/// s.lowerQuartile   // 17.5
/// s.medianPosition  // 25
/// ```
public struct VoteStatistics: Hashable, Sendable {
  /// The votes, sorted ascending.
  public let values: [Int]

  /// Computes the statistics of `values` (any order).
  public init(_ values: [Int]) {
    self.values = values.sorted()
  }

  /// Number of votes.
  public var count: Int { values.count }

  /// The median, nil without votes.
  public var median: Double? { quantile(0.5) }

  /// The arithmetic mean, nil without votes.
  public var mean: Double? {
    guard !values.isEmpty else { return nil }
    return Double(values.reduce(0, +)) / Double(values.count)
  }

  /// First quartile (type 7).
  public var lowerQuartile: Double? { quantile(0.25) }
  /// Third quartile (type 7).
  public var upperQuartile: Double? { quantile(0.75) }
  /// Interquartile range, upper minus lower quartile.
  public var interquartileRange: Double? {
    guard let lo = lowerQuartile, let hi = upperQuartile else { return nil }
    return hi - lo
  }

  /// The `p` quantile by linear interpolation between closest ranks (type 7).
  public func quantile(_ p: Double) -> Double? {
    guard !values.isEmpty, p.isFinite else { return nil }
    let clamped = min(max(p, 0), 1)
    let h = Double(values.count - 1) * clamped
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, values.count - 1)
    let fraction = h - Double(lo)
    return Double(values[lo]) + fraction * Double(values[hi] - values[lo])
  }

  /// The median as a position, rounded half up.
  public var medianPosition: Position? { median.map(Self.position) }

  /// `value` rounded half up and clamped to 0…100.
  public static func position(_ value: Double) -> Position {
    guard value.isFinite else { return Position(clamping: 0) }
    return Position(clamping: Int((value + 0.5).rounded(.down)))
  }

  /// A number as shown: whole numbers plain, halves with `.5`, others to one decimal (half up).
  public static func format(_ value: Double) -> String {
    let tenths = (value * 10).rounded(.toNearestOrAwayFromZero)
    let whole = Int(tenths) / 10
    let digit = abs(Int(tenths)) % 10
    if digit == 0 { return String(whole) }
    let sign = tenths < 0 && whole == 0 ? "-" : ""
    return "\(sign)\(whole).\(digit)"
  }

  /// The mean to one decimal, e.g. `47.0`; "–" without votes.
  public var meanText: String {
    guard let mean else { return "–" }
    let tenths = Int((mean * 10).rounded(.toNearestOrAwayFromZero))
    return "\(tenths / 10).\(abs(tenths) % 10)"
  }

  /// The median as shown (`45` or `45.5`); "–" without votes.
  public var medianText: String { median.map(Self.format) ?? "–" }

  /// Quartiles as shown, `30–60`; "–" without votes.
  public var quartilesText: String {
    guard let lo = lowerQuartile, let hi = upperQuartile else { return "–" }
    return "\(Self.format(lo))–\(Self.format(hi))"
  }

  /// One sentence for screen readers, e.g. "5 votes for today: median 45, mean 47.2, the middle
  /// half between 30 and 60 (IQR 30)."
  public func sentence(label: String) -> String {
    guard let lo = lowerQuartile, let hi = upperQuartile, let iqr = interquartileRange else {
      return "No votes for \(label) yet."
    }
    let noun = count == 1 ? "vote" : "votes"
    return "\(count) \(noun) for \(label): median \(medianText), mean \(meanText), "
      + "the middle half between \(Self.format(lo)) and \(Self.format(hi)) "
      + "(IQR \(Self.format(iqr)))."
  }

  /// Votes per bucket of `width` positions (the last bucket includes 100), for histograms.
  public func histogram(buckets: Int) -> [Int] {
    guard buckets > 0 else { return [] }
    var counts = Array(repeating: 0, count: buckets)
    for v in values {
      let i = min(buckets - 1, max(0, v * buckets / 101))
      counts[i] += 1
    }
    return counts
  }
}
