/// Numbers as text without `String(format:)` (not in FoundationEssentials) and without the
/// locale: always a "." decimal point.
public enum NumberText {
  /// `x` with exactly `places` decimals, rounded half away from zero.
  ///
  /// ```swift
  /// NumberText.fixed(3.14159, places: 2)  // "3.14"
  /// NumberText.fixed(-0.5, places: 0)     // "-1"
  /// ```
  /// Infinities and NaN are written `inf`, `-inf` and `nan` (as printf does); values too large
  /// for whole-number arithmetic at `places` decimals fall back to Swift's own description.
  public static func fixed(_ x: Double, places: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
    let places = min(max(places, 0), 15)
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = (x * Double(scale)).rounded()
    // Int(_:) traps beyond ±2^63; such values are far outside anything this app shows.
    guard abs(scaled) < 9.0e18 else { return String(x) }
    let n = Int(scaled)
    let sign = n < 0 ? "-" : ""
    let whole = abs(n) / scale
    guard places > 0 else { return sign + String(whole) }
    let frac = String(abs(n) % scale)
    return sign + String(whole) + "." + String(repeating: "0", count: places - frac.count) + frac
  }

  /// `value` in upper-case hexadecimal with at least `digits` digits, as `%0<digits>X`.
  public static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
