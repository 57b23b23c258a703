/// The name of a styled part of a screen: dotted, lowercase, most general part first.
///
/// ```swift
/// let thumb: Role = "slider.thumb"
/// thumb.parent          // "slider"
/// thumb.parent?.parent  // nil
/// ```
public struct Role: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  /// The dotted name, lowercased (`"slider.thumb"`).
  public let name: String

  /// A role from its dotted name; the name is lowercased so lookups ignore case.
  public init(_ name: String) { self.name = name.lowercased() }

  /// A role from a string literal: `let r: Role = "list.selected"`.
  public init(stringLiteral value: String) { self.init(value) }

  /// The dotted name.
  public var description: String { name }

  /// The role without its last component (`"slider.thumb"` → `"slider"`), nil at the top.
  public var parent: Role? {
    guard let dot = name.lastIndex(of: ".") else { return nil }
    return Role(uncheckedName: String(name[..<dot]))
  }

  /// The role followed by each parent in turn: `a.b.c`, `a.b`, `a`.
  public var chain: [Role] {
    var out = [self]
    while let p = out[out.count - 1].parent { out.append(p) }
    return out
  }

  /// The role every lookup falls back to last before `Style.plain`.
  public static let base: Role = "base"

  private init(uncheckedName: String) { self.name = uncheckedName }
}

/// A partial style as a theme file writes it: any field may be left unset.
///
/// ```swift
/// let spec = StyleSpec(fg: .ansi(6), attributes: [.bold])   // bg comes from elsewhere
/// ```
public struct StyleSpec: Hashable, Sendable {
  /// The foreground, or nil to inherit it.
  public var fg: Color?
  /// The background, or nil to inherit it.
  public var bg: Color?
  /// The whole attribute set, or nil to inherit it (attributes are not merged bit by bit).
  public var attributes: Attributes?

  /// A partial style; every field defaults to "inherit".
  public init(fg: Color? = nil, bg: Color? = nil, attributes: Attributes? = nil) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }

  /// Sets nothing.
  public static let empty = StyleSpec()
}

/// A named set of role styles, optionally extending another theme.
///
/// ## How a role is resolved
/// `style(_:)` resolves **field by field**, like CSS: each of `fg`, `bg` and `attributes` is taken
/// from the first place in this order that sets it:
/// 1. the role's dotted chain in this theme: `a.b.c`, then `a.b`, then `a`;
/// 2. the same chain in `parent`, then in the parent's parent, and so on;
/// 3. the role `base` in this theme, then in each parent in turn;
/// 4. `Style.plain`.
///
/// So `"slider.thumb" = { bold = true }` keeps the colours of `slider`, and a child theme that
/// only sets `slider.fg` keeps its parent's `slider.thumb` attributes.
///
/// Lookups are precomputed when the theme is made: `style(_:)` is a dictionary lookup per
/// component of the role at worst.
///
/// ```swift
/// let base = Theme(name: "default", specs: ["base": StyleSpec(fg: .ansi(7)),
///                                           "slider": StyleSpec(bg: .ansi(4))])
/// let dark = Theme(name: "dark", specs: ["slider.thumb": StyleSpec(attributes: [.bold])],
///                  parent: base)
/// dark.style("slider.thumb")   // fg ansi(7) (base), bg ansi(4) (parent's slider), bold
/// ```
public struct Theme: Hashable, Sendable {
  /// The theme's name, as `--theme` and the picker show it.
  public var name: String
  /// One line saying what the theme is for.
  public var description: String
  /// The styles this theme sets itself, by role.
  public var specs: [Role: StyleSpec] { didSet { resolve() } }
  /// The theme this one extends (the resolved `extends` chain), or nil.
  public var parent: Theme? {
    get { parentBox?.theme }
    set {
      parentBox = newValue.map(ThemeBox.init)
      resolve()
    }
  }

  private var parentBox: ThemeBox?
  /// Fully resolved styles for every role named by this theme or an ancestor.
  private var table: [Role: Style] = [:]
  private var baseStyle: Style = .plain

  /// A theme from its own specs and the theme it extends.
  public init(
    name: String, description: String = "", specs: [Role: StyleSpec] = [:], parent: Theme? = nil
  ) {
    self.name = name
    self.description = description
    self.specs = specs
    self.parentBox = parent.map(ThemeBox.init)
    resolve()
  }

  /// The style for `role`, resolved field by field (see the type's documentation for the order).
  public func style(_ role: Role) -> Style {
    // A role no theme names contributes nothing at any level, so it resolves exactly as its
    // nearest named ancestor does; this is why the table only needs the named roles.
    var r: Role? = role
    while let current = r {
      if let s = table[current] { return s }
      r = current.parent
    }
    return baseStyle
  }

  /// Every role named by this theme or a theme it extends, sorted by name.
  public var namedRoles: [Role] { table.keys.sorted { $0.name < $1.name } }

  /// The themes searched in order: this one, then each parent.
  private var lineage: [Theme] {
    var out = [self]
    while let p = out[out.count - 1].parent { out.append(p) }
    return out
  }

  private mutating func resolve() {
    let levels = lineage
    var roles = Set<Role>()
    for theme in levels { roles.formUnion(theme.specs.keys) }
    func lookup(_ role: Role) -> Style {
      var fg: Color?
      var bg: Color?
      var attributes: Attributes?
      func take(_ spec: StyleSpec) {
        if fg == nil { fg = spec.fg }
        if bg == nil { bg = spec.bg }
        if attributes == nil { attributes = spec.attributes }
      }
      for theme in levels {
        for r in role.chain { if let s = theme.specs[r] { take(s) } }
      }
      for theme in levels { if let s = theme.specs[.base] { take(s) } }
      return Style(fg: fg ?? .default, bg: bg ?? .default, attributes: attributes ?? [])
    }
    var table: [Role: Style] = [:]
    for role in roles { table[role] = lookup(role) }
    self.table = table
    self.baseStyle = lookup(.base)
  }

  /// Themes are equal when their names, descriptions, specs and parents are.
  public static func == (a: Theme, b: Theme) -> Bool {
    a.name == b.name && a.description == b.description && a.specs == b.specs
      && a.parent == b.parent
  }

  /// Hashes what `==` compares.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(description)
    hasher.combine(specs)
    hasher.combine(parent)
  }
}

/// Gives `Theme.parent` a fixed size (a struct cannot contain itself directly).
private final class ThemeBox: Sendable {
  let theme: Theme
  init(_ theme: Theme) { self.theme = theme }
}
