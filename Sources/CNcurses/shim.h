#ifndef LEARNERPOWER_CNCURSES_SHIM_H
#define LEARNERPOWER_CNCURSES_SHIM_H
/* pkg-config's -D_XOPEN_SOURCE never reaches clang through SwiftPM, so switch the wide API on here. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>
#endif
