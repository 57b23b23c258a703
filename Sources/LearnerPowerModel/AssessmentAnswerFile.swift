extension AssessmentAnswers {
  /// The words an answer file may use for "not sure / not applicable" (case ignored).
  public static let notSureWords = ["not sure", "n/a", "na", "?"]

  /// Reads an answer file (docs/assess.md): a `[today]` and a `[target]` table mapping question
  /// ids to the answer's number, 1 to 4 (scored 0 / 33 / 67 / 100), or `"not sure"`. A question
  /// left out counts as not answered. Every problem is reported at once, by line.
  ///
  /// ```swift
  /// let text = """
  ///   [today]
  ///   Q1 = 2
  ///   Q2 = "not sure"
  ///   [target]
  ///   Q1 = 4
  ///   """
  /// let answers = try AssessmentAnswers.parse(text, file: "a.toml", questions: .builtIn).get()
  /// answers[.today, "Q1"]  // .answer(1), scored 33
  /// ```
  public static func parse(
    _ text: String, file: String, questions: AssessmentQuestions
  ) -> Result<AssessmentAnswers, DiagnosticList> {
    let document: TOMLDocument
    switch TOMLDocument.parse(text, file: file) {
    case .failure(let syntax): return .failure(DiagnosticList([syntax]))
    case .success(let d): document = d
    }
    var fields = TOMLFieldReader(document: document)
    var answers = AssessmentAnswers()
    let ids = questions.questions.map(\.id)
    fields.checkKeys(
      of: document.root, at: .root, allowed: AssessmentHorizon.allCases.map(\.rawValue),
      what: "key", otherwise: "; an answer file has a [today] and a [target] table")
    for horizon in AssessmentHorizon.allCases {
      let path = TOMLKeyPath.root.appending(horizon.rawValue)
      guard let table = document.root[horizon.rawValue] else {
        fields.report(
          path,
          "missing [\(horizon.rawValue)] table (the answers for \(horizon.title.lowercased()))")
        continue
      }
      guard let entries = table.tableEntries else {
        fields.report(path, "expected a table of answers such as Q1 = 2, found \(table.found)")
        continue
      }
      for entry in entries {
        guard let question = questions[entry.key] else {
          fields.reportUnknown(
            entry.key, in: path, known: ids, what: "question",
            otherwise: "; the questions are \(ids.joined(separator: ", "))")
          continue
        }
        switch choice(entry.value, answers: question.answers.count) {
        case .success(let c): answers[horizon, question.id] = c
        case .failure(let problem): fields.report(path.appending(entry.key), problem.description)
        }
      }
    }
    let list = DiagnosticList(fields.problems)
    return list.hasErrors ? .failure(list) : .success(answers)
  }

  private static func choice(_ node: TOMLNode, answers count: Int)
    -> Result<AssessmentChoice, AnswerProblem>
  {
    let expected = "expected an answer number from 1 to \(count), or \"not sure\""
    if let number = node.intValue {
      guard (1...max(1, count)).contains(number) else {
        return .failure(AnswerProblem("\(expected); found \(number)"))
      }
      return .success(.answer(number - 1))
    }
    if let word = node.stringValue {
      let normal = word.lowercased().trimmingSpaces()
      if notSureWords.contains(normal) { return .success(.notSure) }
      if let number = Int(normal), (1...max(1, count)).contains(number) {
        return .success(.answer(number - 1))
      }
      return .failure(AnswerProblem("\(expected); found \(node.found)"))
    }
    return .failure(AnswerProblem("\(expected); found \(node.found)"))
  }
}

/// A message for one bad answer (a `Result` failure needs an `Error`).
private struct AnswerProblem: Error, CustomStringConvertible {
  let description: String
  init(_ text: String) { description = text }
}
