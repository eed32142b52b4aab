/* keymap.h - configurable keys for the full-screen front end.
 *
 * Core names keys without curses (keyname.h: characters and KEYNAME_*
 * codes); this file translates between those and ncurses key codes, and
 * makes the list of actions that config_load() validates [keys] against
 * from tui/screen/actions.def (so every action is still defined once there).
 *
 * Use: main passes keymap_actions() to config_load() (cli_load_config);
 * the front end then asks keymap_action(cfg, key) for each key read with
 * get_wch()/getch() instead of its compiled-in defaults.
 */
#ifndef DUBAN_TUI_KEYMAP_H
#define DUBAN_TUI_KEYMAP_H

#include "config/config.h"

#include <stddef.h>

/* The actions of actions.def with their default keys as keyname codes,
 * in actions.def order: entry i is the action whose enum value is i + 1
 * (ACT_NONE is 0).  Static storage, valid for the whole run. */
const config_action *keymap_actions(size_t *n);

/* keyname code for a key read from curses: is_fn says it is a function
 * key code (get_wch() returned KEY_CODE_YES, or getch() >= KEY_MIN),
 * else key is a character.  KEY_ENTER and '\r' give '\n', KEY_BACKSPACE
 * gives 127 (Backspace).  0 when duban has no name for the key
 * (characters outside ASCII are text, never keys). */
int keymap_from_curses(int is_fn, int key);

/* The action (its enum action value, index + 1) that cfg binds to the
 * key read from curses, or 0 (ACT_NONE).  With cfg NULL, the
 * actions.def defaults.  Status shortcuts are not actions: look them up
 * in cfg->statuses (status_def.shortcut is a printable character). */
int keymap_action(const duban_config *cfg, int is_fn, int key);

/* The keys of action act (enum value) as text, e.g. "j, Down", for the
 * help screen; "" when it has none. */
void keymap_describe(const duban_config *cfg, int act, char *out, size_t outsz);

#endif
