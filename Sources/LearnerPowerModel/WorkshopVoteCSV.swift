/// Reads votes from CSV as exported from a form: `name,current,target`, one participant a row.
/// A header row is recognised and skipped; bad rows are reported by line and skipped, good rows
/// are kept.
///
/// ```swift
/// let r = WorkshopVoteCSV.parse("name,current,target\nAna,30,70\nBo,x,60\n", collect: .both)
/// r.rows.count          // 1
/// r.problems.first      // "line 3: current \"x\" is not a whole number; use a whole number …"
/// ```
public enum WorkshopVoteCSV {
  /// One good row.
  public struct Row: Hashable, Sendable {
    /// Participant name, nil when blank.
    public var name: String?
    /// Current position, when collected.
    public var current: Position?
    /// Target position, when collected.
    public var target: Position?
  }

  /// Good rows and problems (each "line N: …").
  public struct Result: Hashable, Sendable {
    /// Rows that can become votes.
    public var rows: [Row]
    /// One message per bad row.
    public var problems: [String]
  }

  /// Parses `text`; `collect` says which columns a row must have.
  public static func parse(_ text: String, collect: VoteCollect) -> Result {
    var rows: [Row] = []
    var problems: [String] = []
    let records = records(of: text)
    for (index, record) in records.enumerated() {
      let lineNumber = record.line
      let fields = record.fields.map { $0.trimmingSpaces() }
      if fields.allSatisfy(\.isEmpty) { continue }
      if index == 0, fields.count >= 2, Int(fields[1]) == nil,
        fields[1].lowercased().contains("current") || fields[0].lowercased() == "name"
      {
        continue  // header
      }
      let name = fields.first.map { TOMLFieldReader.cleanField($0) }.flatMap { $0.isEmpty ? nil : $0 }
      var row = Row(name: name)
      var messages: [String] = []
      for (column, label, wanted) in [(1, "current", collect.wantsCurrent), (2, "target", collect.wantsTarget)] {
        let raw = column < fields.count ? fields[column] : ""
        if raw.isEmpty {
          if wanted { messages.append("\(label) is missing") }
          continue
        }
        switch Position.parse(raw) {
        case .success(let p):
          if column == 1 { row.current = p } else { row.target = p }
        case .failure(let e):
          if wanted { messages.append(e.description.replacingOccurrences(of: "position", with: label)) }
        }
      }
      if fields.count > 3 {
        messages.append("expected 3 columns (name,current,target), found \(fields.count)")
      }
      if messages.isEmpty {
        if !collect.wantsCurrent { row.current = nil }
        if !collect.wantsTarget { row.target = nil }
        rows.append(row)
      } else {
        problems.append("line \(lineNumber): " + messages.joined(separator: "; ") + " (row skipped)")
      }
    }
    return Result(rows: rows, problems: problems)
  }

  /// Splits CSV into records with the line each starts on; quoted fields may hold commas,
  /// doubled quotes and newlines.
  static func records(of text: String) -> [(line: Int, fields: [String])] {
    var out: [(Int, [String])] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var chars = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      i += 1
      if inQuotes {
        if c == "\"" {
          if i < chars.count, chars[i] == "\"" {
            field.append("\"")
            i += 1
          } else {
            inQuotes = false
          }
        } else {
          if c == "\n" { line += 1 }
          field.append(c)
        }
        continue
      }
      switch c {
      case "\"" where field.trimmingSpaces().isEmpty:
        field = ""
        inQuotes = true
      case ",":
        fields.append(field)
        field = ""
      case "\n", "\r":
        fields.append(field)
        out.append((recordLine, fields))
        fields = []
        field = ""
        line += 1
        recordLine = line
      default:
        field.append(c)
      }
    }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      out.append((recordLine, fields))
    }
    return out
  }
}
