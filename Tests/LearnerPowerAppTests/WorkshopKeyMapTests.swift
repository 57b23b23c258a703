import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// One table drives the workshop's dispatch, hint line and `?` overlay.
@Suite struct WorkshopKeyMapTests {
  static let script = WorkshopScript(
    title: "Keys",
    steps: [
      WorkshopStep(kind: .explore, title: "Intro", position: 10),
      WorkshopStep(kind: .vote, title: "Today", collect: .current),
      WorkshopStep(kind: .summary, title: "Sum"),
    ])
  static let size = Size(width: 80, height: 24)
  let map = WorkshopKeyMap.workshop

  func state(step: Int = 0) -> WorkshopState {
    var session = WorkshopSession(id: "k", script: Self.script, startedAt: 0)
    session.apply(.moved(to: step, at: 0))
    return WorkshopState(session: session, catalogue: .builtIn, now: 0)
  }

  func text(_ grid: CellGrid) -> String {
    (0..<grid.height).map { grid.row($0) }.joined(separator: "\n")
  }

  @Test func keysMeanWhatTheirScopeSays() {
    #expect(map.command(for: .char("r"), kind: .vote, field: nil) == .reveal)
    #expect(map.command(for: .char("r"), kind: .explore, field: nil) == nil)
    #expect(map.command(for: .char("4"), kind: .vote, field: nil) == .vote)
    #expect(map.command(for: .char("4"), kind: .vote, field: .vote) == nil)  // typed into the field
    #expect(map.command(for: .char(" "), kind: .vote, field: .note) == nil)
    #expect(map.command(for: .enter, kind: .vote, field: nil) == .vote)
    #expect(map.command(for: .enter, kind: .vote, field: .vote) == .submitField)
    #expect(map.command(for: .escape, kind: .explore, field: .goTo) == .closeField)
    #expect(map.command(for: .right, kind: .summary, field: nil) == .adjust(by: 1))
    #expect(map.command(for: .right, kind: .vote, field: nil) == nil)
    #expect(map.command(for: .char("?"), kind: .summary, field: nil) == .help)
    #expect(map.command(for: .ctrl("z"), kind: nil, field: nil) == .suspend)
  }

  @Test func noKeyIsBoundTwiceInOneScope() {
    for scope in WorkshopKeyScope.allCases {
      var seen = Set<Key>()
      for b in map.bindings where b.scope == scope {
        for k in b.keys { #expect(seen.insert(k).inserted, "\(k) twice in \(scope)") }
      }
    }
  }

  @Test func theHintLineComesFromTheTableForTheStepAndField() {
    let grid = WorkshopScreen.render(
      state(step: 1), theme: ThemeLibrary.builtInDefault.theme, size: Self.size)
    let hintRow = grid.row(Self.size.height - 1)
    let expected = map.hints(kind: .vote, field: nil, ascii: false)
    #expect(hintRow.hasPrefix(expected[0].key + " " + expected[0].label))
    for (key, label) in expected.prefix(5) {
      #expect(hintRow.contains(key + " " + label), "\(hintRow)")
    }
    #expect(hintRow.contains("? help"))
    #expect(
      !map.hints(kind: .explore, field: nil, ascii: false).contains {
        $0.label == "reveal/hide votes"
      })
    #expect(map.hints(kind: .vote, field: .vote, ascii: false).map(\.key) == ["Enter", "Esc"])
  }

  @Test func questionMarkOpensHelpListingEveryKeyAndEscClosesIt() {
    var s = state(step: 1)
    #expect(reduceWorkshop(&s, .key(.char("?"))).isEmpty)
    #expect(s.showingHelp)
    let shown = text(
      WorkshopScreen.render(s, theme: ThemeLibrary.builtInDefault.theme, size: Self.size))
    #expect(shown.contains("Workshop keys"))
    for section in map.helpSections(ascii: false) {
      #expect(shown.contains(section.heading), "\(section.heading)")
      for row in section.rows { #expect(shown.contains(row.key), "\(row.key)") }
    }
    _ = reduceWorkshop(&s, .key(.escape))
    #expect(!s.showingHelp)
    #expect(
      !text(WorkshopScreen.render(s, theme: ThemeLibrary.builtInDefault.theme, size: Self.size))
        .contains("Workshop keys"))
  }

  @Test func anotherKeyClosesHelpAndStillDoesItsJob() {
    var s = state(step: 1)
    _ = reduceWorkshop(&s, .key(.char("?")))
    let effects = reduceWorkshop(&s, .key(.char("r")))
    #expect(!s.showingHelp)
    #expect(s.session.revealed.contains(1))
    #expect(effects.count == 1)
  }

  @Test func questionMarkInAFieldIsText() {
    var s = state(step: 0)
    _ = reduceWorkshop(&s, .key(.char("m")))
    _ = reduceWorkshop(&s, .key(.char("?")))
    #expect(!s.showingHelp)
    #expect(s.text == "?")
  }

  @Test func helpFitsTheMinimumScreenInASCII() {
    var s = state(step: 2)
    s.ascii = true
    _ = reduceWorkshop(&s, .key(.char("?")))
    let shown = text(
      WorkshopScreen.render(s, theme: ThemeLibrary.builtInDefault.theme, size: Self.size))
    #expect(shown.contains("Up/Dn"))
    #expect(shown.contains("? or Esc closes"))
    let foreign = shown.filter { !$0.isASCII }
    #expect(foreign.isEmpty, "\(foreign)")
  }
}
