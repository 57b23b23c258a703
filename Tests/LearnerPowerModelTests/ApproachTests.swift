import Foundation
import Testing

@testable import LearnerPowerModel

private let g1 = Approach(id: "G1", name: "Cohort", stage: .guided, fit: 25...45)

@Test func fitScoreIsOneInsideTheRangeAndAtItsEdges() {
  #expect(g1.fitScore(at: 25) == 1)
  #expect(g1.fitScore(at: 35) == 1)
  #expect(g1.fitScore(at: 45) == 1)
  #expect(g1.fits(25) && g1.fits(45))
  #expect(!g1.fits(24) && !g1.fits(46))
}

@Test func fitScoreFallsLinearlyOverFifteenPoints() {
  #expect(g1.fitScore(atValue: 52.5) == 0.5)
  #expect(g1.fitScore(atValue: 17.5) == 0.5)
  #expect(abs(g1.fitScore(at: 51) - 0.6) < 1e-12)
  #expect(abs(g1.fitScore(at: 22) - 0.8) < 1e-12)
  #expect(g1.fitScore(at: 10) == 0)
  #expect(g1.fitScore(at: 60) == 0)
  #expect(g1.fitScore(at: 100) == 0)
}

@Test func approachInitClampsFitIntoTheContinuum() {
  let clamped = Approach(id: "X2", name: "Y", stage: .directed, fit: -5...120)
  #expect(clamped.fit == 0...100)
}

@Test func approachesRoundTripThroughJSONWithTheCatalogueFileKeys() throws {
  let approach = Approach(
    id: "X1", name: "X", stage: .learnerLed, fit: 80...90, ldRole: "Coach", tools: ["a", "b"],
    socialMode: .pair, pinned: true)
  let encoder = JSONEncoder()
  encoder.outputFormatting = .sortedKeys
  let data = try encoder.encode(approach)
  let json = String(decoding: data, as: UTF8.self)
  #expect(json.contains("\"fit\":[80,90]"))
  #expect(json.contains("\"ld_role\":\"Coach\""))
  #expect(json.contains("\"social_mode\":\"pair\""))
  #expect(json.contains("\"stage\":\"learner-led\""))
  #expect(try JSONDecoder().decode(Approach.self, from: data) == approach)
}

@Test func decodingRefusesAnUpsideDownFit() {
  let json = #"{"id":"X","name":"X","stage":"guided","fit":[50,40]}"#
  #expect(throws: DecodingError.self) {
    try JSONDecoder().decode(Approach.self, from: Data(json.utf8))
  }
}

@Test func positionsAndStagesEncodeReadably() throws {
  let data = try JSONEncoder().encode([Position(clamping: 42)])
  #expect(String(decoding: data, as: UTF8.self) == "[42]")
  #expect(throws: DecodingError.self) {
    try JSONDecoder().decode([Position].self, from: Data("[101]".utf8))
  }
  let stages = try JSONDecoder().decode([Stage].self, from: Data(#"["enabled", 1]"#.utf8))
  #expect(stages == [.enabled, .directed])
}
