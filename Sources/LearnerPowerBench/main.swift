// The explorer's per-key cost, measured in-process: each simulated key press is reduced,
// rendered, diffed and painted through the real ncurses backend writing into a file, so the
// figures include ncurses' own work and count the exact bytes a terminal would receive.
//
// Usage: LearnerPowerBench [--width 100] [--height 30] [--presses 50] [--runs 5] [--explain]
// --explain also lists the runs of cells one key press changes, to see where bytes go.

import Canvas
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import LearnerPowerApp
import LearnerPowerModel
import NcursesTerminal

#if canImport(Glibc)
  import Glibc
#endif

func option(_ name: String, _ fallback: Int) -> Int {
  let args = CommandLine.arguments
  guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else {
    return fallback
  }
  return v
}

let width = option("--width", 100), height = option("--height", 30)
let presses = option("--presses", 50), runs = option("--runs", 5)
setenv("COLUMNS", String(width), 1)
setenv("LINES", String(height), 1)
setenv("LANG", "C.UTF-8", 1)

func nanos() -> UInt64 {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
  let s = xs.sorted()
  guard !s.isEmpty else { return 0 }
  let k = min(s.count - 1, max(0, Int((Double(s.count - 1) * p).rounded())))
  return s[k]
}

struct RunResult {
  var firstFrameMs: Double
  var firstFrameBytes: Int
  var keyMicros: [Double]
  var keyBytes: [Int]
  var renderMicros: [Double]
}

func fileSize(_ path: String) -> Int {
  var st = stat()
  return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

func oneRun() -> RunResult? {
  let tmp = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
  let dir =
    tmp + (tmp.hasSuffix("/") ? "" : "/")
    + "lp-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: dir) }
  let outPath = dir + "/out"
  guard let output = fopen(outPath, "w"), let input = fopen("/dev/null", "r") else { return nil }
  let start = nanos()
  guard
    let screen = try? NcursesScreen.open(
      options: NcursesOptions(color: true, mouse: false), term: "xterm-256color", input: input,
      output: output, guardTerminal: false)
  else { return nil }
  let paths = AppPaths(environment: ["HOME": dir])
  let loop = ExplorerLoop(
    state: AppState(current: 40, target: 60), terminal: screen,
    themes: ThemeLibrary(paths: paths, environment: [:]), theme: ThemeLibrary.builtInDefault,
    store: StateStore(paths: paths))
  loop.paint()
  fflush(output)
  let firstFrameMs = Double(nanos() - start) / 1e6
  let firstBytes = fileSize(outPath)
  var keyMicros: [Double] = [], keyBytes: [Int] = [], renderMicros: [Double] = []
  var before = firstBytes
  var state = AppState(current: 40, target: 60)
  for _ in 0..<presses {
    let t0 = nanos()
    _ = loop.process([.key(.right)])
    fflush(output)
    keyMicros.append(Double(nanos() - t0) / 1e3)
    let now = fileSize(outPath)
    keyBytes.append(now - before)
    before = now
    // Render alone, for scale.
    reduce(&state, .nudged(by: 1))
    let r0 = nanos()
    _ = Screen.render(
      state, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: width, height: height))
    renderMicros.append(Double(nanos() - r0) / 1e3)
  }
  screen.restore()
  fclose(output)
  fclose(input)
  return RunResult(
    firstFrameMs: firstFrameMs, firstFrameBytes: firstBytes, keyMicros: keyMicros,
    keyBytes: keyBytes, renderMicros: renderMicros)
}

var results: [RunResult] = []
for _ in 0..<runs {
  if let r = oneRun() { results.append(r) }
}
guard !results.isEmpty else {
  var message = "bench: could not open ncurses on a file\n"
  message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  exit(1)
}
func median(_ xs: [Double]) -> Double { percentile(xs, 0.5) }
let allKeys = results.flatMap(\.keyMicros)
let allBytes = results.flatMap(\.keyBytes).map(Double.init)
let allRender = results.flatMap(\.renderMicros)
print(
  "learnerpower in-process benchmark: \(width)x\(height), \(presses) presses of Right, \(results.count) runs"
)
print(
  "  first frame (open ncurses + render + paint): median \(NumberText.fixed(median(results.map(\.firstFrameMs)), places: 2)) ms, \(results[0].firstFrameBytes) bytes"
)
print(
  "  per key (reduce + render + diff + paint):   median \(NumberText.fixed(median(allKeys), places: 1)) us, p90 \(NumberText.fixed(percentile(allKeys, 0.9), places: 1)) us, max \(NumberText.fixed(allKeys.max() ?? 0, places: 1)) us"
)
print(
  "  render alone:                               median \(NumberText.fixed(median(allRender), places: 1)) us"
)
print(
  "  bytes written per key:                      median \(NumberText.fixed(median(allBytes), places: 0)), max \(NumberText.fixed(allBytes.max() ?? 0, places: 0))"
)

if CommandLine.arguments.contains("--explain") {
  let theme = ThemeLibrary.builtInDefault.theme
  let size = Size(width: width, height: height)
  for from in [20, 38, 49] {
    let a = Screen.render(
      AppState(current: Position(clamping: from), target: 60), theme: theme, size: size)
    let b = Screen.render(
      AppState(current: Position(clamping: from + 1), target: 60), theme: theme, size: size)
    let ch = b.changes(since: a)
    print("\(from)->\(from + 1): \(ch.count) runs, \(ch.reduce(0) { $0 + $1.cells.count }) cells")
    for c in ch {
      print("  row \(c.row) col \(c.column) len \(c.cells.count): \(c.cells.map(\.text).joined())")
    }
  }
}
