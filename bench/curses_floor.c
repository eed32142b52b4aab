/* curses_floor - the terminal library's floor for pty_bench: screens that
 * duban drew, repainted by ncurses alone.
 *
 *   curses_floor SCREEN [SCREEN...]
 *
 * Each SCREEN is a capture of a terminal with its attributes and the
 * blanks that end each row (`tmux capture-pane -e -N -p`: their colours
 * are part of the screen).  The program starts curses as duban does (cbreak,
 * noecho, nonl, keypad, one write a frame, default colours, no cursor)
 * and shows the first screen; each key then shows the next one in turn: erase(), each row's
 * cells with their attributes and colours (one wadd_wchnstr() a row, as
 * duban's put_cells()), wnoutrefresh() and doupdate().  'q' exits 0.
 *
 * Run under pty_bench with the screens a duban key alternates between
 * (bench/table.sh: the outline with every area folded and with the first
 * one open), the median is what curses costs to change the terminal from
 * one to the other: duban's own work for that key is what it takes above
 * this.  Exit 1 with a message naming the file when a screen cannot be
 * read. */
#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MAX_ROWS 256
#define MAX_COLS 512
#define MAX_SCREENS 8

/* A cell as read: made into curses' cells once curses has started. */
typedef struct raw_cell {
    wchar_t wc;
    attr_t attr;
    short fg, bg; /* -1: the terminal's default */
} raw_cell;

typedef struct screen_row {
    raw_cell raw[MAX_COLS];
    cchar_t cell[MAX_COLS];
    int n;
} screen_row;

typedef struct screen {
    screen_row row[MAX_ROWS];
    int nrows;
} screen;

/* The current SGR state while a capture is read. */
typedef struct pen {
    attr_t attr;
    short fg, bg; /* -1: the terminal's default */
} pen;

/* The colour pairs made so far: one a (fg, bg) pair met. */
typedef struct palette {
    short fg[1024], bg[1024];
    int n;
} palette;

static short pair_for(palette *p, short fg, short bg)
{
    if (fg < 0 && bg < 0)
        return 0;
    for (int i = 0; i < p->n; i++)
        if (p->fg[i] == fg && p->bg[i] == bg)
            return (short)(i + 1);
    if (p->n + 1 >= COLOR_PAIRS || p->n >= 1024 || init_pair((short)(p->n + 1), fg, bg) != OK)
        return 0;
    p->fg[p->n] = fg;
    p->bg[p->n] = bg;
    return (short)++p->n;
}

/* Applies one SGR parameter list ("1;38;5;208") to the pen. */
static void apply_sgr(pen *pn, const char *s, size_t len)
{
    int v[32], n = 0;
    v[0] = 0;
    for (size_t i = 0; i <= len && n < 32; i++) {
        if (i == len || s[i] == ';') {
            n++;
            if (n < 32)
                v[n] = 0;
        } else if (s[i] >= '0' && s[i] <= '9') {
            v[n] = v[n] * 10 + (s[i] - '0');
        }
    }
    for (int i = 0; i < n; i++) {
        int c = v[i];
        if (c == 0)
            *pn = (pen){A_NORMAL, -1, -1};
        else if (c == 1)
            pn->attr |= A_BOLD;
        else if (c == 2)
            pn->attr |= A_DIM;
        else if (c == 3)
            pn->attr |= A_ITALIC;
        else if (c == 4)
            pn->attr |= A_UNDERLINE;
        else if (c == 5)
            pn->attr |= A_BLINK;
        else if (c == 7)
            pn->attr |= A_REVERSE;
        else if (c == 22)
            pn->attr &= ~(A_BOLD | A_DIM);
        else if (c == 23)
            pn->attr &= ~A_ITALIC;
        else if (c == 24)
            pn->attr &= ~A_UNDERLINE;
        else if (c == 25)
            pn->attr &= ~A_BLINK;
        else if (c == 27)
            pn->attr &= ~A_REVERSE;
        else if (c >= 30 && c <= 37)
            pn->fg = (short)(c - 30);
        else if (c >= 40 && c <= 47)
            pn->bg = (short)(c - 40);
        else if (c >= 90 && c <= 97)
            pn->fg = (short)(c - 90 + 8);
        else if (c >= 100 && c <= 107)
            pn->bg = (short)(c - 100 + 8);
        else if (c == 39)
            pn->fg = -1;
        else if (c == 49)
            pn->bg = -1;
        else if ((c == 38 || c == 48) && i + 2 < n && v[i + 1] == 5) {
            *(c == 38 ? &pn->fg : &pn->bg) = (short)(v[i + 2] < 256 ? v[i + 2] : -1);
            i += 2;
        } else if ((c == 38 || c == 48) && i + 4 < n && v[i + 1] == 2) {
            i += 4; /* direct colour: not in a 256-colour terminal's capture */
        }
    }
}

/* Reads a capture into sc; 0, or -1 with a message on stderr. */
static int read_screen(const char *path, screen *sc)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "curses_floor: %s: %s\n", path, strerror(errno));
        return -1;
    }
    memset(sc, 0, sizeof *sc);
    pen pn = {A_NORMAL, -1, -1};
    mbstate_t mb;
    memset(&mb, 0, sizeof mb);
    char buf[8192], esc[64];
    size_t nesc = 0;
    int in_esc = 0, line = 1, rc = 0, full = 0; /* full: rows past MAX_ROWS, left out */
    screen_row *r = &sc->row[0];
    sc->nrows = 1;
    size_t got;
    while (!rc && (got = fread(buf, 1, sizeof buf, f)) > 0) {
        for (size_t i = 0; i < got && !rc; i++) {
            char ch = buf[i];
            if (in_esc) { /* ESC [ params final */
                if (in_esc == 1) {
                    in_esc = ch == '[' ? 2 : 0;
                } else if ((ch >= '0' && ch <= '9') || ch == ';') {
                    if (nesc < sizeof esc)
                        esc[nesc++] = ch;
                } else {
                    if (ch == 'm')
                        apply_sgr(&pn, esc, nesc);
                    in_esc = 0;
                }
                continue;
            }
            if (ch == '\033') {
                in_esc = 1;
                nesc = 0;
                continue;
            }
            if (ch == '\n') {
                line++;
                if (sc->nrows < MAX_ROWS)
                    r = &sc->row[sc->nrows++];
                else
                    full = 1;
                continue;
            }
            if (full)
                continue;
            wchar_t wc;
            size_t k = mbrtowc(&wc, &ch, 1, &mb);
            if (k == (size_t)-2)
                continue; /* more bytes of this character */
            if (k == (size_t)-1) {
                fprintf(stderr, "curses_floor: %s:%d: not UTF-8\n", path, line);
                rc = -1;
                break;
            }
            if (r->n >= MAX_COLS || wc < L' ')
                continue;
            r->raw[r->n++] = (raw_cell){wc, pn.attr, pn.fg, pn.bg};
        }
    }
    if (!rc && ferror(f)) {
        fprintf(stderr, "curses_floor: %s: cannot read\n", path);
        rc = -1;
    }
    fclose(f);
    if (!rc && sc->nrows > 1 && sc->row[sc->nrows - 1].n == 0)
        sc->nrows--; /* the capture's last newline */
    return rc;
}

/* The cells in curses' form, colours the terminal lacks left default. */
static void make_cells(screen *sc, palette *pal)
{
    for (int y = 0; y < sc->nrows; y++)
        for (int x = 0; x < sc->row[y].n; x++) {
            const raw_cell *c = &sc->row[y].raw[x];
            wchar_t s[2] = {c->wc, 0};
            short fg = c->fg < COLORS ? c->fg : -1, bg = c->bg < COLORS ? c->bg : -1;
            setcchar(&sc->row[y].cell[x], s, c->attr, pair_for(pal, fg, bg), NULL);
        }
}

static void show(const screen *sc)
{
    erase();
    for (int y = 0; y < sc->nrows && y < LINES; y++)
        if (sc->row[y].n)
            mvadd_wchnstr(y, 0, sc->row[y].cell, sc->row[y].n);
    wnoutrefresh(stdscr);
    doupdate();
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc - 1 > MAX_SCREENS || !strcmp(argv[1], "--help")) {
        fprintf(stderr,
                "usage: curses_floor SCREEN [SCREEN...] (at most %d; tmux "
                "capture-pane -e -N -p)\n",
                MAX_SCREENS);
        return 2;
    }
    setlocale(LC_ALL, "");
    int n = argc - 1;
    screen *sc = calloc((size_t)n, sizeof *sc);
    if (!sc)
        return 1;
    for (int i = 0; i < n; i++)
        if (read_screen(argv[i + 1], &sc[i])) {
            free(sc);
            return 1;
        }
    initscr();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    /* as duban's start_curses(): ncurses 6.4 writes at every cursor jump
     * until the screen was once left and taken back, and polls the
     * keyboard every few lines unless typeahead is off */
    endwin();
    doupdate();
    typeahead(-1);
    if (has_colors() && start_color() == OK)
        use_default_colors();
    palette pal = {.n = 0};
    for (int i = 0; i < n; i++)
        make_cells(&sc[i], &pal);
    int at = 0, ch;
    show(&sc[at]);
    while ((ch = getch()) != 'q' && ch != ERR) {
        at = (at + 1) % n;
        show(&sc[at]);
    }
    endwin();
    free(sc);
    return 0;
}
