import Foundation
import Testing

@testable import LearnerPowerApp

@Suite struct ThemeChoiceTests {
  func library() throws -> (ThemeLibrary, String) {
    let home = NSTemporaryDirectory() + "lp-choose-\(UUID().uuidString)"
    let dir = home + "/config/learnerpower/themes"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try "name = \"mine\"\n".write(toFile: dir + "/mine.toml", atomically: true, encoding: .utf8)
    try "name = [\n".write(toFile: dir + "/broken.toml", atomically: true, encoding: .utf8)
    let paths = AppPaths(environment: ["HOME": home, "XDG_CONFIG_HOME": home + "/config"])
    return (
      ThemeLibrary(paths: paths, environment: [:], executablePath: "/nonexistent/bin/lp"), home
    )
  }

  @Test func theCommandLineBeatsTheRememberedChoice() throws {
    let (lib, _) = try library()
    let (theme, warning) = lib.choose(wanted: "mine", remembered: "default")
    #expect(theme.info.name == "mine")
    #expect(warning == nil)
  }

  @Test func theRememberedChoiceIsUsedWhenNothingIsAsked() throws {
    let (lib, _) = try library()
    #expect(lib.choose(wanted: nil, remembered: "mine").0.info.name == "mine")
    #expect(lib.choose(wanted: nil, remembered: nil).0.info.name == "default")
  }

  @Test func aBrokenThemeFallsBackToTheDefaultWithAWarningNamingTheFile() throws {
    let (lib, _) = try library()
    let (theme, warning) = lib.choose(wanted: "broken", remembered: "mine")
    #expect(theme.info.name == "default")
    #expect(warning?.contains("broken.toml:1") == true)
  }
}
