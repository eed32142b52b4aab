/* draw.c - sanitised, width-aware text output (see draw.h). */
#include "screen/draw.h"

#include "text/textmatch.h"
#include "text/textwidth.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The only state: attributes per style, fixed at start-up. */
static attr_t style_attr[S_COUNT];
static attr_t selection_attr = A_REVERSE;
static text_measure measure = {1}; /* draw_init(); ambiguous width of the terminal */
/* wcwidth() of U+4E00..U+9FFF (CJK ideographs, most of a plan's text),
 * which the C library gives one width: measured once in draw_init()
 * instead of at every character of every frame (-2: ask each time). */
static int cjk_wcwidth = -2;

/* The theme element each style takes its colours from (-1: none). */
static const int style_element[S_STATUS] = {
    [S_NORMAL] = -1,
    [S_HEADER] = CONFIG_EL_HEADER,
    [S_BAR_LINE] = CONFIG_EL_STATUS_BAR,
    [S_AREA] = CONFIG_EL_AREA,
    [S_BOLD] = -1,
    [S_DIM] = CONFIG_EL_DIM,
    [S_ERROR] = CONFIG_EL_ERROR,
    [S_OK] = CONFIG_EL_MESSAGE,
    [S_MATCH] = CONFIG_EL_MATCH,
    [S_LATE] = CONFIG_EL_OVERDUE,
    [S_RISK] = CONFIG_EL_AT_RISK,
    [S_BAR] = CONFIG_EL_BAR,
    [S_SECTION] = CONFIG_EL_SECTION,
    [S_LIGHT] = CONFIG_EL_LIGHT_GREEN,
    [S_LIGHT_YELLOW] = CONFIG_EL_LIGHT_YELLOW,
    [S_LIGHT_RED] = CONFIG_EL_LIGHT_RED,
};

/* The colour pair of fg on bg: one made before (1 .. *next - 1) with the
 * same colours, so that texts of one colour in different styles share a
 * pair and curses sends nothing between them; else *next, made now.  0
 * when no pair is left. */
static short pair_of(short fg, short bg, short *next)
{
    short f, b;
    for (short p = 1; p < *next; p++)
        if (pair_content(p, &f, &b) == OK && f == fg && b == bg)
            return p;
    if (*next >= COLOR_PAIRS || init_pair(*next, fg, bg) != OK)
        return 0;
    return (*next)++;
}

/* Attributes for c; its colour pair is set up (pair_of()) when colours
 * are on. */
static attr_t color_attr(const config_color *c, short *next, int colors)
{
    config_color f = config_color_fit(c, colors ? COLORS : 0);
    attr_t a = A_NORMAL;
    if (f.attr & CONFIG_ATTR_BOLD)
        a |= A_BOLD;
    if (f.attr & CONFIG_ATTR_UNDERLINE)
        a |= A_UNDERLINE;
    if (f.attr & CONFIG_ATTR_REVERSE)
        a |= A_REVERSE;
    short pair = 0;
    if (colors && (f.fg != CONFIG_COLOR_DEFAULT || f.bg != CONFIG_COLOR_DEFAULT))
        pair = pair_of(f.fg, f.bg, next);
    return pair ? a | COLOR_PAIR(pair) : a;
}

static config_color status_color(const status_def *d)
{
    config_color c = {CONFIG_COLOR_DEFAULT, CONFIG_COLOR_DEFAULT, 0};
    char bad[32];
    if (config_color_parse(d->color, &c, bad, sizeof bad) != 0)
        c = (config_color){CONFIG_COLOR_DEFAULT, CONFIG_COLOR_DEFAULT, 0};
    if (!strcmp(d->color, "white"))
        c.fg = CONFIG_COLOR_DEFAULT; /* readable on light and dark backgrounds */
    if (d->done)
        c.attr |= CONFIG_ATTR_BOLD;
    return c;
}

const text_measure *draw_measure(void)
{
    return &measure;
}

void draw_init(int use_color, const status_set *set, const config_color *theme,
               const text_measure *m)
{
    measure.ambiguous = text_ambiguous_width(m);
    cjk_wcwidth = wcwidth((wchar_t)0x4E00); /* and -2, ask each time, if the block is not even */
    if (wcwidth((wchar_t)0x9FFF) != cjk_wcwidth || wcwidth((wchar_t)0x7FFF) != cjk_wcwidth)
        cjk_wcwidth = -2;
    int colors = use_color && has_colors() && start_color() == OK;
    if (colors)
        use_default_colors();
    short pair = 1;
    for (int s = 0; s < S_STATUS; s++) {
        int el = style_element[s];
        style_attr[s] = el >= 0 ? color_attr(&theme[el], &pair, colors) : A_NORMAL;
    }
    style_attr[S_BOLD] = A_BOLD;
    selection_attr = color_attr(&theme[CONFIG_EL_SELECTION], &pair, colors);
    if (!selection_attr)
        selection_attr = A_REVERSE; /* the cursor row must always show */
    for (size_t i = 0; i < STATUS_MAX; i++) {
        config_color c = {CONFIG_COLOR_DEFAULT, CONFIG_COLOR_DEFAULT, 0};
        if (i < set->n)
            c = status_color(&set->v[i]);
        style_attr[S_STATUS + i] = color_attr(&c, &pair, colors);
    }
}

static attr_t attr_of(int style)
{
    int s = style & 0xff;
    attr_t a = s < S_COUNT ? style_attr[s] : A_NORMAL;
    if (style & S_REVERSE) /* the selection's colours, the style's emphasis */
        return selection_attr | (a & (A_BOLD | A_UNDERLINE));
    return a;
}

/* Converts clean UTF-8 (len bytes) into wide characters that fit in w
 * columns, by the wider of our measure and the C library's (what curses
 * uses), so that nothing wraps or is split at the border.  Returns the
 * count and sets *cols, and *spacing to 0 when one of them takes no
 * column in curses (a combining mark); off (when not NULL) gets each
 * character's byte offset. */
static size_t to_wide(const char *s, size_t len, int w, wchar_t *out, size_t *off_of, int *cols,
                      int *spacing)
{
    size_t n = 0;
    int col = 0;
    *spacing = 1;
    for (size_t off = 0; off < len;) {
        uint32_t cp;
        size_t start = off;
        int cw, ow;
        unsigned char b = (unsigned char)s[off];
        if (b >= 0x20 && b < 0x7F) { /* printable ASCII: one column both ways */
            cp = b;
            off++;
            cw = ow = 1;
        } else {
            off += utf8_decode(s + off, len - off, &cp);
            int cjk = cp >= 0x4E00 && cp <= 0x9FFF && cjk_wcwidth != -2;
            cw = cjk ? cjk_wcwidth : wcwidth((wchar_t)cp);
            ow = text_cp_width(cp, &measure);
        }
        if (cw < 0) {
            cp = '?';
            cw = ow = 1;
        }
        int need = cw > ow ? cw : ow;
        if (col + need > w || (n == 0 && need == 0))
            break;
        if (off_of)
            off_of[n] = start;
        out[n++] = (wchar_t)cp;
        col += need;
        *spacing &= cw != 0;
    }
    out[n] = 0;
    *cols = col;
    return n;
}

/* A match's attributes on a row drawn in style: the theme's "match"
 * (reverse when it has none); on the cursor row, something the
 * selection's colours do not hide. */
static attr_t match_attr(int style)
{
    attr_t m = style_attr[S_MATCH] ? style_attr[S_MATCH] : A_REVERSE;
    if (!(style & S_REVERSE) || (m & A_COLOR))
        return m;
    return m == A_REVERSE ? A_BOLD | A_UNDERLINE : m | selection_attr;
}

#define MARK_SPANS 32

/* Draws the n characters of wide (at byte offsets off) in runs: those
 * inside one of the ns spans sp (sorted) in the match's attributes. */
static void draw_runs(int y, int x, const wchar_t *wide, const size_t *off, size_t n,
                      const text_span *sp, size_t ns, int style)
{
    size_t k = 0;
    move(y, x);
    for (size_t i = 0; i < n;) {
        while (k < ns && sp[k].end <= off[i])
            k++;
        int in = k < ns && sp[k].start <= off[i];
        size_t j = i + 1;
        while (j < n && (k < ns && sp[k].start <= off[j] && off[j] < sp[k].end) == in)
            j++;
        attrset(in ? match_attr(style) : attr_of(style));
        addnwstr(wide + i, (int)(j - i));
        i = j;
    }
}

/* Characters a text may have to be drawn without a malloc. */
#define DRAW_STACK 256

/* The length of s when it is all printable ASCII (its own sanitised
 * form, one column a byte), else 0. */
static size_t ascii_len(const char *s)
{
    size_t n = 0;
    while ((unsigned char)s[n] >= 0x20 && (unsigned char)s[n] < 0x7F)
        n++;
    return s[n] ? 0 : n;
}

/* The widest gap join_gap() fills: the space between two columns. */
#define GAP_MAX 8

/* Whether a blank in attributes a and colour pair looks like a plain one:
 * bold, dim, italic and a foreground colour change nothing on a blank,
 * a background, reverse video or an underline do. */
static int blank_can_take(attr_t a, short pair)
{
    short fg, bg, fg0, bg0;
    if (a & ~(A_BOLD | A_DIM | A_ITALIC | A_COLOR))
        return 0;
    return !pair ||
           (pair_content(pair, &fg, &bg) == OK && pair_content(0, &fg0, &bg0) == OK && bg == bg0);
}

/* Before a text is drawn at (y, x): a gap of plain blanks (as erase()
 * left them, at most GAP_MAX) between it and the text on its left takes
 * that text's attributes when they look the same on a blank.  The
 * screen shows the same, and doupdate() then changes attributes once, at
 * the text, instead of twice, around the gap: each change costs it a
 * tparm() of the terminal's sgr or setaf string, which was a third of
 * the work of a whole frame (fold and view keys). */
static void join_gap(int y, int x)
{
    cchar_t c;
    wchar_t wc[CCHARW_MAX + 1];
    attr_t a;
    short pair;
    int g = x - 1;
    for (; g >= 0 && x - g <= GAP_MAX + 1; g--) {
        if (mvin_wch(y, g, &c) == ERR || getcchar(&c, wc, &a, &pair, NULL) == ERR)
            return;
        if (wc[0] != L' ' || wc[1] || a != A_NORMAL || pair)
            break;
    }
    if (g < 0 || g == x - 1 || x - g > GAP_MAX + 1 || wc[0] == L' ' || (!pair && !a) ||
        !blank_can_take(a, pair))
        return;
    mvchgat(y, g + 1, x - 1 - g, a & ~A_COLOR, pair, NULL);
}

/* Puts n characters, wide or (wide NULL) the bytes of ascii, at (y, x)
 * in attributes a, as prepared cells: curses copies them without the
 * work addnstr() and addnwstr() do for each character (181 against 315
 * instructions a character, half of them for every row drawn).  Each
 * must take a column or two in curses (to_wide()'s spacing). */
static void put_cells(int y, int x, const wchar_t *wide, const char *ascii, size_t n, attr_t a)
{
    cchar_t stack[DRAW_STACK], proto;
    cchar_t *cells = n <= DRAW_STACK ? stack : malloc(n * sizeof *cells);
    const wchar_t blank[2] = {L' ', 0};
    if (!cells || setcchar(&proto, blank, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL) == ERR) {
        if (cells != stack)
            free(cells);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        cells[i] = proto;
        cells[i].chars[0] = wide ? wide[i] : (wchar_t)(unsigned char)ascii[i];
    }
    mvadd_wchnstr(y, x, cells, (int)n);
    if (cells != stack)
        free(cells);
}

/* draw_text(), the query's words marked when query is not NULL, else
 * the ns spans sp (bytes of s, sorted) when sp is not NULL.  Plain
 * ASCII that fits goes to curses as bytes; other text is converted on
 * the stack when short, and copied only to be sanitised or cut. */
static int draw_marked(int y, int x, int w, const char *s, int style, const char *query,
                       const text_span *sp, size_t ns)
{
    if (w <= 0 || !s || !*s)
        return 0;
    if (x > 0)
        join_gap(y, x);
    int marks = query || sp;
    if (!marks) {
        size_t n = ascii_len(s);
        if (n && n <= (size_t)w) {
            put_cells(y, x, NULL, s, n, attr_of(style));
            return (int)n;
        }
    }
    size_t slen = strlen(s);
    char *clean = text_is_clean(s, slen) ? NULL : text_sanitize(s);
    const char *c = clean ? clean : s;
    char *cut = text_width(c, &measure) > w ? text_truncate(c, w, &measure) : NULL;
    const char *t = cut ? cut : c;
    size_t len = cut || clean ? strlen(t) : slen;
    int cols = 0;
    wchar_t wstack[DRAW_STACK];
    size_t ostack[DRAW_STACK];
    int big = len + 1 > DRAW_STACK;
    wchar_t *wide = big ? malloc((len + 1) * sizeof *wide) : wstack;
    size_t *off = !marks ? NULL : big ? malloc((len + 1) * sizeof *off) : ostack;
    if (wide && (off || !marks)) {
        int spacing;
        size_t n = to_wide(t, len, w, wide, off, &cols, &spacing);
        text_span found[MARK_SPANS];
        if (query) {
            ns = text_match_spans(t, query, found, MARK_SPANS);
            sp = found;
        }
        attrset(attr_of(style));
        if (n && off)
            draw_runs(y, x, wide, off, n, sp, ns, style);
        else if (n && spacing)
            put_cells(y, x, wide, NULL, n, attr_of(style));
        else if (n)
            mvaddnwstr(y, x, wide, (int)n);
        attrset(A_NORMAL);
    }
    if (big) {
        free(off);
        free(wide);
    }
    free(cut);
    free(clean);
    return cols;
}

int draw_text(int y, int x, int w, const char *s, int style)
{
    return draw_marked(y, x, w, s, style, NULL, NULL, 0);
}

int draw_text_match(int y, int x, int w, const char *s, int style, const char *query)
{
    return draw_marked(y, x, w, s, style, query && *query ? query : NULL, NULL, 0);
}

int draw_text_spans(int y, int x, int w, const char *s, int style, const text_span *sp, size_t n)
{
    return draw_marked(y, x, w, s, style, NULL, n ? sp : NULL, n);
}

void draw_blank(int y, int x, int w, int style)
{
    if (w > 0)
        mvhline(y, x, ' ' | attr_of(style), w);
}

int draw_width(const char *s)
{
    s = s ? s : "";
    size_t n = ascii_len(s);
    if (n || !*s)
        return (int)n;
    if (text_is_clean(s, strlen(s)))
        return text_width(s, &measure);
    char *clean = text_sanitize(s);
    int w = clean ? text_width(clean, &measure) : 0;
    free(clean);
    return w;
}

int draw_right(int y, int x, int w, const char *s, int style)
{
    int sw = draw_width(s);
    int start = sw < w ? x + w - sw : x;
    draw_text(y, start, w - (start - x), s, style);
    return start;
}

void draw_centered(int y, int x, int w, const char *s, int style)
{
    int sw = draw_width(s);
    int start = sw < w ? x + (w - sw) / 2 : x;
    draw_text(y, start, w - (start - x), s, style);
}

/* Box-drawing lines are East Asian ambiguous: ASCII when those are wide. */
void draw_vline(int y, int x, int h)
{
    if (h > 0 && text_ambiguous_width(&measure) == 1)
        mvvline_set(y, x, WACS_VLINE, h);
    else if (h > 0)
        mvvline(y, x, '|', h);
}

void draw_hline(int y, int x, int w)
{
    if (w > 0 && text_ambiguous_width(&measure) == 1)
        mvhline_set(y, x, WACS_HLINE, w);
    else if (w > 0)
        mvhline(y, x, '-', w);
}

void draw_bar(int y, int x, int w, int done, int total, int rev)
{
    if (w < 3)
        return;
    int inner = w - 2;
    int fill = total > 0 ? (int)(((long)done * inner + total / 2) / total) : 0;
    if (done > 0 && fill == 0)
        fill = 1;
    if (fill > inner)
        fill = inner;
    attr_t plain = attr_of(rev), bar = attr_of(S_BAR | rev);
    mvaddch(y, x, '[' | plain);
    if (fill)
        mvhline(y, x + 1, '#' | bar, fill);
    if (inner - fill)
        mvhline(y, x + 1 + fill, '-' | plain, inner - fill);
    mvaddch(y, x + w - 1, ']' | plain);
}
