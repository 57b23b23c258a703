// The explorer's per-key cost, measured in-process: each simulated key press is reduced,
// rendered, diffed and painted through the real ncurses backend writing into a file, so the
// figures include ncurses' own work and count the exact bytes a terminal would receive.
//
// Usage: LearnerPowerBench [--width 100] [--height 30] [--presses 50] [--runs 5] [--explain]
// --explain also lists the runs of cells one key press changes, to see where bytes go.

import Canvas
import Foundation
import LearnerPowerApp
import LearnerPowerModel
import NcursesTerminal

#if canImport(Glibc)
  import Glibc
#endif

func option(_ name: String, _ fallback: Int) -> Int {
  let args = CommandLine.arguments
  guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
  return v
}

let width = option("--width", 100), height = option("--height", 30)
let presses = option("--presses", 50), runs = option("--runs", 5)
setenv("COLUMNS", String(width), 1)
setenv("LINES", String(height), 1)
setenv("LANG", "C.UTF-8", 1)

func nanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

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
  let dir = NSTemporaryDirectory() + "lp-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
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
    _ = Screen.render(state, theme: ThemeLibrary.builtInDefault.theme, size: Size(width: width, height: height))
    renderMicros.append(Double(nanos() - r0) / 1e3)
  }
  screen.restore()
  fclose(output)
  fclose(input)
  return RunResult(firstFrameMs: firstFrameMs, firstFrameBytes: firstBytes, keyMicros: keyMicros, keyBytes: keyBytes, renderMicros: renderMicros)
}

var results: [RunResult] = []
for _ in 0..<runs {
  if let r = oneRun() { results.append(r) }
}
guard !results.isEmpty else {
  FileHandle.standardError.write(Data("bench: could not open ncurses on a file\n".utf8))
  exit(1)
}
func median(_ xs: [Double]) -> Double { percentile(xs, 0.5) }
let allKeys = results.flatMap(\.keyMicros)
let allBytes = results.flatMap(\.keyBytes).map(Double.init)
let allRender = results.flatMap(\.renderMicros)
print("learnerpower in-process benchmark: \(width)x\(height), \(presses) presses of Right, \(results.count) runs")
print(String(format: "  first frame (open ncurses + render + paint): median %.2f ms, %d bytes", median(results.map(\.firstFrameMs)), results[0].firstFrameBytes))
print(String(format: "  per key (reduce + render + diff + paint):   median %.1f us, p90 %.1f us, max %.1f us", median(allKeys), percentile(allKeys, 0.9), allKeys.max() ?? 0))
print(String(format: "  render alone:                               median %.1f us", median(allRender)))
print(String(format: "  bytes written per key:                      median %.0f, max %.0f", median(allBytes), allBytes.max() ?? 0))

if CommandLine.arguments.contains("--explain") {
  let theme = ThemeLibrary.builtInDefault.theme
  let size = Size(width: width, height: height)
  for from in [20, 38, 49] {
    let a = Screen.render(AppState(current: Position(clamping: from), target: 60), theme: theme, size: size)
    let b = Screen.render(AppState(current: Position(clamping: from + 1), target: 60), theme: theme, size: size)
    let ch = b.changes(since: a)
    print("\(from)->\(from + 1): \(ch.count) runs, \(ch.reduce(0) { $0 + $1.cells.count }) cells")
    for c in ch { print("  row \(c.row) col \(c.column) len \(c.cells.count): \(c.cells.map(\.text).joined())") }
  }
}
