/// A path to a value in a TOML document, e.g. `approaches[2].fit` or `styles."slider.thumb".fg`.
///
/// Written as an array literal of keys and indices:
///
/// ```swift
/// let path: TOMLKeyPath = ["approaches", 2, "fit"]
/// path.description  // approaches[2].fit
/// ```
package struct TOMLKeyPath: Hashable, Sendable, CustomStringConvertible,
  ExpressibleByArrayLiteral
{
  /// One step of a path: a table key or an array index.
  package enum Component: Hashable, Sendable, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral
  {
    case key(String)
    case index(Int)

    package init(stringLiteral value: String) { self = .key(value) }
    package init(integerLiteral value: Int) { self = .index(value) }
  }

  /// The steps from the document root.
  package var components: [Component]

  /// The document itself.
  package static let root = TOMLKeyPath([])

  package init(_ components: [Component]) { self.components = components }
  package init(arrayLiteral elements: Component...) { self.components = elements }

  /// This path followed by table key `key`.
  package func appending(_ key: String) -> TOMLKeyPath { TOMLKeyPath(components + [.key(key)]) }

  /// This path followed by array index `index`.
  package func appending(index: Int) -> TOMLKeyPath { TOMLKeyPath(components + [.index(index)]) }

  /// The path one step up; the root is its own parent.
  package var parent: TOMLKeyPath { TOMLKeyPath(components.dropLast()) }

  /// Whether this is the document root.
  package var isRoot: Bool { components.isEmpty }

  /// `a.b[2]."c.d"`; keys that are not bare TOML keys are quoted; the root is empty.
  package var description: String {
    var text = ""
    for component in components {
      switch component {
      case .index(let index):
        text += "[\(index)]"
      case .key(let key):
        if !text.isEmpty { text += "." }
        text += Self.isBare(key) ? key : Self.quoted(key)
      }
    }
    return text
  }

  private static func isBare(_ key: String) -> Bool {
    !key.isEmpty
      && key.unicodeScalars.allSatisfy { c in
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_"
          || c == "-"
      }
  }

  private static func quoted(_ key: String) -> String {
    var out = "\""
    for c in key.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where c.value < 0x20 || (0x7F...0x9F).contains(c.value):
        out +=
          "\\u"
          + String(String(c.value, radix: 16, uppercase: true).suffix(4))
          .leftPadded(to: 4)
      default: out.unicodeScalars.append(c)
      }
    }
    return TextSanitizer.cleanLine(out + "\"")
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
