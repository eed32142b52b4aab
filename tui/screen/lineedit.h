/* lineedit.h - a one-line text editor for prompts (search, due, unit,
 * leader, note).
 *
 * The text is UTF-8; the cursor is a byte offset that is always on a
 * character boundary.  Left/Right move by one character, Backspace and
 * Delete remove a whole character (with any zero-width marks attached to
 * it), Home/Ctrl-A and End/Ctrl-E jump, Ctrl-U clears to the start, Ctrl-K
 * to the end.  Enter accepts, Esc cancels.  Control characters are never
 * inserted.  No curses state is kept; the key codes are curses' (a key is
 * a character when is_fn is 0, a KEY_* code when 1).
 */
#ifndef DUBAN_TUI_LINEEDIT_H
#define DUBAN_TUI_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

#define LINEEDIT_MAX 1024

typedef struct lineedit {
    char buf[LINEEDIT_MAX];
    size_t len; /* bytes in buf, buf[len] == '\0' */
    size_t cur; /* cursor, byte offset */
} lineedit;

enum lineedit_result {
    LE_CONTINUE, /* key used (or ignored), text unchanged */
    LE_CHANGED,  /* the text changed */
    LE_ACCEPT,   /* Enter */
    LE_CANCEL,   /* Esc */
};

/* Starts editing text (NULL = ""), cursor at the end.  Longer text is
 * cut at a character boundary. */
void lineedit_init(lineedit *le, const char *text);

/* Applies one key; returns an enum lineedit_result. */
int lineedit_key(lineedit *le, int is_fn, uint32_t key);

/* For showing the text in w columns: *start is the byte offset to draw
 * from so that the cursor is visible, *cursor_col the cursor's column
 * relative to that start. */
void lineedit_view(const lineedit *le, int w, size_t *start, int *cursor_col);

#endif
