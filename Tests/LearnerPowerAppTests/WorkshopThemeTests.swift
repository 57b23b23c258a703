import Canvas
import Foundation
import LearnerPowerModel
import Testing

@testable import LearnerPowerApp

/// The workshop screen draws with the theme's `workshop.*` roles, and in monochrome every meaning
/// (timer level, current agenda step) is carried by attributes and words.
@Suite struct WorkshopThemeTests {
  static let size = Size(width: 100, height: 30)
  static let script = WorkshopScript(
    title: "Themed",
    steps: [
      WorkshopStep(kind: .explore, title: "Intro", position: 10, prompt: "Look here", minutes: 1),
      WorkshopStep(kind: .vote, title: "Today", collect: .current),
    ])

  static func theme(_ name: String) throws -> Theme {
    try ShippedThemeTests.library.load(name).get().theme
  }

  /// The state `seconds` into the first step (a one-minute time box).
  func state(after seconds: Double) -> WorkshopState {
    var s = WorkshopState(
      session: WorkshopSession(id: "t", script: Self.script, startedAt: 0), catalogue: .builtIn,
      now: 0)
    _ = reduceWorkshop(&s, .tick(seconds))
    return s
  }

  /// Where `text` starts on row `y`, if it is there.
  func column(of text: String, row y: Int, in grid: CellGrid) -> Int? {
    grid.row(y).range(of: text).map {
      grid.row(y).distance(from: grid.row(y).startIndex, to: $0.lowerBound)
    }
  }

  /// The style of the timer's first cell (the timer sits at the right of the step heading, row 2).
  func timerStyle(_ theme: Theme, after seconds: Double) throws -> Style {
    let s = state(after: seconds)
    let grid = WorkshopScreen.render(s, theme: theme, size: Self.size)
    let x = try #require(
      column(of: WorkshopScreen.timerText(s), row: 2, in: grid), "\(grid.row(2))")
    return try #require(grid[x, 2]).style
  }

  @Test func theTimerSaysInWordsWhenTheBoxIsReachedAndPassed() {
    let rows = [0.0, 60, 90].map { seconds -> String in
      let grid = WorkshopScreen.render(
        state(after: seconds), theme: ThemeLibrary.builtInDefault.theme, size: Self.size)
      return grid.row(2)
    }
    #expect(rows[0].hasSuffix("0:00 / 1:00 ") || rows[0].contains("0:00 / 1:00"))
    #expect(rows[1].contains("1:00 / 1:00 time up"))
    #expect(rows[2].contains("1:30 / 1:00 over time"))
  }

  @Test func theTimerUsesTheWorkshopRolesOfTheTheme() throws {
    let theme = ThemeLibrary.builtInDefault.theme
    #expect(try timerStyle(theme, after: 10) == theme.style("workshop.timer"))
    #expect(try timerStyle(theme, after: 60) == theme.style("workshop.timer.amber"))
    #expect(try timerStyle(theme, after: 95) == theme.style("workshop.timer.red"))
    // The default theme gives amber and red their own colours (no longer fixed ANSI 3 and 1).
    #expect(theme.style("workshop.timer.amber").fg != theme.style("workshop.timer.red").fg)
  }

  @Test(arguments: ["default", "light", "high-contrast", "monochrome", "okabe-ito", "projector"])
  func amberAndRedDifferByAttributeInEveryShippedTheme(_ name: String) throws {
    let theme = try Self.theme(name)
    let normal = try timerStyle(theme, after: 10).attributes
    let amber = try timerStyle(theme, after: 60).attributes
    let red = try timerStyle(theme, after: 95).attributes
    #expect(
      Set([normal.rawValue, amber.rawValue, red.rawValue]).count == 3,
      "\(name): \(normal) \(amber) \(red)")
  }

  @Test func monochromeUsesNoColourOnTheWorkshopScreen() throws {
    let theme = try Self.theme("monochrome")
    for seconds in [10.0, 60, 95] {
      var s = state(after: seconds)
      _ = reduceWorkshop(&s, .key(.char("n")))
      _ = reduceWorkshop(&s, .key(.char("4")))
      _ = reduceWorkshop(&s, .key(.enter))
      _ = reduceWorkshop(&s, .key(.escape))
      _ = reduceWorkshop(&s, .key(.char("r")))
      for grid in [
        WorkshopScreen.render(state(after: seconds), theme: theme, size: Self.size),
        WorkshopScreen.render(s, theme: theme, size: Self.size),
      ] {
        for y in 0..<grid.height {
          for x in 0..<grid.width {
            let style = try #require(grid[x, y]).style
            #expect(style.fg == .default && style.bg == .default, "cell \(x),\(y): \(grid.row(y))")
          }
        }
      }
    }
  }

  @Test func theCurrentAgendaStepStandsOutByAttributeInMonochrome() throws {
    let theme = try Self.theme("monochrome")
    var s = state(after: 0)
    _ = reduceWorkshop(&s, .key(.char("n")))
    let grid = WorkshopScreen.render(s, theme: theme, size: Self.size)
    let done = try #require(grid[4, 3]).style.attributes  // " ✓ 1 Intro"
    let current = try #require(grid[4, 4]).style.attributes  // "▶ 2 Today"
    #expect(grid.row(4).contains("Today"))
    #expect(current.contains(.reverse))
    #expect(done != current)
  }
}
