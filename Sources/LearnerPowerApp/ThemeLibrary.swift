import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerModel

/// Where a theme was found.
public enum ThemeOrigin: String, Sendable, Hashable {
  /// Named by path on the command line (`--theme ./mine.toml`, `themes check FILE`).
  case file = "file"
  /// The folder given with `--themes-dir`.
  case themesDir = "--themes-dir"
  /// `$XDG_CONFIG_HOME/learnerpower/themes`.
  case user = "user"
  /// `PREFIX/share/learnerpower/themes` beside the installed binary.
  case installed = "installed"
  /// The `themes/` folder of the source checkout the binary was built in (or run from).
  case checkout = "checkout"
  /// Compiled into the binary (`BuiltInTheme`).
  case builtIn = "built-in"
}

/// One theme the library can offer: what `themes list` and the picker show.
public struct ThemeInfo: Sendable, Hashable {
  /// The name `--theme`, `config.toml` and the picker use (the file name without `.toml`).
  public var name: String
  /// The theme's one-line description, or a hint to run `themes check` when it is broken.
  public var description: String
  /// Which folder it came from.
  public var origin: ThemeOrigin
  /// The file, or nil for the built-in default.
  public var path: String?

  /// Describes one theme.
  public init(name: String, description: String, origin: ThemeOrigin, path: String?) {
    self.name = name
    self.description = description
    self.origin = origin
    self.path = path
  }
}

/// A theme ready to draw with, with where it came from.
public struct ResolvedTheme: Sendable, Hashable {
  /// The styles, with the `extends` chain (and the default theme) as parents.
  public var theme: Theme
  /// Name, description and origin.
  public var info: ThemeInfo

  /// Pairs a theme with its origin.
  public init(theme: Theme, info: ThemeInfo) {
    self.theme = theme
    self.info = info
  }
}

/// Finds, reads and resolves themes: `--theme NAME|PATH`, `--themes-dir`, the user's themes
/// folder, the installed share folder, the checkout's `themes/`, and the built-in default.
///
/// Reading files happens here (the app layer); parsing is `ThemeFile`, drawing styles `Theme`.
/// A theme's `extends` parent is looked for first beside the theme's own file, then in the
/// folders in order; a theme without `extends` inherits from the default theme.
///
/// ```swift
/// let library = ThemeLibrary(paths: AppPaths(environment: env), environment: env)
/// library.list().map(\.name)         // ["default", "high-contrast", "light", …]
/// let light = try library.load("light").get()
/// light.theme.style("slider.current")
/// ```
public struct ThemeLibrary: Sendable {
  /// Folders searched in order; the first file named `NAME.toml` wins.
  public var folders: [(path: String, origin: ThemeOrigin)]

  /// The search folders for these paths: `--themes-dir`, the user's folder, the share folder
  /// beside `executablePath` (default: this process's binary), the checkout that binary was
  /// built in, and `workingDirectory` (default: the current one) when it is a checkout.
  public init(
    paths: AppPaths, environment: [String: String], executablePath: String? = nil,
    workingDirectory: String? = nil
  ) {
    var folders: [(String, ThemeOrigin)] = []
    if let dir = paths.themesOverride { folders.append((dir, .themesDir)) }
    folders.append((paths.config + "/themes", .user))
    let exe = executablePath ?? Self.executablePath()
    if let exe {
      let bin = PathText.deletingLastComponent(exe)
      let prefix = PathText.deletingLastComponent(bin)
      folders.append((prefix + "/share/learnerpower/themes", .installed))
      // .build/<config>/learnerpower or .build/<triple>/<config>/learnerpower inside a checkout.
      var dir = bin
      for _ in 0..<4 {
        dir = PathText.deletingLastComponent(dir)
        if dir.isEmpty || dir == "/" { break }
        if FileManager.default.fileExists(atPath: dir + "/Package.swift") {
          folders.append((dir + "/themes", .checkout))
          break
        }
      }
    }
    let cwd = workingDirectory ?? FileManager.default.currentDirectoryPath
    if FileManager.default.fileExists(atPath: cwd + "/Package.swift"),
      !folders.contains(where: { $0.0 == cwd + "/themes" })
    {
      folders.append((cwd + "/themes", .checkout))
    }
    self.folders = folders
  }

  static func executablePath() -> String? {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
  }

  /// The built-in default theme as written, parsed once.
  static let builtInDefinition: ThemeDefinition? = {
    guard case .success(let d) = ThemeFile.parse(BuiltInTheme.defaultSource, file: "built-in")
    else {
      return nil
    }
    return d
  }()

  /// Parses a theme file found by name or path. The shipped `default.toml` is byte for byte the
  /// built-in theme (ThemeShippedTests checks it), so that text takes the built-in parse instead
  /// of parsing the same TOML a second time on every start.
  static func parseFile(_ text: String, path: String) -> Result<ThemeDefinition, DiagnosticList> {
    // Bytes, not `==`: String equality is canonical equivalence, and the result must be identical.
    let source = BuiltInTheme.defaultSource + "\n"
    if text.utf8.count == source.utf8.count, text.utf8.elementsEqual(source.utf8),
      var d = builtInDefinition
    {
      d.file = path
      return .success(d)
    }
    return ThemeFile.parse(text, file: path, inheritedPalette: Self.builtInPalette)
  }

  /// The default theme's colour names, which every theme file may use without defining them.
  public static var builtInPalette: [String: Color] { builtInDefinition?.palette ?? [:] }

  /// The built-in default theme; it cannot fail (a test parses the same text).
  public static let builtInDefault: ResolvedTheme = {
    let theme: Theme
    if let d = builtInDefinition {
      theme = Theme(name: d.name, description: d.description, specs: d.specs)
    } else {
      theme = Theme(name: "default")
    }
    return ResolvedTheme(
      theme: theme,
      info: ThemeInfo(name: "default", description: theme.description, origin: .builtIn, path: nil))
  }()

  /// The theme to start with: `wanted` (from `--theme`) beats `remembered` (config.toml), which
  /// beats the default. A theme that fails to load never stops the app: the default is used and
  /// the warning is returned for the status line.
  public func choose(wanted: String?, remembered: String?) -> (ResolvedTheme, warning: String?) {
    let fallback = (try? load("default").get()) ?? Self.builtInDefault
    guard let name = wanted ?? remembered else { return (fallback, nil) }
    switch load(name) {
    case .success(let t): return (t, nil)
    case .failure(let e):
      return (
        fallback, "Warning: theme '\(name)' not used: \(e.diagnostics.first?.description ?? "")"
      )
    }
  }

  /// The theme after `name` in ``list()`` order (wrapping round) and the result of loading it:
  /// what `t` does in the explorer and the workshop. Nil when there are no themes at all.
  ///
  /// ```swift
  /// library.next(after: "default")?.name  // "high-contrast"
  /// ```
  public func next(after name: String) -> (
    name: String, result: Result<ResolvedTheme, DiagnosticList>
  )? {
    let names = list().map(\.name)
    guard !names.isEmpty else { return nil }
    let i = names.firstIndex(of: name) ?? -1
    let next = names[(i + 1) % names.count]
    return (next, load(next))
  }

  /// Every theme available, one per name (the first found wins), sorted by name.
  public func list() -> [ThemeInfo] {
    var byName: [String: ThemeInfo] = [:]
    for (folder, origin) in folders {
      guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
        continue
      }
      for file in files.sorted() where file.hasSuffix(".toml") && file.count > 5 {
        let name = String(file.dropLast(5))
        guard byName[name] == nil else { continue }
        let path = folder + "/" + file
        var description = ""
        if case .success(let text) = readText(path),
          case .success(let d) = Self.parseFile(text, path: path)
        {
          description = d.description
        } else {
          description = "(has problems: run 'learnerpower themes check \(path)')"
        }
        byName[name] = ThemeInfo(name: name, description: description, origin: origin, path: path)
      }
    }
    if byName["default"] == nil { byName["default"] = Self.builtInDefault.info }
    return byName.values.sorted { $0.name < $1.name }
  }

  /// The file a name refers to, searching `first` (a theme's own folder) and then the folders
  /// in order; `skipping` leaves out one file (a theme that extends its own name).
  func file(for name: String, first: String? = nil, skipping: String? = nil)
    -> (path: String, origin: ThemeOrigin)?
  {
    guard !name.isEmpty, !name.contains("/") else { return nil }
    var candidates = folders
    if let first { candidates.insert((first, .file), at: 0) }
    for (folder, origin) in candidates {
      let path = folder + "/" + name + ".toml"
      guard FileManager.default.fileExists(atPath: path) else { continue }
      if let skipping, Self.canonical(path) == skipping { continue }
      return (path, origin)
    }
    return nil
  }

  /// Loads a theme by name or path and follows its `extends` chain.
  ///
  /// A name that is not found is an error, except "default", which falls back to the built-in.
  /// Loaded by name, `info.name` is that name (what `config.toml` remembers); loaded by path,
  /// it is the `name` written in the file.
  public func load(_ nameOrPath: String) -> Result<ResolvedTheme, DiagnosticList> {
    let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
    if looksLikePath {
      return resolve(path: nameOrPath, origin: .file, chain: [])
    }
    if let found = file(for: nameOrPath) {
      return resolve(path: found.path, origin: found.origin, chain: []).map { r in
        var r = r
        r.info.name = nameOrPath
        return r
      }
    }
    if nameOrPath == "default" { return .success(Self.builtInDefault) }
    let names = list().map(\.name)
    return .failure(
      DiagnosticList([
        Diagnostic(
          file: nameOrPath,
          message: "no theme of that name; available: \(names.joined(separator: ", "))"
            + ThemeFile.suggestion(nameOrPath, among: names))
      ]))
  }

  /// Every problem in a theme file, as `themes check` reports them: TOML syntax, unknown keys
  /// and roles, bad colours and attributes, and an `extends` chain that is missing a parent,
  /// makes a cycle or reaches a broken parent. Empty when the file is fine.
  ///
  /// ```swift
  /// library.check("mine.toml").map(\.description)
  /// // ["mine.toml:12: styles.slider.thumb: unknown role 'slider.thumb'; did you mean …"]
  /// ```
  public func check(_ path: String) -> [Diagnostic] {
    switch readText(path) {
    case .success(let text): return check(text: text, path: path)
    case .failure(let d): return [d]
    }
  }

  /// ``check(_:)`` of text already read from `path` (a pipe can be read only once).
  func check(text: String, path: String) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var name: String
    var extends: String?
    switch ThemeFile.parse(text, file: path, inheritedPalette: Self.builtInPalette) {
    case .success(let d):
      name = d.name
      extends = d.extends
    case .failure(let e):
      problems = e.diagnostics
      // After a syntax error there is nothing else to look at.
      guard case .success(let doc) = TOMLDocument.parse(text, file: path) else { return problems }
      name = doc.root["name"]?.stringValue ?? ""
      extends = doc.root["extends"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
      // Without `extends` the parent is the default theme, which is checked on its own.
      guard extends != nil else { return problems }
    }
    if name.isEmpty { name = Self.stem(path) }
    let link = Link(name: name, path: Self.canonical(path))
    if case .failure(let e) = parent(
      of: (name, extends), path: path, text: text, chain: [link])
    {
      problems += e.diagnostics
    }
    return DiagnosticList(problems).diagnostics
  }

  /// One theme on the way down an `extends` chain, to spot cycles by file.
  private struct Link {
    var name: String
    var path: String
  }

  private func resolve(path: String, origin: ThemeOrigin, chain: [Link])
    -> Result<ResolvedTheme, DiagnosticList>
  {
    let text: String
    switch readText(path) {
    case .success(let t): text = t
    case .failure(let d): return .failure(DiagnosticList([d]))
    }
    let def: ThemeDefinition
    switch Self.parseFile(text, path: path) {
    case .success(let d): def = d
    case .failure(let e):
      // Every problem at once, as `themes check` lists them (a missing parent included), for
      // the theme asked for; a broken parent is reported by its own check.
      guard chain.isEmpty else { return .failure(e) }
      return .failure(DiagnosticList(check(text: text, path: path)))
    }
    let chain = chain + [Link(name: def.name, path: Self.canonical(path))]
    let parent: Theme?
    switch self.parent(of: (def.name, def.extends), path: path, text: text, chain: chain) {
    case .success(let p): parent = p
    case .failure(let e): return .failure(e)
    }
    let theme = Theme(
      name: def.name, description: def.description, specs: def.specs, parent: parent)
    return .success(
      ResolvedTheme(
        theme: theme,
        info: ThemeInfo(name: def.name, description: def.description, origin: origin, path: path)))
  }

  /// The theme `extends` names (or, without `extends`, the default theme), resolved.
  private func parent(
    of theme: (name: String, extends: String?), path: String, text: String, chain: [Link]
  ) -> Result<Theme?, DiagnosticList> {
    let here = Self.canonical(path)
    let folder = PathText.deletingLastComponent(path)
    guard let ext = theme.extends else {
      if theme.name == "default" { return .success(nil) }
      // Everything a theme leaves out comes from the default theme; a broken default.toml
      // must not break every other theme, so the built-in one stands in for it.
      if let f = file(for: "default", skipping: here),
        !chain.contains(where: { $0.path == Self.canonical(f.path) }),
        case .success(let d) = resolve(path: f.path, origin: f.origin, chain: chain)
      {
        return .success(d.theme)
      }
      return .success(Self.builtInDefault.theme)
    }
    func problem(_ message: String) -> Result<Theme?, DiagnosticList> {
      .failure(
        DiagnosticList([
          Diagnostic(
            file: path, line: lineOf("extends", in: text), keyPath: "extends", message: message)
        ]))
    }
    let cleanExt = TextSanitizer.cleanLine(ext)
    // A theme may extend a theme of its own name found further down the folders (a user's
    // default.toml extending the shipped one), so its own file is never its parent.
    guard let found = file(for: ext, first: folder.isEmpty ? "." : folder, skipping: here) else {
      if ext == "default" { return .success(Self.builtInDefault.theme) }
      if ext == theme.name || ext == Self.stem(path) {
        return problem("'extends' makes a cycle: \(theme.name) -> \(cleanExt)")
      }
      return problem(
        "the parent theme '\(cleanExt)' was not found beside this file or in the themes folders"
          + ThemeFile.suggestion(ext, among: list().map(\.name)))
    }
    let foundPath = Self.canonical(found.path)
    if let i = chain.firstIndex(where: { $0.path == foundPath }) {
      let loop = chain[i...].map(\.name) + [chain[i].name]
      return problem("'extends' makes a cycle: \(loop.joined(separator: " -> "))")
    }
    switch resolve(path: found.path, origin: found.origin, chain: chain) {
    case .success(let p): return .success(p.theme)
    case .failure(let e):
      let first = e.diagnostics.first.map(\.description) ?? found.path
      return problem("the parent theme '\(cleanExt)' has problems: \(first)")
    }
  }

  private func lineOf(_ key: String, in text: String) -> Int? {
    if case .success(let doc) = TOMLDocument.parse(text, file: "") {
      return doc.line(of: [.key(key)])
    }
    return nil
  }

  /// The file name without its folder and `.toml`.
  static func stem(_ path: String) -> String {
    let file = PathText.lastComponent(path)
    return file.hasSuffix(".toml") ? String(file.dropLast(5)) : file
  }

  /// An absolute path with `.`, `..` and symbolic links resolved, to compare files.
  static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
