#ifndef LEARNERPOWER_CTERMINALGUARD_H
#define LEARNERPOWER_CTERMINALGUARD_H
/*
 * Async-signal-safe terminal restore and a signal self-pipe.
 *
 * This target is the one named exception to "no global mutable state": signal handlers can only
 * reach process-wide storage. Every handler here does async-signal-safe work only.
 */
#include <stddef.h>

/* Saves the termios of `tty_fd` (call before the terminal leaves cooked mode) and installs
   SA_RESETHAND handlers for SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT and SIGFPE that restore the
   termios, write `restore_bytes`, reinstate the previous handler (Swift's backtracer) and let the
   signal proceed. At most 255 bytes are kept. Returns 0, or -1 when the termios could not be read
   (the handlers are installed anyway and only write the bytes). An exit() while installed also
   restores. */
int lp_guard_install(int tty_fd, const char *restore_bytes, size_t len);

/* Restores the handlers that were in place before lp_guard_install. Idempotent. */
void lp_guard_uninstall(void);

/* Runs the restore (termios + bytes) now, as a crash would; for suspend and tests. */
void lp_guard_restore_now(void);

/* Signal numbers the self-pipe carries. */
enum {
  LP_SIGNAL_WINCH = 1,
  LP_SIGNAL_TERM = 2,
  LP_SIGNAL_HUP = 3,
  LP_SIGNAL_INT = 4,
  LP_SIGNAL_TSTP = 5,
  LP_SIGNAL_CONT = 6
};

/* Installs handlers for SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGCONT that write one byte
   (an LP_SIGNAL_* value) into a non-blocking pipe. Returns the pipe's read end, or -1. Calling it
   again while installed returns the same descriptor. */
int lp_signals_install(void);

/* Reads pending signal bytes into `out` (at most `max`); returns how many (0 when none). */
int lp_signals_read(unsigned char *out, int max);

/* Restores the previous handlers and closes the pipe. Idempotent. */
void lp_signals_uninstall(void);

/* Stops the process as the default SIGTSTP would (the handler is set to default, the signal raised
   and then the self-pipe handler reinstated); returns after SIGCONT. */
void lp_signals_stop_self(void);

/* The terminal size of `fd` via TIOCGWINSZ; returns 0 on success, -1 otherwise. */
int lp_tty_size(int fd, int *rows, int *cols);

#endif
