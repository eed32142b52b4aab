/* query_search.c - finding items by the words they contain.
 *
 * The text is split into words (spaces, tabs, the ideographic space); an
 * item matches when it contains every word in its title, body, notes,
 * unit or leader.  Words of three characters or more are looked up in the
 * FTS5 trigram index first (one MATCH of all of them), so the cost follows
 * the number of matches, not the plan.  Shorter words, which a trigram
 * index cannot serve, are checked with LIKE: on the index's matches
 * when there are long words too, else by one pass over the plan's rows
 * in table order (no per-row lookup into the index). */
#include "query/query.h"

#include "store/store_internal.h"
#include "base/strbuf.h"
#include "base/list.h"
#include "text/textmatch.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 16

typedef struct word {
    const char *s;
    size_t len;   /* bytes */
    size_t chars; /* code points */
} word;

/* Length in bytes of a separator at s (0: none): the one splitting the
 * front end's highlighting uses too. */
static size_t separator(const char *s)
{
    return text_word_separator(s);
}

/* Splits text into at most MAX_WORDS words; -1 when there are more. */
static int split_words(const char *text, word *w)
{
    int n = 0;
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        size_t sep = separator(text + i);
        if (sep) {
            i += sep;
            continue;
        }
        if (n == MAX_WORDS)
            return -1;
        w[n] = (word){text + i, 0, 0};
        while (i < len && !separator(text + i)) {
            uint32_t cp;
            size_t k = utf8_decode(text + i, len - i, &cp);
            i += k ? k : 1;
            w[n].len += k ? k : 1;
            w[n].chars++;
        }
        n++;
    }
    return n;
}

/* The FTS5 expression: each long word as a quoted phrase, all required. */
static int fts_expression(const word *w, int n, strbuf *q)
{
    int rc = DUBAN_OK;
    for (int i = 0; i < n && !rc; i++) {
        if (w[i].chars < 3)
            continue;
        rc = strbuf_append(q, q->len ? " AND \"" : "\"");
        for (size_t k = 0; k < w[i].len && !rc; k++)
            rc = w[i].s[k] == '"' ? strbuf_append(q, "\"\"") : strbuf_appendc(q, w[i].s[k]);
        if (!rc)
            rc = strbuf_appendc(q, '"');
    }
    return rc;
}

/* clang-format off */
/* One short word, parameter ?N a LIKE pattern: in any column or note of
 * the item (LIKE folds ASCII case, as the trigram index does). */
#define SHORT_WORD(notes)                                                                          \
    " AND (n.title LIKE ?%d ESCAPE '\\' OR n.body LIKE ?%d ESCAPE '\\'"                           \
    " OR n.unit LIKE ?%d ESCAPE '\\' OR n.leader LIKE ?%d ESCAPE '\\' OR " notes ")"
/* The notes: with long words, those of each match (note_by_node); else
 * one pass over the notes. */
#define NOTES_OF_MATCH                                                                             \
    "EXISTS (SELECT 1 FROM note t WHERE t.node_id = n.id AND t.state = ''"                      \
    " AND t.text LIKE ?%d ESCAPE '\\')"
#define NOTES_ALL                                                                                  \
    "n.id IN (SELECT t.node_id FROM note t WHERE t.state = '' AND t.text LIKE ?%d ESCAPE '\\')"
/* clang-format on */

/* The LIKE pattern of a short word: %word% with % _ and \ escaped. */
static int like_pattern(const word *w, strbuf *out)
{
    int rc = strbuf_appendc(out, '%');
    for (size_t k = 0; k < w->len && !rc; k++) {
        char ch = w->s[k];
        if (ch == '%' || ch == '_' || ch == '\\')
            rc = strbuf_appendc(out, '\\');
        if (!rc)
            rc = strbuf_appendc(out, ch);
    }
    return rc ? rc : strbuf_appendc(out, '%');
}

/* The statement: ?1 plan, ?2 the FTS expression (when there are long
 * words), then one parameter per short word.  "+n.plan_id" keeps SQLite
 * from walking the plan's index and probing the matches per row. */
static int build_sql(const word *w, int n, int fts, strbuf *sql, int *params)
{
    int rc = strbuf_append(sql, "SELECT n.id FROM node n WHERE +n.plan_id = ?1"
                                " AND n.state <> 'removed'");
    int p = 1;
    if (fts) {
        p++;
        rc = rc ? rc
                : strbuf_append(sql, " AND n.id IN (SELECT rowid FROM node_fts"
                                     " WHERE node_fts MATCH ?2)");
    }
    for (int i = 0; i < n && !rc; i++) {
        if (w[i].chars >= 3)
            continue;
        p++;
        rc = strbuf_printf(sql, fts ? SHORT_WORD(NOTES_OF_MATCH) : SHORT_WORD(NOTES_ALL), p, p, p,
                           p, p);
    }
    *params = p;
    return rc ? rc : strbuf_append(sql, " ORDER BY n.sort_key");
}

int query_search(store *st, int64_t plan_id, const char *text, id_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    word w[MAX_WORDS];
    int n = split_words(text, w);
    if (n < 0)
        return duban_fail(err, DUBAN_EINVAL, "search: at most %d words", MAX_WORDS);
    if (!n)
        return DUBAN_OK;
    strbuf q = {0}, sql = {0};
    int params = 0;
    if (fts_expression(w, n, &q) || build_sql(w, n, q.len > 0, &sql, &params)) {
        strbuf_free(&q);
        strbuf_free(&sql);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    sqlite3_stmt *stmt;
    int rc = db_prepare(st, strbuf_str(&sql), &stmt, err);
    strbuf_free(&sql);
    if (rc) {
        strbuf_free(&q);
        return DUBAN_EDB;
    }
    sqlite3_bind_int64(stmt, 1, plan_id);
    int p = 1;
    if (q.len)
        sqlite3_bind_text(stmt, ++p, strbuf_str(&q), -1, SQLITE_TRANSIENT);
    for (int i = 0; i < n && !rc; i++) {
        if (w[i].chars >= 3)
            continue;
        strbuf pat = {0};
        if ((rc = like_pattern(&w[i], &pat)) == DUBAN_OK)
            sqlite3_bind_text(stmt, ++p, strbuf_str(&pat), -1, SQLITE_TRANSIENT);
        strbuf_free(&pat);
    }
    strbuf_free(&q);
    if (rc) {
        sqlite3_finalize(stmt);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    return db_collect(st, stmt, sizeof(int64_t), (void **)&out->v, &out->n, db_read_int64,
                      db_release_nothing, err);
}

/* Does w hold an ASCII letter (whose case LIKE folds and instr() not)? */
static int has_ascii_letter(const word *w)
{
    for (size_t k = 0; k < w->len; k++)
        if ((w->s[k] | 0x20) >= 'a' && (w->s[k] | 0x20) <= 'z')
            return 1;
    return 0;
}

/* clang-format off */
/* One short word (?N) in any column of the index's own copy of the text
 * (title, body, notes, unit, leader; the notes are those not deleted, as
 * the triggers keep them). */
#define SHORT_IN_FTS(t, c0, c1, c2, c3, c4)                                                        \
    " AND (instr(" t "." c0 ", ?%d) OR instr(" t "." c1 ", ?%d) OR instr(" t "." c2 ", ?%d)"       \
    " OR instr(" t "." c3 ", ?%d) OR instr(" t "." c4 ", ?%d))"
/* clang-format on */

/* The candidates' statement: long words through the index (?1 their
 * expression), short ones with instr() on the index's matches, or, with
 * no long word, on one pass over the index's copy of the text (the FTS5
 * content table: one row a node, about half the bytes of node and note). */
static int build_candidates_sql(const word *w, int n, int fts, strbuf *sql)
{
    int rc = strbuf_append(sql, fts ? "SELECT f.rowid FROM node_fts f WHERE node_fts MATCH ?1"
                                    : "SELECT f.id FROM node_fts_content f WHERE 1");
    for (int i = 0, p = 1; i < n && !rc; i++) {
        if (w[i].chars >= 3)
            continue;
        p++;
        rc = fts ? strbuf_printf(sql, SHORT_IN_FTS("f", "title", "body", "notes", "unit", "leader"),
                                 p, p, p, p, p)
                 : strbuf_printf(sql, SHORT_IN_FTS("f", "c0", "c1", "c2", "c3", "c4"), p, p, p, p,
                                 p);
    }
    return rc;
}

int query_search_candidates(store *st, int64_t plan_id, const char *text, id_list *out,
                            duban_error *err)
{
    memset(out, 0, sizeof *out);
    word w[MAX_WORDS];
    int n = split_words(text, w), folds = n <= 0;
    for (int i = 0; i < n; i++)
        folds = folds || (w[i].chars < 3 && has_ascii_letter(&w[i]));
    if (folds)
        return query_search(st, plan_id, text, out, err); /* LIKE's case folding; errors */
    strbuf q = {0}, sql = {0};
    if (fts_expression(w, n, &q) || build_candidates_sql(w, n, q.len > 0, &sql)) {
        strbuf_free(&q);
        strbuf_free(&sql);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    sqlite3_stmt *stmt;
    int rc = db_prepare(st, strbuf_str(&sql), &stmt, err);
    strbuf_free(&sql);
    if (rc) {
        strbuf_free(&q);
        return DUBAN_EDB;
    }
    sqlite3_bind_text(stmt, 1, strbuf_str(&q), -1, SQLITE_TRANSIENT);
    strbuf_free(&q);
    for (int i = 0, p = 1; i < n; i++)
        if (w[i].chars < 3)
            sqlite3_bind_text(stmt, ++p, w[i].s, (int)w[i].len, SQLITE_TRANSIENT);
    return db_collect(st, stmt, sizeof(int64_t), (void **)&out->v, &out->n, db_read_int64,
                      db_release_nothing, err);
}

int query_outline_ids(store *st, int64_t plan_id, id_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st,
                   "SELECT id FROM node WHERE plan_id = ?1 AND state <> 'removed'"
                   " ORDER BY sort_key",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(int64_t), (void **)&out->v, &out->n, db_read_int64,
                      db_release_nothing, err);
}

DEFINE_FLAT_LIST_FREE(id_list)
