import Canvas

/// Every role the explorer draws with, and what it colours. `themes/README.md` documents the same
/// list for people writing themes; `themes check` uses it to catch misspelt roles.
public enum ThemeRoles {
  /// (role, what it colours), in the order the documentation lists them.
  public static let all: [(role: Role, colours: String)] = [
    ("base", "every cell unless a more specific role says otherwise (set the background here)"),
    ("title", "the title bar across the top"),
    ("title.accent", "the positions named in the title bar"),
    ("panel", "panel text"),
    ("panel.border", "panel frames"),
    ("panel.title", "panel titles in the frames"),
    ("panel.heading", "small headings inside panels (\"L&D role\", \"Introduce\")"),
    ("panel.muted", "secondary text: explanations, stage bands, hints inside panels"),
    ("slider", "the continuum slider"),
    ("slider.track", "the slider's track"),
    ("slider.tick", "stage boundaries on the track"),
    ("slider.label", "stage names under the track"),
    ("slider.end", "the \"Organisation\" and \"Learner\" end labels"),
    ("slider.current", "the current marker and its label"),
    ("slider.target", "the target marker and its label"),
    ("slider.active", "extra emphasis on the marker the keys move"),
    ("stage", "stage names and bands"),
    ("stage.directed", "the Directed stage (0-24)"),
    ("stage.guided", "the Guided stage (25-49)"),
    ("stage.enabled", "the Enabled stage (50-74)"),
    ("stage.learner-led", "the Learner-led stage (75-100)"),
    ("chart", "the social-empowerment chart"),
    ("chart.axis", "chart axes and scale labels"),
    ("chart.band", "shaded stage bands behind the chart"),
    ("chart.organisation", "the organisational-control line (falling)"),
    ("chart.learner", "the learner-control line (rising)"),
    ("chart.social", "the social-empowerment S-curve"),
    ("chart.current", "the vertical line at the current marker"),
    ("chart.target", "the vertical line at the target marker"),
    ("bar.organisation", "the organisational-control bar"),
    ("bar.learner", "the learner-control bar"),
    ("list", "the recommendation list"),
    ("list.selected", "the selected recommendation"),
    ("list.pointer", "the pointer beside the selected row"),
    ("list.fit", "fit dots"),
    ("list.next", "the \"next step\" mark"),
    ("list.pinned", "the \"pinned\" mark on compliance items"),
    ("transition", "the transition summary"),
    ("transition.introduce", "approaches to introduce"),
    ("transition.keep", "approaches to keep"),
    ("transition.phase-down", "approaches to phase down"),
    ("transition.caveat", "the large-jump caveat"),
    ("status", "the status line"),
    ("status.notice", "a one-off message on the status line"),
    ("status.warning", "a warning on the status line"),
    ("hints", "the key-hint line"),
    ("hints.key", "key names on the hint line"),
    ("overlay", "help and detail panels drawn over the screen"),
    ("overlay.border", "their frames"),
    ("overlay.title", "their titles"),
    ("overlay.key", "key names in the help panel"),
    ("message", "the \"terminal too small\" message"),
  ]

  /// The role names alone.
  public static let names: Set<String> = Set(all.map(\.role.name))
}
