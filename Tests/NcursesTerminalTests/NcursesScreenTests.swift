import CTerminalGuard
import Foundation
import Canvas
import Glibc
import Testing

@testable import NcursesTerminal

/// Every test that opens ncurses lives under this one serialized suite: ncurses has process-wide
/// state, so only one screen may exist at a time.
@Suite(.serialized)
struct NcursesScreenTests {
  // MARK: - Painting

  @Test func paintedTextReadsBackCellByCellIncludingWideAndCombining() throws {
    let t = try TestTerminal(width: 20, height: 5)
    defer { t.close() }
    var grid = CellGrid(size: t.screen.size)
    grid.put("Hi 中e\u{301}!", at: Point(x: 1, y: 2), style: .plain)
    t.paint(grid)

    #expect(t.screen.virtualCell(x: 1, y: 2)?.text == "H")
    #expect(t.screen.virtualCell(x: 2, y: 2)?.text == "i")
    #expect(t.screen.virtualCell(x: 4, y: 2)?.text == "中")
    #expect(t.screen.virtualCell(x: 6, y: 2)?.text == "e\u{301}")
    #expect(t.screen.virtualCell(x: 7, y: 2)?.text == "!")
    #expect(t.screen.virtualCell(x: 0, y: 0)?.text == " ")
    #expect(t.writtenText.contains("中"))
  }

  @Test func stylesBecomeAttributesAndEachColourCombinationGetsOnePair() throws {
    let t = try TestTerminal(width: 20, height: 3)
    defer { t.close() }
    #expect(t.screen.colorDepth == .indexed256)
    var grid = CellGrid(size: t.screen.size)
    let red = Style(fg: .ansi(1))
    grid.put("ab", at: Point(x: 0, y: 0), style: red)
    grid.put("c", at: Point(x: 5, y: 1), style: red)
    grid.put("d", at: Point(x: 0, y: 1), style: Style(fg: .rgb(255, 0, 0), bg: .indexed(17)))
    grid.put("e", at: Point(x: 1, y: 1), style: Style(attributes: [.bold, .underline]))
    grid.put("f", at: Point(x: 2, y: 1), style: Style(attributes: [.reverse, .dim, .italic]))
    t.paint(grid)

    let a = try #require(t.screen.virtualCell(x: 0, y: 0))
    let b = try #require(t.screen.virtualCell(x: 1, y: 0))
    let c = try #require(t.screen.virtualCell(x: 5, y: 1))
    let d = try #require(t.screen.virtualCell(x: 0, y: 1))
    #expect(a.pair != 0)
    #expect(a.pair == b.pair && b.pair == c.pair)
    #expect(d.pair != a.pair && d.pair != 0)
    #expect(t.screen.pairColors(a.pair)?.fg == 1)
    #expect(t.screen.pairColors(a.pair)?.bg == -1)
    #expect(t.screen.pairColors(d.pair)?.fg == 196)
    #expect(t.screen.pairColors(d.pair)?.bg == 17)
    #expect(t.screen.virtualCell(x: 1, y: 1)?.attributes == [.bold, .underline])
    #expect(t.screen.virtualCell(x: 1, y: 1)?.pair == 0)
    #expect(t.screen.virtualCell(x: 2, y: 1)?.attributes == [.reverse, .dim, .italic])
  }

  @Test func disabledColourPaintsAttributesWithoutColourEscapes() throws {
    let t = try TestTerminal(width: 20, height: 3, options: NcursesOptions(color: false))
    defer { t.close() }
    #expect(t.screen.colorDepth == .monochrome)
    var grid = CellGrid(size: t.screen.size)
    grid.put("warn", at: Point(x: 0, y: 0), style: Style(fg: .ansi(1), attributes: [.bold]))
    t.paint(grid)
    #expect(t.screen.virtualCell(x: 0, y: 0)?.pair == 0)
    #expect(t.screen.virtualCell(x: 0, y: 0)?.attributes == [.bold])
    let text = t.writtenText
    #expect(!text.contains("\u{1b}[31m") && !text.contains("38;5;") && !text.contains("[39;49m"))
  }

  @Test func cursorIsParkedWhereTheFrameSays() throws {
    let t = try TestTerminal(width: 20, height: 5)
    defer { t.close() }
    var grid = CellGrid(size: t.screen.size)
    grid.cursor = Point(x: 7, y: 3)
    t.paint(grid)
    #expect(t.screen.virtualCursor == Point(x: 7, y: 3))
  }

  // MARK: - Wire budget

  @Test func identicalFrameWritesNothingAndOneCellWritesLittle() throws {
    let t = try TestTerminal(width: 80, height: 24)
    defer { t.close() }
    var grid = CellGrid(size: t.screen.size)
    for y in 0..<24 {
      grid.put("row \(y) 中文 ▓░ slider", at: Point(x: 2, y: y), style: Style(fg: .ansi(2)))
    }
    grid.cursor = Point(x: 10, y: 10)
    t.paint(grid)
    let afterFirst = t.bytesWritten
    #expect(afterFirst > 500)

    // The run loop repaints only what changed; an identical full repaint must cost nothing too.
    t.screen.paint(grid.changes(since: nil), cursor: grid.cursor)
    #expect(t.bytesWritten == afterFirst)

    var next = grid
    next.put("X", at: Point(x: 40, y: 12), style: Style(fg: .ansi(1), attributes: [.bold]))
    t.paint(next, since: grid)
    let delta = t.bytesWritten - afterFirst
    #expect(delta > 0 && delta < 100)
  }

  // MARK: - Colour pairs on a terminal with few of them

  /// Every (fg, bg) an 8-colour terminal can show except the default pair: 80 combinations,
  /// more than TERM=xterm's 63 usable pairs.
  static let eightColourCombinations: [Style] = {
    let colours: [Color] = [.default] + (0..<8).map { Color.ansi(UInt8($0)) }
    return colours.flatMap { fg in colours.map { bg in Style(fg: fg, bg: bg) } }
      .filter { $0.fg != .default || $0.bg != .default }
  }()

  /// A frame showing `styles` one per cell, row by row from the top-left corner.
  static func frame(_ size: Size, _ styles: ArraySlice<Style>, keep: Style? = nil) -> CellGrid {
    var grid = CellGrid(size: size)
    for (i, style) in styles.enumerated() {
      grid.put("x", at: Point(x: i % size.width, y: i / size.width), style: style)
    }
    if let keep { grid.put("k", at: Point(x: 0, y: size.height - 1), style: keep) }
    return grid
  }

  /// The colour numbers ncurses will draw the cell at (x, y) with.
  static func colours(_ t: TestTerminal, x: Int, y: Int) -> (fg: Int32, bg: Int32)? {
    guard let pair = t.screen.virtualCell(x: x, y: y)?.pair else { return nil }
    return pair == 0 ? (-1, -1) : t.screen.pairColors(pair)
  }

  static func number(_ c: Color) -> Int32 {
    if case .ansi(let n) = c { return Int32(n) }
    return -1
  }

  @Test func cyclingThemesOnATerminalWithFewPairsReusesThePairsNoLongerShown() throws {
    let t = try TestTerminal(width: 10, height: 6, term: "xterm")
    defer { t.close() }
    #expect(t.screen.colorDepth == .sixteen)
    let all = Self.eightColourCombinations
    #expect(all.count == 80)
    // Two "themes" of 40 colour combinations each; together they need more pairs than exist.
    // The last row keeps one cell both themes share, which must keep its colours throughout.
    let shared = Style(fg: .ansi(3), bg: .ansi(4))
    let themes = [all[0..<40], all[40..<80]].map { Self.frame(t.screen.size, $0, keep: shared) }
    var previous: CellGrid?
    for round in 0..<6 {
      let grid = themes[round % 2]
      t.paint(grid, since: previous)
      previous = grid
      for y in 0..<grid.height {
        for x in 0..<grid.width {
          let want = try #require(grid[x, y]).style
          let got = Self.colours(t, x: x, y: y)
          #expect(
            got?.fg == Self.number(want.fg) && got?.bg == Self.number(want.bg),
            "round \(round) cell \(x),\(y): \(String(describing: got)) for \(want)")
        }
      }
    }
    // Only the switches that ran out reclaimed pairs (the first theme fitted on its own).
    #expect(t.screen.pairRecycleCount == 5)
  }

  @Test func anOrdinaryFrameAfterAThemeSwitchReclaimsNothingAndWritesLittle() throws {
    let t = try TestTerminal(width: 10, height: 6, term: "xterm")
    defer { t.close() }
    let all = Self.eightColourCombinations
    let first = Self.frame(t.screen.size, all[0..<40])
    let second = Self.frame(t.screen.size, all[40..<80])
    t.paint(first)
    t.paint(second, since: first)
    #expect(t.screen.pairRecycleCount == 1)
    let before = t.bytesWritten
    var next = second
    next.put("y", at: Point(x: 3, y: 5), style: all[41])
    t.paint(next, since: second)
    #expect(t.screen.pairRecycleCount == 1)
    let delta = t.bytesWritten - before
    #expect(delta > 0 && delta < 100)
    #expect(Self.colours(t, x: 3, y: 5)?.fg == Self.number(all[41].fg))
  }

  @Test func aFrameWithMoreColoursThanPairsFallsBackToTheDefaultPairForTheRest() throws {
    let t = try TestTerminal(width: 10, height: 8, term: "xterm")
    defer { t.close() }
    let all = Self.eightColourCombinations
    t.paint(Self.frame(t.screen.size, all[0..<80]))
    let pairs = (0..<80).compactMap { t.screen.virtualCell(x: $0 % 10, y: $0 / 10)?.pair }
    #expect(pairs.filter { $0 != 0 }.count == 63)
    #expect(Set(pairs.filter { $0 != 0 }).count == 63)
  }

  // MARK: - Keys

  @Test(arguments: [
    ("\u{1b}[C", Key.right), ("\u{1b}OC", .right), ("\u{1b}[D", .left), ("\u{1b}OA", .up),
    ("\u{1b}[B", .down), ("\u{1b}[1;2C", .shiftRight), ("\u{1b}[1;2D", .shiftLeft),
    ("\u{1b}[1;2A", .shiftUp), ("\u{1b}[1;2B", .shiftDown), ("\u{1b}[5~", .pageUp),
    ("\u{1b}[6~", .pageDown), ("\u{1b}[H", .home), ("\u{1b}OF", .end), ("\u{1b}[Z", .backTab),
    ("\u{1b}[1~", .home), ("\u{1b}[4~", .end), ("\u{1b}[7~", .home), ("\u{1b}[8~", .end),
    ("\u{1b}[3~", .delete), ("\u{1b}OP", .function(1)), ("\u{1b}[15~", .function(5)),
    ("\r", .enter), ("\n", .enter), ("\t", .tab), ("\u{7f}", .backspace), ("\u{08}", .backspace),
    ("\u{03}", .ctrl("c")), ("\u{1a}", .ctrl("z")), ("q", .char("q")), ("L", .char("L")),
    ("é", .char("é")), ("中", .char("中")),
  ])
  func terminalBytesDecodeToKeys(bytes: String, key: Key) throws {
    let t = try TestTerminal()
    defer { t.close() }
    t.type(bytes)
    #expect(t.screen.drainEvents() == [.key(key)])
  }

  @Test func aBurstOfKeysDrainsAsOneBatchInOrder() throws {
    let t = try TestTerminal()
    defer { t.close() }
    t.type("\u{1b}[C\u{1b}[C\u{1b}[1;2Dq")
    #expect(
      t.screen.drainEvents() == [.key(.right), .key(.right), .key(.shiftLeft), .key(.char("q"))])
    #expect(t.screen.drainEvents() == [])
  }

  @Test func aLoneEscapeIsTheEscapeKey() throws {
    let t = try TestTerminal()
    defer { t.close() }
    t.type("\u{1b}")
    #expect(t.screen.drainEvents() == [.key(.escape)])
  }

  // MARK: - Mouse

  @Test func sgrMouseReportsBecomePressDragReleaseAndWheelInCellCoordinates() throws {
    let t = try TestTerminal(width: 40, height: 10)
    defer { t.close() }
    t.type("\u{1b}[<35;3;3M")  // motion with no button held: ignored
    t.type("\u{1b}[<0;10;5M\u{1b}[<32;12;5M\u{1b}[<0;12;5m")
    t.type("\u{1b}[<64;3;2M\u{1b}[<65;3;2M")
    #expect(
      t.screen.drainEvents() == [
        .mouse(MouseEvent(.press, at: Point(x: 9, y: 4))),
        .mouse(MouseEvent(.drag, at: Point(x: 11, y: 4))),
        .mouse(MouseEvent(.release, at: Point(x: 11, y: 4))),
        .mouse(MouseEvent(.wheelUp, at: Point(x: 2, y: 1))),
        .mouse(MouseEvent(.wheelDown, at: Point(x: 2, y: 1))),
      ])
  }

  @Test func aMouseReportSplitAcrossReadsIsDecodedOnceComplete() throws {
    let t = try TestTerminal(width: 40, height: 10)
    defer { t.close() }
    t.type("x\u{1b}[<0;10")
    #expect(t.screen.drainEvents() == [.key(.char("x"))])
    t.type(";5M")
    #expect(t.screen.drainEvents() == [.mouse(MouseEvent(.press, at: Point(x: 9, y: 4)))])
  }

  @Test func mouseTrackingIsSwitchedOnAndOffAgainOnRestore() throws {
    let t = try TestTerminal()
    t.screen.paint([], cursor: nil)
    #expect(t.writtenText.contains("\u{1b}[?1002h"))
    t.screen.restore()
    t.screen.restore()
    let text = t.writtenText
    #expect(text.contains("\u{1b}[?1002l"))
    #expect(text.contains("\u{1b}[?1049l"))
    #expect(t.screen.drainEvents() == [])
    t.close()
  }

  @Test func mouseOffLeavesTrackingAlone() throws {
    let t = try TestTerminal(options: NcursesOptions(mouse: false))
    defer { t.close() }
    t.screen.paint([], cursor: nil)
    #expect(!t.writtenText.contains("\u{1b}[?1002h"))
    #expect(!t.writtenText.contains("\u{1b}[?1006;1000h"))
  }

  // MARK: - Opening

  @Test func anUnknownTerminalTypeIsAnErrorNotAnExit() throws {
    let files = try TerminalFiles()
    defer { withExtendedLifetime(files) {} }  // the FILEs stay open to the end of the test
    let (input, output) = (files.input, files.output)
    #expect(throws: TerminalError.unknownTerminal("no-such-terminal-xyz")) {
      try NcursesScreen.open(
        options: NcursesOptions(), term: "no-such-terminal-xyz", input: input, output: output,
        guardTerminal: false)
    }
    #expect(throws: TerminalError.noTerm) {
      try NcursesScreen.open(
        options: NcursesOptions(), term: "", input: input, output: output, guardTerminal: false)
    }
    // The failed open left no signal pipe behind: a new screen still opens and works.
    let t = try TestTerminal()
    defer { t.close() }
    t.type("q")
    #expect(t.screen.drainEvents() == [.key(.char("q"))])
  }

  @Test func aTerminalThatCannotMoveTheCursorIsRefusedAndLeftAsItWas() throws {
    let files = try TerminalFiles()
    defer { withExtendedLifetime(files) {} }  // the FILEs stay open to the end of the test
    let (input, output) = (files.input, files.output)
    #expect(throws: TerminalError.cannotAddressCursor("dumb")) {
      try NcursesScreen.open(
        options: NcursesOptions(), term: "dumb", input: input, output: output, guardTerminal: false)
    }
    #expect(
      TerminalError.cannotAddressCursor("dumb").description.contains(
        "'dumb' cannot move the cursor"))
    // Nothing was drawn: at most the carriage return endwin sends.
    fflush(output)
    var info = stat()
    #expect(fstat(fileno(output), &info) == 0 && info.st_size <= 1)
    // No signal pipe or screen is left behind: a real terminal opens and works.
    let t = try TestTerminal()
    defer { t.close() }
    t.type("q")
    #expect(t.screen.drainEvents() == [.key(.char("q"))])
  }

  /// ncurses itself refuses hardcopy and generic entries; entries compiled with `tic` check that
  /// they are refused cleanly too (no such entry ships with the system's terminfo).
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tic")))
  func hardcopyAndGenericTerminalsAreRefused() throws {
    let folder = NSTemporaryDirectory() + "lp-terminfo-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let source = folder + "/entries.src"
    try """
    lptest-generic|generic test entry,
    \tgn, cols#80, lines#24, cup=\\E[%i%p1%d;%p2%dH,
    lptest-hardcopy|hardcopy test entry,
    \thc, cols#80, cr=\\r,
    lptest-nocup|no cursor addressing,
    \tcols#80, lines#24, cr=\\r, clear=\\E[H\\E[J,

    """.write(toFile: source, atomically: true, encoding: .utf8)
    let tic = Process()
    tic.executableURL = URL(fileURLWithPath: "/usr/bin/tic")
    tic.arguments = ["-o", folder, source]
    try tic.run()
    tic.waitUntilExit()
    try #require(tic.terminationStatus == 0)
    let previous = getenv("TERMINFO").map { String(cString: $0) }
    setenv("TERMINFO", folder, 1)
    defer {
      if let previous { setenv("TERMINFO", previous, 1) } else { unsetenv("TERMINFO") }
    }
    let files = try TerminalFiles()
    defer { withExtendedLifetime(files) {} }  // the FILEs stay open to the end of the test
    let (input, output) = (files.input, files.output)
    for (term, error) in [
      ("lptest-generic", TerminalError.unknownTerminal("lptest-generic")),
      ("lptest-hardcopy", .unknownTerminal("lptest-hardcopy")),
      ("lptest-nocup", .cannotAddressCursor("lptest-nocup")),
    ] {
      #expect(throws: error) {
        try NcursesScreen.open(
          options: NcursesOptions(), term: term, input: input, output: output, guardTerminal: false)
      }
    }
  }

  // MARK: - Signals

  @Test func signalsArriveThroughThePipeAsEvents() throws {
    let t = try TestTerminal()
    defer { t.close() }
    // Only raise once the pipe handlers are known to be installed, or the test process dies.
    try #require(t.screen.pollDescriptors.count == 2)
    // The test runner's threads block these signals; unblock them here so `raise` delivers at
    // once, on this thread, while the pipe handlers are installed.
    var wanted = sigset_t()
    var previous = sigset_t()
    sigemptyset(&wanted)
    for s in [SIGTERM, SIGHUP, SIGINT, SIGWINCH] { sigaddset(&wanted, s) }
    pthread_sigmask(SIG_UNBLOCK, &wanted, &previous)
    raise(SIGTERM)
    raise(SIGHUP)
    raise(SIGINT)
    raise(SIGWINCH)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    #expect(
      t.screen.drainEvents() == [
        .signal(.terminate), .signal(.hangup), .signal(.interrupt), .resize(t.screen.size),
      ])
  }
}

@Suite struct RestoreSequenceTests {
  @Test func restoreBytesTurnEverythingOffAndLeaveTheAlternateScreen() {
    let text = String(decoding: NcursesScreen.restoreSequence, as: UTF8.self)
    for part in [
      "\u{1b}[?1000l", "\u{1b}[?1002l", "\u{1b}[?1003l", "\u{1b}[?1006l", "\u{1b}[?25h",
      "\u{1b}[0m", "\u{1b}[?1049l", "\u{1b}[?1l\u{1b}>",
    ] {
      #expect(text.contains(part), "missing \(part.debugDescription)")
    }
    // Mouse off comes before leaving the alternate screen, so no report lands in the shell.
    let beforeLeaving = text.split(separator: "\u{1b}[?1049l", maxSplits: 1).first ?? ""
    #expect(beforeLeaving.contains("\u{1b}[?1000l"))
  }

  @Test func guardWritesTheRestoreBytesToItsDescriptor() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    defer {
      close(fds[0])
      close(fds[1])
    }
    let bytes = Array("\u{1b}[?1049l".utf8)
    let status = bytes.withUnsafeBufferPointer {
      $0.withMemoryRebound(to: CChar.self) { lp_guard_install(fds[1], $0.baseAddress, $0.count) }
    }
    #expect(status == -1)  // a pipe has no termios; the bytes are still written
    lp_guard_restore_now()
    lp_guard_uninstall()
    lp_guard_restore_now()  // uninstalled: writes nothing more
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = read(fds[0], &buffer, buffer.count)
    #expect(Array(buffer.prefix(max(0, n))) == bytes)
  }
}

@Suite struct ColorPaletteTests {
  @Test func coloursMapToTheDetectedDepth() {
    #expect(ColorPalette.number(for: .default, depth: .indexed256, colors: 256) == -1)
    #expect(ColorPalette.number(for: .ansi(9), depth: .monochrome, colors: 0) == -1)
    #expect(ColorPalette.number(for: .ansi(9), depth: .sixteen, colors: 16) == 9)
    #expect(ColorPalette.number(for: .ansi(9), depth: .sixteen, colors: 8) == 1)
    #expect(ColorPalette.number(for: .rgb(255, 0, 0), depth: .indexed256, colors: 256) == 196)
    #expect(ColorPalette.number(for: .rgb(255, 0, 0), depth: .sixteen, colors: 16) == 9)
    #expect(
      ColorPalette.number(for: .rgb(0x12, 0x34, 0x56), depth: .direct, colors: 1 << 24)
        == 0x123456)
    #expect(ColorPalette.number(for: .ansi(3), depth: .direct, colors: 1 << 24) == 3)
    #expect(ColorPalette.number(for: .rgb(0, 0, 1), depth: .direct, colors: 1 << 24) == 8)
  }
}

@Suite struct TerminalErrorTests {
  @Test func messagesNameTheProblemAndTheTerminal() {
    #expect(TerminalError.unknownTerminal("vt999").description.contains("vt999"))
    #expect(TerminalError.noTerm.description.contains("TERM"))
    #expect(TerminalError.notATerminal.description.contains("terminal"))
  }

  @Test func optionsHonourNoColor() {
    #expect(NcursesOptions(environment: ["NO_COLOR": "1"]).color == false)
    #expect(NcursesOptions(environment: ["NO_COLOR": ""]).color == true)
    #expect(NcursesOptions(environment: [:]).color == true)
  }
}

/// The notes view's key reading: printable keys pass, escape sequences and control bytes do not.
@Suite struct KeyboardInputDecodeTests {
  @Test func printableKeysPassAndEscapeSequencesAreDropped() {
    let bytes = Array("a\u{1b}[Aq\u{1b}OP\u{7f}\u{01}é".utf8)
    #expect(KeyboardInput.decode(bytes) == [.key(.char("a")), .key(.char("q")), .key(.char("é"))])
  }

  @Test func notATerminalGivesNoKeyboard() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    defer { close(fds[0]); close(fds[1]) }
    #expect(KeyboardInput(fd: fds[0]) == nil)
  }
}

/// A pipe for input and a temporary file for output, what `newterm` needs without a real
/// terminal; closed when the value goes away.
final class TerminalFiles {
  let input: UnsafeMutablePointer<FILE>
  let output: UnsafeMutablePointer<FILE>
  private let writeEnd: Int32

  init() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    input = try #require(fdopen(fds[0], "r"))
    output = try #require(tmpfile())
    writeEnd = fds[1]
  }

  deinit {
    fclose(input)
    fclose(output)
    close(writeEnd)
  }
}
