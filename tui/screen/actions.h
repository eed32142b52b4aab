/* actions.h - what a key does, defined once in actions.def.
 *
 * Keys are ints: a character ('j', '\n', 27) or a curses key code
 * (KEY_DOWN, always >= KEY_MIN).  Characters outside ASCII never map to
 * an action (they are text for the line editor).  What an action does is
 * dispatch.h's: this header is only the vocabulary, below every layer
 * that handles actions.
 */
#ifndef DUBAN_TUI_ACTIONS_H
#define DUBAN_TUI_ACTIONS_H

#include "plan/status.h"

#include <stddef.h>

#define CTRL(c) ((c)&0x1f)

typedef enum action {
    ACT_NONE = 0,
#define ACTION(name, key1, key2, help) ACT_##name,
#include "screen/actions.def"
#undef ACTION
    ACT_COUNT
} action;

typedef struct action_info {
    const char *name; /* "move_down" */
    int key[2];       /* default keys, 0 = none */
    const char *help; /* help screen line */
} action_info;

/* The entry for act (ACT_NONE < act < ACT_COUNT), else NULL. */
const action_info *action_get(action act);

struct duban_config;
/* The action bound to a key: a character when is_fn is 0 (only ASCII
 * characters have actions), a curses KEY_* code when 1.  The bindings are
 * cfg's [keys] (keymap.h; the actions.def defaults when cfg is NULL).  A
 * status shortcut of set gives ACT_set_status with *arg = the index of
 * the status.  ACT_NONE when unbound. */
action action_for_key(const struct duban_config *cfg, int is_fn, int key, const status_set *set,
                      int *arg);

#endif
