/* import_levels.c - which lines are areas, items and sub-items.
 *
 * Unnumbered headings are short plain lines (no sentence punctuation, at
 * most HEADING_MAX_CHARS characters) directly followed by a numbered line;
 * they count only when at least two of them are followed by the same
 * numbering style and that style is not used before the first of them.
 *
 * Levels: the outer styles (unnumbered headings, 一、, （一）) come first in
 * that order, whichever is written first (a copy cut off at the top may
 * start inside an area); the inner ones (1. (1) 一是 ① bullets) follow in
 * order of first use.  Run-in items (IMP_RUNIN) are marked in areas that
 * have no numbered items: at least two paragraphs whose first sentence is
 * short (at most RUNIN_MAX_CHARS, no comma) and followed by more text.
 * The areas are the one outer level used, or the second of two when the
 * first names sections (二、2024年重点工作 over （一）…).
 */
#include "import/import_priv.h"

#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

#define HEADING_MAX_CHARS 25
#define RUNIN_MAX_CHARS 20

static int is_opening(uint32_t cp)
{
    return cp == '(' || cp == 0xFF08 || cp == 0x201C || cp == 0x2018 || cp == 0x300A ||
           cp == 0x300C || cp == 0x3010 || cp == '[' || cp == 0xFF3B;
}

static int is_closing(uint32_t cp)
{
    return cp == ')' || cp == 0xFF09 || cp == 0x201D || cp == 0x2019 || cp == 0x300B ||
           cp == 0x300D || cp == 0x3011 || cp == ']' || cp == 0xFF3D;
}

/* 。 ！ ？ ； ， ： and their ASCII forms (, ; : ! ?). */
static int is_stop(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0xFF0C ||
           cp == 0xFF1A || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?';
}

static int first_end(const char *s, size_t n, int comma, size_t *tlen, size_t *rest)
{
    int depth = 0;
    uint32_t cp;
    for (size_t i = 0, k; i < n; i += k) {
        k = utf8_decode(s + i, n - i, &cp);
        if (!k)
            return 0;
        if (is_opening(cp))
            depth++;
        else if (is_closing(cp) && depth > 0)
            depth--;
        else if (depth == 0 && (cp == 0x3002 || cp == 0xFF1A || cp == ':' ||
                                (comma && (cp == 0xFF0C || cp == ',')))) {
            *tlen = i;
            *rest = i + k;
            return 1;
        }
    }
    return 0;
}

int imp_sentence_end(const char *s, size_t n, size_t *tlen, size_t *rest)
{
    return first_end(s, n, 0, tlen, rest);
}

int imp_clause_end(const char *s, size_t n, size_t *tlen, size_t *rest)
{
    return first_end(s, n, 1, tlen, rest);
}

size_t imp_chars(const char *s, size_t n)
{
    size_t chars = 0;
    uint32_t cp;
    for (size_t i = 0, k; i < n; i += k, chars++)
        if (!(k = utf8_decode(s + i, n - i, &cp)))
            break;
    return chars;
}

int imp_heading_shaped(const char *s, size_t n, size_t max_chars)
{
    size_t chars = 0, k;
    uint32_t cp;
    for (size_t i = 0; i < n; i += k, chars++) {
        k = utf8_decode(s + i, n - i, &cp);
        if (!k || is_stop(cp))
            return 0;
    }
    return chars > 0 && chars <= max_chars;
}

static int title_only(const imp_line *l)
{
    size_t t, r;
    return l->mark.style != IMP_PLAIN &&
           !imp_sentence_end(l->s + l->mark.len, l->len - l->mark.len, &t, &r);
}

/* A short plain line before a numbered one that does not take the body of
 * a title-only line before it (unless the numbering restarts at 1). */
static int heading_candidate(const imp_line *L, size_t n, size_t i)
{
    if (L[i].mark.style != IMP_PLAIN || i + 1 >= n || L[i + 1].mark.style == IMP_PLAIN ||
        L[i].flags)
        return 0;
    if (!imp_heading_shaped(L[i].s, L[i].len, HEADING_MAX_CHARS))
        return 0;
    return !(i > 0 && title_only(&L[i - 1]) && L[i + 1].mark.value != 1);
}

static int mark_headings(imp_line *L, size_t n)
{
    unsigned char *cand = calloc(n ? n : 1, 1);
    if (!cand)
        return DUBAN_ENOMEM;
    size_t first = n, count = 0;
    int style = IMP_PLAIN, used_before = 0;
    for (size_t i = 0; i < n; i++) {
        if (!heading_candidate(L, n, i))
            continue;
        if (first == n) {
            first = i;
            style = L[i + 1].mark.style;
        }
        if (L[i + 1].mark.style == style) {
            cand[i] = 1;
            count++;
        }
    }
    for (size_t i = 0; i < first; i++)
        used_before |= L[i].mark.style == style;
    for (size_t i = 0; i < n && count >= 2 && !used_before; i++)
        if (cand[i]) {
            L[i].mark.style = IMP_HEADING;
            L[i].mark.len = 0;
        }
    free(cand);
    return DUBAN_OK;
}

/* A paragraph "做大外贸主体。坚持……": first sentence short, no comma,
 * ended by 。 and followed by more text. */
static int runin_shaped(const imp_line *l)
{
    size_t t, r;
    if (l->mark.style != IMP_PLAIN || l->flags || !imp_sentence_end(l->s, l->len, &t, &r) ||
        r >= l->len)
        return 0;
    return memcmp(l->s + t, "。", 3) == 0 && imp_heading_shaped(l->s, t, RUNIN_MAX_CHARS) &&
           imp_chars(l->s + r, l->len - r) >= 6;
}

/* Marks run-in items in each stretch of plain lines between two headings
 * of level 1..area (or before the first) that has at least two of them
 * and no numbered line of a deeper level. */
static void mark_runin(imp_line *L, size_t n, const int level[IMP_NSTYLES], int area)
{
#define IS_HEAD(l) (level[(l).mark.style] >= 1 && level[(l).mark.style] <= area)
    size_t start = 0;
    while (start < n) {
        size_t end = start + IS_HEAD(L[start]);
        int numbered = 0, count = 0;
        for (; end < n && !IS_HEAD(L[end]); end++) {
            numbered |= L[end].mark.style != IMP_PLAIN;
            count += runin_shaped(&L[end]);
        }
        if (!numbered && count >= 2)
            for (size_t i = start; i < end; i++)
                if (runin_shaped(&L[i])) {
                    L[i].mark.style = IMP_RUNIN;
                    L[i].mark.value = 1;
                }
        start = end;
    }
#undef IS_HEAD
}

/* Two outer levels under section headings (二、2024年工作安排 / （一）…):
 * the run-in items may sit under the second. */
static int sections_over_areas(const imp_line *L, size_t n, const int level[IMP_NSTYLES])
{
    int outer2 = level[IMP_CN_PAREN] == 2 || level[IMP_CN_COMMA] == 2;
    for (size_t i = 0; i < n && outer2; i++)
        if (L[i].mark.style != IMP_PLAIN && level[L[i].mark.style] == 1 && imp_section_title(&L[i]))
            return 1;
    return 0;
}

int imp_assign_levels(imp_line *L, size_t n, int level[IMP_NSTYLES])
{
    static const int outer[] = {IMP_HEADING, IMP_CN_COMMA, IMP_CN_PAREN};
    memset(level, 0, sizeof(int) * IMP_NSTYLES);
    if (mark_headings(L, n))
        return DUBAN_ENOMEM;
    int used[IMP_NSTYLES] = {0}, next = 1;
    for (size_t i = 0; i < n; i++)
        used[L[i].mark.style] = 1;
    for (size_t k = 0; k < sizeof outer / sizeof outer[0]; k++)
        if (used[outer[k]])
            level[outer[k]] = next++;
    for (size_t i = 0; i < n; i++) {
        int st = L[i].mark.style;
        if (st != IMP_PLAIN && level[st] == 0)
            level[st] = next++;
    }
    int area = 0;
    if (next == 2 && level[IMP_HEADING] + level[IMP_CN_COMMA] + level[IMP_CN_PAREN])
        area = 1;
    else if (next == 3 && sections_over_areas(L, n, level))
        area = 2;
    if (area)
        mark_runin(L, n, level, area);
    for (size_t i = 0; i < n && !level[IMP_RUNIN]; i++)
        if (L[i].mark.style == IMP_RUNIN)
            level[IMP_RUNIN] = area + 1;
    return DUBAN_OK;
}
