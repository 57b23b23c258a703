/// The characters widgets draw with, so one switch moves a whole screen to plain ASCII (for
/// terminals whose locale is not UTF-8) without losing meaning.
///
/// Every glyph is one column wide, except the ASCII ellipsis (`...`). Customise by copying a set
/// and changing fields:
///
/// ```swift
/// var glyphs = GlyphSet.unicode
/// glyphs.pointer = "→"
/// ```
public struct GlyphSet: Hashable, Sendable {
  /// Box corners and edges.
  public var topLeft: String
  public var topRight: String
  public var bottomLeft: String
  public var bottomRight: String
  public var horizontal: String
  public var vertical: String

  /// The empty part of a slider track.
  public var sliderTrack: String
  /// The filled part of a slider track.
  public var sliderFill: String
  /// A tick on a slider track.
  public var sliderTick: String

  /// The first of two marker glyphs that differ in shape, not only colour.
  public var markerPrimary: String
  /// The second marker glyph.
  public var markerSecondary: String

  /// The pointer in front of a selected list row.
  public var pointer: String

  /// A filled and an empty dot for coarse scores ("●●●○").
  public var dotFilled: String
  public var dotEmpty: String

  /// One glyph per chart series, distinct in shape so series read without colour.
  public var seriesGlyphs: [String]
  /// Shading for a chart's vertical bands.
  public var bandShade: String
  /// A vertical marker line in a chart.
  public var markerLine: String
  /// The chart's x axis, y axis and the corner where they meet.
  public var axisHorizontal: String
  public var axisVertical: String
  public var axisCorner: String

  /// The filled and empty parts of a proportion bar.
  public var barFilled: String
  public var barEmpty: String

  /// Arrows.
  public var arrowLeft: String
  public var arrowRight: String
  public var arrowUp: String
  public var arrowDown: String

  /// What truncated text ends with.
  public var ellipsis: String

  /// The series glyph for series number `index` (cycling when there are more series).
  public func seriesGlyph(_ index: Int) -> String {
    guard !seriesGlyphs.isEmpty else { return "*" }
    let n = seriesGlyphs.count
    return seriesGlyphs[((index % n) + n) % n]
  }

  /// Box drawing and geometric shapes.
  public static let unicode = GlyphSet(
    topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─",
    vertical: "│",
    sliderTrack: "─", sliderFill: "━", sliderTick: "┼",
    markerPrimary: "●", markerSecondary: "◆",
    pointer: "›",
    dotFilled: "●", dotEmpty: "○",
    seriesGlyphs: ["●", "◆", "▲", "■"], bandShade: "░", markerLine: "│",
    axisHorizontal: "─", axisVertical: "│", axisCorner: "└",
    barFilled: "█", barEmpty: "░",
    arrowLeft: "←", arrowRight: "→", arrowUp: "↑", arrowDown: "↓",
    ellipsis: "…")

  /// Plain ASCII that keeps the same distinctions (`C`/`T` markers, `>` pointer, `#`/`.` bars).
  public static let ascii = GlyphSet(
    topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-",
    vertical: "|",
    sliderTrack: "-", sliderFill: "=", sliderTick: "+",
    markerPrimary: "C", markerSecondary: "T",
    pointer: ">",
    dotFilled: "*", dotEmpty: ".",
    seriesGlyphs: ["*", "o", "+", "x"], bandShade: ":", markerLine: "|",
    axisHorizontal: "-", axisVertical: "|", axisCorner: "+",
    barFilled: "#", barEmpty: ".",
    arrowLeft: "<", arrowRight: ">", arrowUp: "^", arrowDown: "v",
    ellipsis: "...")
}
