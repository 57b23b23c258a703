import Testing

@testable import LearnerPowerModel

@Test func socialCurveEndsAtExactlyZeroAndHundred() {
  #expect(Continuum.socialEmpowerment(at: 0) == 0)
  #expect(Continuum.socialEmpowerment(at: 100) == 100)
  #expect(Position(clamping: 0).socialEmpowerment == 0)
  #expect(Position(clamping: 100).socialEmpowerment == 100)
}

@Test func socialCurveRisesStrictlyAtEveryPoint() {
  for value in 0..<100 {
    #expect(
      Continuum.socialEmpowerment(at: Double(value))
        < Continuum.socialEmpowerment(at: Double(value + 1)), "\(value)")
  }
}

@Test func socialCurveIsSteeperInTheMiddleThanAtTheEnds() {
  func slope(_ p: Double) -> Double {
    Continuum.socialEmpowerment(at: p + 1) - Continuum.socialEmpowerment(at: p)
  }
  #expect(slope(49.5) > 1.4)
  #expect(slope(0) < 0.1)
  #expect(slope(99) < 0.1)
  #expect(slope(49.5) > slope(25) && slope(25) > slope(5))
  #expect(slope(49.5) > slope(75) && slope(75) > slope(94))
  #expect(abs(Continuum.socialEmpowerment(at: 50) - 50) < 1e-9)
}

@Test func controlLinesAlwaysAddUpToAHundred() {
  for sample in Continuum.samples(count: 101) {
    #expect(sample.organisational + sample.learner == 100)
    #expect(sample.learner == sample.position)
  }
  #expect(Continuum.organisationalControl(at: 30) == 70)
  #expect(Continuum.learnerControl(at: 130) == 100)
}

@Test func samplesAreEvenlySpacedFromZeroToHundred() {
  let samples = Continuum.samples(count: 5)
  #expect(samples.map(\.position) == [0, 25, 50, 75, 100])
  #expect(samples.first?.social == 0)
  #expect(samples.last?.social == 100)
  #expect(Continuum.samples(count: 7).last?.position == 100)
  #expect(Continuum.samples(count: 0).count == 2)
}
