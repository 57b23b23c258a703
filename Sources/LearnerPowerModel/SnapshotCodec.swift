#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Writes and reads snapshot JSON (`learnerpower.snapshot/N`).
///
/// Output is pretty-printed with sorted keys and a final newline, so the same snapshot always
/// gives the same bytes (write → read → write is identical). Reading accepts every schema
/// version up to ``version`` and explains, naming the file, anything else: empty, binary,
/// truncated or malformed JSON, another kind of file, a newer schema, a missing or bad field.
///
/// ```swift
/// let data = try SnapshotCodec.encode(snapshot)
/// switch SnapshotCodec.decode(data, file: "q3.json") {
/// case .success(let again): again == snapshot  // true
/// case .failure(let problem): print(problem)   // "q3.json: truncated: …"
/// }
/// ```
public enum SnapshotCodec {
  /// The newest schema version this build reads and the one it writes.
  public static let version = 2
  /// The schema family, before the `/N`.
  public static let schemaFamily = "learnerpower.snapshot"
  /// The schema string this build writes.
  public static let schema = "\(schemaFamily)/\(version)"
  /// Files larger than this are refused before parsing (a snapshot is a few kilobytes).
  public static let sizeLimit = 4 << 20

  /// The JSON bytes for `snapshot`, ending in a newline.
  ///
  /// ```swift
  /// String(decoding: try SnapshotCodec.encode(s), as: UTF8.self).hasPrefix("{")  // true
  /// ```
  public static func encode(_ snapshot: Snapshot) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(snapshot)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// Reads a snapshot, or a diagnostic naming `file` and what is wrong with it.
  ///
  /// ```swift
  /// SnapshotCodec.decode(Data("{\"schema\":\"learnerpower.snapshot/9\"}".utf8), file: "x.json")
  /// // .failure: x.json: written by a newer learnerpower (schema learnerpower.snapshot/9); …
  /// ```
  public static func decode(_ data: Data, file: String) -> Result<Snapshot, Diagnostic> {
    func fail(_ message: String, keyPath: String? = nil) -> Result<Snapshot, Diagnostic> {
      .failure(Diagnostic(file: file, keyPath: keyPath, message: message))
    }
    if data.isEmpty { return fail("empty file: not a snapshot") }
    if data.count > sizeLimit {
      return fail("too large for a snapshot (\(data.count) bytes; the limit is \(sizeLimit))")
    }
    guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
      return fail("binary data, not a snapshot (snapshots are UTF-8 JSON text)")
    }
    // The whole text is checked first: the decoder below looks only at the fields it knows, so
    // damage elsewhere (`"x": 01`) would otherwise pass unnoticed.
    if let problem = JSONSyntax.firstProblem(in: Array(data)) {
      if problem.atEnd { return fail("truncated: the JSON ends before the snapshot is complete") }
      return .failure(
        Diagnostic(
          file: file, line: problem.line, column: problem.column,
          message: "not valid JSON (\(problem.message)), so not a readable snapshot"))
    }
    let schema: String?
    do {
      schema = try JSONDecoder().decode(SchemaProbe.self, from: data).schema
    } catch let error as DecodingError {
      // The probe reads a JSON object's `schema` and nothing else: a syntax error is
      // `dataCorrupted`; any other value at the top level is a type mismatch (or null).
      if case .dataCorrupted = error, endsInsideAValue(text) {
        return fail("truncated: the JSON ends before the snapshot is complete")
      }
      if case .typeMismatch = error, firstSignificantByte(of: data) == UInt8(ascii: "[") {
        return fail("not a snapshot: expected a JSON object at the top level")
      }
      // Syntax errors, and a lone number, string, boolean or null (JSON text must start with
      // an object or array), are not JSON a snapshot can be read from.
      return .failure(
        Diagnostic(file: file, line: nil, message: "not valid JSON, so not a readable snapshot"))
    } catch {
      return fail("not valid JSON, so not a readable snapshot")
    }
    guard let schema else {
      return fail("not a learnerpower snapshot: there is no \"schema\" field")
    }
    switch checkSchema(schema) {
    case .failure(let problem): return fail(problem.message, keyPath: "schema")
    case .success: break
    }
    do {
      return .success(try JSONDecoder().decode(Snapshot.self, from: data))
    } catch let error as DecodingError {
      let (path, message) = describe(error)
      return fail(message, keyPath: path)
    } catch {
      return fail("cannot be read as a snapshot (\(error))")
    }
  }

  /// Checks a `schema` value: accepts `learnerpower.snapshot/1` … `/version`.
  static func checkSchema(_ schema: String) -> Result<Int, SchemaProblem> {
    let shown = TextSanitizer.cleanLine(schema)
    let parts = schema.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else {
      return .failure(SchemaProblem("not a learnerpower snapshot (schema \"\(shown)\")"))
    }
    let family = String(parts[0])
    guard family == schemaFamily else {
      if family.hasPrefix("learnerpower.") {
        let kind = family.dropFirst("learnerpower.".count)
        let name = kind == "session" ? "a workshop session" : "a learnerpower \(kind) file"
        return .failure(SchemaProblem("\(name) (schema \"\(shown)\"), not a snapshot"))
      }
      return .failure(SchemaProblem("not a learnerpower snapshot (schema \"\(shown)\")"))
    }
    guard let n = Int(parts[1]), n >= 1 else {
      return .failure(SchemaProblem("unknown snapshot schema version \"\(shown)\""))
    }
    guard n <= version else {
      return .failure(
        SchemaProblem(
          "written by a newer learnerpower (schema \(shown)); this version reads "
            + "\(schemaFamily)/\(version) and earlier; update learnerpower to open it"))
    }
    return .success(n)
  }

  /// Why a schema value is refused.
  struct SchemaProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }

  /// The key path and a sentence for a decoding error.
  private static func describe(_ error: DecodingError) -> (String?, String) {
    func path(_ keys: [any CodingKey]) -> String {
      var out = ""
      for key in keys {
        if let i = key.intValue {
          out += "[\(i)]"
        } else {
          out += (out.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return out
    }
    switch error {
    case .keyNotFound(let key, let context):
      let full = path(context.codingPath + [key])
      return (full, "missing required field")
    case .typeMismatch(let type, let context):
      return (path(context.codingPath), "expected \(typeName(type))")
    case .valueNotFound(let type, let context):
      return (path(context.codingPath), "expected \(typeName(type)), found null")
    case .dataCorrupted(let context):
      return (path(context.codingPath), TextSanitizer.cleanLine(context.debugDescription))
    @unknown default:
      return (nil, "cannot be read as a snapshot")
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type: return "a whole number"
    case is Double.Type: return "a number"
    case is Bool.Type: return "true or false"
    default:
      let name = String(describing: type)
      if name.hasPrefix("Array") { return "a list" }
      if name.hasPrefix("Dictionary") { return "an object" }
      return "a different type (\(name))"
    }
  }

  /// Whether the text stops with an object, array or string still open: the tell-tale of a file
  /// cut short (a full disk, a copy interrupted), as opposed to one written wrongly.
  static func endsInsideAValue(_ text: String) -> Bool {
    var depth = 0
    var inString = false
    var escaped = false
    var sawOpen = false
    for byte in text.utf8 {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        sawOpen = true
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        // More closers than openers is a malformed file, not a short one.
        if depth < 0 { return false }
      default: break
      }
    }
    return sawOpen && (depth > 0 || inString)
  }

  /// The first byte that is not JSON whitespace (or a leading byte-order mark).
  private static func firstSignificantByte(of data: Data) -> UInt8? {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    return bytes.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
  }

  /// Only the `schema` field of a JSON object: decoded before the whole snapshot, so that a file
  /// of another kind or a newer schema is named as such rather than as a list of missing fields.
  private struct SchemaProbe: Decodable {
    let schema: String?
    private enum Key: String, CodingKey { case schema }
    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Key.self)
      // A `schema` that is not a string counts as no schema, as before.
      schema = try? container.decodeIfPresent(String.self, forKey: .schema)
    }
  }
}

extension SnapshotCodec.SchemaProblem: CustomStringConvertible {
  var description: String { message }
}
