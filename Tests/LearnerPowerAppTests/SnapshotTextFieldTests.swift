import Canvas
import Testing

@testable import LearnerPowerApp

@Suite struct SnapshotTextFieldTests {
  func typed(_ text: String, into field: TextField = TextField()) -> TextField {
    var f = field
    for c in text { f.apply(.char(c)) }
    return f
  }

  @Test func typingAppendsAtTheCursor() {
    let f = typed("Q3 review")
    #expect(f.text == "Q3 review")
    #expect(f.cursor == 9)
  }

  @Test func startsWithTheCursorAtTheEnd() {
    let f = TextField("abc")
    #expect(f.cursor == 3)
    #expect(TextField().isEmpty && TextField().cursor == 0)
  }

  @Test func leftRightHomeEndMoveWithoutChangingText() {
    var f = TextField("abc")
    f.apply(.left)
    #expect(f.cursor == 2)
    f.apply(.home)
    #expect(f.cursor == 0)
    f.apply(.left)
    #expect(f.cursor == 0, "left at the start stays")
    f.apply(.right)
    #expect(f.cursor == 1)
    f.apply(.end)
    #expect(f.cursor == 3)
    f.apply(.right)
    #expect(f.cursor == 3, "right at the end stays")
    #expect(f.text == "abc")
  }

  @Test func insertingInTheMiddle() {
    var f = TextField("ac")
    f.apply(.left)
    f.apply(.char("b"))
    #expect(f.text == "abc" && f.cursor == 2)
  }

  @Test func backspaceDeletesBeforeTheCursorAndStopsAtTheStart() {
    var f = TextField("abc")
    f.apply(.left)
    f.apply(.backspace)
    #expect(f.text == "ac" && f.cursor == 1)
    f.apply(.backspace)
    #expect(f.text == "c" && f.cursor == 0)
    f.apply(.backspace)
    #expect(f.text == "c" && f.cursor == 0)
  }

  @Test func deleteRemovesUnderTheCursorAndStopsAtTheEnd() {
    var f = TextField("abc")
    f.apply(.home)
    f.apply(.delete)
    #expect(f.text == "bc" && f.cursor == 0)
    f.apply(.end)
    f.apply(.delete)
    #expect(f.text == "bc" && f.cursor == 2)
  }

  @Test func shellChordsWork() {
    var f = TextField("hello world")
    f.apply(.ctrl("a"))
    #expect(f.cursor == 0)
    f.apply(.ctrl("e"))
    #expect(f.cursor == 11)
    for _ in 0..<5 { f.apply(.left) }
    f.apply(.ctrl("k"))
    #expect(f.text == "hello " && f.cursor == 6)
    f.apply(.left)
    f.apply(.ctrl("u"))
    #expect(f.text == " " && f.cursor == 0)
    f.apply(.ctrl("d"))
    #expect(f.isEmpty)
  }

  @Test func unicodeIsOneStepPerCharacterAsSeen() {
    // "é" as e + combining acute, a flag, CJK, an emoji with a skin tone.
    var f = typed("e\u{301}🇫🇷漢👍🏽")
    #expect(f.characters.count == 4)
    f.apply(.backspace)
    #expect(f.text == "e\u{301}🇫🇷漢")
    f.apply(.home)
    f.apply(.delete)
    #expect(f.text == "🇫🇷漢")
    f.apply(.right)
    f.apply(.char("ü"))
    #expect(f.text == "🇫🇷ü漢")
  }

  @Test func controlAndEscapeCharactersAreNeverInserted() {
    var f = TextField()
    for c: Character in ["\u{1B}", "\u{7}", "\u{0}", "\u{9B}", "\u{202E}", "\u{7F}"] {
      f.apply(.char(c))
    }
    #expect(f.isEmpty)
    f.insert("a\u{1B}[31mb\tc\nd")
    #expect(f.text == "ab c d")
    #expect(TextField("x\u{1B}]0;t\u{7}y").text == "xy")
  }

  @Test func keysForTheDialogAreNotConsumed() {
    var f = TextField("x")
    for key: Key in [
      .enter, .escape, .tab, .backTab, .up, .down, .pageUp, .function(1), .ctrl("c"),
    ] {
      let used = f.apply(key)
      #expect(!used, "\(key) belongs to the dialog")
    }
    #expect(f.text == "x" && f.cursor == 1)
  }

  @Test func theLimitStopsTyping() {
    var f = TextField("", limit: 3)
    f.insert("abcdef")
    #expect(f.text == "abc")
    #expect(TextField("abcdef", limit: 2).text == "ab")
  }

  @Test func setReplacesTheTextAndPutsTheCursorAtTheEnd() {
    var f = TextField("old")
    f.apply(.home)
    f.set("newer")
    #expect(f.text == "newer" && f.cursor == 5)
  }

  @Test func visibleWindowKeepsTheCursorInView() {
    var f = TextField("abcdefgh")
    #expect(f.visible(width: 4) == ("fgh", 3))
    f.apply(.home)
    #expect(f.visible(width: 4) == ("abcd", 0))
    f.apply(.right)
    f.apply(.right)
    #expect(f.visible(width: 4) == ("abcd", 2))
    #expect(TextField("ab").visible(width: 10) == ("ab", 2))
    #expect(TextField("ab").visible(width: 0) == ("", 0))
  }

  @Test func visibleWindowCountsWideCharactersAsTwoColumns() {
    let f = TextField("漢字漢字")
    let v = f.visible(width: 5)
    #expect(v.text == "漢字")
    #expect(v.cursorColumn == 4)
    #expect(TextWidth.columns(v.text) <= 5)
  }
}
