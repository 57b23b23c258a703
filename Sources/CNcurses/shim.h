#ifndef LEARNERPOWER_CNCURSES_SHIM_H
#define LEARNERPOWER_CNCURSES_SHIM_H
/* pkg-config's -D_XOPEN_SOURCE never reaches clang through SwiftPM, so switch the wide API on here. */
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <curses.h>

/* Hidden by glibc's headers without _XOPEN_SOURCE; ncurses measures cells with it. */
extern int wcwidth(wchar_t c);

/* Swift 6 rejects ncurses' global variables (shared mutable state) and cannot import
   function-like macros, so everything reaches Swift through these accessors. */
static inline WINDOW *lp_stdscr(void) { return stdscr; }
static inline WINDOW *lp_curscr(void) { return curscr; }
static inline int lp_lines(void) { return LINES; }
static inline int lp_cols(void) { return COLS; }
static inline int lp_colors(void) { return COLORS; }
static inline int lp_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *lp_stdin(void) { return stdin; }
static inline FILE *lp_stdout(void) { return stdout; }

/* The locale's character set name, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *lp_codeset(void) { return nl_langinfo(CODESET); }

/* Attributes (NCURSES_BITS is a function-like macro). */
static inline attr_t lp_a_normal(void) { return A_NORMAL; }
static inline attr_t lp_a_bold(void) { return A_BOLD; }
static inline attr_t lp_a_dim(void) { return A_DIM; }
static inline attr_t lp_a_italic(void) { return A_ITALIC; }
static inline attr_t lp_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lp_a_reverse(void) { return A_REVERSE; }
static inline attr_t lp_a_color(void) { return A_COLOR; }

/* Mouse masks. */
static inline mmask_t lp_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t lp_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t lp_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t lp_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t lp_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t lp_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/* Key codes wget_wch returns with KEY_CODE_YES; constants import cleanly as enum cases. */
enum {
  LP_KEY_CODE_YES = KEY_CODE_YES,
  LP_KEY_DOWN = KEY_DOWN, LP_KEY_UP = KEY_UP, LP_KEY_LEFT = KEY_LEFT, LP_KEY_RIGHT = KEY_RIGHT,
  LP_KEY_SLEFT = KEY_SLEFT, LP_KEY_SRIGHT = KEY_SRIGHT, LP_KEY_SR = KEY_SR, LP_KEY_SF = KEY_SF,
  LP_KEY_HOME = KEY_HOME, LP_KEY_END = KEY_END, LP_KEY_PPAGE = KEY_PPAGE, LP_KEY_NPAGE = KEY_NPAGE,
  LP_KEY_BTAB = KEY_BTAB, LP_KEY_ENTER = KEY_ENTER, LP_KEY_BACKSPACE = KEY_BACKSPACE,
  LP_KEY_DC = KEY_DC, LP_KEY_IC = KEY_IC, LP_KEY_F0 = KEY_F0,
  LP_KEY_RESIZE = KEY_RESIZE, LP_KEY_MOUSE = KEY_MOUSE, LP_KEY_MAX = KEY_MAX,
  LP_CCHARW_MAX = CCHARW_MAX
};

/* setcchar with an extended colour pair (the `opts` argument carries an int pair number). */
static inline int lp_setcchar(cchar_t *cc, const wchar_t *wch, attr_t attrs, int pair) {
  int p = pair;
  return setcchar(cc, wch, attrs, (short)(pair > 32767 ? 32767 : pair), &p);
}

/* getcchar back into text, attributes (colour bits removed) and the extended pair number. */
static inline int lp_getcchar(const cchar_t *cc, wchar_t *wch, attr_t *attrs, int *pair) {
  short legacy = 0;
  int ext = 0;
  int rc = getcchar(cc, wch, attrs, &legacy, &ext);
  *pair = ext;
  *attrs &= ~A_COLOR;
  return rc;
}

/* Whether the terminal can put the cursor anywhere: a cursor-address (`cup`) string and neither
   hardcopy (`hc`) nor generic (`gn`). Without it, as with TERM=dumb, ncurses falls back to
   newlines and carriage returns and the screen comes out garbled. */
static inline int lp_can_address_cursor(void) {
  const char *cup = tigetstr("cup");
  return cup != NULL && cup != (const char *)-1 && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
}

/* Whether terminfo offers direct (24-bit) colour: the RGB flag, or more than 2^24 colours. */
static inline int lp_has_direct_color(void) {
  return tigetflag("RGB") > 0 || COLORS >= 0x1000000;
}

/* The key code bound to a terminfo string capability (extended names included), or 0. */
static inline int lp_key_for_capability(const char *name) {
  char *s = tigetstr(name);
  if (s == NULL || s == (char *)-1) return 0;
  return key_defined(s);
}

#endif
