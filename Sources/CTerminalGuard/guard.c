#define _GNU_SOURCE
#include "CTerminalGuard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* ---- crash guard ------------------------------------------------------------------------ */

static const int crash_signals[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE};
#define CRASH_COUNT (sizeof crash_signals / sizeof crash_signals[0])

static struct sigaction crash_previous[CRASH_COUNT];
static volatile sig_atomic_t guard_installed = 0;
static int guard_fd = -1;
static int guard_have_termios = 0;
static struct termios guard_termios;
static char guard_bytes[256];
static size_t guard_len = 0;

static void guard_restore(void) {
  int saved_errno = errno;
  if (guard_fd >= 0) {
    if (guard_have_termios) (void)tcsetattr(guard_fd, TCSANOW, &guard_termios);
    size_t off = 0;
    while (off < guard_len) {
      ssize_t n = write(guard_fd, guard_bytes + off, guard_len - off);
      if (n > 0) {
        off += (size_t)n;
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else {
        break;
      }
    }
  }
  errno = saved_errno;
}

static void crash_handler(int sig, siginfo_t *info, void *context) {
  (void)context;
  guard_restore();
  for (size_t i = 0; i < CRASH_COUNT; i++) {
    if (crash_signals[i] == sig) {
      (void)sigaction(sig, &crash_previous[i], NULL);
      break;
    }
  }
  /* A fault raised by the kernel (si_code > 0) recurs when the handler returns, now reaching the
     previous handler with its real context. A signal sent by a process (abort(), kill) does not
     recur, so send it again; it is blocked until this handler returns. */
  if (info == NULL || info->si_code <= 0) (void)raise(sig);
}

/* A plain exit() that skips the Swift restore path still leaves a usable terminal. */
static void guard_atexit(void) {
  if (guard_installed) guard_restore();
}

int lp_guard_install(int tty_fd, const char *restore_bytes, size_t len) {
  static int atexit_registered = 0;
  if (!atexit_registered) atexit_registered = atexit(guard_atexit) == 0;
  if (guard_installed) lp_guard_uninstall();
  guard_fd = tty_fd;
  guard_have_termios = tcgetattr(tty_fd, &guard_termios) == 0;
  guard_len = len < sizeof guard_bytes ? len : sizeof guard_bytes;
  if (restore_bytes != NULL && guard_len > 0) memcpy(guard_bytes, restore_bytes, guard_len);

  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = crash_handler;
  action.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < CRASH_COUNT; i++) {
    (void)sigaction(crash_signals[i], &action, &crash_previous[i]);
  }
  guard_installed = 1;
  return guard_have_termios ? 0 : -1;
}

void lp_guard_uninstall(void) {
  if (!guard_installed) return;
  for (size_t i = 0; i < CRASH_COUNT; i++) {
    (void)sigaction(crash_signals[i], &crash_previous[i], NULL);
  }
  guard_installed = 0;
  guard_fd = -1;
  guard_len = 0;
  guard_have_termios = 0;
}

void lp_guard_restore_now(void) {
  if (guard_installed) guard_restore();
}

/* ---- signal self-pipe ------------------------------------------------------------------- */

static const int pipe_signals[] = {SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT};
static const unsigned char pipe_codes[] = {
  LP_SIGNAL_WINCH, LP_SIGNAL_TERM, LP_SIGNAL_HUP, LP_SIGNAL_INT, LP_SIGNAL_TSTP, LP_SIGNAL_CONT};
#define PIPE_COUNT (sizeof pipe_signals / sizeof pipe_signals[0])

static struct sigaction pipe_previous[PIPE_COUNT];
static volatile sig_atomic_t pipe_write_fd = -1;
static int pipe_read_fd = -1;

static void pipe_handler(int sig) {
  int saved_errno = errno;
  unsigned char code = 0;
  for (size_t i = 0; i < PIPE_COUNT; i++) {
    if (pipe_signals[i] == sig) code = pipe_codes[i];
  }
  int fd = pipe_write_fd;
  /* A full pipe already holds enough wake-ups; dropping this byte loses nothing that matters. */
  if (fd >= 0 && code != 0) (void)write(fd, &code, 1);
  errno = saved_errno;
}

static void install_pipe_handler(size_t i, struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = pipe_handler;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  (void)sigaction(pipe_signals[i], &action, previous);
}

int lp_signals_install(void) {
  if (pipe_read_fd >= 0) return pipe_read_fd;
  int fds[2];
  if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) return -1;
  pipe_read_fd = fds[0];
  pipe_write_fd = fds[1];
  for (size_t i = 0; i < PIPE_COUNT; i++) install_pipe_handler(i, &pipe_previous[i]);
  return pipe_read_fd;
}

int lp_signals_read(unsigned char *out, int max) {
  if (pipe_read_fd < 0 || out == NULL || max <= 0) return 0;
  int total = 0;
  while (total < max) {
    ssize_t n = read(pipe_read_fd, out + total, (size_t)(max - total));
    if (n > 0) {
      total += (int)n;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  return total;
}

void lp_signals_uninstall(void) {
  if (pipe_read_fd < 0) return;
  for (size_t i = 0; i < PIPE_COUNT; i++) (void)sigaction(pipe_signals[i], &pipe_previous[i], NULL);
  int w = pipe_write_fd;
  pipe_write_fd = -1;
  (void)close(w);
  (void)close(pipe_read_fd);
  pipe_read_fd = -1;
}

void lp_signals_stop_self(void) {
  struct sigaction dfl, previous;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  (void)sigaction(SIGTSTP, &dfl, &previous);
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGTSTP);
  (void)sigprocmask(SIG_UNBLOCK, &set, &old);
  (void)raise(SIGTSTP);
  /* Execution continues here after SIGCONT. */
  (void)sigprocmask(SIG_SETMASK, &old, NULL);
  (void)sigaction(SIGTSTP, &previous, NULL);
}

int lp_tty_size(int fd, int *rows, int *cols) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
  if (rows != NULL) *rows = ws.ws_row;
  if (cols != NULL) *cols = ws.ws_col;
  return 0;
}
