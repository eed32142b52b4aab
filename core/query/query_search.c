/* query_search.c - finding items by the words they contain.
 *
 * The text is split into words (spaces, tabs, the ideographic space); an
 * item matches when it contains every word in its title, body, notes,
 * unit or leader.  Everything is read from the FTS5 index and its copy of
 * the text, never from a node's row or its notes.  Words of three
 * characters or more are looked up in the trigram index (one MATCH of
 * all of them), so the cost follows the number of matches, not the plan.
 * Shorter words, which a trigram index cannot serve, are checked on the
 * index's copy of the text: of the index's matches when there are long
 * words too, else in one pass over it.  query_search() then looks each
 * match up in node_search (plan, state, place: a small index, in id
 * order) and sorts them into outline order. */
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

/* Does w hold an ASCII letter (whose case LIKE folds and instr() not)? */
static int has_ascii_letter(const word *w)
{
    for (size_t k = 0; k < w->len; k++)
        if ((w->s[k] | 0x20) >= 'a' && (w->s[k] | 0x20) <= 'z')
            return 1;
    return 0;
}

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

/* clang-format off */
/* One short word (?N) in any of the five columns of the index's copy of
 * the text: instr() for a word without ASCII letters, LIKE (which folds
 * ASCII case, as the trigram index does) for one with. */
#define SHORT_INSTR(c0, c1, c2, c3, c4)                                                            \
    " AND (instr(f." c0 ", ?%d) OR instr(f." c1 ", ?%d) OR instr(f." c2 ", ?%d)"                   \
    " OR instr(f." c3 ", ?%d) OR instr(f." c4 ", ?%d))"
#define SHORT_LIKE(c0, c1, c2, c3, c4)                                                             \
    " AND (f." c0 " LIKE ?%d ESCAPE '\\' OR f." c1 " LIKE ?%d ESCAPE '\\'"                         \
    " OR f." c2 " LIKE ?%d ESCAPE '\\' OR f." c3 " LIKE ?%d ESCAPE '\\'"                           \
    " OR f." c4 " LIKE ?%d ESCAPE '\\')"
/* clang-format on */

/* The matches' statement: each row f of the FTS5 index whose text holds
 * every word, its node id f.rowid (f.id without long words).  Long words
 * through the trigram lookup (?base, their expression); short ones, each
 * ?base+1 on, on the index's copy of the text (title, body, the notes not
 * deleted, unit, leader, as the triggers keep it; the notes are joined by
 * a space, which no word holds): on the lookup's matches, or with no long
 * word in one pass over that copy (the FTS5 content table: one row a
 * node, about half the bytes of node and note).  With outline, each match
 * joined to its entry of node_search (plan ?1, not removed) in the order
 * the index gives the matches (rowid: no temporary table of them), then
 * sorted into outline order. */
static int build_match_sql(const word *w, int n, int fts, int base, int outline, strbuf *sql)
{
    const char *from = fts ? "node_fts f" : "node_fts_content f", *key = fts ? "f.rowid" : "f.id";
    int rc = outline ? strbuf_printf(sql,
                                     "SELECT n.id FROM %s CROSS JOIN node n INDEXED BY node_search"
                                     " ON n.id = %s WHERE +n.plan_id = ?1 AND n.state <> 'removed'",
                                     from, key)
                     : strbuf_printf(sql, "SELECT %s FROM %s WHERE 1", key, from);
    if (!rc && fts)
        rc = strbuf_printf(sql, " AND node_fts MATCH ?%d", base);
    for (int i = 0, p = base; i < n && !rc; i++) {
        if (w[i].chars >= 3)
            continue;
        p++;
        int like = has_ascii_letter(&w[i]);
        if (fts)
            rc = strbuf_printf(sql,
                               like ? SHORT_LIKE("title", "body", "notes", "unit", "leader")
                                    : SHORT_INSTR("title", "body", "notes", "unit", "leader"),
                               p, p, p, p, p);
        else
            rc = strbuf_printf(sql,
                               like ? SHORT_LIKE("c0", "c1", "c2", "c3", "c4")
                                    : SHORT_INSTR("c0", "c1", "c2", "c3", "c4"),
                               p, p, p, p, p);
    }
    return rc;
}

/* Binds what build_match_sql() numbered from base: the FTS expression q
 * (bound even when empty and unused) and each short word. */
static int bind_match(sqlite3_stmt *stmt, const word *w, int n, const strbuf *q, int base)
{
    int rc = DUBAN_OK;
    sqlite3_bind_text(stmt, base, q->len ? strbuf_str(q) : "", -1, SQLITE_TRANSIENT);
    for (int i = 0, p = base; i < n && !rc; i++) {
        if (w[i].chars >= 3)
            continue;
        if (!has_ascii_letter(&w[i])) {
            sqlite3_bind_text(stmt, ++p, w[i].s, (int)w[i].len, SQLITE_TRANSIENT);
            continue;
        }
        strbuf pat = {0};
        if ((rc = like_pattern(&w[i], &pat)) == DUBAN_OK)
            sqlite3_bind_text(stmt, ++p, strbuf_str(&pat), -1, SQLITE_TRANSIENT);
        strbuf_free(&pat);
    }
    return rc;
}

/* The statement finding text's items, its words bound: the matches alone
 * (outline 0), or (outline 1) those of plan ?1 not removed, in outline
 * order, read from node_search.  *stmt is NULL when text holds no word;
 * DUBAN_EINVAL past MAX_WORDS words. */
static int match_statement(store *st, const char *text, int outline, sqlite3_stmt **stmt,
                           duban_error *err)
{
    *stmt = NULL;
    word w[MAX_WORDS];
    int n = split_words(text, w);
    if (n < 0)
        return duban_fail(err, DUBAN_EINVAL, "search: at most %d words", MAX_WORDS);
    if (!n)
        return DUBAN_OK;
    strbuf q = {0}, sql = {0};
    int base = outline ? 2 : 1;
    int rc = fts_expression(w, n, &q);
    rc = rc ? rc : build_match_sql(w, n, q.len > 0, base, outline, &sql);
    if (!rc && outline)
        rc = strbuf_append(&sql, " ORDER BY n.sort_key");
    if (rc) {
        strbuf_free(&q);
        strbuf_free(&sql);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    rc = db_prepare(st, strbuf_str(&sql), stmt, err) ? DUBAN_EDB : DUBAN_OK;
    strbuf_free(&sql);
    if (!rc && bind_match(*stmt, w, n, &q, base)) {
        sqlite3_finalize(*stmt);
        *stmt = NULL;
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    strbuf_free(&q);
    return rc;
}

int query_search(store *st, int64_t plan_id, const char *text, id_list *out, duban_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt;
    int rc = match_statement(st, text, 1, &stmt, err);
    if (rc || !stmt)
        return rc;
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(int64_t), (void **)&out->v, &out->n, db_read_int64,
                      db_release_nothing, err);
}

int query_search_candidates(store *st, int64_t plan_id, const char *text, id_list *out,
                            duban_error *err)
{
    (void)plan_id; /* the caller keeps the ids of its plan's outline */
    memset(out, 0, sizeof *out);
    sqlite3_stmt *stmt;
    int rc = match_statement(st, text, 0, &stmt, err);
    if (rc || !stmt)
        return rc;
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
