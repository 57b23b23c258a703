import Canvas
import LearnerPowerModel

/// A theme file as written, before `extends` is followed.
public struct ThemeDefinition: Sendable, Hashable {
  /// The `name` key (control characters stripped).
  public var name: String
  /// The `description` key, or "".
  public var description: String
  /// The theme named by `extends`, or nil.
  public var extends: String?
  /// The `[styles]` table, with palette names already replaced by their colours.
  public var specs: [Role: StyleSpec]
  /// The file's own `[palette]` (lower-cased names).
  public var palette: [String: Color] = [:]
  /// Where it was read from ("built-in" for the compiled-in default).
  public var file: String
}

/// Reads theme TOML: `name`, `description`, optional `extends`, `[palette]`, `[styles]`.
///
/// Every problem is reported at once with `file:line` and the key path; a misspelt role gets the
/// nearest known role name as a suggestion.
///
/// ```swift
/// ThemeFile.parse(#"name = "x"\n[styles]\n"slider.thumb" = { fg = "red" }"#, file: "x.toml")
/// ```
public enum ThemeFile {
  static let topKeys: Set<String> = ["name", "description", "extends", "palette", "styles"]
  static let styleKeys: Set<String> = ["fg", "bg", "bold", "dim", "italic", "underline", "reverse"]

  /// Parses one theme file; `file` names it in the diagnostics. A colour name the file's own
  /// `[palette]` does not define is looked up in `inheritedPalette` (the default theme's), so a
  /// theme of one line such as `"slider.thumb" = { fg = "accent" }` works.
  public static func parse(
    _ text: String, file: String, inheritedPalette: [String: Color] = [:]
  ) -> Result<ThemeDefinition, DiagnosticList> {
    let doc: TOMLDocument
    switch TOMLDocument.parse(text, file: file) {
    case .success(let d): doc = d
    case .failure(let d): return .failure(DiagnosticList([d]))
    }
    var problems: [Diagnostic] = []
    func problem(_ path: TOMLKeyPath, _ message: String) {
      problems.append(doc.diagnostic(at: path, message))
    }

    let root = doc.root
    for entry in root.tableEntries ?? [] where !topKeys.contains(entry.key) {
      problem(
        [.key(entry.key)],
        "unknown key; a theme has \(topKeys.sorted().joined(separator: ", "))"
          + suggestion(entry.key, among: Array(topKeys)))
    }
    var name = ""
    switch root["name"] {
    case .string(let s)?: name = TextSanitizer.cleanLine(s)
    case nil: problem(.root, "missing key 'name'")
    case let other?: problem(["name"], "must be a string, found \(other.typeName)")
    }
    if name.isEmpty, root["name"]?.stringValue != nil { problem(["name"], "must not be empty") }
    var description = ""
    if let d = root["description"] {
      if let s = d.stringValue {
        description = TextSanitizer.cleanLine(s)
      } else {
        problem(["description"], "must be a string, found \(d.typeName)")
      }
    }
    var extends: String?
    if let e = root["extends"] {
      if let s = e.stringValue, !s.isEmpty {
        extends = s
      } else {
        problem(["extends"], "must be the name of another theme")
      }
    }

    var own: [String: Color] = [:]
    if let p = root["palette"] {
      if let entries = p.tableEntries {
        for entry in entries {
          let path: TOMLKeyPath = ["palette", .key(entry.key)]
          switch parseColor(entry.value, palette: [:]) {
          case .success(let c): own[entry.key.lowercased()] = c
          case .failure(let p): problem(path, p.message)
          }
        }
      } else {
        problem(["palette"], "must be a table of named colours")
      }
    }

    let palette = inheritedPalette.merging(own) { _, mine in mine }
    var specs: [Role: StyleSpec] = [:]
    if let s = root["styles"] {
      if let entries = s.tableEntries {
        for entry in entries {
          let path: TOMLKeyPath = ["styles", .key(entry.key)]
          let role = Role(entry.key)
          if !ThemeRoles.names.contains(role.name) {
            problem(
              path,
              "unknown role '\(TextSanitizer.cleanLine(entry.key))'"
                + suggestion(role.name, among: Array(ThemeRoles.names)))
            continue
          }
          guard let fields = entry.value.tableEntries else {
            problem(path, "must be an inline table such as { fg = \"red\", bold = true }")
            continue
          }
          var spec = StyleSpec()
          var attributes: Attributes?
          for field in fields {
            let fpath = path.appending(field.key)
            switch field.key {
            case "fg", "bg":
              switch parseColor(field.value, palette: palette) {
              case .success(let c): if field.key == "fg" { spec.fg = c } else { spec.bg = c }
              case .failure(let p): problem(fpath, p.message)
              }
            case "bold", "dim", "italic", "underline", "reverse":
              guard let on = field.value.boolValue else {
                problem(fpath, "must be true or false, found \(field.value.typeName)")
                continue
              }
              let flag: Attributes =
                switch field.key {
                case "bold": .bold
                case "dim": .dim
                case "italic": .italic
                case "underline": .underline
                default: .reverse
                }
              var a = attributes ?? []
              if on { a.insert(flag) } else { a.remove(flag) }
              attributes = a
            default:
              problem(
                fpath,
                "unknown style field; use \(styleKeys.sorted().joined(separator: ", "))"
                  + suggestion(field.key, among: Array(styleKeys)))
            }
          }
          // `{}` or only colours leaves attributes inherited; naming any attribute sets the whole set.
          spec.attributes = attributes
          specs[role] = spec
        }
      } else {
        problem(["styles"], "must be a table of roles")
      }
    }
    if !problems.isEmpty { return .failure(DiagnosticList(problems)) }
    return .success(
      ThemeDefinition(
        name: name, description: description, extends: extends, specs: specs, palette: own,
        file: file))
  }

  static let ansiNames: [String: UInt8] = [
    "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    "bright-black": 8, "grey": 8, "gray": 8, "bright-red": 9, "bright-green": 10,
    "bright-yellow": 11,
    "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
  ]

  /// Why a colour value was refused, as the message to show.
  struct ColorProblem: Error, Hashable {
    var message: String
  }

  /// A colour value: ANSI name, 0-255, "#rrggbb", "default", or a palette name.
  static func parseColor(_ node: TOMLNode, palette: [String: Color]) -> Result<Color, ColorProblem>
  {
    if let n = node.intValue {
      guard (0...255).contains(n) else {
        return .failure(ColorProblem(message: "colour number \(n) is out of range 0-255"))
      }
      return .success(n < 16 ? .ansi(UInt8(n)) : .indexed(UInt8(n)))
    }
    guard let raw = node.stringValue else {
      return .failure(
        ColorProblem(
          message: "a colour must be a name, a number 0-255 or \"#rrggbb\", found \(node.typeName)")
      )
    }
    let s = raw.lowercased()
    if s == "default" { return .success(.default) }
    if let c = palette[s] { return .success(c) }
    if let n = ansiNames[s] { return .success(.ansi(n)) }
    if s.hasPrefix("#") {
      if let c = ColorMapper.parseHex(s) { return .success(c) }
      return .failure(
        ColorProblem(
          message:
            "'\(TextSanitizer.cleanLine(raw))' is not a colour; write #rrggbb with six hex digits"))
    }
    let known = Array(ansiNames.keys) + Array(palette.keys) + ["default"]
    return .failure(
      ColorProblem(
        message: "unknown colour '\(TextSanitizer.cleanLine(raw))'" + suggestion(s, among: known)))
  }

  /// "; did you mean 'x'?" for the closest name within a small edit distance, else "".
  /// (Sorted first, so a tie between names from a set always picks the same one.)
  static func suggestion(_ word: String, among names: [String]) -> String {
    let limit = max(2, word.count / 3)
    guard let best = NameSuggestion.nearest(to: word, in: names.sorted(), maxDistance: limit)
    else { return "" }
    return "; did you mean '\(best)'?"
  }
}
