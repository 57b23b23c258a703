import Testing

@testable import LearnerPowerModel

private func document(_ text: String) throws -> TOMLDocument {
  try TOMLDocument.parse(text, file: "t.toml").get()
}

@Test func locatorFindsKeysInNestedTables() throws {
  let doc = try document(
    """
    title = "x"

    [server]
    host = "h"

    [server.limits]
    max = 3
    a.b.c = 1
    """)
  #expect(doc.line(of: ["title"]) == 1)
  #expect(doc.line(of: ["server"]) == 3)
  #expect(doc.line(of: ["server", "host"]) == 4)
  #expect(doc.line(of: ["server", "limits"]) == 6)
  #expect(doc.line(of: ["server", "limits", "max"]) == 7)
  #expect(doc.line(of: ["server", "limits", "a", "b", "c"]) == 8)
  #expect(doc.root[["server", "limits", "a", "b", "c"]]?.intValue == 1)
}

@Test func locatorCountsArraysOfTablesIncludingNestedOnes() throws {
  let doc = try document(
    """
    [[fruit]]
    name = "apple"
    [[fruit.variety]]
    name = "red"
    [[fruit.variety]]
    name = "green"

    [[fruit]]
    name = "pear"
    [[fruit.variety]]
    name = "conference"
    [fruit.info]
    colour = "green"
    """)
  #expect(doc.line(of: ["fruit", 0, "name"]) == 2)
  #expect(doc.line(of: ["fruit", 0, "variety", 1, "name"]) == 6)
  #expect(doc.line(of: ["fruit", 1]) == 8)
  #expect(doc.line(of: ["fruit", 1, "name"]) == 9)
  #expect(doc.line(of: ["fruit", 1, "variety", 0, "name"]) == 11)
  #expect(doc.line(of: ["fruit", 1, "info", "colour"]) == 13)
  #expect(doc.root[["fruit", 1, "variety", 0, "name"]]?.stringValue == "conference")
}

@Test func locatorHandlesQuotedDottedKeysAndDescribesThemQuoted() throws {
  let doc = try document(
    """
    [styles]
    "slider.thumb" = { fg = "accent", bold = true }
    'literal.key'.x = 1
    "esc\\"aped" = 2
    """)
  let thumb: TOMLKeyPath = ["styles", "slider.thumb", "fg"]
  #expect(thumb.description == "styles.\"slider.thumb\".fg")
  #expect(doc.line(of: thumb) == 2)
  #expect(doc.line(of: ["styles", "literal.key", "x"]) == 3)
  #expect(doc.line(of: ["styles", "esc\"aped"]) == 4)
  #expect(doc.root[thumb]?.stringValue == "accent")
}

@Test func multiLineStringsAndArraysDoNotConfuseTheLocator() throws {
  let doc = try document(
    """
    intro = \"\"\"
    [not.a.table]
    fake = "key" # not a comment \\\"\"\"
    still = 'inside'
    \"\"\"
    lit = '''
    [[nope]]
    '''
    steps = [
      { kind = "talk", text = "a" },  # comment ] with bracket
      { kind = "vote" },
    ]
    nums = [1,
      2]
    after = true
    """)
  #expect(doc.line(of: ["intro"]) == 1)
  #expect(doc.line(of: ["not"]) == nil)
  #expect(doc.line(of: ["fake"]) == nil)
  #expect(doc.line(of: ["lit"]) == 6)
  #expect(doc.line(of: ["steps"]) == 9)
  #expect(doc.line(of: ["steps", 1, "kind"]) == 11)
  #expect(doc.line(of: ["steps", 0, "text"]) == 10)
  #expect(doc.line(of: ["nums", 1]) == 14)
  #expect(doc.line(of: ["after"]) == 15)
  #expect(doc.root["intro"]?.stringValue?.contains("[not.a.table]") == true)
}

@Test func missingPathsFallBackToTheNearestWrittenAncestor() throws {
  let doc = try document("[[approaches]]\nid = \"a\"\n\n[[approaches]]\nid = \"b\"\n")
  #expect(doc.line(of: ["approaches", 1, "fit"]) == 4)
  #expect(doc.line(of: ["approaches", 7, "fit"]) == 1)
  #expect(doc.line(of: ["elsewhere"]) == nil)
}

@Test func tablesKeepTheKeysInTheOrderWritten() throws {
  let doc = try document("zeta = 1\nalpha = 2\n[mid]\nb = 1\na = 2\n")
  #expect(doc.root.tableEntries?.map(\.key) == ["zeta", "alpha", "mid"])
  #expect(doc.root["mid"]?.tableEntries?.map(\.key) == ["b", "a"])
}

@Test func allValueKindsConvert() throws {
  let doc = try document(
    """
    s = "x"
    i = 0x10
    f = 1.5
    b = false
    d = 1979-05-27
    t = 07:32:00.5
    dt = 1979-05-27T07:32:00-08:00
    z = 1979-05-27 07:32:00Z
    """)
  #expect(doc.root["i"] == .integer(16))
  #expect(doc.root["f"]?.doubleValue == 1.5)
  #expect(doc.root["b"] == .bool(false))
  #expect(doc.root["d"] == .datetime("1979-05-27"))
  #expect(doc.root["t"] == .datetime("07:32:00.5"))
  #expect(doc.root["dt"] == .datetime("1979-05-27T07:32:00-08:00"))
  #expect(doc.root["z"] == .datetime("1979-05-27T07:32:00Z"))
  #expect(doc.line(of: ["z"]) == 8)
}

@Test func syntaxErrorsCarryLineAndColumn() throws {
  guard case .failure(let diagnostic) = TOMLDocument.parse("a = 1\nb = [1,\nc = 2", file: "t.toml")
  else {
    Issue.record("parsed")
    return
  }
  #expect(diagnostic.file == "t.toml")
  #expect(diagnostic.line != nil && diagnostic.column != nil)
  #expect(diagnostic.keyPath == nil)
}

@Test func keyPathsDescribeIndicesAndOddKeys() {
  #expect(TOMLKeyPath(["approaches", 2, "fit"]).description == "approaches[2].fit")
  #expect(TOMLKeyPath(["a b", "ok_key-1"]).description == "\"a b\".ok_key-1")
  #expect(TOMLKeyPath(["tab\there"]).description == "\"tab\\u0009here\"")
  #expect(TOMLKeyPath.root.description.isEmpty)
}

@Test func windowsLineEndingsAndAByteOrderMarkKeepLinesRight() throws {
  let doc = try document("\u{FEFF}name = \"x\"\r\n\r\n[[approaches]]\r\nid = \"a\"\r\n")
  #expect(doc.line(of: ["name"]) == 1)
  #expect(doc.line(of: ["approaches", 0, "id"]) == 4)
}

@Test func scannerSurvivesMalformedText() {
  // The locator runs after TOMLKit, but must never hang or trap on anything.
  for text in ["[", "[[", "a = \"", "a = '''", "a = [", "a = {", "\"", "a.", "= 3", "[a.\"b"] {
    let locator = TOMLLocator(source: text)
    _ = locator.line(of: ["a"])
  }
}

// MARK: - Input that would trip toml++'s internal assertions

@Test func inputsThatWouldAbortTOMLKitBecomeSyntaxErrors() {
  // Each of these reaches an assert() inside toml++ (found by fuzzing): an abort in debug
  // builds. They must come back as ordinary diagnostics instead.
  let cases: [(String, Int, Int, String)] = [
    ("a = 1\n[[}approaches]]\n", 2, 3, "in table header: expected a key, saw '}'"),
    ("[=]\n", 1, 2, "in table header: expected a key, saw '='"),
    ("fit = [75,} 95]\n", 1, 11, "in array: expected a value or ']', saw '}'"),
    ("a = [\u{2028}1]\n", 1, 6, "in array: expected a value or ']', saw U+2028"),
    ("d = 1979-05-27Te07:32:00Z\n", 1, 5, "in value: '1979-05-27Te07:32:00Z' is not a valid value"),
    ("a = \u{1}\n", 1, 5, "in value: '' is not a valid value"),
    ("stage = guided\n", 1, 9, "in value: 'guided' is not a valid value (text needs quotes;"),
  ]
  for (text, line, column, message) in cases {
    guard case .failure(let diagnostic) = TOMLDocument.parse(text, file: "t.toml") else {
      Issue.record("parsed: \(text)")
      continue
    }
    #expect(diagnostic.line == line, "\(text)")
    #expect(diagnostic.column == column, "\(text)")
    #expect(diagnostic.message.hasPrefix("TOML syntax error " + message), "\(diagnostic.message)")
  }
}

@Test func anEarlierErrorStillComesFirstButTheCutDoesNotCount() {
  guard case .failure(let earlier) = TOMLDocument.parse("a = \n[}x]\n", file: "t.toml") else {
    Issue.record("parsed")
    return
  }
  #expect(earlier.line == 1)
  // The text before line 2 ends inside an open array; that is not the problem to report.
  guard case .failure(let spot) = TOMLDocument.parse("a = [1,\n}]\n", file: "t.toml") else {
    Issue.record("parsed")
    return
  }
  #expect(spot.line == 2 && spot.column == 1)
}

@Test func everyValidBareValueFormStillParses() throws {
  let doc = try document(
    """
    a = [0, -17, +99, 1_000, 0xDEAD_beef, 0o755, 0b1101, 3.14, -0.01, 5e+22, 1e06, -2E-2,
      6.626e-34, 224_617.445_991, inf, +inf, -inf, nan, +nan, true, false]
    b = [1979-05-27T07:32:00Z, 1979-05-27t00:32:00.999999-07:00, 1979-05-27 07:32:00,
      1979-05-27, 07:32:00, 00:32:00.5]
    """)
  #expect(doc.root["a"]?.arrayValue?.count == 21)
  #expect(doc.root["b"]?.arrayValue?.count == 6)
}
