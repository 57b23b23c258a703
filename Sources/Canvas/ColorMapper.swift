/// How many colours a terminal can show.
public enum ColorDepth: Hashable, Sendable {
  /// No colour at all (or `NO_COLOR`): only attributes carry meaning.
  case monochrome
  /// The 16 ANSI colours.
  case sixteen
  /// The xterm 256-colour palette.
  case indexed256
  /// 24-bit colour (`TERM=xterm-direct` and friends).
  case direct
}

/// Maps theme colours onto what a terminal can show, with fixed xterm palette values so results
/// never depend on the user's palette.
///
/// ```swift
/// ColorMapper.parseHex("#5f87af")              // .rgb(0x5f, 0x87, 0xaf)
/// ColorMapper.nearest256(r: 0x5f, g: 0x87, b: 0xaf)   // 67
/// ColorMapper.map(.rgb(255, 0, 0), to: .sixteen)      // .ansi(9)
/// ```
public enum ColorMapper {
  /// The six levels of each channel in the xterm 6×6×6 colour cube (indices 16–231).
  static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  /// xterm's default values for the 16 ANSI colours.
  static let ansi16: [(r: Int, g: Int, b: Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
    (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  /// Parses `#rrggbb` (or the short `#rgb`), case-insensitive; nil for anything else.
  public static func parseHex(_ text: String) -> Color? {
    guard text.hasPrefix("#") else { return nil }
    let digits = Array(text.utf8.dropFirst())
    var values: [UInt8] = []
    for d in digits {
      switch d {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(d - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): values.append(d - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): values.append(d - UInt8(ascii: "A") + 10)
      default: return nil
      }
    }
    switch values.count {
    case 6:
      return .rgb(
        values[0] << 4 | values[1], values[2] << 4 | values[3], values[4] << 4 | values[5])
    case 3:
      return .rgb(values[0] * 17, values[1] * 17, values[2] * 17)
    default:
      return nil
    }
  }

  /// The RGB value xterm shows for a palette index (0–15 ANSI, 16–231 cube, 232–255 greys).
  public static func rgb(forIndex index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
    let i = Int(index)
    if i < 16 {
      let c = ansi16[i]
      return (UInt8(c.r), UInt8(c.g), UInt8(c.b))
    }
    if i < 232 {
      let n = i - 16
      return (
        UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[(n / 6) % 6]), UInt8(cubeLevels[n % 6])
      )
    }
    let grey = UInt8(8 + 10 * (i - 232))
    return (grey, grey, grey)
  }

  /// The nearest colour among indices 16–255: the 6×6×6 cube and the 24 greys, by squared RGB
  /// distance. Ties go to the lowest index (so a cube colour beats an equally near grey).
  public static func nearest256(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
    let (r, g, b) = (Int(r), Int(g), Int(b))
    // Euclidean distance separates by channel, so the nearest cube point takes the nearest level
    // per channel; taking the lower level on a tie gives the lowest index among the nearest.
    func level(_ v: Int) -> Int {
      var best = 0
      for k in 1..<cubeLevels.count where abs(cubeLevels[k] - v) < abs(cubeLevels[best] - v) {
        best = k
      }
      return best
    }
    let (lr, lg, lb) = (level(r), level(g), level(b))
    let cube = 16 + 36 * lr + 6 * lg + lb
    let cubeDistance =
      square(cubeLevels[lr] - r) + square(cubeLevels[lg] - g)
      + square(cubeLevels[lb] - b)
    var grey = 232
    var greyDistance = Int.max
    for k in 0..<24 {
      let v = 8 + 10 * k
      let d = square(v - r) + square(v - g) + square(v - b)
      if d < greyDistance {
        greyDistance = d
        grey = 232 + k
      }
    }
    return UInt8(greyDistance < cubeDistance ? grey : cube)
  }

  /// The nearest of the 16 ANSI colours (xterm's default values), by squared RGB distance; ties
  /// go to the lowest index.
  public static func nearest16(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
    var best = 0
    var bestDistance = Int.max
    for (k, c) in ansi16.enumerated() {
      let d = square(c.r - Int(r)) + square(c.g - Int(g)) + square(c.b - Int(b))
      if d < bestDistance {
        bestDistance = d
        best = k
      }
    }
    return UInt8(best)
  }

  /// `color` as a terminal of `depth` can show it.
  ///
  /// - `.monochrome`: every colour becomes `.default`.
  /// - `.sixteen`: indices below 16 become `.ansi`; other indices go via their RGB value to the
  ///   nearest ANSI colour, as do RGB colours.
  /// - `.indexed256`: RGB colours become the nearest of indices 16–255; others stay.
  /// - `.direct`: unchanged.
  public static func map(_ color: Color, to depth: ColorDepth) -> Color {
    switch (depth, color) {
    case (_, .default), (.direct, _): return color
    case (.monochrome, _): return .default
    case (.sixteen, .ansi(let n)): return .ansi(n & 15)
    case (.sixteen, .indexed(let n)):
      if n < 16 { return .ansi(n) }
      let c = rgb(forIndex: n)
      return .ansi(nearest16(r: c.r, g: c.g, b: c.b))
    case (.sixteen, .rgb(let r, let g, let b)): return .ansi(nearest16(r: r, g: g, b: b))
    case (.indexed256, .ansi(let n)): return .ansi(n & 15)
    case (.indexed256, .indexed): return color
    case (.indexed256, .rgb(let r, let g, let b)): return .indexed(nearest256(r: r, g: g, b: b))
    }
  }

  private static func square(_ v: Int) -> Int { v * v }
}
