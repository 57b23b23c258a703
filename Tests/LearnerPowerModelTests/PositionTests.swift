import Testing

@testable import LearnerPowerModel

@Test func clampingKeepsPositionsInsideTheRange() {
  #expect(Position(clamping: -1).value == 0)
  #expect(Position(clamping: Int.min).value == 0)
  #expect(Position(clamping: 101).value == 100)
  #expect(Position(clamping: Int.max).value == 100)
  #expect(Position(clamping: 57).value == 57)
}

@Test func integerLiteralsClampInsteadOfTrapping() {
  let high: Position = 250
  #expect(high.value == 100)
}

@Test func exactlyRefusesValuesOutsideTheRange() {
  #expect(Position(exactly: 0)?.value == 0)
  #expect(Position(exactly: 100)?.value == 100)
  #expect(Position(exactly: -1) == nil)
  #expect(Position(exactly: 101) == nil)
}

@Test func nudgingPastEitherEndClamps() {
  #expect(Position(clamping: 98).nudged(by: 5).value == 100)
  #expect(Position(clamping: 3).nudged(by: -10).value == 0)
  #expect(Position(clamping: 40).nudged(by: -5).value == 35)
  #expect(Position(clamping: 90).nudged(by: Int.max).value == 100)
  #expect(Position(clamping: 10).nudged(by: Int.min).value == 0)
}

@Test func controlSharesAlwaysAddUpToAHundred() {
  for value in Position.range {
    let p = Position(clamping: value)
    #expect(p.learnerControl == value)
    #expect(p.learnerControl + p.organisationalControl == 100)
  }
}

@Test func parseAcceptsWholeNumbersWithSurroundingSpaces() throws {
  #expect(try Position.parse(" 45\n").get().value == 45)
  #expect(try Position.parse("0").get().value == 0)
  #expect(try Position.parse("100").get().value == 100)
}

@Test func parseExplainsWhatIsWrongAndNamesTheValue() throws {
  let cases: [(String, PositionError.Kind, String)] = [
    (
      "abc", .notANumber, "position \"abc\" is not a whole number; use a whole number from 0 to 100"
    ),
    ("101", .above, "position 101 is above 100; use a whole number from 0 to 100"),
    ("-3", .below, "position -3 is below 0; use a whole number from 0 to 100"),
    (
      "12.5", .notANumber,
      "position \"12.5\" is not a whole number; use a whole number from 0 to 100"
    ),
    ("  ", .empty, "position is empty; use a whole number from 0 to 100"),
    (
      "99999999999999999999999", .above,
      "position 99999999999999999999999 is above 100; use a whole number from 0 to 100"
    ),
  ]
  for (input, kind, message) in cases {
    guard case .failure(let error) = Position.parse(input) else {
      Issue.record("\(input) parsed")
      continue
    }
    #expect(error.input == input)
    #expect(error.kind == kind)
    #expect(error.description == message)
  }
}

@Test func parseErrorsDoNotEchoEscapeSequences() {
  guard case .failure(let error) = Position.parse("\u{1B}]0;pwned\u{7}x") else {
    Issue.record("parsed")
    return
  }
  #expect(!error.description.contains("\u{1B}"))
  #expect(error.description.contains("\"x\""))
}

@Test func positionsOrderAndEncodeAsBareNumbers() throws {
  #expect(Position(clamping: 10) < Position(clamping: 11))
  #expect(Position(clamping: 42).description == "42")
}
