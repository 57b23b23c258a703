import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The app's version, printed by `--version` and written into snapshots.
public let appVersion = "0.1.0"

/// Headless output of the explorer screen (`learnerpower render`).
public enum RenderOutput {
  /// The screen as text (exactly `height` lines, trailing spaces trimmed) or with ANSI colours.
  public static func render(
    state: AppState, theme: Theme, width: Int, height: Int, ansi: Bool, noColor: Bool = false
  ) -> String {
    let grid = Screen.render(state, theme: theme, size: Size(width: width, height: height))
    return ansi
      ? ANSIExporter.export(grid, depth: noColor ? .monochrome : .indexed256)
      : PlainTextExporter.export(grid)
  }
}
