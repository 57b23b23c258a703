import Testing

@testable import LearnerPowerModel

@Test func colourEscapesAreRemovedWhole() {
  #expect(TextSanitizer.clean("\u{1B}[31mred\u{1B}[0m text") == "red text")
  #expect(TextSanitizer.clean("\u{1B}[38;5;196mx") == "x")
}

@Test func operatingSystemCommandsAreRemovedUpToTheirTerminator() {
  #expect(TextSanitizer.clean("a\u{1B}]0;evil title\u{07}b") == "ab")
  #expect(TextSanitizer.clean("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b") == "alinkb")
  #expect(TextSanitizer.clean("a\u{1B}P1$r\u{1B}\\b") == "ab")
}

@Test func bellAndOtherC0ControlsAreDropped() {
  #expect(TextSanitizer.clean("ding\u{07}\u{00}\u{08}!") == "ding!")
  #expect(TextSanitizer.clean("a\u{7F}b") == "ab")
}

@Test func bidiOverridesAndIsolatesAreDropped() {
  #expect(TextSanitizer.clean("abc\u{202E}fed\u{202C}") == "abcfed")
  #expect(TextSanitizer.clean("\u{2066}x\u{2069}\u{200F}") == "x")
}

@Test func c1ControlsAndEightBitSequencesAreDropped() {
  #expect(TextSanitizer.clean("a\u{85}b\u{9B}31mc") == "abc")
  #expect(TextSanitizer.clean("a\u{9D}0;t\u{9C}b") == "ab")
}

@Test func lineAndMultilineDifferOnlyInLineBreaks() {
  #expect(TextSanitizer.cleanLine("a\tb\nc\r\nd") == "a b c d")
  #expect(TextSanitizer.cleanMultiline("a\tb\nc\r\nd\re") == "a b\nc\nd\ne")
  #expect(TextSanitizer.cleanLine("a\u{2028}b\u{2029}c") == "a b c")
  #expect(TextSanitizer.cleanMultiline("a\u{2028}b") == "a\nb")
}

@Test func ordinaryTextIsUntouched() {
  let text = "Box-ticking; completion ≠ capability › Seek ✓ 👩‍👩‍👧 café"
  #expect(TextSanitizer.clean(text) == text)
  #expect(!TextSanitizer.needsCleaning(text))
}

@Test func aTruncatedEscapeDoesNotSwallowTheRest() {
  #expect(TextSanitizer.clean("x\u{1B}") == "x")
  #expect(TextSanitizer.clean("x\u{1B}[12") == "x")
  #expect(TextSanitizer.clean("x\u{1B}[1\u{1B}[0my") == "xy")
  #expect(TextSanitizer.clean("x\u{1B}(By") == "xy")
}
