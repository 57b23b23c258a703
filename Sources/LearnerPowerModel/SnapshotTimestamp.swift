/// A moment in UTC to the second, as a snapshot records it, with its ISO 8601 spelling.
///
/// Formatting and parsing are plain integer arithmetic (no ICU, no locale, no time zone
/// database), so they are cheap, deterministic in tests and safe to call anywhere.
///
/// ```swift
/// let t = SnapshotTimestamp(secondsSince1970: 1_714_555_800)
/// t.iso8601                                    // "2024-05-01T09:30:00Z"
/// t.fileStamp                                  // "2024-05-01-0930"
/// SnapshotTimestamp(iso8601: "2024-05-01T09:30:00Z") == t  // true
/// ```
public struct SnapshotTimestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  public let secondsSince1970: Int64

  /// Makes a timestamp from seconds since the Unix epoch.
  public init(secondsSince1970: Int64) {
    self.secondsSince1970 = secondsSince1970
  }

  /// Makes a timestamp from calendar fields in UTC; nil when a field is out of range.
  ///
  /// ```swift
  /// SnapshotTimestamp(year: 2024, month: 2, day: 30, hour: 0, minute: 0, second: 0)  // nil
  /// ```
  public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
    guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
      (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
      (1...9999).contains(year)
    else { return nil }
    let days = Self.daysFromCivil(year: year, month: month, day: day)
    secondsSince1970 =
      Int64(days) * 86_400 + Int64(hour) * 3_600 + Int64(minute) * 60 + Int64(second)
  }

  /// Reads the form snapshots are written in: `YYYY-MM-DDTHH:MM:SSZ` (UTC), also accepting
  /// fractional seconds and a `+00:00` offset. Other offsets are converted to UTC.
  ///
  /// ```swift
  /// SnapshotTimestamp(iso8601: "2024-05-01T11:30:00+02:00")?.iso8601  // "2024-05-01T09:30:00Z"
  /// SnapshotTimestamp(iso8601: "yesterday")                          // nil
  /// ```
  public init?(iso8601 text: String) {
    let s = Array(text.utf8)
    guard s.count >= 20 else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var n = 0
      for i in range {
        guard i < s.count, s[i] >= 48, s[i] <= 57 else { return nil }
        n = n * 10 + Int(s[i] - 48)
      }
      return n
    }
    guard s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
      s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t"), s[13] == UInt8(ascii: ":"),
      s[16] == UInt8(ascii: ":"),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      let base = SnapshotTimestamp(
        year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    else { return nil }
    var i = 19
    if i < s.count, s[i] == UInt8(ascii: ".") {
      i += 1
      let start = i
      while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
      guard i > start else { return nil }
    }
    guard i < s.count else { return nil }
    var offset = 0
    if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
      i += 1
    } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
      guard i + 6 <= s.count, s[i + 3] == UInt8(ascii: ":"),
        let oh = number(i + 1..<i + 3), let om = number(i + 4..<i + 6), oh <= 23, om <= 59
      else { return nil }
      offset = (oh * 60 + om) * 60 * (s[i] == UInt8(ascii: "-") ? -1 : 1)
      i += 6
    } else {
      return nil
    }
    guard i == s.count else { return nil }
    self.init(secondsSince1970: base.secondsSince1970 - Int64(offset))
  }

  /// The calendar fields in UTC.
  public var fields: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
    let days = Int(secondsSince1970.floorDivided(by: 86_400))
    let rest = Int(secondsSince1970 - Int64(days) * 86_400)
    let (y, m, d) = Self.civilFromDays(days)
    return (y, m, d, rest / 3_600, rest % 3_600 / 60, rest % 60)
  }

  /// `2024-05-01T09:30:00Z`: the form written into snapshot files.
  public var iso8601: String {
    let f = fields
    return "\(pad(f.year, 4))-\(pad(f.month))-\(pad(f.day))T\(pad(f.hour)):\(pad(f.minute))"
      + ":\(pad(f.second))Z"
  }

  /// `2024-05-01-0930`: the start of a snapshot's file name.
  public var fileStamp: String {
    let f = fields
    return "\(pad(f.year, 4))-\(pad(f.month))-\(pad(f.day))-\(pad(f.hour))\(pad(f.minute))"
  }

  /// `2024-05-01 09:30 UTC`: for lists and reports.
  public var display: String {
    let f = fields
    return "\(pad(f.year, 4))-\(pad(f.month))-\(pad(f.day)) \(pad(f.hour)):\(pad(f.minute)) UTC"
  }

  /// The ISO 8601 form.
  public var description: String { iso8601 }

  /// Earlier first.
  public static func < (a: SnapshotTimestamp, b: SnapshotTimestamp) -> Bool {
    a.secondsSince1970 < b.secondsSince1970
  }

  // MARK: - Calendar arithmetic (proleptic Gregorian, after Howard Hinnant's algorithms)

  private func pad(_ n: Int, _ width: Int = 2) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

extension Int64 {
  /// Division rounding towards minus infinity, so times before 1970 still split into days.
  fileprivate func floorDivided(by d: Int64) -> Int64 {
    let q = self / d
    return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
  }
}
