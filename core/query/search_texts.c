/* search_texts.c - short-word search over an in-memory copy of the text
 * (see search_texts.h).
 *
 * Each node's five columns sit in one block as "c0\0c1\0c2\0c3\0c4\0",
 * ASCII letters folded; entry i spans off[i] .. off[i + 1].  Each entry
 * also keeps a 256-bit signature of its code points: an entry lacking a
 * bit of the words' signature cannot match and is skipped unscanned; the
 * others are scanned with memmem() for every word (a word holds no NUL,
 * so a hit never spans two columns).  Folding both sides' ASCII letters
 * gives LIKE's matches for words with ASCII letters, and instr()'s for
 * words without (a byte of such a word never equals a letter), which are
 * what query_search() and query_search_candidates() use. */
#define _GNU_SOURCE /* memmem */
#include "query/search_texts.h"

#include "store/store_internal.h"
#include "text/textmatch.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 16

struct search_texts {
    char *text;
    size_t len, cap;
    int64_t *id;
    size_t *off;        /* n + 1 offsets */
    uint64_t (*sig)[4]; /* per entry: a bit per hashed code point held */
    size_t n, cap_n;
};

/* The bit of a code point in a 256-bit signature. */
static unsigned sig_bit(uint32_t cp)
{
    return (unsigned)((cp * 2654435761u) >> 24);
}

/* Adds the code points of s[0..len) to sig; 0 when one is malformed. */
static int sig_add(uint64_t sig[4], const char *s, size_t len)
{
    int ok = 1;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        ok = ok && cp != UTF8_REPLACEMENT;
        unsigned b = sig_bit(cp);
        sig[b / 64] |= (uint64_t)1 << (b % 64);
        i += k ? k : 1;
    }
    return ok;
}

typedef struct word {
    char s[16]; /* folded; two code points of at most 4 bytes */
    size_t len;
} word;

static char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* The words of text, folded; -1 when one has 3 characters or more, or
 * there are none or more than MAX_WORDS. */
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
        size_t chars = 0;
        w[n].len = 0;
        while (i < len && !text_word_separator(text + i)) {
            uint32_t cp;
            size_t k = utf8_decode(text + i, len - i, &cp);
            k = k ? k : 1;
            if (++chars > 2 || w[n].len + k > sizeof w[n].s)
                return -1;
            for (size_t j = 0; j < k; j++)
                w[n].s[w[n].len++] = fold(text[i + j]);
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

static int grow_text(search_texts *t, size_t more)
{
    if (t->len + more <= t->cap)
        return 0;
    size_t cap = t->cap ? t->cap : 1 << 16;
    while (cap < t->len + more)
        cap *= 2;
    char *p = realloc(t->text, cap);
    if (!p)
        return -1;
    t->text = p;
    t->cap = cap;
    return 0;
}

/* Appends one row: its id and its five columns. */
static int add_row(search_texts *t, sqlite3_stmt *stmt)
{
    if (t->n + 2 > t->cap_n) {
        size_t cap = t->cap_n ? t->cap_n * 2 : 1024;
        int64_t *id = realloc(t->id, cap * sizeof *id);
        if (id)
            t->id = id;
        size_t *off = realloc(t->off, cap * sizeof *off);
        if (off)
            t->off = off;
        uint64_t(*sig)[4] = realloc(t->sig, cap * sizeof *sig);
        if (sig)
            t->sig = sig;
        if (!id || !off || !sig)
            return -1;
        t->cap_n = cap;
    }
    t->id[t->n] = sqlite3_column_int64(stmt, 0);
    t->off[t->n] = t->len;
    for (int c = 1; c <= 5; c++) {
        const char *s = (const char *)sqlite3_column_text(stmt, c);
        size_t k = (size_t)sqlite3_column_bytes(stmt, c);
        if (grow_text(t, k + 1))
            return -1;
        for (size_t j = 0; s && j < k; j++)
            t->text[t->len + j] = fold(s[j]);
        t->len += s ? k : 0;
        t->text[t->len++] = '\0';
    }
    memset(t->sig[t->n], 0, sizeof t->sig[t->n]);
    sig_add(t->sig[t->n], t->text + t->off[t->n], t->len - t->off[t->n]);
    t->n++;
    t->off[t->n] = t->len;
    return 0;
}

int search_texts_load(store *st, search_texts **out, duban_error *err)
{
    *out = NULL;
    search_texts *t = calloc(1, sizeof *t);
    if (!t)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    sqlite3_stmt *stmt;
    if (db_prepare(st, "SELECT id, c0, c1, c2, c3, c4 FROM node_fts_content", &stmt, err)) {
        free(t);
        return DUBAN_EDB;
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        if (add_row(t, stmt)) {
            sqlite3_finalize(stmt);
            search_texts_free(t);
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        }
    if (rc != SQLITE_DONE) {
        rc = db_fail(st, err, DUBAN_EDB, "search");
        sqlite3_finalize(stmt);
        search_texts_free(t);
        return rc;
    }
    sqlite3_finalize(stmt);
    *out = t;
    return DUBAN_OK;
}

/* Does entry e hold every word? */
static int has_all(const search_texts *t, size_t e, const word *w, int n)
{
    const char *s = t->text + t->off[e];
    size_t len = t->off[e + 1] - t->off[e];
    for (int i = 0; i < n; i++)
        if (!memmem(s, len, w[i].s, w[i].len))
            return 0;
    return 1;
}

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

int search_texts_find(const search_texts *t, const char *text, id_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    word w[MAX_WORDS];
    int n = split_short(text, w);
    if (n <= 0)
        return duban_fail(err, DUBAN_EINVAL, "search: not a short-word search");
    uint64_t need[4] = {0};
    int usable = 1;
    for (int i = 0; i < n; i++)
        usable = sig_add(need, w[i].s, w[i].len) && usable;
    if (!usable) /* a malformed byte: no filter */
        memset(need, 0, sizeof need);
    size_t cap = 0;
    for (size_t e = 0; e < t->n; e++) {
        const uint64_t *g = t->sig[e];
        if ((g[0] & need[0]) != need[0] || (g[1] & need[1]) != need[1] ||
            (g[2] & need[2]) != need[2] || (g[3] & need[3]) != need[3])
            continue;
        if (has_all(t, e, w, n) && push(out, &cap, t->id[e])) {
            id_list_free(out);
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        }
    }
    return DUBAN_OK;
}

void search_texts_free(search_texts *t)
{
    if (!t)
        return;
    free(t->text);
    free(t->id);
    free(t->off);
    free(t->sig);
    free(t);
}
