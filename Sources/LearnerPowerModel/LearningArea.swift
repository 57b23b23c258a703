/// One named learning area of an organisation (compliance, onboarding, leadership…) with its own
/// place on the continuum today and where it should go.
///
/// There is no single right place: compliance can stay formal while leadership development is
/// learner-led, so an organisation keeps one pair of markers per area. A *pinned* area is one the
/// organisation deliberately holds in place (typically compliance): it is marked wherever areas are
/// listed and cannot be removed until it is unpinned.
///
/// ```swift
/// let area = LearningArea(name: "Compliance", current: 15, target: 20, pinned: true)
/// area.gap          // 5
/// LearningArea.cleanName("  Leadership\t ")  // "Leadership"
/// ```
public struct LearningArea: Sendable, Hashable, Codable {
  /// The name shown in the title and the all-areas view (one line, no control characters).
  public var name: String
  /// Where this area's learning sits today.
  public var current: Position
  /// Where the organisation wants this area to be.
  public var target: Position
  /// Held in place on purpose: marked, and not removable while pinned.
  public var pinned: Bool

  /// The area every organisation starts with.
  public static let defaultName = "Whole organisation"

  /// The most characters a name may have.
  public static let nameLimit = 40

  /// Makes an area; the name is cleaned (control characters dropped, spaces trimmed, at most
  /// ``nameLimit`` characters) and an empty name becomes ``defaultName``.
  public init(name: String, current: Position, target: Position, pinned: Bool = false) {
    let clean = Self.cleanName(name)
    self.name = clean.isEmpty ? Self.defaultName : clean
    self.current = current
    self.target = target
    self.pinned = pinned
  }

  /// Target minus current, in points (negative when the target is more organisation-led).
  public var gap: Int { target.value - current.value }

  /// A name as it will be stored: one line, no control characters, trimmed, at most
  /// ``nameLimit`` characters.
  ///
  /// ```swift
  /// LearningArea.cleanName("On\u{1B}[31mboarding ")  // "Onboarding"
  /// ```
  public static func cleanName(_ text: String) -> String {
    String(TextSanitizer.cleanLine(text).trimmingSpaces().prefix(nameLimit)).trimmingSpaces()
  }

  private enum CodingKeys: String, CodingKey { case name, current, target, pinned }

  /// Reads `{"name", "current", "target", "pinned"}`; `pinned` may be missing (false).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try c.decode(String.self, forKey: .name),
      current: try c.decode(Position.self, forKey: .current),
      target: try c.decode(Position.self, forKey: .target),
      pinned: try c.decodeIfPresent(Bool.self, forKey: .pinned) ?? false)
  }

  /// Writes all four fields.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(current, forKey: .current)
    try c.encode(target, forKey: .target)
    try c.encode(pinned, forKey: .pinned)
  }
}
