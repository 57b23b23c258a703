/// A place on the Learner Power continuum: how much control the learner has, from 0 to 100.
///
/// Organisational control is the complement (`100 - value`), so one number says both. Every way
/// of making a position keeps it inside ``range``; nothing here traps on user input.
///
/// ```swift
/// let here: Position = 38
/// here.stage                   // .guided
/// here.organisationalControl   // 62
/// here.nudged(by: 80).value    // 100 (clamped)
/// Position.parse("101")        // .failure: "position 101 is above 100; ..."
/// ```
public struct Position: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByIntegerLiteral
{
  /// The values a position can take: 0 (organisation decides) to 100 (learner decides).
  public static let range: ClosedRange<Int> = 0...100

  /// Learner control, always inside ``range``.
  public let value: Int

  /// Makes a position, moving an out-of-range value to the nearest end.
  ///
  /// ```swift
  /// Position(clamping: 140).value  // 100
  /// Position(clamping: -5).value   // 0
  /// ```
  public init(clamping value: Int) {
    self.value = min(max(value, Self.range.lowerBound), Self.range.upperBound)
  }

  /// Makes a position only when `value` is inside ``range``.
  ///
  /// ```swift
  /// Position(exactly: 50)?.value  // 50
  /// Position(exactly: 101)        // nil
  /// ```
  public init?(exactly value: Int) {
    guard Self.range.contains(value) else { return nil }
    self.value = value
  }

  /// Integer literals clamp, so `let p: Position = 120` is 100 rather than a trap.
  public init(integerLiteral value: Int) {
    self.init(clamping: value)
  }

  /// Reads a position typed by a person (command line, vote field), explaining what is wrong.
  ///
  /// Surrounding spaces are ignored; anything but a whole number from 0 to 100 is refused.
  ///
  /// ```swift
  /// Position.parse(" 45 ")  // .success(45)
  /// Position.parse("abc")   // .failure: position "abc" is not a whole number; ...
  /// ```
  public static func parse(_ text: String) -> Result<Position, PositionError> {
    let trimmed = text.trimmingSpaces()
    guard !trimmed.isEmpty else { return .failure(PositionError(input: text, kind: .empty)) }
    guard let number = Int(trimmed) else {
      // A long run of digits is a number too big for Int, not "not a number".
      let digits = trimmed.drop { $0 == "-" || $0 == "+" }
      if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) {
        return .failure(PositionError(input: text, kind: trimmed.hasPrefix("-") ? .below : .above))
      }
      return .failure(PositionError(input: text, kind: .notANumber))
    }
    if number < range.lowerBound { return .failure(PositionError(input: text, kind: .below)) }
    if number > range.upperBound { return .failure(PositionError(input: text, kind: .above)) }
    return .success(Position(clamping: number))
  }

  /// The position moved by `delta` points, stopping at either end of the continuum.
  ///
  /// ```swift
  /// Position(clamping: 98).nudged(by: 5).value  // 100
  /// ```
  public func nudged(by delta: Int) -> Position {
    // Saturate first so that Int.max does not overflow.
    let (sum, overflow) = value.addingReportingOverflow(delta)
    if overflow { return Position(clamping: delta > 0 ? Self.range.upperBound : 0) }
    return Position(clamping: sum)
  }

  /// The learner's share of control; the same number as ``value``.
  public var learnerControl: Int { value }

  /// The organisation's share of control: `100 - value`.
  ///
  /// ```swift
  /// Position(clamping: 30).organisationalControl  // 70
  /// ```
  public var organisationalControl: Int { Self.range.upperBound - value }

  /// The stage whose band holds this position.
  ///
  /// ```swift
  /// Position(clamping: 50).stage  // .enabled
  /// ```
  public var stage: Stage { Stage.containing(value) }

  /// Social empowerment at this position, 0...100, from ``Continuum/socialEmpowerment(at:)``.
  public var socialEmpowerment: Double { Continuum.socialEmpowerment(at: Double(value)) }

  /// The named level of social empowerment here: the level of the position's stage (Directed
  /// low, Guided structured, Enabled distributed, Learner-led self-organising), as the domain
  /// pairs them, so the name never contradicts the stage shown beside it. The S-curve's value
  /// (``socialEmpowerment``) says how far along the level the position is.
  ///
  /// ```swift
  /// Position(clamping: 27).socialLevel  // .structured (the curve is still at 18 here)
  /// ```
  public var socialLevel: SocialLevel { SocialLevel(stage: stage) }

  /// The number alone, e.g. `"42"`.
  public var description: String { String(value) }

  /// Orders positions from the organisation end to the learner end.
  public static func < (lhs: Position, rhs: Position) -> Bool { lhs.value < rhs.value }

  // MARK: - Codable

  /// Decodes a bare integer, refusing values outside ``range``.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let number = try container.decode(Int.self)
    guard let position = Position(exactly: number) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "position \(number) is outside 0...100")
    }
    self = position
  }

  /// Encodes as a bare integer, e.g. `42`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }
}

/// Why some text is not a position; ``description`` is a sentence fit for a terminal.
///
/// ```swift
/// if case .failure(let error) = Position.parse("-3") {
///   print(error)  // position -3 is below 0; use a whole number from 0 to 100
/// }
/// ```
public struct PositionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong, so that callers can decide without reading the sentence.
  public enum Kind: Hashable, Sendable {
    /// Nothing but spaces.
    case empty
    /// Not a whole number (letters, decimals, ...).
    case notANumber
    /// A whole number below 0.
    case below
    /// A whole number above 100.
    case above
  }

  /// The text as it was given.
  public let input: String
  /// The kind of problem.
  public let kind: Kind

  /// Makes an error for `input`.
  public init(input: String, kind: Kind) {
    self.input = input
    self.kind = kind
  }

  /// One line naming the value and the allowed range.
  public var description: String {
    let shown = TextSanitizer.cleanLine(input).trimmingSpaces()
    let hint = "use a whole number from 0 to 100"
    switch kind {
    case .empty: return "position is empty; \(hint)"
    case .notANumber: return "position \"\(shown)\" is not a whole number; \(hint)"
    case .below: return "position \(shown) is below 0; \(hint)"
    case .above: return "position \(shown) is above 100; \(hint)"
    }
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and line breaks (no Foundation needed).
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
