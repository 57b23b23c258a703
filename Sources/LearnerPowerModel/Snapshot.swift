/// A saved look at the continuum: two chosen positions with everything the explorer showed for
/// them (stages, control split, social empowerment, ranked recommendations, transition plan),
/// plus a title, a note and where the numbers came from (catalogue and app version).
///
/// A snapshot is a record: once made, its values are what was seen then, even if the catalogue
/// changes later. ``make(current:target:catalogue:title:note:created:app:)`` fills it from the
/// model; ``SnapshotCodec`` writes and reads the versioned JSON (`learnerpower.snapshot/2`; version
/// 1 files, which have no areas and no assessment, still read).
///
/// ```swift
/// let s = Snapshot.make(current: 38, target: 70, catalogue: .builtIn, title: "Q3 review",
///                       note: "", created: SnapshotTimestamp(secondsSince1970: 0),
///                       app: .init(name: "learnerpower", version: "0.1.0"))
/// s.current.stage.name          // "Guided"
/// s.transition.introduce.count  // approaches that fit 70 but not 38
/// ```
public struct Snapshot: Hashable, Sendable {
  /// The schema string written into every file, e.g. `learnerpower.snapshot/2`.
  public var schema: String
  /// When the snapshot was made (UTC).
  public var created: SnapshotTimestamp
  /// A short title chosen by the user (one line, no control characters).
  public var title: String
  /// A free note; may span lines; empty when none.
  public var note: String
  /// The program that wrote the snapshot.
  public var app: NameAndVersion
  /// The catalogue the recommendations came from.
  public var catalogue: NameAndVersion
  /// What the explorer showed at the current marker.
  public var current: MarkerReading
  /// What the explorer showed at the target marker.
  public var target: MarkerReading
  /// The plan from current to target.
  public var transition: TransitionRecord
  /// Every learning area with its markers (version 2); `current` and `target` above are the
  /// active area's. Nil only for a version 1 file, which predates areas.
  public var areas: [LearningArea]?
  /// The name of the area `current` and `target` belong to (version 2; one of `areas`).
  public var area: String?
  /// The self-assessment answers behind the markers, when the snapshot was made from one.
  public var assessment: AssessmentRecord?

  /// Makes a snapshot from its parts (decoding and tests); use ``make`` to fill one from the model.
  public init(
    schema: String = SnapshotCodec.schema, created: SnapshotTimestamp, title: String, note: String,
    app: NameAndVersion, catalogue: NameAndVersion, current: MarkerReading, target: MarkerReading,
    transition: TransitionRecord, areas: [LearningArea]? = nil, area: String? = nil,
    assessment: AssessmentRecord? = nil
  ) {
    self.areas = areas
    self.area = area ?? areas?.first.map(\.name)
    self.assessment = assessment
    self.schema = schema
    self.created = created
    self.title = title
    self.note = note
    self.app = app
    self.catalogue = catalogue
    self.current = current
    self.target = target
    self.transition = transition
  }

  /// Works out everything the explorer shows for `current` and `target` over `catalogue`.
  ///
  /// The title is cleaned to one line and the note of control characters, so whatever was typed
  /// or passed on the command line is safe to show later.
  ///
  /// ```swift
  /// let s = Snapshot.make(current: 40, target: 40, catalogue: .builtIn, title: "Now",
  ///                       note: "", created: t, app: app)
  /// s.transition.direction  // "none"
  /// ```
  ///
  /// `areas` defaults to one "Whole organisation" area holding the two markers; `area` names the
  /// one `current` and `target` belong to (the first area when nil or not listed).
  public static func make(
    current: Position, target: Position, catalogue: Catalogue, title: String, note: String,
    created: SnapshotTimestamp, app: NameAndVersion, areas: [LearningArea]? = nil,
    area: String? = nil, assessment: AssessmentRecord? = nil
  ) -> Snapshot {
    let list =
      areas.flatMap { $0.isEmpty ? nil : $0 }
      ?? [LearningArea(name: LearningArea.defaultName, current: current, target: target)]
    let active = list.first { $0.name == area }?.name ?? list[0].name
    let recommender = Recommender(catalogue: catalogue)
    let plan = Transition(from: current, to: target, catalogue: catalogue)
    return Snapshot(
      created: created, title: TextSanitizer.cleanLine(title).trimmingSpaces(),
      note: TextSanitizer.cleanMultiline(note).trimmingSpaces(),
      app: NameAndVersion(name: app.name, version: app.version),
      catalogue: NameAndVersion(name: catalogue.name, version: catalogue.version),
      current: MarkerReading(current, recommendations: recommender.recommendations(at: current)),
      target: MarkerReading(target, recommendations: recommender.recommendations(at: target)),
      transition: TransitionRecord(plan), areas: list, area: active, assessment: assessment)
  }
}

extension Snapshot {
  /// A name with a version, for the app and the catalogue.
  public struct NameAndVersion: Hashable, Sendable, Codable {
    /// The name, e.g. `"learnerpower"`.
    public var name: String
    /// The version, e.g. `"0.1.0"`.
    public var version: String

    /// Makes a name/version pair.
    public init(name: String, version: String) {
      self.name = name
      self.version = version
    }

    /// Decodes, stripping control characters from both strings.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = TextSanitizer.cleanLine(try c.decode(String.self, forKey: .name))
      version = TextSanitizer.cleanLine(try c.decode(String.self, forKey: .version))
    }
  }

  /// An identifier with its display name (a stage or an approach).
  public struct Ref: Hashable, Sendable, Codable {
    /// The identifier, e.g. `"guided"` or `"E3"`.
    public var id: String
    /// The display name.
    public var name: String

    /// Makes a reference.
    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }

    /// Decodes, stripping control characters from both strings.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      id = TextSanitizer.cleanLine(try c.decode(String.self, forKey: .id))
      name = TextSanitizer.cleanLine(try c.decode(String.self, forKey: .name))
    }
  }

  /// One ranked recommendation as it was listed.
  public struct RecommendationRecord: Hashable, Sendable, Codable {
    /// The approach's id, e.g. `"E3"`.
    public var id: String
    /// The approach's name.
    public var name: String
    /// Fit score 0...1, rounded to two decimals.
    public var score: Double
    /// The coarse fit shown as dots, 0...4.
    public var fit: Int
    /// Its range starts above the position.
    public var nextStep: Bool
    /// Always listed (compliance).
    public var pinned: Bool

    /// Makes a record from its parts.
    public init(id: String, name: String, score: Double, fit: Int, nextStep: Bool, pinned: Bool) {
      self.id = id
      self.name = name
      self.score = score
      self.fit = fit
      self.nextStep = nextStep
      self.pinned = pinned
    }

    /// Records a recommendation, rounding the score to two decimals.
    public init(_ r: Recommendation) {
      self.init(
        id: r.approach.id, name: r.approach.name, score: (r.score * 100).rounded() / 100,
        fit: r.coarseFit, nextStep: r.isNextStep, pinned: r.isPinned)
    }

    /// Decodes, checking the ranges of `score` and `fit`.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      id = TextSanitizer.cleanLine(try c.decode(String.self, forKey: .id))
      name = TextSanitizer.cleanLine(try c.decode(String.self, forKey: .name))
      score = try c.decode(Double.self, forKey: .score)
      guard (0...1).contains(score) else {
        throw DecodingError.dataCorruptedError(
          forKey: .score, in: c, debugDescription: "score \(score) is outside 0...1")
      }
      fit = try c.decode(Int.self, forKey: .fit)
      guard (0...4).contains(fit) else {
        throw DecodingError.dataCorruptedError(
          forKey: .fit, in: c, debugDescription: "fit \(fit) is outside 0...4")
      }
      nextStep = try c.decode(Bool.self, forKey: .nextStep)
      pinned = try c.decode(Bool.self, forKey: .pinned)
    }
  }

  /// What the explorer showed at one marker.
  public struct MarkerReading: Hashable, Sendable, Codable {
    /// The position.
    public var position: Position
    /// Its stage.
    public var stage: Ref
    /// The organisation's share of control, percent.
    public var organisationalControl: Int
    /// The learner's share of control, percent.
    public var learnerControl: Int
    /// Social empowerment 0...100, rounded to one decimal.
    public var socialEmpowerment: Double
    /// The named level of social empowerment.
    public var socialLevel: SocialLevel
    /// The ranked recommendations, best first.
    public var recommendations: [RecommendationRecord]

    /// Reads everything off a position; `recommendations` as the recommender listed them.
    public init(_ p: Position, recommendations: [Recommendation]) {
      position = p
      stage = Ref(id: p.stage.id, name: p.stage.name)
      organisationalControl = p.organisationalControl
      learnerControl = p.learnerControl
      socialEmpowerment = (p.socialEmpowerment * 10).rounded() / 10
      socialLevel = p.socialLevel
      self.recommendations = recommendations.map(RecommendationRecord.init)
    }

    /// Decodes, refusing an unknown stage id or a control split that does not add up to 100.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      position = try c.decode(Position.self, forKey: .position)
      stage = try c.decode(Ref.self, forKey: .stage)
      guard Stage(id: stage.id) != nil else {
        throw DecodingError.dataCorruptedError(
          forKey: .stage, in: c,
          debugDescription: "unknown stage \"\(stage.id)\"; valid stages: \(Stage.validIDs)")
      }
      organisationalControl = try c.decode(Int.self, forKey: .organisationalControl)
      learnerControl = try c.decode(Int.self, forKey: .learnerControl)
      guard organisationalControl + learnerControl == 100, (0...100).contains(learnerControl) else {
        throw DecodingError.dataCorruptedError(
          forKey: .learnerControl, in: c,
          debugDescription: "organisational and learner control must add up to 100")
      }
      socialEmpowerment = try c.decode(Double.self, forKey: .socialEmpowerment)
      guard (0...100).contains(socialEmpowerment) else {
        throw DecodingError.dataCorruptedError(
          forKey: .socialEmpowerment, in: c,
          debugDescription: "social empowerment \(socialEmpowerment) is outside 0...100")
      }
      socialLevel = try c.decode(SocialLevel.self, forKey: .socialLevel)
      recommendations = try c.decode([RecommendationRecord].self, forKey: .recommendations)
    }
  }

  /// The transition plan as it was worked out.
  public struct TransitionRecord: Hashable, Sendable, Codable {
    /// Points between the positions.
    public var distance: Int
    /// `towardsLearner`, `towardsOrganisation` or `none`.
    public var direction: Transition.Direction
    /// Stage boundaries crossed.
    public var stagesCrossed: Int
    /// More than 40 points, or a skipped stage.
    public var largeJump: Bool
    /// The advice for a large jump; nil (JSON `null`) otherwise.
    public var caveat: String?
    /// Fit at the target only.
    public var introduce: [Ref]
    /// Fit at both, plus pinned approaches.
    public var keep: [Ref]
    /// Fit at the current position only.
    public var phaseDown: [Ref]

    /// Records a worked-out transition.
    public init(_ t: Transition) {
      let ref: (Approach) -> Ref = { Ref(id: $0.id, name: $0.name) }
      distance = t.distance
      direction = t.direction
      stagesCrossed = t.stagesCrossed
      largeJump = t.isLargeJump
      caveat = t.caveat
      introduce = t.introduce.map(ref)
      keep = t.keep.map(ref)
      phaseDown = t.phaseDown.map(ref)
    }

    /// Decodes; `caveat` may be `null` or absent.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      distance = try c.decode(Int.self, forKey: .distance)
      direction = try c.decode(Transition.Direction.self, forKey: .direction)
      stagesCrossed = try c.decode(Int.self, forKey: .stagesCrossed)
      largeJump = try c.decode(Bool.self, forKey: .largeJump)
      caveat = try c.decodeIfPresent(String.self, forKey: .caveat).map(TextSanitizer.cleanLine)
      introduce = try c.decode([Ref].self, forKey: .introduce)
      keep = try c.decode([Ref].self, forKey: .keep)
      phaseDown = try c.decode([Ref].self, forKey: .phaseDown)
    }

    /// Encodes every key, writing `"caveat": null` when there is none so the shape never varies.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(distance, forKey: .distance)
      try c.encode(direction, forKey: .direction)
      try c.encode(stagesCrossed, forKey: .stagesCrossed)
      try c.encode(largeJump, forKey: .largeJump)
      try c.encode(caveat, forKey: .caveat)
      try c.encode(introduce, forKey: .introduce)
      try c.encode(keep, forKey: .keep)
      try c.encode(phaseDown, forKey: .phaseDown)
    }

    private enum CodingKeys: String, CodingKey {
      case distance, direction, stagesCrossed, largeJump, caveat, introduce, keep, phaseDown
    }
  }
}

extension Snapshot: Codable {
  private enum CodingKeys: String, CodingKey {
    case schema, created, title, note, app, catalogue, current, target, transition, areas, area
    case assessment
  }

  /// Decodes the body of a snapshot file; ``SnapshotCodec/decode(_:file:)`` checks the schema
  /// first and turns errors into sentences.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schema = try c.decode(String.self, forKey: .schema)
    let createdText = try c.decode(String.self, forKey: .created)
    guard let created = SnapshotTimestamp(iso8601: createdText) else {
      throw DecodingError.dataCorruptedError(
        forKey: .created, in: c,
        debugDescription: "\"\(TextSanitizer.cleanLine(createdText))\" is not an ISO 8601 time "
          + "such as 2024-05-01T09:30:00Z")
    }
    self.created = created
    title = TextSanitizer.cleanLine(try c.decode(String.self, forKey: .title))
    note = TextSanitizer.cleanMultiline(try c.decodeIfPresent(String.self, forKey: .note) ?? "")
    app = try c.decode(NameAndVersion.self, forKey: .app)
    catalogue = try c.decode(NameAndVersion.self, forKey: .catalogue)
    current = try c.decode(MarkerReading.self, forKey: .current)
    target = try c.decode(MarkerReading.self, forKey: .target)
    transition = try c.decode(TransitionRecord.self, forKey: .transition)
    // Version 1 predates areas and answers; from version 2 on, `areas` is required.
    let version = schema.split(separator: "/").last.flatMap { Int($0) } ?? 1
    if version >= 2 {
      let list = try c.decode([LearningArea].self, forKey: .areas)
      guard !list.isEmpty else {
        throw DecodingError.dataCorruptedError(
          forKey: .areas, in: c, debugDescription: "a snapshot lists at least one learning area")
      }
      var seen = Set<String>()
      for a in list where !seen.insert(a.name.lowercased()).inserted {
        throw DecodingError.dataCorruptedError(
          forKey: .areas, in: c, debugDescription: "the area \"\(a.name)\" is listed twice")
      }
      areas = list
      let name = TextSanitizer.cleanLine(try c.decode(String.self, forKey: .area))
      guard list.contains(where: { $0.name == name }) else {
        throw DecodingError.dataCorruptedError(
          forKey: .area, in: c, debugDescription: "\"\(name)\" is not one of the areas listed")
      }
      area = name
      assessment = try c.decodeIfPresent(AssessmentRecord.self, forKey: .assessment)
    } else {
      areas = nil
      area = nil
      assessment = nil
    }
  }

  /// Encodes with `created` as ISO 8601 UTC.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schema, forKey: .schema)
    try c.encode(created.iso8601, forKey: .created)
    try c.encode(title, forKey: .title)
    try c.encode(note, forKey: .note)
    try c.encode(app, forKey: .app)
    try c.encode(catalogue, forKey: .catalogue)
    try c.encode(current, forKey: .current)
    try c.encode(target, forKey: .target)
    try c.encode(transition, forKey: .transition)
    // A version 1 file read and written again keeps its version 1 shape, byte for byte.
    if let areas {
      try c.encode(areas, forKey: .areas)
      try c.encode(area ?? areas.first?.name, forKey: .area)
      // null rather than missing, so the shape of a version 2 file never varies.
      try c.encode(assessment, forKey: .assessment)
    }
  }
}

extension Snapshot {
  /// The self-assessment answers a snapshot carries: which question set, and each answer for
  /// today and for where we want to be.
  ///
  /// In JSON each answer is its number 1–4 (1 = most organisation-led) or `"not sure"`; a
  /// question left unanswered has no entry.
  ///
  /// ```swift
  /// var answers = AssessmentAnswers()
  /// answers[.today, "Q1"] = .answer(0)   // written as 1
  /// let record = Snapshot.AssessmentRecord(
  ///   questions: .init(name: "built-in", version: "1"), answers: answers)
  /// ```
  public struct AssessmentRecord: Hashable, Sendable, Codable {
    /// The question set's name and version.
    public var questions: NameAndVersion
    /// The answers, by horizon and question id.
    public var answers: AssessmentAnswers

    /// Makes a record.
    public init(questions: NameAndVersion, answers: AssessmentAnswers) {
      self.questions = questions
      self.answers = answers
    }

    private enum CodingKeys: String, CodingKey { case questions, today, target }

    /// Reads `{"questions", "today": {"Q1": 2, …}, "target": {…}}`, refusing numbers outside 1–4
    /// and words other than "not sure".
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      questions = try c.decode(NameAndVersion.self, forKey: .questions)
      answers = AssessmentAnswers()
      for (key, horizon) in [(CodingKeys.today, AssessmentHorizon.today), (.target, .target)] {
        let raw = try c.decode([String: Answer].self, forKey: key)
        for (id, answer) in raw {
          let clean = TextSanitizer.cleanLine(id)
          switch answer {
          case .number(let n):
            guard (1...AssessmentQuestion.scores.count).contains(n) else {
              throw DecodingError.dataCorruptedError(
                forKey: key, in: c,
                debugDescription:
                  "answer \(n) to \(clean) is not 1 to \(AssessmentQuestion.scores.count)")
            }
            answers[horizon, clean] = .answer(n - 1)
          case .notSure:
            answers[horizon, clean] = .notSure
          }
        }
      }
    }

    /// Writes answers as numbers 1–4 or "not sure", keys sorted by the encoder.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(questions, forKey: .questions)
      for (key, horizon) in [(CodingKeys.today, AssessmentHorizon.today), (.target, .target)] {
        var out: [String: Answer] = [:]
        for (id, choice) in (horizon == .today ? answers.today : answers.target) {
          switch choice {
          case .answer(let i): out[id] = .number(i + 1)
          case .notSure: out[id] = .notSure
          }
        }
        try c.encode(out, forKey: key)
      }
    }

    /// One answer as JSON holds it.
    private enum Answer: Codable {
      case number(Int)
      case notSure

      init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) {
          self = .number(n)
        } else if let s = try? c.decode(String.self), s.lowercased() == "not sure" {
          self = .notSure
        } else {
          throw DecodingError.dataCorruptedError(
            in: c, debugDescription: "an answer is a number 1 to 4 or \"not sure\"")
        }
      }

      func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let n): try c.encode(n)
        case .notSure: try c.encode("not sure")
        }
      }
    }
  }
}
