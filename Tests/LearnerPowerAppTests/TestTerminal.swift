import Canvas

/// A terminal in memory for driving `ExplorerLoop` by hand: the loop paints into a
/// `MemoryBackend`, so tests see what a user would; `resize(to:)` changes its size.
final class TestTerminal: InteractiveTerminal {
  let screen: MemoryBackend
  var size: Size { screen.size }
  var pollDescriptors: [Int32] { [] }

  init(size: Size = Size(width: 100, height: 30)) { screen = MemoryBackend(size: size) }

  func paint(_ changes: [CellChange], cursor: Point?) { screen.paint(changes, cursor: cursor) }
  func drainEvents() -> [InputEvent] { [] }
  func suspend() {}
  func restore() {}
  func resize(to size: Size) { screen.resize(to: size) }

  /// The screen as plain text.
  var text: String { PlainTextExporter.export(screen.grid) }
}
