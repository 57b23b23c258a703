import Testing

@testable import LearnerPowerApp

/// `NumberText` stands in for `String(format:)`, which FoundationEssentials lacks.
@Suite struct NumberTextTests {
  @Test func fixedRoundsHalfAwayFromZeroWithAPoint() {
    #expect(NumberText.fixed(3.14159, places: 2) == "3.14")
    #expect(NumberText.fixed(2.5, places: 0) == "3")
    #expect(NumberText.fixed(-0.5, places: 0) == "-1")
    #expect(NumberText.fixed(0.05, places: 1) == "0.1")
    #expect(NumberText.fixed(-0.04, places: 1) == "0.0")
    #expect(NumberText.fixed(12, places: 3) == "12.000")
    #expect(NumberText.fixed(0.001, places: 2) == "0.00")
  }

  @Test func valuesPrintfWouldPrintNeverTrap() {
    #expect(NumberText.fixed(.infinity, places: 1) == "inf")
    #expect(NumberText.fixed(-.infinity, places: 1) == "-inf")
    #expect(NumberText.fixed(.nan, places: 1) == "nan")
    #expect(NumberText.fixed(1e300, places: 2) == String(1e300))
    #expect(NumberText.fixed(1e17, places: 3) == String(1e17))
    #expect(NumberText.fixed(5, places: -3) == "5")
  }

  @Test func hexPadsAsPercentZeroX() {
    #expect(NumberText.hex(0x1F, digits: 4) == "001F")
    #expect(NumberText.hex(0x12345, digits: 4) == "12345")
  }
}
