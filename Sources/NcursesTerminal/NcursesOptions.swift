/// How `NcursesScreen.open(options:)` sets the terminal up.
///
/// ```swift
/// let screen = try NcursesScreen.open(options: NcursesOptions(environment: env))
/// ```
public struct NcursesOptions: Hashable, Sendable {
  /// Colour escapes are allowed (false under `NO_COLOR`); attributes are always used.
  public var color: Bool
  /// Mouse reporting: press, release, drag and wheel.
  public var mouse: Bool
  /// Force ASCII glyphs even in a UTF-8 locale; `NcursesScreen.prefersASCII` reports the result.
  public var ascii: Bool

  /// Options as given; every feature is on by default.
  public init(color: Bool = true, mouse: Bool = true, ascii: Bool = false) {
    self.color = color
    self.mouse = mouse
    self.ascii = ascii
  }

  /// Defaults read from the environment: colour off when `NO_COLOR` is set and non-empty.
  public init(environment: [String: String], mouse: Bool = true, ascii: Bool = false) {
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    self.init(color: !noColor, mouse: mouse, ascii: ascii)
  }
}
