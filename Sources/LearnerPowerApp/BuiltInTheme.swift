// The built-in default theme, so the app works with no theme files installed.
// It must stay byte-for-byte equal to themes/default.toml; ThemeTests checks that.
// After editing themes/default.toml, paste its text between the quotes below.

enum BuiltInTheme {
  static let defaultSource = """
    # learnerpower theme: default (dark)
    #
    # Copy this file to ~/.config/learnerpower/themes/NAME.toml, change `name`, and edit.
    # Every role is listed in themes/README.md. A role you leave out inherits field by field:
    # first from its dotted parent ("slider.current" -> "slider"), then from the theme named in
    # `extends`, then from "base", then from the terminal's own colours.
    #
    # Colours: ANSI names (black, red, green, yellow, blue, magenta, cyan, white, and bright-*),
    # 0-255, "#rrggbb" (mapped to the nearest colour the terminal has), "default", or a name
    # from [palette]. Attributes: bold, dim, italic, underline, reverse (true/false).
    # Colour never carries meaning alone: markers, selection and stages also differ by glyph
    # or attribute, so the screen still reads in monochrome or under NO_COLOR.

    name = "default"
    description = "Dark background, calm colours; orange current and blue target markers"

    [palette]
    current = "#ff8700"
    target = "#5fafff"
    accent = "#5fd7d7"
    muted = "#8a8a8a"
    directed = "#d75f5f"
    guided = "#d7af5f"
    enabled = "#87af5f"
    learner = "#5f87d7"
    panel-border = "#585858"

    [styles]
    "base" = { fg = "default", bg = "default" }
    "title" = { fg = "black", bg = "accent", bold = true }
    "title.accent" = { fg = "black", bg = "accent", bold = true, underline = true }
    "panel.border" = { fg = "panel-border" }
    "panel.title" = { fg = "accent", bold = true }
    "panel.heading" = { fg = "accent" }
    "panel.muted" = { fg = "muted" }
    "slider.track" = { fg = "panel-border" }
    "slider.tick" = { fg = "muted" }
    "slider.label" = { fg = "muted" }
    "slider.end" = { fg = "muted", italic = true }
    "slider.current" = { fg = "current", bold = true }
    "slider.target" = { fg = "target", bold = true }
    "slider.active" = { reverse = true, bold = true }
    # The thumb (the marker the keys move) keeps its own colour in reverse video; a theme can
    # recolour it here, e.g. { fg = "accent", bold = true } (attributes add to slider.active's).
    "slider.thumb" = {}
    "stage.directed" = { fg = "directed" }
    "stage.guided" = { fg = "guided" }
    "stage.enabled" = { fg = "enabled" }
    "stage.learner-led" = { fg = "learner" }
    "chart.axis" = { fg = "muted" }
    "chart.band" = { fg = "#3a3a3a" }
    "chart.organisation" = { fg = "directed" }
    "chart.learner" = { fg = "target" }
    "chart.social" = { fg = "enabled", bold = true }
    "chart.current" = { fg = "current" }
    "chart.target" = { fg = "target" }
    "bar.organisation" = { fg = "directed" }
    "bar.learner" = { fg = "target" }
    "list.selected" = { reverse = true }
    "list.pointer" = { fg = "accent", bold = true }
    "list.fit" = { fg = "enabled" }
    "list.next" = { fg = "guided", italic = true }
    "list.pinned" = { fg = "directed", bold = true }
    "transition.introduce" = { fg = "enabled" }
    "transition.keep" = { fg = "accent" }
    "transition.phase-down" = { fg = "muted" }
    "transition.caveat" = { fg = "guided", bold = true }
    "status" = { fg = "white", bg = "#303030" }
    "status.notice" = { fg = "black", bg = "accent" }
    "status.warning" = { fg = "black", bg = "guided", bold = true }
    "hints" = { fg = "muted" }
    "hints.key" = { fg = "accent", bold = true }
    "overlay" = { fg = "default", bg = "#1c1c1c" }
    "overlay.border" = { fg = "accent", bg = "#1c1c1c" }
    "overlay.title" = { fg = "accent", bg = "#1c1c1c", bold = true }
    "overlay.key" = { fg = "current", bg = "#1c1c1c", bold = true }
    "message" = { fg = "guided", bold = true }

    # The workshop screen. The timer says "time up" and "over time" in words as well, and amber and
    # red differ by attribute too (bold, then reverse video).
    "workshop.agenda.done" = { fg = "muted" }
    "workshop.agenda.current" = { reverse = true, bold = true }
    "workshop.prompt" = { bold = true }
    "workshop.timer.amber" = { fg = "guided", bold = true }
    "workshop.timer.red" = { fg = "directed", bold = true, reverse = true }
    "workshop.votes.hidden" = { fg = "accent", bold = true }
    """
}
