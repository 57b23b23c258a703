/// A named, versioned list of approaches: the built-in one or a user's own TOML file.
///
/// ```swift
/// let catalogue = Catalogue.builtIn
/// catalogue.approaches.count  // 32
/// catalogue["E3"]?.name       // "Learning circles"
///
/// switch Catalogue.parse(text, file: "ours.toml") {
/// case .success(let ours): use(ours)
/// case .failure(let problems): print(problems)  // one "file:line: key: message" per line
/// }
/// ```
public struct Catalogue: Hashable, Sendable {
  /// Display name, e.g. "Learner Power built-in catalogue".
  public let name: String
  /// The catalogue's own version, as written by its authors.
  public let version: String
  /// The approaches, in file order.
  public let approaches: [Approach]

  /// Makes a catalogue from values (tests, or catalogues built in code).
  public init(name: String, version: String, approaches: [Approach]) {
    self.name = name
    self.version = version
    self.approaches = approaches
  }

  /// The approach with identifier `id` (exact match), if any.
  ///
  /// ```swift
  /// Catalogue.builtIn["D1"]?.pinned  // true
  /// Catalogue.builtIn["Z9"]          // nil
  /// ```
  public subscript(id: String) -> Approach? { approaches.first { $0.id == id } }

  /// The catalogue compiled into the binary from `Data/catalogue.toml`.
  ///
  /// The file is checked by the test suite; should it ever fail to parse, this is an empty
  /// catalogue named after the problem rather than a crash.
  public static let builtIn: Catalogue = {
    let text = String(decoding: PackageResources.catalogue_toml, as: UTF8.self)
    switch parse(text, file: "catalogue.toml (built in)") {
    case .success(let catalogue):
      return catalogue
    case .failure(let problems):
      return Catalogue(
        name: "Built-in catalogue failed to load: \(problems.diagnostics.first?.description ?? "")",
        version: "0", approaches: [])
    }
  }()

  /// Reads a catalogue from TOML text, reporting every problem at once with its line and key
  /// path. `file` is only used in the diagnostics.
  ///
  /// Checked: TOML syntax (line:column); missing required keys; wrong types; duplicate ids (at
  /// the second use); `fit` not `[lo, hi]` with `0 <= lo <= hi <= 100`; unknown stages and
  /// social modes (listing the valid ones); unknown keys; an empty catalogue. Text fields are
  /// stripped of control and escape characters. See docs/catalogue.md for the format.
  ///
  /// ```swift
  /// Catalogue.parse("name = 1", file: "x.toml")
  /// // .failure: x.toml:1: name: expected a string, found integer 1
  /// //           x.toml: version: missing required key …
  /// ```
  public static func parse(_ text: String, file: String) -> Result<Catalogue, DiagnosticList> {
    switch TOMLDocument.parse(text, file: file) {
    case .failure(let syntax):
      return .failure(DiagnosticList([syntax]))
    case .success(let document):
      var reader = CatalogueReader(document: document)
      let catalogue = reader.read()
      let problems = DiagnosticList(reader.problems)
      if problems.hasErrors { return .failure(problems) }
      return .success(catalogue)
    }
  }
}
