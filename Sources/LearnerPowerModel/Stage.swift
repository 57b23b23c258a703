/// The four stages of the continuum, each a band of positions.
///
/// The names and wording are this project's own interpretation of Kineo's four-stage idea.
///
/// ```swift
/// Stage.containing(49)      // .guided
/// Stage.enabled.band        // 50...74
/// Stage(id: "learner-led")  // .learnerLed
/// ```
public enum Stage: Int, CaseIterable, Sendable, Codable, Comparable {
  /// 0–24: the organisation sets what, when and how.
  case directed = 1
  /// 25–49: the organisation sets goals and structure; learners choose within options.
  case guided
  /// 50–74: learners set goals; the organisation gives time, space, tools and recognition.
  case enabled
  /// 75–100: people and networks own their learning within the organisation's direction.
  case learnerLed

  /// The identifier used in files, e.g. `"learner-led"`.
  public var id: String {
    switch self {
    case .directed: "directed"
    case .guided: "guided"
    case .enabled: "enabled"
    case .learnerLed: "learner-led"
    }
  }

  /// The display name, e.g. `"Learner-led"`.
  public var name: String {
    switch self {
    case .directed: "Directed"
    case .guided: "Guided"
    case .enabled: "Enabled"
    case .learnerLed: "Learner-led"
    }
  }

  /// The positions that belong to this stage; the four bands cover 0...100 without gaps.
  public var band: ClosedRange<Int> {
    switch self {
    case .directed: 0...24
    case .guided: 25...49
    case .enabled: 50...74
    case .learnerLed: 75...100
    }
  }

  /// The position the `1`–`4` keys jump to: 12, 37, 62, 87.
  public var centre: Position {
    switch self {
    case .directed: 12
    case .guided: 37
    case .enabled: 62
    case .learnerLed: 87
    }
  }

  /// What the stage means for who decides about learning.
  public var meaning: String {
    switch self {
    case .directed: "Organisation sets what, when and how; completion is tracked"
    case .guided:
      "Organisation sets goals and structure; learners choose within options; social activity "
        + "is designed"
    case .enabled:
      "Learners set goals and organise; organisation gives time, space, tools and recognition"
    case .learnerLed:
      "People and networks own their learning; organisation sets direction and guardrails"
    }
  }

  /// What L&D does at this stage.
  public var ldRole: String {
    switch self {
    case .directed: "Provider, administrator, auditor"
    case .guided: "Designer and facilitator"
    case .enabled: "Enabler, curator, community manager"
    case .learnerLed: "Coach, adviser, ecosystem steward"
    }
  }

  /// How social learning looks at this stage.
  public var socialEmpowerment: String {
    switch self {
    case .directed: "Low: social is incidental"
    case .guided: "Structured"
    case .enabled: "Distributed"
    case .learnerLed: "Self-organising"
    }
  }

  /// Typical technology (examples, not endorsements).
  public var technology: String {
    switch self {
    case .directed: "LMS, SCORM/xAPI, authoring tools"
    case .guided: "LMS/LXP with social features, video-call breakouts"
    case .enabled: "Enterprise social, communities, Q&A"
    case .learnerLed: "Personal networks, open web, self-chosen tools"
    }
  }

  /// The stage holding `value`; values outside 0...100 count as the nearest end.
  ///
  /// ```swift
  /// Stage.containing(74)   // .enabled
  /// Stage.containing(75)   // .learnerLed
  /// Stage.containing(-9)   // .directed
  /// ```
  public static func containing(_ value: Int) -> Stage {
    switch value {
    case ..<25: .directed
    case ..<50: .guided
    case ..<75: .enabled
    default: .learnerLed
    }
  }

  /// The stage with identifier `id`, ignoring case and surrounding spaces; nil when unknown.
  ///
  /// ```swift
  /// Stage(id: "Guided")  // .guided
  /// Stage(id: "middle")  // nil
  /// ```
  public init?(id: String) {
    let wanted = id.trimmingSpaces().lowercased()
    guard let stage = Self.allCases.first(where: { $0.id == wanted }) else { return nil }
    self = stage
  }

  /// Orders stages from the organisation end to the learner end.
  public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }

  // MARK: - Codable

  /// Decodes the ``id`` string (`"guided"`), or the rank `1`–`4` as written by early files.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let rank = try? container.decode(Int.self), let stage = Stage(rawValue: rank) {
      self = stage
      return
    }
    let text = try container.decode(String.self)
    guard let stage = Stage(id: text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "unknown stage \"\(TextSanitizer.cleanLine(text))\"; valid stages: "
          + Stage.validIDs)
    }
    self = stage
  }

  /// Encodes the ``id`` string, which stays readable in JSON and stable if ranks change.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(id)
  }

  /// `"directed", "guided", "enabled", "learner-led"`, for error messages.
  static var validIDs: String { allCases.map { "\"\($0.id)\"" }.joined(separator: ", ") }
}

/// The named level of social empowerment; the same four bands as ``Stage``, applied to the
/// social-empowerment value rather than to the position.
///
/// ```swift
/// SocialLevel.containing(80.2)                 // .selfOrganising
/// Position(clamping: 62).socialLevel.name      // "Distributed"
/// ```
public enum SocialLevel: Int, CaseIterable, Sendable, Codable {
  /// Social learning is incidental.
  case low = 1
  /// Social activity is designed by L&D.
  case structured
  /// Social learning happens across communities that L&D supports.
  case distributed
  /// People organise their own social learning.
  case selfOrganising

  /// The identifier used in files, e.g. `"self-organising"`.
  public var id: String {
    switch self {
    case .low: "low"
    case .structured: "structured"
    case .distributed: "distributed"
    case .selfOrganising: "self-organising"
    }
  }

  /// The display name, e.g. `"Self-organising"`.
  public var name: String {
    switch self {
    case .low: "Low"
    case .structured: "Structured"
    case .distributed: "Distributed"
    case .selfOrganising: "Self-organising"
    }
  }

  /// The level a stage pairs with: Directed low, Guided structured, Enabled distributed,
  /// Learner-led self-organising.
  ///
  /// ```swift
  /// SocialLevel(stage: .guided)  // .structured
  /// ```
  public init(stage: Stage) {
    switch stage {
    case .directed: self = .low
    case .guided: self = .structured
    case .enabled: self = .distributed
    case .learnerLed: self = .selfOrganising
    }
  }

  /// The level for a social-empowerment value: below 25 low, below 50 structured, below 75
  /// distributed, otherwise self-organising (NaN counts as low).
  ///
  /// ```swift
  /// SocialLevel.containing(24.9)  // .low
  /// SocialLevel.containing(25)    // .structured
  /// ```
  public static func containing(_ value: Double) -> SocialLevel {
    if value >= 75 { return .selfOrganising }
    if value >= 50 { return .distributed }
    if value >= 25 { return .structured }
    return .low
  }

  // MARK: - Codable

  /// Decodes the ``id`` string, or the rank `1`–`4`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let rank = try? container.decode(Int.self), let level = SocialLevel(rawValue: rank) {
      self = level
      return
    }
    let text = try container.decode(String.self)
    guard let level = Self.allCases.first(where: { $0.id == text.lowercased() }) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "unknown social level \"\(TextSanitizer.cleanLine(text))\""
      )
    }
    self = level
  }

  /// Encodes the ``id`` string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(id)
  }
}
