/* actions.c - the action table and key lookup (see actions.h). */
#include "screen/actions.h"

#include "screen/draw.h" /* curses KEY_* codes of actions.def */
#include "screen/keymap.h"

#include <stddef.h>

static const action_info action_table[] = {
    {"", {0, 0}, ""},
#define ACTION(name, key1, key2, help) {#name, {key1, key2}, help},
#include "screen/actions.def"
#undef ACTION
};

const action_info *action_get(action act)
{
    return act > ACT_NONE && act < ACT_COUNT ? &action_table[act] : NULL;
}

action action_for_key(const struct duban_config *cfg, int is_fn, int key, const status_set *set,
                      int *arg)
{
    *arg = 0;
    for (size_t i = 0; !is_fn && key > 0 && key < 128 && i < set->n; i++)
        if (set->v[i].shortcut == key) {
            *arg = (int)i;
            return ACT_set_status;
        }
    int act = keymap_action(cfg, is_fn, key);
    return act > ACT_NONE && act < ACT_COUNT ? (action)act : ACT_NONE;
}
