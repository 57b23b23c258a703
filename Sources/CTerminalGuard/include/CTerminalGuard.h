#ifndef LEARNERPOWER_CTERMINALGUARD_H
#define LEARNERPOWER_CTERMINALGUARD_H
int lp_guard_placeholder(void);
#endif
