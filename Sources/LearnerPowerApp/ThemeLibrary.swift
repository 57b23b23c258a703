import Canvas
import Foundation
import LearnerPowerModel

/// Where a theme was found.
public enum ThemeOrigin: String, Sendable, Hashable {
  case file = "file"
  case themesDir = "--themes-dir"
  case user = "user"
  case installed = "installed"
  case checkout = "checkout"
  case builtIn = "built-in"
}

/// One theme the library can offer.
public struct ThemeInfo: Sendable, Hashable {
  public var name: String
  public var description: String
  public var origin: ThemeOrigin
  public var path: String?
}

/// A theme ready to draw with, with where it came from.
public struct ResolvedTheme: Sendable, Hashable {
  public var theme: Theme
  public var info: ThemeInfo
}

/// Finds, reads and resolves themes: `--theme NAME|PATH`, `--themes-dir`, the user's themes
/// folder, the installed share folder, the checkout's `themes/`, and the built-in default.
///
/// Reading files happens here (the app layer); parsing is `ThemeFile`, drawing styles `Theme`.
public struct ThemeLibrary: Sendable {
  /// Folders searched in order; the first file named `NAME.toml` wins.
  public var folders: [(path: String, origin: ThemeOrigin)]

  public init(paths: AppPaths, environment: [String: String], executablePath: String? = nil) {
    var folders: [(String, ThemeOrigin)] = []
    if let dir = paths.themesOverride { folders.append((dir, .themesDir)) }
    folders.append((paths.config + "/themes", .user))
    let exe = executablePath ?? Self.executablePath()
    if let exe {
      let bin = (exe as NSString).deletingLastPathComponent
      let prefix = (bin as NSString).deletingLastPathComponent
      folders.append((prefix + "/share/learnerpower/themes", .installed))
      // .build/<config>/learnerpower or .build/<triple>/<config>/learnerpower inside a checkout.
      var dir = bin
      for _ in 0..<4 {
        dir = (dir as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: dir + "/Package.swift") {
          folders.append((dir + "/themes", .checkout))
          break
        }
      }
    }
    let cwd = FileManager.default.currentDirectoryPath
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

  /// The built-in default theme; it cannot fail (a test parses the same text).
  public static let builtInDefault: ResolvedTheme = {
    let theme: Theme
    switch ThemeFile.parse(BuiltInTheme.defaultSource, file: "built-in") {
    case .success(let d): theme = Theme(name: d.name, description: d.description, specs: d.specs)
    case .failure: theme = Theme(name: "default")
    }
    return ResolvedTheme(
      theme: theme,
      info: ThemeInfo(name: "default", description: theme.description, origin: .builtIn, path: nil))
  }()

  /// Every theme available, one per name (the first found wins), sorted by name.
  public func list() -> [ThemeInfo] {
    var byName: [String: ThemeInfo] = [:]
    for (folder, origin) in folders {
      guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
      for file in files.sorted() where file.hasSuffix(".toml") {
        let name = String(file.dropLast(5))
        guard byName[name] == nil else { continue }
        let path = folder + "/" + file
        var description = ""
        if let text = try? String(contentsOfFile: path, encoding: .utf8),
          case .success(let d) = ThemeFile.parse(text, file: path)
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

  /// The file a name refers to, searching the folders in order.
  func file(for name: String) -> (path: String, origin: ThemeOrigin)? {
    for (folder, origin) in folders {
      let path = folder + "/" + name + ".toml"
      if FileManager.default.fileExists(atPath: path) { return (path, origin) }
    }
    return nil
  }

  /// Loads a theme by name or path and follows its `extends` chain.
  ///
  /// A name that is not found is an error, except "default", which falls back to the built-in.
  public func load(_ nameOrPath: String) -> Result<ResolvedTheme, DiagnosticList> {
    let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
    if looksLikePath {
      return resolve(path: nameOrPath, origin: .file, seen: [])
    }
    if let found = file(for: nameOrPath) {
      return resolve(path: found.path, origin: found.origin, seen: [])
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

  private func resolve(path: String, origin: ThemeOrigin, seen: [String]) -> Result<ResolvedTheme, DiagnosticList> {
    let text: String
    switch readText(path) {
    case .success(let t): text = t
    case .failure(let d): return .failure(DiagnosticList([d]))
    }
    let def: ThemeDefinition
    switch ThemeFile.parse(text, file: path) {
    case .success(let d): def = d
    case .failure(let e): return .failure(e)
    }
    var parent: Theme?
    if let ext = def.extends {
      if seen.contains(ext) || ext == def.name {
        return .failure(
          DiagnosticList([
            Diagnostic(
              file: path, line: lineOf("extends", in: text), keyPath: "extends",
              message: "'extends' makes a cycle: \((seen + [def.name, ext]).joined(separator: " -> "))")
          ]))
      }
      if let found = file(for: ext), found.path != path {
        switch resolve(path: found.path, origin: found.origin, seen: seen + [def.name]) {
        case .success(let p): parent = p.theme
        case .failure(let e): return .failure(e)
        }
      } else if ext == "default" {
        parent = Self.builtInDefault.theme
      } else {
        return .failure(
          DiagnosticList([
            Diagnostic(
              file: path, line: lineOf("extends", in: text), keyPath: "extends",
              message: "the parent theme '\(TextSanitizer.cleanLine(ext))' was not found")
          ]))
      }
    } else if def.name != "default" {
      // Everything a theme leaves out comes from the default theme.
      parent = (file(for: "default").flatMap { f in
        f.path == path ? nil : (try? resolve(path: f.path, origin: f.origin, seen: seen + [def.name]).get())?.theme
      }) ?? Self.builtInDefault.theme
    }
    let theme = Theme(name: def.name, description: def.description, specs: def.specs, parent: parent)
    return .success(
      ResolvedTheme(
        theme: theme, info: ThemeInfo(name: def.name, description: def.description, origin: origin, path: path)))
  }

  private func lineOf(_ key: String, in text: String) -> Int? {
    if case .success(let doc) = TOMLDocument.parse(text, file: "") { return doc.line(of: [.key(key)]) }
    return nil
  }
}

/// Reads a UTF-8 text file with a message that names the file and the problem.
func readText(_ path: String, limit: Int = 4 << 20) -> Result<String, Diagnostic> {
  var isDir: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
    return .failure(Diagnostic(file: path, message: "no such file"))
  }
  if isDir.boolValue { return .failure(Diagnostic(file: path, message: "is a folder, not a file")) }
  guard let data = FileManager.default.contents(atPath: path) else {
    return .failure(Diagnostic(file: path, message: "cannot be read"))
  }
  if data.count > limit {
    return .failure(Diagnostic(file: path, message: "is too large (\(data.count) bytes; the limit is \(limit))"))
  }
  guard let text = String(data: data, encoding: .utf8) else {
    return .failure(Diagnostic(file: path, message: "is not UTF-8 text (is it a binary file?)"))
  }
  return .success(text)
}

/// Reads a catalogue file.
public enum CatalogueFile {
  public static func load(_ path: String) -> Result<Catalogue, DiagnosticList> {
    switch readText(path) {
    case .failure(let d): return .failure(DiagnosticList([d]))
    case .success(let text): return Catalogue.parse(text, file: path)
    }
  }
}
