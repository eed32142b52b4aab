/* keyname.h - key names of the configuration file, without curses.
 *
 * A key code is an int: a character (1..127: 'j', '\n' for Enter, 9 for
 * Tab, 27 for Esc, 18 for Ctrl-R) or one of the KEYNAME_* codes below
 * for keys that have no character (arrows, function keys).  0 means "no
 * key".  The front end translates KEYNAME_* codes to its terminal
 * library's codes (tui/keymap.h); core never sees curses.
 *
 * Names (case-insensitive except single characters): a printable ASCII
 * character ("j", "J", "/"), "^R" / "C-r" / "Ctrl-R" (control
 * characters), "Enter" (also "Return", "^M", "^J"), "Space", "Tab",
 * "BackTab" ("S-Tab"), "Esc", "Backspace", "Delete", "Insert", "Up",
 * "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End", "F1".."F24",
 * and "Comma", "Hash", "Semicolon", "Backslash" for the characters that
 * an INI value cannot hold plainly.  Characters outside ASCII are not
 * keys (they are text for the line editor).
 */
#ifndef DUBAN_KEYNAME_H
#define DUBAN_KEYNAME_H

#include <stddef.h>

enum keyname_special {
    KEYNAME_BASE = 0x10000,
    KEYNAME_UP = KEYNAME_BASE,
    KEYNAME_DOWN,
    KEYNAME_LEFT,
    KEYNAME_RIGHT,
    KEYNAME_PGUP,
    KEYNAME_PGDN,
    KEYNAME_HOME,
    KEYNAME_END,
    KEYNAME_INSERT,
    KEYNAME_DELETE,
    KEYNAME_BACKTAB,
    KEYNAME_LAST_NAMED = KEYNAME_BACKTAB,
    KEYNAME_F0 = KEYNAME_BASE + 0x100, /* KEYNAME_F(n) = KEYNAME_F0 + n */
};
#define KEYNAME_F(n) (KEYNAME_F0 + (n))
#define KEYNAME_FMAX 24

/* Parses one key name (surrounding spaces allowed).  Returns 0 and sets
 * *code, or -1 when name is not a key.  "^M" and "Enter" both give '\n'. */
int keyname_parse(const char *name, int *code);

/* Parses a comma-separated list ("j, Down").  An empty or blank list is
 * no keys (*n = 0).  Returns 0, or -1 with the offending name copied into
 * bad (NUL-terminated, cut to badsz) when one is not a key or there are
 * more than max. */
int keyname_parse_list(const char *list, int *codes, int max, int *n, char *bad, size_t badsz);

/* The canonical name of code ("j", "^R", "Enter", "Up", "F1", "Comma"),
 * which keyname_parse() reads back to the same code; "?" for 0 or an
 * unknown code. */
void keyname_format(int code, char *out, size_t outsz);

#endif
