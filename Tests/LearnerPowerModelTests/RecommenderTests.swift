import Testing

@testable import LearnerPowerModel

private func approach(_ id: String, _ fit: ClosedRange<Int>, pinned: Bool = false) -> Approach {
  Approach(id: id, name: id, stage: Stage.containing(fit.lowerBound), fit: fit, pinned: pinned)
}

@Test func recommendationsAreOrderedByScoreThenID() {
  let catalogue = Catalogue(
    name: "t", version: "1",
    approaches: [
      approach("B", 30...50), approach("A", 30...50), approach("C", 45...60),
      approach("Z", 0...10), approach("P", 0...5, pinned: true),
    ])
  let list = Recommender(catalogue: catalogue).recommendations(at: 40)
  #expect(list.map(\.approach.id) == ["A", "B", "C", "P"])
  #expect(list.map(\.score).prefix(2) == [1, 1])
  #expect(abs(list[2].score - 2.0 / 3) < 1e-12)
  #expect(list[3].score == 0 && list[3].isPinned)
}

@Test func pinnedComplianceIsListedAtNinetyWithScoreZero() {
  let list = Recommender(catalogue: .builtIn).recommendations(at: 90)
  let d1 = list.first { $0.approach.id == "D1" }
  #expect(d1?.score == 0)
  #expect(d1?.isPinned == true)
  #expect(d1?.coarseFit == 0)
  #expect(list.last?.approach.id == "D1")
  #expect(
    list.map(\.approach.id) == [
      "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "E1", "E5", "E8", "D1",
    ])
  #expect(list.allSatisfy { $0.score > 0 || $0.isPinned })
}

@Test func approachesStartingAboveThePositionAreNextSteps() {
  let list = Recommender(catalogue: .builtIn).recommendations(at: 40)
  let nextSteps = Set(list.filter(\.isNextStep).map(\.approach.id))
  #expect(nextSteps == ["E1", "E7"])
  // D2 (5–30) is listed at 40 but lies behind, not ahead.
  #expect(list.first { $0.approach.id == "D2" }?.isNextStep == false)
  for item in list {
    #expect(item.isNextStep == (item.approach.fit.lowerBound > 40))
  }
}

@Test func coarseFitHasFiveSteadyLevels() {
  let sample = approach("A", 10...20)
  func dots(_ score: Double) -> Int {
    Recommendation(approach: sample, score: score, isNextStep: false, isPinned: false).coarseFit
  }
  #expect([1, 0.99, 0.75, 0.74, 0.5, 0.49, 0.01, 0].map(dots) == [4, 3, 3, 2, 2, 1, 1, 0])
}
