import Testing

@testable import Canvas

@Test func roleParentDropsTheLastComponent() {
  let r: Role = "slider.thumb.active"
  #expect(r.parent == "slider.thumb")
  #expect(r.parent?.parent == "slider")
  #expect(r.parent?.parent?.parent == nil)
  #expect(r.chain == ["slider.thumb.active", "slider.thumb", "slider"])
  #expect(Role("Slider.Thumb") == "slider.thumb")
  #expect(r.description == "slider.thumb.active")
}

@Test func themeResolvesFieldByFieldAlongTheDottedChain() {
  let theme = Theme(
    name: "t",
    specs: [
      "slider": StyleSpec(fg: .ansi(4), bg: .ansi(0)),
      "slider.thumb": StyleSpec(attributes: [.bold]),
      "slider.thumb.active": StyleSpec(fg: .ansi(11)),
    ])
  #expect(
    theme.style("slider.thumb.active") == Style(fg: .ansi(11), bg: .ansi(0), attributes: .bold))
  #expect(theme.style("slider.thumb") == Style(fg: .ansi(4), bg: .ansi(0), attributes: .bold))
  // Unnamed roles resolve as their nearest named ancestor.
  #expect(theme.style("slider.track.left") == Style(fg: .ansi(4), bg: .ansi(0)))
}

@Test func themeFallsBackToParentThenBaseThenPlain() {
  let root = Theme(
    name: "root",
    specs: [
      "base": StyleSpec(fg: .ansi(7), bg: .ansi(0), attributes: []),
      "list.selected": StyleSpec(bg: .ansi(4), attributes: [.reverse]),
    ])
  let child = Theme(
    name: "child",
    specs: [
      "base": StyleSpec(fg: .ansi(15)),
      "list": StyleSpec(fg: .ansi(2)),
    ], parent: root)
  // fg: child's "list" (dotted chain in this theme) beats the parent's more specific role.
  // bg and attributes: parent's "list.selected".
  #expect(child.style("list.selected") == Style(fg: .ansi(2), bg: .ansi(4), attributes: .reverse))
  // Nothing named: child's base fg, then root's base bg.
  #expect(child.style("title") == Style(fg: .ansi(15), bg: .ansi(0)))
  #expect(Theme(name: "empty").style("anything.at.all") == .plain)
  #expect(child.namedRoles == ["base", "list", "list.selected"])
}

@Test func themeUpdatesLookupsWhenSpecsChange() {
  var theme = Theme(name: "t", specs: ["a": StyleSpec(fg: .ansi(1))])
  theme.specs["a.b"] = StyleSpec(fg: .ansi(2))
  #expect(theme.style("a.b.c").fg == .ansi(2))
  theme.parent = Theme(name: "p", specs: ["base": StyleSpec(attributes: .underline)])
  #expect(theme.style("a.b.c") == Style(fg: .ansi(2), attributes: .underline))
}

@Test func parseHexAcceptsOnlyHashHexColours() {
  #expect(ColorMapper.parseHex("#5f87AF") == .rgb(0x5f, 0x87, 0xaf))
  #expect(ColorMapper.parseHex("#fff") == .rgb(255, 255, 255))
  #expect(ColorMapper.parseHex("5f87af") == nil)
  #expect(ColorMapper.parseHex("#5f87ag") == nil)
  #expect(ColorMapper.parseHex("#5f87a") == nil)
  #expect(ColorMapper.parseHex("") == nil)
}

@Test func nearest256KnownValues() {
  #expect(ColorMapper.nearest256(r: 0xff, g: 0, b: 0) == 196)
  #expect(ColorMapper.nearest256(r: 0x80, g: 0x80, b: 0x80) == 244)
  #expect(ColorMapper.nearest256(r: 0x5f, g: 0x87, b: 0xaf) == 67)
  #expect(ColorMapper.nearest256(r: 0, g: 0, b: 0) == 16)
  #expect(ColorMapper.nearest256(r: 255, g: 255, b: 255) == 231)
  #expect(ColorMapper.nearest256(r: 0x12, g: 0x12, b: 0x12) == 233)
}

@Test func nearest256MatchesABruteForceSearchWithLowestIndexTies() {
  for r in stride(from: 0, through: 255, by: 17) {
    for g in stride(from: 0, through: 255, by: 15) {
      for b in stride(from: 0, through: 255, by: 51) {
        var best = 16
        var bestD = Int.max
        for i in 16...255 {
          let c = ColorMapper.rgb(forIndex: UInt8(i))
          let d =
            (Int(c.r) - r) * (Int(c.r) - r) + (Int(c.g) - g) * (Int(c.g) - g)
            + (Int(c.b) - b) * (Int(c.b) - b)
          if d < bestD {
            bestD = d
            best = i
          }
        }
        #expect(ColorMapper.nearest256(r: UInt8(r), g: UInt8(g), b: UInt8(b)) == UInt8(best))
      }
    }
  }
}

@Test func nearest16KnownValues() {
  #expect(ColorMapper.nearest16(r: 0xff, g: 0, b: 0) == 9)
  #expect(ColorMapper.nearest16(r: 0x80, g: 0x80, b: 0x80) == 8)
  #expect(ColorMapper.nearest16(r: 0, g: 0, b: 0) == 0)
  #expect(ColorMapper.nearest16(r: 0xcd, g: 0, b: 0) == 1)
}

@Test func mapFollowsTheDepth() {
  #expect(ColorMapper.map(.rgb(255, 0, 0), to: .indexed256) == .indexed(196))
  #expect(ColorMapper.map(.indexed(196), to: .sixteen) == .ansi(9))
  #expect(ColorMapper.map(.indexed(244), to: .sixteen) == .ansi(8))
  #expect(ColorMapper.map(.indexed(3), to: .sixteen) == .ansi(3))
  #expect(ColorMapper.map(.rgb(1, 2, 3), to: .direct) == .rgb(1, 2, 3))
  #expect(ColorMapper.map(.ansi(4), to: .monochrome) == .default)
  #expect(ColorMapper.map(.default, to: .sixteen) == .default)
}
