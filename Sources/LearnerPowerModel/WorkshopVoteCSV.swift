/// Reads votes from CSV as exported from a form: `name,current,target`, one participant a row.
/// Bad rows are reported by line and skipped, good rows are kept.
///
/// A first row that names its columns (`name`, `current`, `target`, and optionally `step`,
/// `step_title`, `area`, in any order and case) is a header: columns are then found by name and
/// other named columns are ignored, so `workshop export --format csv` reads back as it is. With a
/// `step` column, `parse(_:collect:step:)` keeps the rows of one step and counts the rest.
/// Without such a header the columns are `name,current,target` in that order (a header row of
/// other words, such as `Name,Current position,Target`, is recognised and skipped).
///
/// ```swift
/// let r = WorkshopVoteCSV.parse("name,current,target\nAna,30,70\nBo,x,60\n", collect: .both)
/// r.rows.count          // 1
/// r.problems.first      // "line 3: current \"x\" is not a whole number; use a whole number …"
///
/// let exported = "step,step_title,name,current,target,area\n2,Today,Ana,30,\n3,Later,Bo,,70\n"
/// let s = WorkshopVoteCSV.parse(exported, collect: .current, step: 2)
/// s.rows.map(\.name)    // ["Ana"]
/// s.otherSteps          // 1
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

    /// Creates a row.
    public init(name: String? = nil, current: Position? = nil, target: Position? = nil) {
      self.name = name
      self.current = current
      self.target = target
    }
  }

  /// Good rows and problems (each "line N: …").
  public struct Result: Hashable, Sendable {
    /// Rows that can become votes.
    public var rows: [Row]
    /// One message per bad row.
    public var problems: [String]
    /// Rows whose `step` column names another step than the one asked for; left out, and not
    /// problems (an export holds every vote step of a session).
    public var otherSteps: Int = 0

    /// Empty, or `"; 3 rows for other steps left out"` to append to an import's summary.
    public var otherStepsNote: String {
      otherSteps == 0
        ? "" : "; \(otherSteps) row\(otherSteps == 1 ? "" : "s") for other steps left out"
    }
  }

  /// Where each field is found in a row.
  struct Columns {
    var name: Int?
    var current: Int?
    var target: Int?
    var step: Int?
    /// How many columns a row may have, and their names for the message when it has more.
    var count: Int
    var names: [String]
    /// Whether the columns come from a header (export-style files); only those undo the
    /// export's spreadsheet guard on names (`'=x` back to `=x`).
    var fromHeader: Bool

    static let positional = Columns(
      name: 0, current: 1, target: 2, step: nil, count: 3, names: ["name", "current", "target"],
      fromHeader: false)

    /// The columns named by a header row, or nil when `fields` is not such a header: it must
    /// name `current` or `target` exactly and hold no number (`Current,30,70` is a participant).
    static func named(_ fields: [String]) -> Columns? {
      let names = fields.map { $0.lowercased() }
      guard names.contains("current") || names.contains("target"),
        !names.contains(where: { Int($0) != nil })
      else { return nil }
      func index(_ column: String) -> Int? { names.firstIndex(of: column) }
      return Columns(
        name: index("name"), current: index("current"), target: index("target"),
        step: index("step"), count: names.count, names: names, fromHeader: true)
    }
  }

  /// Parses `text`; `collect` says which columns a row must have. With `step` (1-based) and a
  /// `step` column, only that step's rows are read; the others are counted in `otherSteps`.
  public static func parse(_ text: String, collect: VoteCollect, step: Int? = nil) -> Result {
    var rows: [Row] = []
    var problems: [String] = []
    var otherSteps = 0
    var columns = Columns.positional
    let records = records(of: text)
    for (index, record) in records.enumerated() {
      let lineNumber = record.line
      let fields = record.fields.map { $0.trimmingSpaces() }
      if fields.allSatisfy(\.isEmpty) { continue }
      if index == 0 {
        let named = Columns.named(fields)
        let missing = [
          ("current", collect.wantsCurrent, named?.current),
          ("target", collect.wantsTarget, named?.target),
        ]
        .filter { $0.1 && $0.2 == nil }.map(\.0)
        if let named, missing.isEmpty {
          columns = named
          continue
        }
        if fields.count >= 2, Int(fields[1]) == nil,
          fields[1].lowercased().contains("current") || fields[0].lowercased() == "name"
        {
          // A header of other words (`Name,Current position,Target`): columns stay in order.
          continue
        }
        if let named {
          // Every row would fail the same way; one message says why.
          let list = missing.map { "\"\($0)\"" }.joined(separator: " and ")
          return Result(
            rows: [],
            problems: [
              "line \(lineNumber): the header has no \(list) column (it names \(named.names.joined(separator: ","))); "
                + "this step collects \(collect.rawValue), so no rows were read"
            ])
        }
      }
      func field(_ column: Int?) -> String {
        guard let column, column < fields.count else { return "" }
        return fields[column]
      }
      if let wanted = step, columns.step != nil {
        let raw = field(columns.step)
        if let n = Int(raw), n != wanted {
          otherSteps += 1
          continue
        }
        if Int(raw) == nil {
          let why =
            raw.isEmpty
            ? "step is missing"
            : "step \"\(TOMLFieldReader.cleanField(String(raw.prefix(20))))\" is not a step number"
          problems.append("line \(lineNumber): \(why) (row skipped)")
          continue
        }
      }
      var name = TOMLFieldReader.cleanField(field(columns.name))
      if columns.fromHeader, name.count > 1, name.first == "'", let second = name.dropFirst().first,
        "=+-@".contains(second)
      {
        name.removeFirst()
      }
      var row = Row(name: name.isEmpty ? nil : name)
      var messages: [String] = []
      for (column, label, wanted) in [
        (columns.current, "current", collect.wantsCurrent),
        (columns.target, "target", collect.wantsTarget),
      ] {
        let raw = field(column)
        if raw.isEmpty {
          if wanted { messages.append("\(label) is missing") }
          continue
        }
        switch Position.parse(raw) {
        case .success(let p):
          if label == "current" { row.current = p } else { row.target = p }
        case .failure(let e):
          if wanted { messages.append(e.description.replacing("position", with: label)) }
        }
      }
      if fields.count > columns.count {
        messages.append(
          "expected \(columns.count) columns (\(columns.names.joined(separator: ","))), found \(fields.count)"
        )
      }
      if messages.isEmpty {
        if !collect.wantsCurrent { row.current = nil }
        if !collect.wantsTarget { row.target = nil }
        rows.append(row)
      } else {
        problems.append(
          "line \(lineNumber): " + messages.joined(separator: "; ") + " (row skipped)")
      }
    }
    return Result(rows: rows, problems: problems, otherSteps: otherSteps)
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
    var chars = Array(text.replacing("\r\n", with: "\n"))
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
