import Testing

@testable import LearnerPowerModel

@Test func equalPositionsKeepEverythingThatFits() {
  let plan = Transition(from: 40, to: 40, catalogue: .builtIn)
  #expect(plan.introduce.isEmpty)
  #expect(plan.phaseDown.isEmpty)
  #expect(plan.keep.map(\.id) == ["D1", "G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8"])
  #expect(plan.direction == .none)
  #expect(plan.distance == 0)
  #expect(!plan.isLargeJump && plan.caveat == nil)
}

@Test func risingFromGuidedToEnabledSwapsGuidedForEnabledApproaches() {
  let plan = Transition(from: 38, to: 70, catalogue: .builtIn)
  #expect(plan.phaseDown.map(\.id) == ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8"])
  #expect(plan.introduce.map(\.id) == ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8"])
  #expect(plan.keep.map(\.id) == ["D1"])
  #expect(plan.direction == .towardsLearner)
  #expect(plan.distance == 32)
  #expect(plan.stagesCrossed == 1)
  #expect(!plan.isLargeJump)
}

@Test func fallingSwapsTheListsRound() {
  let plan = Transition(from: 70, to: 38, catalogue: .builtIn)
  #expect(plan.introduce.map(\.id) == ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8"])
  #expect(plan.phaseDown.map(\.id) == ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8"])
  #expect(plan.keep.map(\.id) == ["D1"])
  #expect(plan.direction == .towardsOrganisation)
}

@Test func pinnedApproachesAreKeptEvenWhereTheyDoNotFit() {
  let plan = Transition(from: 5, to: 90, catalogue: .builtIn)
  #expect(plan.keep.map(\.id) == ["D1"])
  #expect(!plan.phaseDown.contains { $0.pinned })
}

@Test func listsFollowCatalogueOrderByStageThenID() {
  let catalogue = Catalogue(
    name: "t", version: "1",
    approaches: [
      Approach(id: "b", name: "b", stage: .enabled, fit: 50...70),
      Approach(id: "a", name: "a", stage: .enabled, fit: 50...70),
      Approach(id: "z", name: "z", stage: .guided, fit: 50...70),
    ])
  #expect(
    Transition(from: 10, to: 60, catalogue: catalogue).introduce.map(\.id) == ["z", "a", "b"])
}

@Test func largeJumpsNeedMoreThanFortyPointsOrASkippedStage() {
  let forty = Transition(from: 30, to: 70, catalogue: .builtIn)
  #expect(forty.distance == 40 && forty.stagesCrossed == 1)
  #expect(!forty.isLargeJump && forty.caveat == nil)

  let fortyOne = Transition(from: 30, to: 71, catalogue: .builtIn)
  #expect(fortyOne.isLargeJump && !fortyOne.skipsStage)

  let skip = Transition(from: 20, to: 55, catalogue: .builtIn)
  #expect(skip.distance == 35 && skip.skipsStage && skip.isLargeJump)

  let edges = Transition(from: 24, to: 50, catalogue: .builtIn)
  #expect(edges.stagesCrossed == 2 && edges.isLargeJump)
}

@Test func caveatAsksForScaffoldingTowardsTheLearnerAndIsGentlerTheOtherWay() throws {
  let up = try #require(Transition(from: 20, to: 80, catalogue: .builtIn).caveat)
  #expect(up.contains("self-direction needs scaffolding"))
  #expect(up.contains("60 points, Directed to Learner-led"))
  let down = try #require(Transition(from: 80, to: 20, catalogue: .builtIn).caveat)
  #expect(down.contains("towards organisational control"))
  #expect(!down.contains("scaffolding"))
}
