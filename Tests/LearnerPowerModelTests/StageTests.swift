import Testing

@testable import LearnerPowerModel

@Test func bandEdgesBelongToTheRightStage() {
  let expected: [(Int, Stage)] = [
    (0, .directed), (24, .directed), (25, .guided), (49, .guided), (50, .enabled),
    (74, .enabled), (75, .learnerLed), (100, .learnerLed),
  ]
  for (value, stage) in expected {
    #expect(Stage.containing(value) == stage, "\(value)")
    #expect(Position(clamping: value).stage == stage, "\(value)")
  }
}

@Test func outOfRangeValuesBelongToTheNearestEndStage() {
  #expect(Stage.containing(-40) == .directed)
  #expect(Stage.containing(400) == .learnerLed)
}

@Test func bandsCoverTheWholeRangeWithoutGapsOrOverlap() {
  for value in Position.range {
    let holders = Stage.allCases.filter { $0.band.contains(value) }
    #expect(holders == [Stage.containing(value)])
  }
}

@Test func centresSitInsideTheirBands() {
  #expect(Stage.allCases.map(\.centre.value) == [12, 37, 62, 87])
  for stage in Stage.allCases { #expect(stage.band.contains(stage.centre.value)) }
}

@Test func stageIdentifiersRoundTrip() {
  #expect(Stage.allCases.map(\.id) == ["directed", "guided", "enabled", "learner-led"])
  #expect(Stage.allCases.map(\.name) == ["Directed", "Guided", "Enabled", "Learner-led"])
  for stage in Stage.allCases { #expect(Stage(id: stage.id) == stage) }
  #expect(Stage(id: " Learner-Led ") == .learnerLed)
  #expect(Stage(id: "learnerLed") == nil)
  #expect(Stage.directed < Stage.guided)
}

@Test func socialLevelsUseTheStageBandsOnTheSocialValue() {
  #expect(SocialLevel.containing(0) == .low)
  #expect(SocialLevel.containing(24.99) == .low)
  #expect(SocialLevel.containing(25) == .structured)
  #expect(SocialLevel.containing(49.99) == .structured)
  #expect(SocialLevel.containing(50) == .distributed)
  #expect(SocialLevel.containing(75) == .selfOrganising)
  #expect(SocialLevel.containing(100) == .selfOrganising)
  #expect(SocialLevel.containing(.nan) == .low)
  #expect(
    SocialLevel.allCases.map(\.name) == ["Low", "Structured", "Distributed", "Self-organising"])
}

@Test func socialLevelAtAStageCentreFollowsTheCurve() {
  #expect(Position(clamping: 12).socialLevel == .low)
  #expect(Position(clamping: 37).socialLevel == .structured)
  #expect(Position(clamping: 62).socialLevel == .distributed)
  #expect(Position(clamping: 87).socialLevel == .selfOrganising)
}

@Test func theSocialLevelIsTheStagesSoItNeverContradictsIt() {
  // Low in Guided or self-organising in Enabled would contradict the stage shown beside it.
  #expect(Position(clamping: 27).socialLevel == .structured)  // the curve is still at 18 here
  #expect(Position(clamping: 25).socialLevel == .structured)
  #expect(Position(clamping: 24).socialLevel == .low)
  #expect(Position(clamping: 70).socialLevel == .distributed)  // the curve is at 78 here
  #expect(Position(clamping: 75).socialLevel == .selfOrganising)
  for p in 0...100 {
    let position = Position(clamping: p)
    #expect(position.socialLevel == SocialLevel(stage: position.stage))
  }
}
