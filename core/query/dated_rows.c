/* dated_rows.c - reading the rows of the overdue and due-soon lists (see
 * dated_rows.h). */
#include "query/dated_rows.h"

#include "store/store_internal.h"
#include "base/list.h"
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A node above the rows (a parent, or a parent's parent), read once:
 * whether it is cancelled or removed, its area columns and its parent. */
struct dated_parent {
    int64_t id;
    int set;     /* the slot is used */
    int read;    /* asked for (one not found counts and has no area) */
    int dead;    /* cancelled or removed */
    int seq;     /* area seq */
    char *title; /* area title (rd->area), NULL when not read */
    int64_t up;  /* its parent, 0: none */
};

/* clang-format off */
/* ?1 a JSON array of ids (ascending): the nodes in one statement. */
static const char nodes_sql[] =
    "SELECT id, state <> '', seq, title, coalesce(parent_id, 0) FROM node"
    " WHERE id IN (SELECT value FROM json_each(?1))";
/* clang-format on */

void dated_reader_init(dated_reader *rd, store *st, int area, long today, int sign)
{
    memset(rd, 0, sizeof *rd);
    rd->st = st;
    rd->area = area;
    rd->today = today;
    rd->sign = sign;
    rd->last[0] = 1; /* matches no date */
}

/* The day number of "YYYY-MM-DD" as julianday() reads it (a day past the
 * month's end runs on into the next month); -1 for what is not such a
 * date (julianday() gives NULL). */
static int ymd_day(const char *s, long *day)
{
    int v[3] = {0, 0, 0}, len[3] = {4, 2, 2};
    for (int k = 0, i = 0; k < 3; k++) {
        for (int j = 0; j < len[k]; j++, i++) {
            if (s[i] < '0' || s[i] > '9')
                return -1;
            v[k] = v[k] * 10 + (s[i] - '0');
        }
        if (s[i++] != (k < 2 ? '-' : '\0'))
            return -1;
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
        return -1;
    *day = date_from_ymd(v[0], v[1], v[2]);
    return 0;
}

/* CAST(julianday(today) - julianday(date) AS INTEGER) (times sign), 0
 * when date is not a date; the last date's answer is kept. */
int dated_reader_days(dated_reader *rd, const char *date)
{
    if (strcmp(date, rd->last)) {
        long d;
        rd->last_days = ymd_day(date, &d) ? 0 : (int)(rd->sign * (rd->today - d));
        snprintf(rd->last, sizeof rd->last, "%s", date);
    }
    return rd->last_days;
}

uint64_t dated_pack_key(const char *k, int len)
{
    uint64_t v = 0;
    int parts = 0, i = 0;
    while (i < len) {
        if (parts == 3 || i + 5 > len)
            return 0;
        uint64_t seg = 0;
        for (int j = 0; j < 5; j++, i++) {
            if (k[i] < '0' || k[i] > '9')
                return 0;
            seg = seg * 10 + (uint64_t)(k[i] - '0');
        }
        v |= (seg + 1) << (17 * (2 - parts++));
        if (i < len && k[i++] != '.')
            return 0;
        if (i == len && k[i - 1] == '.')
            return 0;
    }
    return parts ? v : 0;
}

int dated_cmp_outline(const dated_row *x, const dated_row *y)
{
    if (x->skey && y->skey)
        return (x->skey > y->skey) - (x->skey < y->skey);
    return strcmp(x->sort_key, y->sort_key);
}

void dated_reader_free(dated_reader *rd)
{
    for (size_t i = 0; i < rd->cap; i++) {
        free(rd->tab[i].title);
    }
    free(rd->tab);
    memset(rd, 0, sizeof *rd);
}

static size_t slot_of(const dated_reader *rd, int64_t id)
{
    uint64_t h = (uint64_t)id * 0x9E3779B97F4A7C15u;
    size_t i = (size_t)(h >> 32) & (rd->cap - 1);
    while (rd->tab[i].set && rd->tab[i].id != id)
        i = (i + 1) & (rd->cap - 1);
    return i;
}

/* Makes room for one more parent (the table at most half full). */
static int grow(dated_reader *rd)
{
    if (rd->cap && (rd->used + 1) * 2 <= rd->cap)
        return DUBAN_OK;
    size_t cap = rd->cap ? rd->cap * 2 : 64;
    dated_parent *old = rd->tab, *tab = calloc(cap, sizeof *tab);
    if (!tab)
        return DUBAN_ENOMEM;
    size_t old_cap = rd->cap;
    rd->tab = tab;
    rd->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].set)
            tab[slot_of(rd, old[i].id)] = old[i];
    free(old);
    return DUBAN_OK;
}

/* Notes node id in the table (to be read by dated_rows_finish()). */
static int note(dated_reader *rd, int64_t id)
{
    if (grow(rd))
        return DUBAN_ENOMEM;
    dated_parent *e = &rd->tab[slot_of(rd, id)];
    if (!e->set) {
        e->id = id;
        e->set = 1;
        rd->used++;
    }
    return DUBAN_OK;
}

/* Notes the row's parent (column 9); its id into *id (0: none). */
static int note_parent(dated_reader *rd, sqlite3_stmt *s, int64_t *id)
{
    *id = sqlite3_column_type(s, 9) == SQLITE_NULL ? 0 : sqlite3_column_int64(s, 9);
    return *id ? note(rd, *id) : DUBAN_OK;
}

/* The row's area title as far as the row itself tells: its own title at
 * depth 1 (dated_rows_finish() gives the others theirs). */
static const char *own_area(const dated_reader *rd, sqlite3_stmt *s, int *seq)
{
    *seq = 0;
    if (!rd->area || sqlite3_column_int(s, 10) != 1)
        return "";
    *seq = sqlite3_column_int(s, 14);
    const char *t = (const char *)sqlite3_column_text(s, 2);
    return t ? t : "";
}

enum { T_TITLE, T_PHRASE, T_WORD, T_UNIT, T_LEADER, T_KEY, T_AREA, T_COUNT };

/* The row's texts, in one allocation: title first (it owns the block),
 * the others after it, the area title last (dated_rows_finish() may put
 * another there). */
static int read_texts(const dated_reader *rd, sqlite3_stmt *s, dated_row *d)
{
    static const int col[T_COUNT] = {2, 3, 4, 8, 11, 12, -1};
    const char *t[T_COUNT];
    size_t len[T_COUNT], total = 0;
    for (int i = 0; i < T_COUNT; i++) {
        if (col[i] < 0)
            t[i] = own_area(rd, s, &d->r.area_seq);
        else
            t[i] = (const char *)sqlite3_column_text(s, col[i]);
        if (!t[i])
            t[i] = "";
        len[i] = strlen(t[i]);
        total += len[i] + 1;
    }
    char *b = malloc(total), *q = b;
    if (!b)
        return DUBAN_ENOMEM;
    char **dst[T_COUNT] = {&d->r.title,  &d->r.phrase, &d->r.word,      &d->r.unit,
                           &d->r.leader, &d->sort_key, &d->r.area_title};
    for (int i = 0; i < T_COUNT; i++) {
        memcpy(q, t[i], len[i] + 1);
        *dst[i] = q;
        q += len[i] + 1;
    }
    d->skey = dated_pack_key(d->sort_key, (int)len[T_KEY]);
    return DUBAN_OK;
}

int dated_reader_due(dated_reader *rd, sqlite3_stmt *s, char due[DATE_LEN], char original[DATE_LEN],
                     int *extended)
{
    db_text_into(s, 6, due, DATE_LEN);
    *extended = *due != '\0';
    if (*extended) /* the extension is in force; the due date it replaced */
        db_text_into(s, 5, original, DATE_LEN);
    else {
        db_text_into(s, 5, due, DATE_LEN);
        *original = '\0';
    }
    return dated_reader_days(rd, due);
}

static int read_row(dated_reader *rd, sqlite3_stmt *s, int64_t parent, dated_row *d)
{
    overdue_row *r = &d->r;
    memset(d, 0, sizeof *d);
    if (read_texts(rd, s, d))
        return DUBAN_ENOMEM;
    d->parent = parent;
    d->depth = sqlite3_column_int(s, 10);
    r->node_id = sqlite3_column_int64(s, 0);
    db_text_into(s, 1, r->ref, sizeof r->ref);
    r->days_late = dated_reader_due(rd, s, r->due, r->original_due, &d->extended);
    db_text_into(s, 7, r->status, sizeof r->status);
    d->mseq = sqlite3_column_int(s, 13);
    return DUBAN_OK;
}

void dated_row_free(dated_row *d)
{
    free(d->r.title); /* the block of all its texts */
}

void dated_rows_free(dated_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dated_row_free(&rows[i]);
    free(rows);
}

int dated_rows_collect(dated_reader *rd, sqlite3_stmt *stmt, const char *what, dated_row **rows,
                       size_t *n, size_t *cap, duban_error *err)
{
    int rc, fail = DUBAN_OK;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int64_t parent;
        if (note_parent(rd, stmt, &parent)) {
            fail = duban_fail(err, DUBAN_ENOMEM, "out of memory");
            break;
        }
        if (ARRAY_GROW(*rows, *cap, *n + 1) || read_row(rd, stmt, parent, &(*rows)[*n])) {
            if (*n < *cap)
                dated_row_free(&(*rows)[*n]);
            fail = duban_fail(err, DUBAN_ENOMEM, "out of memory");
            break;
        }
        (*n)++;
    }
    sqlite3_finalize(stmt);
    if (fail)
        return fail;
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(rd->st, err, DUBAN_EDB, what);
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The noted nodes not yet read, ascending, as a JSON array into *json;
 * *count of them. */
static int unread_ids(const dated_reader *rd, strbuf *json, size_t *count)
{
    int64_t *ids = malloc((rd->used ? rd->used : 1) * sizeof *ids);
    size_t n = 0;
    if (!ids)
        return DUBAN_ENOMEM;
    for (size_t i = 0; i < rd->cap; i++)
        if (rd->tab[i].set && !rd->tab[i].read)
            ids[n++] = rd->tab[i].id;
    qsort(ids, n, sizeof *ids, cmp_id);
    int rc = strbuf_appendc(json, '[');
    for (size_t i = 0; !rc && i < n; i++) {
        char buf[24], *q = buf + sizeof buf;
        uint64_t v = ids[i] < 0 ? 0u - (uint64_t)ids[i] : (uint64_t)ids[i];
        do
            *--q = (char)('0' + v % 10);
        while ((v /= 10));
        if (ids[i] < 0)
            *--q = '-';
        if (i)
            *--q = ',';
        rc = strbuf_appendn(json, q, (size_t)(buf + sizeof buf - q));
    }
    free(ids);
    *count = n;
    return rc | strbuf_appendc(json, ']');
}

/* Reads the noted nodes not yet read with s (one run), noting their
 * parents; *count: how many were asked. */
static int read_nodes(dated_reader *rd, sqlite3_stmt *s, size_t *count, duban_error *err)
{
    strbuf json = {0};
    if (unread_ids(rd, &json, count)) {
        strbuf_free(&json);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    /* every asked node counts as read, found or not */
    for (size_t i = 0; i < rd->cap; i++)
        rd->tab[i].read |= rd->tab[i].set;
    sqlite3_bind_text(s, 1, strbuf_str(&json), -1, SQLITE_STATIC);
    int step, rc = DUBAN_OK;
    while (!rc && *count && (step = sqlite3_step(s)) == SQLITE_ROW) {
        dated_parent *e = &rd->tab[slot_of(rd, sqlite3_column_int64(s, 0))];
        e->dead = sqlite3_column_int(s, 1);
        e->seq = sqlite3_column_int(s, 2);
        e->up = sqlite3_column_int64(s, 4);
        if (rd->area && !e->title && !(e->title = db_text(s, 3)))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc && *count && step != SQLITE_DONE)
        rc = db_fail(rd->st, err, DUBAN_EDB, "cannot read the items' parents");
    sqlite3_reset(s);
    strbuf_free(&json);
    return rc;
}

/* Reads the rows' parents, then their parents (the areas of sub-items:
 * few), each node once, in two runs of one statement. */
static int read_parents(dated_reader *rd, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(rd->st, nodes_sql, &s, err))
        return DUBAN_EDB;
    size_t count, k = 0;
    int rc = read_nodes(rd, s, &count, err);
    int64_t *up = rc ? NULL : malloc((rd->used ? rd->used : 1) * sizeof *up);
    if (!rc && !up)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < rd->cap; i++)
        if (rd->tab[i].set && rd->tab[i].up)
            up[k++] = rd->tab[i].up;
    for (size_t i = 0; !rc && i < k; i++) /* noting may grow the table: not while walking it */
        if (note(rd, up[i]))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    free(up);
    if (!rc)
        rc = read_nodes(rd, s, &count, err);
    sqlite3_finalize(s);
    return rc;
}

/* Puts text as d's area title: at the end of its block, made longer. */
static int set_area(dated_row *d, const char *text)
{
    size_t len = strlen(text);
    if (!len)
        return DUBAN_OK;
    char *old = d->r.title;
    size_t at = (size_t)(d->r.area_title - old);
    size_t off[] = {(size_t)(d->r.phrase - old), (size_t)(d->r.word - old),
                    (size_t)(d->r.unit - old), (size_t)(d->r.leader - old),
                    (size_t)(d->sort_key - old)};
    char *b = realloc(old, at + len + 1);
    if (!b)
        return DUBAN_ENOMEM;
    memcpy(b + at, text, len + 1);
    d->r.title = b;
    d->r.phrase = b + off[0];
    d->r.word = b + off[1];
    d->r.unit = b + off[2];
    d->r.leader = b + off[3];
    d->sort_key = b + off[4];
    d->r.area_title = b + at;
    return DUBAN_OK;
}

int dated_reader_note(dated_reader *rd, int64_t parent)
{
    return parent ? note(rd, parent) : DUBAN_OK;
}

int dated_reader_resolve(dated_reader *rd, duban_error *err)
{
    return rd->used && read_parents(rd, err) ? DUBAN_EDB : DUBAN_OK;
}

int dated_reader_area(const dated_reader *rd, int64_t parent, int depth, int *seq,
                      const char **title)
{
    const dated_parent *p = parent ? &rd->tab[slot_of(rd, parent)] : NULL;
    const dated_parent *g = p && p->up ? &rd->tab[slot_of(rd, p->up)] : NULL;
    *seq = 0;
    *title = "";
    if ((p && p->dead) || (g && g->dead)) /* NODE_ACTIVE */
        return 0;
    const dated_parent *a = depth == 2 ? p : depth > 2 ? g : NULL; /* DATED_AREA */
    if (a) {
        *seq = a->seq;
        *title = a->title ? a->title : "";
    }
    return 1;
}

int dated_rows_finish(dated_reader *rd, dated_row *rows, size_t *n, duban_error *err)
{
    if (dated_reader_resolve(rd, err))
        return DUBAN_EDB;
    size_t k = 0;
    int rc = DUBAN_OK;
    for (size_t i = 0; i < *n; i++) {
        dated_row *d = &rows[i];
        int seq;
        const char *title;
        if (!dated_reader_area(rd, d->parent, d->depth, &seq, &title)) {
            dated_row_free(d);
            continue;
        }
        if (!rc && d->parent && rd->area && d->depth != 1) {
            d->r.area_seq = seq;
            if (set_area(d, title))
                rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
        }
        rows[k++] = *d;
    }
    *n = k;
    return rc;
}

int dated_rows_read(dated_reader *rd, sqlite3_stmt *stmts[2], const char *what, dated_row **rows,
                    size_t *n, duban_error *err)
{
    size_t cap = 0;
    int rc = DUBAN_OK;
    *rows = NULL;
    *n = 0;
    for (int i = 0; i < 2; i++)
        if (!rc)
            rc = dated_rows_collect(rd, stmts[i], what, rows, n, &cap, err);
        else
            sqlite3_finalize(stmts[i]);
    return rc ? rc : dated_rows_finish(rd, *rows, n, err);
}
