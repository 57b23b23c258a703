import LearnerPowerModel
import Testing

/// The votes CSV reader: export-style headers are mapped by name, one step can be picked, and
/// the plain `name,current,target` form reads exactly as before.
@Suite struct WorkshopVoteCSVTests {
  /// What `workshop export --format csv` writes for a session with two vote steps.
  let exported = """
    step,step_title,name,current,target,area
    2,Today,Ana,30,70,
    2,Today,,40,80,
    4,"Leaders, today",Bo,55,,Leadership
    2,Today,'=Cy,35,65,

    """

  @Test func anExportedCSVReadsBackIntoOneStepAndCountsTheOthers() {
    let r = WorkshopVoteCSV.parse(exported, collect: .both, step: 2)
    #expect(r.problems.isEmpty)
    #expect(r.rows.map(\.name) == ["Ana", nil, "=Cy"])
    #expect(r.rows.map(\.current) == [30, 40, 35])
    #expect(r.rows.map(\.target) == [70, 80, 65])
    #expect(r.otherSteps == 1)
    #expect(r.otherStepsNote == "; 1 row for other steps left out")

    let four = WorkshopVoteCSV.parse(exported, collect: .current, step: 4)
    #expect(four.rows == [.init(name: "Bo", current: 55, target: nil)])
    #expect(four.otherSteps == 3)
    #expect(four.otherStepsNote == "; 3 rows for other steps left out")

    let none = WorkshopVoteCSV.parse(exported, collect: .current, step: 7)
    #expect(none.rows.isEmpty && none.problems.isEmpty && none.otherSteps == 4)
  }

  @Test func withoutAStepEveryRowOfAnExportIsRead() {
    let r = WorkshopVoteCSV.parse(exported, collect: .current)
    #expect(r.rows.map(\.current) == [30, 40, 55, 35])
    #expect(r.otherSteps == 0 && r.otherStepsNote.isEmpty)
  }

  @Test func headerColumnsAreFoundByNameInAnyOrderAndCase() {
    let csv = "Timestamp,TARGET,Email,Current,Name\n9:01,70,a@x,30,Ana\n9:02,,b@x,45,Bo\n"
    let both = WorkshopVoteCSV.parse(csv, collect: .both)
    #expect(both.rows == [.init(name: "Ana", current: 30, target: 70)])
    #expect(both.problems == ["line 3: target is missing (row skipped)"])
    let current = WorkshopVoteCSV.parse(csv, collect: .current, step: 1)
    #expect(current.rows.map(\.current) == [30, 45])
    #expect(current.rows.allSatisfy { $0.target == nil })
    // A row longer than the header still looks like a stray comma.
    let long = WorkshopVoteCSV.parse("current,name\n30,Ana,x\n", collect: .current)
    #expect(long.problems == ["line 2: expected 2 columns (current,name), found 3 (row skipped)"])
  }

  @Test func aStepThatIsNotANumberIsAProblemOnlyWhenAStepIsAsked() {
    let csv = "step,name,current\nfirst,Ana,30\n,Bo,40\n1,Cy,50\n"
    let r = WorkshopVoteCSV.parse(csv, collect: .current, step: 1)
    #expect(r.rows.map(\.name) == ["Cy"])
    #expect(
      r.problems == [
        "line 2: step \"first\" is not a step number (row skipped)",
        "line 3: step is missing (row skipped)",
      ])
    #expect(WorkshopVoteCSV.parse(csv, collect: .current).rows.count == 3)
  }

  @Test func aHeaderWithoutAColumnTheStepNeedsIsOneProblem() {
    let r = WorkshopVoteCSV.parse("step,name,current\n2,Ana,30\n2,Bo,40\n", collect: .both, step: 2)
    #expect(r.rows.isEmpty)
    #expect(
      r.problems == [
        "line 1: the header has no \"target\" column (it names step,name,current); this step collects both, so no rows were read"
      ])
    // `name,current` was always read as name,current,target: each row misses its target.
    let old = WorkshopVoteCSV.parse("name,current\nAna,30\n", collect: .both)
    #expect(old.problems == ["line 2: target is missing (row skipped)"])
  }

  @Test func filesWithoutANamingHeaderReadAsBefore() {
    // Other header words are skipped and the columns stay name,current,target.
    let worded = WorkshopVoteCSV.parse(
      "Name,Current position,Target\nAna,30,70\n", collect: .both, step: 3)
    #expect(worded.rows == [.init(name: "Ana", current: 30, target: 70)])
    // No header: a step is ignored, since there is no step column; the spreadsheet guard is a name.
    let bare = WorkshopVoteCSV.parse("'=Ana,30,70\nBo,40,60,1\n", collect: .both, step: 2)
    #expect(bare.rows == [.init(name: "'=Ana", current: 30, target: 70)])
    #expect(
      bare.problems == ["line 2: expected 3 columns (name,current,target), found 4 (row skipped)"])
    #expect(bare.otherSteps == 0)
    // A first row of a participant named like a column, with numbers, is a vote, not a header.
    let named = WorkshopVoteCSV.parse("Current,30,70\n", collect: .both)
    #expect(named.rows == [.init(name: "Current", current: 30, target: 70)])
  }
}
