import Glibc
import Testing

@testable import Canvas

/// glibc's `wcwidth`, hidden from Swift's Glibc module without `_XOPEN_SOURCE`.
@_silgen_name("wcwidth")
private func libcWcwidth(_ c: Int32) -> Int32

@Test func widthTableMatchesGlibcWcwidthInCUTF8ForPlanesZeroToThree() throws {
  // A thread-local locale: other tests running in parallel are not affected.
  let locale = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
  let previous = uselocale(locale)
  defer {
    uselocale(previous)
    freelocale(locale)
  }
  var mismatches: [String] = []
  for v in UInt32(0)...0x3FFFF {
    guard let scalar = Unicode.Scalar(v) else { continue }  // surrogates
    let expected = Int(libcWcwidth(Int32(v)))
    let actual = TextWidth.width(of: scalar)
    if expected != actual, mismatches.count < 20 {
      mismatches.append(
        "U+\(String(v, radix: 16, uppercase: true)): libc \(expected), ours \(actual)")
    }
  }
  #expect(mismatches.isEmpty, "\(mismatches)")
}

@Test func knownWidths() {
  #expect(TextWidth.width(of: "a") == 1)
  #expect(TextWidth.width(of: "中") == 2)
  #expect(TextWidth.width(of: "😀") == 2)
  #expect(TextWidth.width(of: "\u{301}") == 0)
  #expect(TextWidth.width(of: "\u{1b}") == -1)
  #expect(TextWidth.width(of: "─") == 1)
  #expect(TextWidth.columns("Guided 中") == 9)
}

@Test func graphemesJoinCombiningMarksAndDropControls() {
  let parts = TextWidth.graphemes(of: "e\u{301}x\u{1b}[31m\u{7}y")
  #expect(parts.map(\.text) == ["e\u{301}", "x", "[", "3", "1", "m", "y"])
  #expect(parts.map(\.width) == [1, 1, 1, 1, 1, 1, 1])
}

@Test func loneCombiningMarkIsDropped() {
  #expect(TextWidth.graphemes(of: "\u{301}").isEmpty)
  #expect(TextWidth.columns("\u{301}") == 0)
}

@Test func zwjSequenceKeepsOnlyItsFirstMember() {
  // Family: man ZWJ woman ZWJ girl.
  let parts = TextWidth.graphemes(of: "👨\u{200D}👩\u{200D}👧")
  #expect(parts == [TextWidth.Grapheme(text: "👨", width: 2)])
}

@Test func emojiModifierIsDroppedSoWidthStaysTwo() {
  let parts = TextWidth.graphemes(of: "👍🏽")
  #expect(parts == [TextWidth.Grapheme(text: "👍", width: 2)])
}

@Test func truncateAddsEllipsisOnlyWhenCut() {
  #expect(TextWidth.truncate("Organisation", toColumns: 6) == "Organ…")
  #expect(TextWidth.truncate("Organisation", toColumns: 12) == "Organisation")
  #expect(TextWidth.truncate("Organisation", toColumns: 8, ellipsis: "...") == "Organ...")
  #expect(TextWidth.truncate("Organisation", toColumns: 2, ellipsis: "...") == "Or")
  #expect(TextWidth.truncate("Organisation", toColumns: 0) == "")
  #expect(TextWidth.truncate("Organisation", toColumns: -3) == "")
}

@Test func truncateNeverSplitsAWideCharacter() {
  // "中文字" is 6 columns; 4 columns leave room for one wide char plus the ellipsis.
  #expect(TextWidth.truncate("中文字", toColumns: 4) == "中…")
  #expect(TextWidth.columns(TextWidth.truncate("中文字", toColumns: 5)) <= 5)
}

@Test func wrapBreaksAtSpacesAndHardBreaksLongWords() {
  #expect(TextWidth.wrap("horses for courses", width: 10) == ["horses for", "courses"])
  #expect(TextWidth.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
  #expect(TextWidth.wrap("ab abcdefgh c", width: 4) == ["ab", "abcd", "efgh", "c"])
  #expect(TextWidth.wrap("one\n\ntwo  three", width: 20) == ["one", "", "two three"])
  #expect(TextWidth.wrap("a\r\nb", width: 5) == ["a", "b"])
}

@Test func wrapTerminatesAtTinyWidths() {
  #expect(TextWidth.wrap("hello world", width: 0) == [])
  #expect(TextWidth.wrap("hello world", width: -1) == [])
  #expect(TextWidth.wrap("ab c", width: 1) == ["a", "b", "c"])
  // A wide character cannot be split: it gets its own line rather than looping.
  #expect(TextWidth.wrap("中文", width: 1) == ["中", "文"])
  #expect(TextWidth.wrap("中文 x", width: 3) == ["中", "文", "x"])
}

@Test func wrappedLinesFitTheWidth() {
  let text = "There is no right or wrong place; compliance training stays formal everywhere."
  for width in 2...30 {
    for line in TextWidth.wrap(text, width: width) {
      #expect(TextWidth.columns(line) <= width)
    }
  }
}
