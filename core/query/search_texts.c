/* search_texts.c - short-word search over an in-memory copy of the text
 * (see search_texts.h).
 *
 * The copy: every code point of the plan's text gets a symbol number, in
 * the order first seen (1, 2, ...; ASCII letters folded to lower case;
 * each malformed byte its own symbol); entry i (one node) is its columns'
 * symbols, one 0 between two columns, in text[off[i] .. off[i + 1]).
 * A symbol is stored in 1 byte (the first 127), 2 or 3, lead bytes never
 * equal to later bytes (as in UTF-8), so a word's bytes are found only
 * where its symbols are: the 123 characters of a generated plan take one
 * byte each instead of three.
 *
 * Posting lists: for each symbol, the entries holding it, as a bitmap of
 * all entries when more than 1 entry in 32 holds it, else as a sorted
 * array of entry numbers.  A word of one character is its list; a word
 * of two is both lists intersected, then each entry left is scanned for
 * the two symbols side by side.  A search of several words intersects
 * all their characters' lists, smallest first.
 *
 * Folding both sides' ASCII letters gives LIKE's matches for words with
 * ASCII letters, and instr()'s for words without, which are what
 * query_search() and query_search_candidates() use: a well-formed word's
 * bytes occur in a text exactly where its code points do (a malformed
 * byte of the text is decoded alone, so it never hides a character). */
#include "query/search_texts.h"

#include "store/store_internal.h"
#include "text/textmatch.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 16
#define MAX_SYMBOLS 65535u                      /* symbols 1 .. 65535; 0 is the column break */
#define PAGE_BITS 8                             /* the code point map: pages of 256 code points */
#define PAGES ((0x110000u + 256u) >> PAGE_BITS) /* and a page of malformed bytes */

struct search_texts {
    unsigned char *text;
    size_t len, cap;
    uint32_t *off; /* n + 1 offsets */
    int64_t *id;
    size_t n, cap_n;
    uint16_t *page[PAGES]; /* code point -> symbol (0: not in the text) */
    uint32_t nsym;         /* symbols 1 .. nsym */
    uint32_t *df;          /* per symbol: how many entries hold it */
    uint32_t *last;        /* per symbol, while loading: last entry + 1 */
    uint32_t *start;       /* per symbol: its array in arrays, its bitmap in bits */
    uint32_t *arrays;
    uint64_t *bits;
    size_t words;    /* uint64_t per bitmap */
    int64_t next_id; /* a load in steps goes on after this id */
    int complete;    /* every row read and the lists built */
};

static uint32_t fold(uint32_t cp)
{
    return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
}

/* The next code point of s[0..n) (ASCII folded; a malformed byte as
 * 0x110000 + its value) and its byte length in *k.  ASCII and 3-byte
 * sequences (CJK) are decoded here, the rest by utf8_decode(). */
static inline uint32_t next_cp(const char *s, size_t n, size_t *k)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *k = 1;
        return fold(u[0]);
    }
    if ((u[0] & 0xF0) == 0xE0 && n >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        uint32_t cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3Fu);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            *k = 3;
            return cp;
        }
    }
    uint32_t cp;
    *k = utf8_decode(s, n, &cp);
    if (cp == UTF8_REPLACEMENT && *k == 1)
        return 0x110000u + u[0];
    return fold(cp);
}

static uint32_t symbol_of(const search_texts *t, uint32_t cp)
{
    const uint16_t *p = t->page[cp >> PAGE_BITS];
    return p ? p[cp & 255] : 0;
}

/* Writes symbol s's bytes to out (room for 3); returns how many. */
static inline size_t encode(uint32_t s, unsigned char *out)
{
    if (s < 0x80) {
        out[0] = (unsigned char)s;
        return 1;
    }
    if (s < 0x80 + 48 * 64) {
        uint32_t v = s - 0x80;
        out[0] = (unsigned char)(0xC0 + (v >> 6));
        out[1] = (unsigned char)(0x80 + (v & 63));
        return 2;
    }
    uint32_t v = s - (0x80 + 48 * 64);
    out[0] = (unsigned char)(0xF0 + (v >> 12));
    out[1] = (unsigned char)(0x80 + ((v >> 6) & 63));
    out[2] = (unsigned char)(0x80 + (v & 63));
    return 3;
}

/* Reads the symbol at p (well-formed by construction); sets *k. */
static inline uint32_t decode(const unsigned char *p, size_t *k)
{
    if (p[0] < 0x80) {
        *k = 1;
        return p[0];
    }
    if (p[0] < 0xF0) {
        *k = 2;
        return 0x80 + ((uint32_t)(p[0] - 0xC0) << 6) + (p[1] & 63u);
    }
    *k = 3;
    return 0x80 + 48 * 64 + ((uint32_t)(p[0] - 0xF0) << 12) + ((uint32_t)(p[1] & 63) << 6) +
           (p[2] & 63u);
}

typedef struct word {
    uint32_t sym[2];
    size_t nsym;
    unsigned char s[6]; /* the symbols' bytes */
    size_t len;
} word;

/* The words of text as code points (folded) in w[i].sym; -1 when one has
 * 3 characters or more or a malformed byte, or there are none or more
 * than MAX_WORDS. */
static int split_short(const char *text, word *w)
{
    int n = 0;
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        size_t sep = text_word_separator(text + i);
        if (sep) {
            i += sep;
            continue;
        }
        if (n == MAX_WORDS)
            return -1;
        w[n].nsym = 0;
        while (i < len && !text_word_separator(text + i)) {
            size_t k;
            uint32_t cp = next_cp(text + i, len - i, &k);
            if (w[n].nsym == 2 || cp >= 0x110000u)
                return -1;
            w[n].sym[w[n].nsym++] = cp;
            i += k;
        }
        n++;
    }
    return n ? n : -1;
}

int search_texts_serves(const char *text)
{
    word w[MAX_WORDS];
    return split_short(text, w) > 0;
}

/* ---- loading ------------------------------------------------------------ */

static int grow_text(search_texts *t, size_t more)
{
    if (t->len + more <= t->cap)
        return 0;
    size_t cap = t->cap ? t->cap : 1 << 16;
    while (cap < t->len + more)
        cap *= 2;
    unsigned char *p = realloc(t->text, cap);
    if (!p)
        return -1;
    t->text = p;
    t->cap = cap;
    return 0;
}

static int grow_entries(search_texts *t)
{
    if (t->n + 2 <= t->cap_n)
        return 0;
    size_t cap = t->cap_n ? t->cap_n * 2 : 1024;
    int64_t *id = realloc(t->id, cap * sizeof *id);
    if (id)
        t->id = id;
    uint32_t *off = realloc(t->off, cap * sizeof *off);
    if (off)
        t->off = off;
    if (!id || !off)
        return -1;
    t->cap_n = cap;
    return 0;
}

/* The symbol of cp, given the next number when it is new; 0 when out of
 * memory or numbers. */
static uint32_t intern(search_texts *t, uint32_t cp)
{
    uint16_t **page = &t->page[cp >> PAGE_BITS];
    if (*page && (*page)[cp & 255])
        return (*page)[cp & 255];
    if (t->nsym == MAX_SYMBOLS)
        return 0;
    if (!*page && !(*page = calloc(256, sizeof **page)))
        return 0;
    if ((t->nsym + 1) % 1024 == 0 || !t->df) {
        size_t cap = (t->nsym + 1) / 1024 * 1024 + 1024;
        uint32_t *df = realloc(t->df, cap * sizeof *df);
        if (df)
            t->df = df;
        uint32_t *last = realloc(t->last, cap * sizeof *last);
        if (last)
            t->last = last;
        if (!df || !last)
            return 0;
    }
    uint32_t s = ++t->nsym;
    t->df[s] = t->last[s] = 0;
    (*page)[cp & 255] = (uint16_t)s;
    return s;
}

/* Appends one column of entry e; -1 when out of memory or symbols. */
static int add_column(search_texts *t, uint32_t e, const char *s, size_t len)
{
    if (!len)
        return 0;
    if (len > (UINT32_MAX - t->len) / 4 || grow_text(t, 3 * len + 1))
        return -1;
    unsigned char *out = t->text + t->len;
    if (t->len > t->off[e])
        *out++ = 0;
    for (size_t i = 0, k; i < len; i += k) {
        uint32_t cp = next_cp(s + i, len - i, &k);
        const uint16_t *page = t->page[cp >> PAGE_BITS];
        uint32_t sym = page ? page[cp & 255] : 0;
        if (!sym && !(sym = intern(t, cp)))
            return -1;
        if (t->last[sym] != e + 1) {
            t->last[sym] = e + 1;
            t->df[sym]++;
        }
        if (sym < 0x80)
            *out++ = (unsigned char)sym;
        else
            out += encode(sym, out);
    }
    t->len = (size_t)(out - t->text);
    return 0;
}

/* Appends one row: its id and its five columns. */
static int add_row(search_texts *t, sqlite3_stmt *stmt)
{
    if (grow_entries(t))
        return -1;
    uint32_t e = (uint32_t)t->n;
    t->id[e] = sqlite3_column_int64(stmt, 0);
    t->off[e] = (uint32_t)t->len;
    for (int c = 1; c <= 5; c++)
        if (add_column(t, e, (const char *)sqlite3_column_text(stmt, c),
                       (size_t)sqlite3_column_bytes(stmt, c)))
            return -1;
    t->n++;
    t->off[t->n] = (uint32_t)t->len;
    return 0;
}

static int is_bitmap(const search_texts *t, uint32_t s)
{
    return (uint64_t)t->df[s] * 32 > t->n;
}

/* Builds the posting lists from the text (t->last is reused: 0 for a
 * bitmap's symbol, else 1 + the entries listed so far). */
static int build_postings(search_texts *t)
{
    size_t narray = 0, nbits = 0;
    t->start = malloc((t->nsym + 1) * sizeof *t->start);
    if (!t->start)
        return -1;
    for (uint32_t s = 1; s <= t->nsym; s++) {
        t->start[s] = (uint32_t)(is_bitmap(t, s) ? nbits++ : narray);
        narray += is_bitmap(t, s) ? 0 : t->df[s];
        t->last[s] = !is_bitmap(t, s);
    }
    t->words = (t->n + 63) / 64;
    t->arrays = malloc((narray ? narray : 1) * sizeof *t->arrays);
    t->bits = calloc(nbits ? nbits * t->words : 1, sizeof *t->bits);
    if (!t->arrays || !t->bits)
        return -1;
    const unsigned char *text = t->text;
    for (uint32_t e = 0; e < t->n; e++) {
        uint64_t bit = (uint64_t)1 << (e % 64);
        uint64_t *bw = t->bits + e / 64;
        for (size_t i = t->off[e], end = t->off[e + 1], k; i < end; i += k) {
            uint32_t s = text[i] < 0x80 ? (k = 1, text[i]) : decode(text + i, &k);
            if (!s)
                continue;
            uint32_t *a = t->arrays + t->start[s], m = t->last[s];
            if (!m)
                bw[t->start[s] * t->words] |= bit;
            else if (m == 1 || a[m - 2] != e)
                a[t->last[s]++ - 1] = e;
        }
    }
    free(t->last);
    t->last = NULL;
    return 0;
}

/* Gives back what the load's doubling left unused. */
static void shrink(search_texts *t)
{
    unsigned char *text = realloc(t->text, t->len ? t->len : 1);
    if (text)
        t->text = text;
}

/* Reads up to rows rows (0: all) after t->next_id; *more is set when
 * there may be more. */
static int read_rows(store *st, search_texts *t, size_t rows, int *more, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "SELECT id, c0, c1, c2, c3, c4 FROM node_fts_content WHERE id > ?1"
                   " ORDER BY id LIMIT ?2",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, t->next_id);
    sqlite3_bind_int64(stmt, 2, rows ? (sqlite3_int64)rows : -1);
    size_t got = 0;
    int rc, full = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && !(full = add_row(t, stmt))) {
        t->next_id = sqlite3_column_int64(stmt, 0);
        got++;
    }
    if (full)
        rc = t->nsym == MAX_SYMBOLS
                 ? duban_fail(err, DUBAN_EINVAL, "search: more than %u characters", MAX_SYMBOLS)
                 : duban_fail(err, DUBAN_ENOMEM, "out of memory");
    else if (rc != SQLITE_DONE)
        rc = db_fail(st, err, DUBAN_EDB, "search");
    else
        rc = DUBAN_OK;
    sqlite3_finalize(stmt);
    *more = rows && got == rows;
    return rc;
}

int search_texts_load_step(store *st, search_texts **t, size_t rows, int *done, duban_error *err)
{
    *done = 0;
    if (!*t) {
        if (!(*t = calloc(1, sizeof **t)))
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        (*t)->next_id = INT64_MIN;
    }
    if ((*t)->complete) {
        *done = 1;
        return DUBAN_OK;
    }
    int more = 0;
    int rc = read_rows(st, *t, rows, &more, err);
    if (!rc && !more) {
        if (grow_entries(*t) || build_postings(*t))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
        else {
            if (!(*t)->n)
                (*t)->off[0] = 0;
            shrink(*t);
            (*t)->complete = *done = 1;
        }
    }
    if (rc) {
        search_texts_free(*t);
        *t = NULL;
    }
    return rc;
}

int search_texts_load(store *st, search_texts **out, duban_error *err)
{
    *out = NULL;
    int done;
    return search_texts_load_step(st, out, 0, &done, err);
}

int search_texts_complete(const search_texts *t)
{
    return t && t->complete;
}

/* ---- finding ------------------------------------------------------------ */

static int push(id_list *out, size_t *cap, int64_t id)
{
    if (out->n == *cap) {
        size_t c = *cap ? *cap * 2 : 256;
        int64_t *v = realloc(out->v, c * sizeof *v);
        if (!v)
            return -1;
        out->v = v;
        *cap = c;
    }
    out->v[out->n++] = id;
    return 0;
}

/* Does entry e hold the two-symbol words of w side by side? */
static int has_pairs(const search_texts *t, uint32_t e, const word *w, int n)
{
    const unsigned char *s = t->text + t->off[e], *end = t->text + t->off[e + 1];
    for (int i = 0; i < n; i++) {
        if (w[i].nsym < 2)
            continue;
        const unsigned char *p = s;
        while ((p = memchr(p, w[i].s[0], (size_t)(end - p))) &&
               ((size_t)(end - p) < w[i].len || memcmp(p, w[i].s, w[i].len)))
            p++;
        if (!p)
            return 0;
    }
    return 1;
}

typedef struct finder {
    const search_texts *t;
    const word *w;
    int nw;
    uint32_t sym[2 * MAX_WORDS]; /* distinct, fewest entries first */
    size_t cur[2 * MAX_WORDS];   /* arrays: the cursor of a walk in entry order */
    int ns;
    id_list *out;
    size_t cap;
} finder;

/* Is entry e (entries come in increasing order) in symbol k's list? */
static int holds(finder *f, int k, uint32_t e)
{
    const search_texts *t = f->t;
    uint32_t s = f->sym[k];
    if (is_bitmap(t, s))
        return (int)(t->bits[t->start[s] * t->words + e / 64] >> (e % 64) & 1);
    const uint32_t *a = t->arrays + t->start[s];
    while (f->cur[k] < t->df[s] && a[f->cur[k]] < e)
        f->cur[k]++;
    return f->cur[k] < t->df[s] && a[f->cur[k]] == e;
}

/* Adds entry e's id when it holds every symbol and pair; -1 when out of
 * memory. */
static int keep(finder *f, uint32_t e)
{
    for (int k = 1; k < f->ns; k++)
        if (!holds(f, k, e))
            return 0;
    if (!has_pairs(f->t, e, f->w, f->nw))
        return 0;
    return push(f->out, &f->cap, f->t->id[e]);
}

/* Walks the first symbol's list; -1 when out of memory. */
static int walk(finder *f)
{
    const search_texts *t = f->t;
    uint32_t s = f->sym[0];
    if (!is_bitmap(t, s)) {
        const uint32_t *a = t->arrays + t->start[s];
        for (uint32_t i = 0; i < t->df[s]; i++)
            if (keep(f, a[i]) < 0)
                return -1;
        return 0;
    }
    /* all bitmaps (the first is the shortest): AND them word by word */
    for (size_t wi = 0; wi < t->words; wi++) {
        uint64_t m = ~(uint64_t)0;
        for (int k = 0; k < f->ns && m; k++)
            m &= t->bits[t->start[f->sym[k]] * t->words + wi];
        for (; m; m &= m - 1) {
            uint32_t e = (uint32_t)(wi * 64 + (size_t)__builtin_ctzll(m));
            if (has_pairs(t, e, f->w, f->nw) && push(f->out, &f->cap, t->id[e]))
                return -1;
        }
    }
    return 0;
}

/* Fills f->sym with the words' symbols; 0 when a character is in no text. */
static int symbols(finder *f, word *w, int n)
{
    const search_texts *t = f->t;
    f->ns = 0;
    for (int i = 0; i < n; i++) {
        w[i].len = 0;
        for (size_t j = 0; j < w[i].nsym; j++) {
            uint32_t s = symbol_of(t, w[i].sym[j]);
            if (!s)
                return 0;
            w[i].len += encode(s, w[i].s + w[i].len);
            int k = 0;
            while (k < f->ns && f->sym[k] != s)
                k++;
            if (k == f->ns)
                f->sym[f->ns++] = s;
        }
    }
    for (int i = 1; i < f->ns; i++) /* insertion sort by entry count */
        for (int k = i; k > 0 && t->df[f->sym[k]] < t->df[f->sym[k - 1]]; k--) {
            uint32_t x = f->sym[k];
            f->sym[k] = f->sym[k - 1];
            f->sym[k - 1] = x;
        }
    return 1;
}

int search_texts_find(const search_texts *t, const char *text, id_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    word w[MAX_WORDS];
    int n = split_short(text, w);
    if (n <= 0 || !t->complete)
        return duban_fail(err, DUBAN_EINVAL, "search: not a short-word search, or not loaded");
    finder f = {.t = t, .w = w, .nw = n, .out = out};
    if (!symbols(&f, w, n))
        return DUBAN_OK;
    if (walk(&f)) {
        id_list_free(out);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    return DUBAN_OK;
}

void search_texts_free(search_texts *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < PAGES; i++)
        free(t->page[i]);
    free(t->text);
    free(t->off);
    free(t->id);
    free(t->df);
    free(t->last);
    free(t->start);
    free(t->arrays);
    free(t->bits);
    free(t);
}
