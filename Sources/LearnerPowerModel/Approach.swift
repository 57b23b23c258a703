/// Who a learner mainly learns with in an approach (see docs/catalogue.md for the rule).
public enum SocialMode: String, CaseIterable, Sendable, Codable {
  /// On one's own: modules, documents, personal routines and budgets.
  case solo
  /// One-to-one (or a small fixed coaching trio): mentoring, coaching, peer review.
  case pair
  /// A bounded group that meets or works together: cohorts, sets, circles, sessions.
  case group
  /// Open, many-to-many exchange with no fixed membership: communities, Q&A, networks.
  case network

  /// `"solo", "pair", "group", "network"`, for error messages.
  static var validIDs: String { allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }
}

/// One social-learning approach of a catalogue, with the range of positions it fits best.
///
/// ```swift
/// let circles = Catalogue.builtIn["E3"]!   // fit 55...75
/// circles.fits(60)                         // true
/// circles.fitScore(at: 50)                 // 0.666… (5 points below the range)
/// circles.fitScore(at: 40)                 // 0 (15 points below)
/// ```
public struct Approach: Hashable, Sendable, Identifiable, Codable {
  /// Short unique identifier, e.g. `"D1"`.
  public let id: String
  /// Display name.
  public let name: String
  /// The stage the approach belongs to.
  public let stage: Stage
  /// The positions it fits best (inclusive).
  public let fit: ClosedRange<Int>
  /// What it is.
  public let description: String
  /// What L&D does for it.
  public let ldRole: String
  /// Typical technology (examples, not endorsements).
  public let tools: [String]
  /// The main caveat.
  public let risk: String
  /// Who a learner mainly learns with.
  public let socialMode: SocialMode
  /// Always listed and always kept whatever the position (compliance content).
  public let pinned: Bool

  /// Makes an approach; `fit` is clamped into 0...100.
  public init(
    id: String, name: String, stage: Stage, fit: ClosedRange<Int>, description: String = "",
    ldRole: String = "", tools: [String] = [], risk: String = "", socialMode: SocialMode = .solo,
    pinned: Bool = false
  ) {
    self.id = id
    self.name = name
    self.stage = stage
    self.fit = fit.clamped(to: Position.range)
    self.description = description
    self.ldRole = ldRole
    self.tools = tools
    self.risk = risk
    self.socialMode = socialMode
    self.pinned = pinned
  }

  /// How well the approach fits at `p`: 1 inside ``fit``; outside, falling linearly to 0 over
  /// 15 points.
  ///
  /// ```swift
  /// // fit 25...45
  /// g1.fitScore(at: 45)  // 1
  /// g1.fitScore(at: 51)  // 0.6
  /// g1.fitScore(at: 60)  // 0
  /// ```
  public func fitScore(at p: Position) -> Double { fitScore(atValue: Double(p.value)) }

  /// ``fitScore(at:)`` for a position between whole numbers, e.g. a vote median of 37.5.
  public func fitScore(atValue value: Double) -> Double {
    let lo = Double(fit.lowerBound)
    let hi = Double(fit.upperBound)
    let distance = value < lo ? lo - value : value > hi ? value - hi : 0
    return max(0, 1 - distance / Self.fallOff)
  }

  /// Whether `p` is inside ``fit`` (edges included).
  public func fits(_ p: Position) -> Bool { fit.contains(p.value) }

  /// Points outside the fit range over which the score falls from 1 to 0.
  public static let fallOff: Double = 15

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey {
    case id, name, stage, fit, description, tools, risk, pinned
    case ldRole = "ld_role"
    case socialMode = "social_mode"
  }

  /// Decodes the same keys as the catalogue file (`ld_role`, `social_mode`, `fit = [lo, hi]`).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let bounds = try c.decode([Int].self, forKey: .fit)
    guard bounds.count == 2, 0 <= bounds[0], bounds[0] <= bounds[1], bounds[1] <= 100 else {
      throw DecodingError.dataCorruptedError(
        forKey: .fit, in: c, debugDescription: "fit must be [lo, hi] with 0 <= lo <= hi <= 100")
    }
    self.init(
      id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
      stage: try c.decode(Stage.self, forKey: .stage), fit: bounds[0]...bounds[1],
      description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
      ldRole: try c.decodeIfPresent(String.self, forKey: .ldRole) ?? "",
      tools: try c.decodeIfPresent([String].self, forKey: .tools) ?? [],
      risk: try c.decodeIfPresent(String.self, forKey: .risk) ?? "",
      socialMode: try c.decodeIfPresent(SocialMode.self, forKey: .socialMode) ?? .solo,
      pinned: try c.decodeIfPresent(Bool.self, forKey: .pinned) ?? false)
  }

  /// Encodes with the catalogue file's keys; `fit` as `[lo, hi]`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(stage, forKey: .stage)
    try c.encode([fit.lowerBound, fit.upperBound], forKey: .fit)
    try c.encode(description, forKey: .description)
    try c.encode(ldRole, forKey: .ldRole)
    try c.encode(tools, forKey: .tools)
    try c.encode(risk, forKey: .risk)
    try c.encode(socialMode, forKey: .socialMode)
    try c.encode(pinned, forKey: .pinned)
  }
}

extension Approach {
  /// Catalogue order: by stage, then by id.
  static func catalogueOrder(_ a: Approach, _ b: Approach) -> Bool {
    a.stage != b.stage ? a.stage < b.stage : a.id < b.id
  }
}
