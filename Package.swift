// swift-tools-version:6.0
import PackageDescription

// Warnings are treated as problems to fix; `make test` builds with -warnings-as-errors.
let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  // Release code asks for generic types' metadata directly instead of through mangled names. A
  // mangled name is demangled on first use and each of its generic requirements (`Key: Hashable`)
  // is looked up by scanning every protocol conformance in the binary, about 6,000 with Foundation
  // linked statically. Measured: 5% fewer instructions to the explorer's first frame; the scans
  // left come from argument-parser's reflection, which a dependency's flags cannot change.
  .unsafeFlags(
    ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
    .when(configuration: .release)),
]

let package = Package(
  name: "learnerpower",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "learnerpower", targets: ["learnerpower"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // Pure domain: positions, stages, catalogue, recommendations, transitions.
    .target(
      name: "LearnerPowerModel",
      dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
      resources: [.embedInCode("Data/catalogue.toml"), .embedInCode("Data/questions.toml")],
      swiftSettings: strict
    ),
    // Domain-free drawing: cells, grids, styles, widgets, exporters.
    .target(name: "Canvas", swiftSettings: strict),
    // The app: state, reducer, key map, screen, stores.
    .target(
      name: "LearnerPowerApp",
      dependencies: ["LearnerPowerModel", "Canvas"],
      swiftSettings: strict
    ),
    .systemLibrary(name: "CNcurses"),
    .target(name: "CTerminalGuard"),
    // The only Swift code that calls ncurses.
    .target(
      name: "NcursesTerminal",
      dependencies: ["Canvas", "CNcurses", "CTerminalGuard"],
      swiftSettings: strict
    ),
    .executableTarget(
      name: "learnerpower",
      dependencies: [
        "LearnerPowerApp", "NcursesTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict,
      // Release builds link a position-dependent executable. With the Swift runtime and
      // Foundation linked statically (`--static-swift-stdlib`), a PIE carries ~80,000 relative
      // relocations (1.9 MB) that the loader applies at every start, copying each page they touch:
      // measured here, 3 MB of peak RSS and about 0.5 ms of start-up. Shared libraries stay
      // randomised; only the executable's own addresses are fixed.
      linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(configuration: .release))]
    ),
    // `make bench`: drives the explorer in-process against ncurses writing to a file and prints
    // time and bytes per key. Not a test: nothing here can fail on a slow machine.
    .executableTarget(
      name: "LearnerPowerBench",
      dependencies: ["LearnerPowerApp", "NcursesTerminal"],
      swiftSettings: strict
    ),
    .testTarget(name: "LearnerPowerModelTests", dependencies: ["LearnerPowerModel"]),
    .testTarget(name: "CanvasTests", dependencies: ["Canvas"]),
    // Goldens live in Tests/LearnerPowerAppTests/Goldens and are read by path so that
    // LEARNERPOWER_RECORD=1 can rewrite them in the source tree.
    .testTarget(name: "LearnerPowerAppTests", dependencies: ["LearnerPowerApp"], exclude: ["Goldens"]),
    .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "Canvas"]),
    .testTarget(name: "EndToEndTests", dependencies: ["LearnerPowerModel"]),
  ],
  swiftLanguageModes: [.v6]
)
