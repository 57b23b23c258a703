#include "CTerminalGuard.h"
int lp_guard_placeholder(void) { return 0; }
