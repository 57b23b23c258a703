import Canvas
import LearnerPowerModel

/// A one-line text field as a value: the text, the cursor, and the editing keys.
///
/// The cursor moves over user-perceived characters (grapheme clusters), so `é` written as `e`
/// plus a combining accent, or a flag emoji, is one step and one Backspace. Control and escape
/// characters are never inserted: a paste cannot smuggle them into a title or file name.
///
/// ```swift
/// var field = TextField("Q3")
/// field.apply(.char("!"))   // true: "Q3!", cursor at the end
/// field.apply(.home)        // cursor before "Q"
/// field.apply(.delete)      // "3!"
/// ```
public struct TextField: Sendable, Hashable {
  /// The characters, in order.
  public private(set) var characters: [Character]
  /// Where the next character goes: 0 before the first, `characters.count` after the last.
  public private(set) var cursor: Int
  /// The most characters the field holds; typing beyond it is ignored.
  public var limit: Int

  /// Makes a field holding `text` with the cursor at the end.
  public init(_ text: String = "", limit: Int = 200) {
    self.limit = max(1, limit)
    characters = Array(TextSanitizer.cleanLine(text).prefix(self.limit))
    cursor = characters.count
  }

  /// The text.
  public var text: String { String(characters) }

  /// True when there is no text.
  public var isEmpty: Bool { characters.isEmpty }

  /// Replaces the text, putting the cursor at the end.
  public mutating func set(_ text: String) {
    self = TextField(text, limit: limit)
  }

  /// Applies an editing key; returns false for keys a text field does not use (Enter, Tab, Esc,
  /// ↑/↓, function keys, Ctrl chords), so the dialog can act on them.
  @discardableResult
  public mutating func apply(_ key: Key) -> Bool {
    switch key {
    case .char(let c):
      insert(c)
    case .left:
      cursor = max(0, cursor - 1)
    case .right:
      cursor = min(characters.count, cursor + 1)
    case .home, .ctrl("a"):
      cursor = 0
    case .end, .ctrl("e"):
      cursor = characters.count
    case .backspace, .ctrl("h"):
      if cursor > 0 {
        characters.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete, .ctrl("d"):
      if cursor < characters.count { characters.remove(at: cursor) }
    case .ctrl("u"):
      // As in a shell: delete everything before the cursor.
      characters.removeFirst(cursor)
      cursor = 0
    case .ctrl("k"):
      characters.removeLast(characters.count - cursor)
    default:
      return false
    }
    return true
  }

  /// Inserts typed or pasted text at the cursor, dropping control characters.
  public mutating func insert(_ text: String) {
    // Clean the whole text first: an escape sequence spans several characters.
    for c in TextSanitizer.cleanLine(text) { insert(c) }
  }

  private mutating func insert(_ c: Character) {
    let clean = TextSanitizer.cleanLine(String(c))
    guard !clean.isEmpty, characters.count < limit else { return }
    // A cleaned tab or line break becomes one space; anything else keeps its one character.
    for ch in clean where characters.count < limit {
      characters.insert(ch, at: cursor)
      cursor += 1
    }
  }

  /// The part of the text that fits in `width` columns, and the cursor's column within it.
  ///
  /// The window starts at the beginning and moves right only as far as needed to keep the
  /// cursor visible, with the cursor allowed one column past the last character (where typing
  /// goes).
  ///
  /// ```swift
  /// let f = TextField("abcdefgh")
  /// f.visible(width: 4)   // ("fgh", 3): the end shows, the cursor after "h"
  /// ```
  public func visible(width: Int) -> (text: String, cursorColumn: Int) {
    guard width > 0 else { return ("", 0) }
    var scroll = 0
    // Move the window right until the text from `scroll` to the cursor, plus one cell for the
    // cursor itself, fits.
    while scroll < cursor, columns(scroll..<cursor) + 1 > width { scroll += 1 }
    var shown = ""
    var used = 0
    var index = scroll
    while index < characters.count {
      let w = TextWidth.columns(String(characters[index]))
      if used + w > width { break }
      shown.append(characters[index])
      used += w
      index += 1
    }
    return (shown, min(columns(scroll..<cursor), width - 1))
  }

  private func columns(_ range: Range<Int>) -> Int {
    range.reduce(0) { $0 + TextWidth.columns(String(characters[$1])) }
  }
}
