import Canvas
import LearnerPowerModel

/// A snapshot's continuum chart as a self-contained SVG for slides and reports.
///
/// Drawn as vectors from the same data as the explorer's chart (``Continuum/samples(count:)``,
/// the stage bands, both markers) and mapped through Canvas's ``ChartGeometry`` units, not from
/// the cell grid. Every label is real `<text>` (selectable, scalable); lines differ by dash
/// pattern as well as colour; only the generic `sans-serif` family is named, and there are no
/// scripts, images or external references.
///
/// ```swift
/// let svg = SnapshotSVG.render(snapshot)   // "<?xml version=\"1.0\" …<svg …>…</svg>\n"
/// ```
public enum SnapshotSVG {
  /// The drawing's size in user units (16:9, a slide's shape).
  public static let width = 960.0, height = 540.0

  /// The plot area inside the drawing.
  static let plot = (x: 90.0, y: 130.0, width: 800.0, height: 300.0)

  /// The SVG document, ending in a newline.
  public static func render(_ s: Snapshot) -> String {
    // The same unit mapping as the terminal chart, scaled to the plot area.
    let geo = ChartGeometry(
      xRange: 0...100, yRange: 0...100, plot: Rect(x: 0, y: 0, width: 101, height: 101))
    func x(_ v: Double) -> Double { plot.x + geo.unitX(v) * plot.width }
    func y(_ v: Double) -> Double { plot.y + plot.height - geo.unitY(v) * plot.height }

    var o: [String] = []
    o.append(##"<?xml version="1.0" encoding="UTF-8"?>"##)
    o.append(
      ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(n(width))" height="\##(n(height))" "##
        + ##"viewBox="0 0 \##(n(width)) \##(n(height))" font-family="sans-serif" "##
        + ##"role="img" aria-labelledby="title desc">"##)
    let title = s.title.isEmpty ? "Learner Power snapshot" : s.title
    o.append("  <title id=\"title\">\(esc(title))</title>")
    o.append(
      "  <desc id=\"desc\">Learner Power continuum: current \(s.current.position.value) "
        + "(\(esc(s.current.stage.name))), target \(s.target.position.value) "
        + "(\(esc(s.target.stage.name))). Organisational control, learner control and social "
        + "empowerment from 0 to 100.</desc>")
    o.append(
      ##"  <rect x="0" y="0" width="\##(n(width))" height="\##(n(height))" fill="#ffffff"/>"##)

    // Heading.
    o.append(
      ##"  <text x="40" y="44" font-size="26" font-weight="bold" fill="#1a1a1a">\##(esc(title))</text>"##
    )
    let sub =
      "Current \(s.current.position.value) (\(s.current.stage.name)) → target "
      + "\(s.target.position.value) (\(s.target.stage.name)) · \(s.created.display)"
    o.append(##"  <text x="40" y="72" font-size="15" fill="#444444">\##(esc(sub))</text>"##)

    // Stage bands, alternately shaded, named along the bottom of the plot.
    o.append(##"  <g id="stages">"##)
    for stage in Stage.allCases {
      let lo = Double(stage.band.lowerBound)
      let hi = stage == .learnerLed ? 100 : Double(stage.band.upperBound + 1)
      let fill = stage.rawValue % 2 == 0 ? "#eef1f6" : "#f8f9fb"
      o.append(
        ##"    <rect x="\##(n(x(lo)))" y="\##(n(plot.y))" width="\##(n(x(hi) - x(lo)))" "##
          + ##"height="\##(n(plot.height))" fill="\##(fill)"/>"##)
      o.append(
        ##"    <text x="\##(n((x(lo) + x(hi)) / 2))" y="\##(n(plot.y + plot.height - 10))" "##
          + ##"font-size="14" fill="#5a6270" text-anchor="middle">\##(esc(stage.name)) "##
          + ##"\##(stage.band.lowerBound)–\##(stage.band.upperBound)</text>"##)
    }
    o.append("  </g>")

    // Axes, ticks and labels.
    o.append(##"  <g id="axes" stroke="#333333" stroke-width="1.5">"##)
    o.append(
      ##"    <line x1="\##(n(plot.x))" y1="\##(n(y(0)))" x2="\##(n(x(100)))" y2="\##(n(y(0)))"/>"##)
    o.append(
      ##"    <line x1="\##(n(plot.x))" y1="\##(n(y(0)))" x2="\##(n(plot.x))" y2="\##(n(y(100)))"/>"##
    )
    for v in stride(from: 0.0, through: 100, by: 25) {
      o.append(
        ##"    <line x1="\##(n(x(v)))" y1="\##(n(y(0)))" x2="\##(n(x(v)))" y2="\##(n(y(0) + 6))"/>"##
      )
      o.append(
        ##"    <line x1="\##(n(plot.x - 6))" y1="\##(n(y(v)))" x2="\##(n(plot.x))" y2="\##(n(y(v)))"/>"##
      )
    }
    o.append("  </g>")
    o.append(##"  <g id="axis-labels" font-size="14" fill="#333333">"##)
    for v in stride(from: 0, through: 100, by: 25) {
      o.append(
        ##"    <text x="\##(n(x(Double(v))))" y="\##(n(y(0) + 22))" text-anchor="middle">\##(v)</text>"##
      )
      o.append(
        ##"    <text x="\##(n(plot.x - 10))" y="\##(n(y(Double(v)) + 5))" text-anchor="end">\##(v)</text>"##
      )
    }
    o.append(
      ##"    <text x="\##(n(plot.x + plot.width / 2))" y="\##(n(y(0) + 44))" text-anchor="middle">"##
        + "Learner control (%): organisation decides ← → learner decides</text>")
    o.append(
      ##"    <text transform="translate(\##(n(plot.x - 52)) \##(n(plot.y + plot.height / 2))) rotate(-90)" "##
        + ##"text-anchor="middle">Share / level (0–100)</text>"##)
    o.append("  </g>")

    // The three curves, from the model's one definition of them.
    let samples = Continuum.samples(count: 101)
    let curves: [(String, String, String, String, KeyPath<ContinuumSample, Double>)] = [
      ("organisation", "Organisational control", "#b5542a", "8 5", \.organisational),
      ("learner", "Learner control", "#2a6db5", "2 4", \.learner),
      ("social", "Social empowerment", "#2e8b57", "", \.social),
    ]
    o.append(##"  <g id="curves" fill="none" stroke-width="3" stroke-linejoin="round">"##)
    for (id, _, colour, dash, path) in curves {
      let points = samples.map { "\(n(x($0.position))),\(n(y($0[keyPath: path])))" }
        .joined(separator: " ")
      let dashAttr = dash.isEmpty ? "" : ##" stroke-dasharray="\##(dash)""##
      o.append(
        ##"    <polyline id="\##(id)" stroke="\##(colour)"\##(dashAttr) points="\##(points)"/>"##)
    }
    o.append("  </g>")

    // Markers: a solid line for current, a dashed one for target, each labelled above the plot
    // on its own row so the two labels never overlap.
    o.append(##"  <g id="markers">"##)
    let markers: [(String, Snapshot.MarkerReading, String, String, Double)] = [
      ("current", s.current, "#1a1a1a", "", plot.y - 34),
      ("target", s.target, "#7a1fa2", "6 4", plot.y - 12),
    ]
    for (id, m, colour, dash, labelY) in markers {
      let px = x(Double(m.position.value))
      let dashAttr = dash.isEmpty ? "" : ##" stroke-dasharray="\##(dash)""##
      o.append(
        ##"    <line id="\##(id)-marker" x1="\##(n(px))" y1="\##(n(plot.y - 4))" x2="\##(n(px))" "##
          + ##"y2="\##(n(y(0)))" stroke="\##(colour)" stroke-width="2.5"\##(dashAttr)/>"##)
      o.append(
        ##"    <circle cx="\##(n(px))" cy="\##(n(y(m.socialEmpowerment)))" r="6" fill="\##(colour)"/>"##
      )
      let label =
        "\(id == "current" ? "Current" : "Target") \(m.position.value): \(m.stage.name), "
        + "social \(SnapshotFormatter.decimal(m.socialEmpowerment, 1))"
      // Keep the label inside the drawing whichever end the marker is at.
      let anchor = px < plot.x + 120 ? "start" : px > plot.x + plot.width - 120 ? "end" : "middle"
      o.append(
        ##"    <text x="\##(n(px))" y="\##(n(labelY))" font-size="15" font-weight="bold" "##
          + ##"fill="\##(colour)" text-anchor="\##(anchor)">\##(esc(label))</text>"##)
    }
    o.append("  </g>")

    // Legend: line samples with their dash patterns, then the names.
    o.append(##"  <g id="legend" font-size="14" fill="#333333">"##)
    var lx = plot.x
    let ly = height - 30
    for (_, name, colour, dash, _) in curves {
      let dashAttr = dash.isEmpty ? "" : ##" stroke-dasharray="\##(dash)""##
      o.append(
        ##"    <line x1="\##(n(lx))" y1="\##(n(ly - 5))" x2="\##(n(lx + 36))" y2="\##(n(ly - 5))" "##
          + ##"stroke="\##(colour)" stroke-width="3"\##(dashAttr)/>"##)
      o.append(##"    <text x="\##(n(lx + 44))" y="\##(n(ly))">\##(esc(name))</text>"##)
      lx += 230
    }
    o.append("  </g>")
    o.append(
      ##"  <text x="\##(n(width - 20))" y="\##(n(height - 8))" font-size="11" fill="#777777" "##
        + ##"text-anchor="end">Continuum idea: Kineo, "Power to the learner" (2018)</text>"##)
    o.append("</svg>")
    return o.joined(separator: "\n") + "\n"
  }

  /// A coordinate with at most one decimal, e.g. `90`, `482.5` (locale-free, stable).
  static func n(_ v: Double) -> String {
    let tenths = Int((v * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let a = abs(tenths)
    return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
  }

  /// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
  static func esc(_ text: String) -> String {
    var out = ""
    for scalar in TextSanitizer.cleanLine(text).unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default:
        let v = scalar.value
        let allowed = v >= 0x20 && !(0xFFFE...0xFFFF).contains(v)
        if allowed { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
