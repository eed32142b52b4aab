/* lineedit.c - the prompt line editor (see lineedit.h). */
#include "screen/lineedit.h"

#include "screen/actions.h"
#include "screen/draw.h"
#include "text/textwidth.h"
#include "text/utf8.h"

#include <string.h>

void lineedit_init(lineedit *le, const char *text)
{
    memset(le, 0, sizeof *le);
    if (!text)
        return;
    size_t n = strlen(text);
    if (n >= LINEEDIT_MAX) {
        n = LINEEDIT_MAX - 1;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--; /* keep whole characters */
    }
    memcpy(le->buf, text, n);
    le->buf[n] = '\0';
    le->len = le->cur = n;
}

/* Width of the code point starting at off (0 past the end). */
static int width_at(const lineedit *le, size_t off, size_t *bytes)
{
    uint32_t cp;
    *bytes = utf8_decode(le->buf + off, le->len - off, &cp);
    return *bytes ? text_cp_width(cp, draw_measure()) : 0;
}

/* Offset of the start of the character (base + zero-width marks) before off. */
static size_t prev_char(const lineedit *le, size_t off)
{
    while (off > 0) {
        size_t n = utf8_prev(le->buf, off), b;
        off -= n;
        if (width_at(le, off, &b) > 0)
            break;
    }
    return off;
}

/* Offset just past the character (with its trailing zero-width marks) at off. */
static size_t next_char(const lineedit *le, size_t off)
{
    size_t b;
    if (off >= le->len)
        return le->len;
    width_at(le, off, &b);
    off += b;
    while (off < le->len && width_at(le, off, &b) == 0 && b)
        off += b;
    return off;
}

static void cut(lineedit *le, size_t from, size_t to)
{
    memmove(le->buf + from, le->buf + to, le->len - to + 1);
    le->len -= to - from;
    le->cur = from;
}

static int insert(lineedit *le, uint32_t cp)
{
    char enc[4];
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return LE_CONTINUE;
    size_t n = utf8_encode(cp, enc);
    if (le->len + n >= LINEEDIT_MAX)
        return LE_CONTINUE;
    memmove(le->buf + le->cur + n, le->buf + le->cur, le->len - le->cur + 1);
    memcpy(le->buf + le->cur, enc, n);
    le->len += n;
    le->cur += n;
    return LE_CHANGED;
}

static int function_key(lineedit *le, uint32_t key)
{
    size_t old = le->len;
    switch (key) {
    case KEY_LEFT:
        le->cur = prev_char(le, le->cur);
        break;
    case KEY_RIGHT:
        le->cur = next_char(le, le->cur);
        break;
    case KEY_HOME:
        le->cur = 0;
        break;
    case KEY_END:
        le->cur = le->len;
        break;
    case KEY_BACKSPACE:
        cut(le, prev_char(le, le->cur), le->cur);
        break;
    case KEY_DC:
        cut(le, le->cur, next_char(le, le->cur));
        break;
    case KEY_ENTER:
        return LE_ACCEPT;
    default:
        break;
    }
    return le->len != old ? LE_CHANGED : LE_CONTINUE;
}

int lineedit_key(lineedit *le, int is_fn, uint32_t key)
{
    if (is_fn)
        return function_key(le, key);
    size_t old = le->len;
    switch (key) {
    case '\n':
    case '\r':
        return LE_ACCEPT;
    case 27:
        return LE_CANCEL;
    case 127:
    case CTRL('h'):
        cut(le, prev_char(le, le->cur), le->cur);
        break;
    case CTRL('a'):
        le->cur = 0;
        break;
    case CTRL('e'):
        le->cur = le->len;
        break;
    case CTRL('b'):
        le->cur = prev_char(le, le->cur);
        break;
    case CTRL('f'):
        le->cur = next_char(le, le->cur);
        break;
    case CTRL('u'):
        cut(le, 0, le->cur);
        break;
    case CTRL('k'):
        cut(le, le->cur, le->len);
        break;
    case CTRL('d'):
        cut(le, le->cur, next_char(le, le->cur));
        break;
    default:
        return insert(le, key);
    }
    return le->len != old ? LE_CHANGED : LE_CONTINUE;
}

static int span_width(const lineedit *le, size_t from, size_t to)
{
    int w = 0;
    for (size_t off = from, b; off < to; off += b) {
        w += width_at(le, off, &b);
        if (!b)
            break;
    }
    return w;
}

void lineedit_view(const lineedit *le, int w, size_t *start, int *cursor_col)
{
    size_t s = 0;
    int col = span_width(le, 0, le->cur);
    while (w > 1 && col > w - 1 && s < le->cur) {
        size_t next = next_char(le, s);
        col -= span_width(le, s, next);
        s = next;
    }
    *start = s;
    *cursor_col = col;
}
