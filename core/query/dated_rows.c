/* dated_rows.c - reading the rows of the overdue and due-soon lists (see
 * dated_rows.h). */
#include "query/dated_rows.h"

#include "store/store_internal.h"
#include "base/list.h"
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A parent p seen: whether p and its parent g count (neither cancelled
 * nor removed; a missing node counts), and their area columns (0 and ""
 * when missing). */
struct dated_parent {
    int64_t id;
    int set;
    int active;
    int p_seq, g_seq;
    char *p_title, *g_title;
};

/* clang-format off */
static const char parent_sql[] =
    "SELECT coalesce(p.state, '') = '' AND coalesce(g.state, '') = '', p.seq, p.title, g.seq, g.title"
    " FROM node p LEFT JOIN node g ON g.id = p.parent_id WHERE p.id = ?1";
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
static int days_of(dated_reader *rd, const char *date)
{
    if (strcmp(date, rd->last)) {
        long d;
        rd->last_days = ymd_day(date, &d) ? 0 : (int)(rd->sign * (rd->today - d));
        snprintf(rd->last, sizeof rd->last, "%s", date);
    }
    return rd->last_days;
}

/* "00001.00074.00001" as a number of the same order: each five-digit
 * part plus one in 17 bits, a missing part 0 (a shorter key first); 0
 * for a key of another form. */
static uint64_t pack_key(const char *k, int len)
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
        free(rd->tab[i].p_title);
        free(rd->tab[i].g_title);
    }
    free(rd->tab);
    if (rd->up)
        sqlite3_finalize(rd->up);
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

/* Reads parent id into *e (a free slot). */
static int look_up(dated_reader *rd, int64_t id, dated_parent *e, duban_error *err)
{
    if (!rd->up && db_prepare(rd->st, parent_sql, &rd->up, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(rd->up, 1, id);
    int rc = sqlite3_step(rd->up);
    e->active = 1;
    if (rc == SQLITE_ROW) {
        e->active = sqlite3_column_int(rd->up, 0);
        e->p_seq = sqlite3_column_int(rd->up, 1);
        e->g_seq = sqlite3_column_int(rd->up, 3);
        if (rd->area) {
            e->p_title = db_text(rd->up, 2);
            e->g_title = db_text(rd->up, 4);
        }
    }
    sqlite3_reset(rd->up);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(rd->st, err, DUBAN_EDB, "cannot read an item's parent");
    if (rd->area && (!e->p_title || !e->g_title) && rc == SQLITE_ROW)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    e->id = id;
    e->set = 1;
    rd->used++;
    return DUBAN_OK;
}

/* The parent of the row at s, read once: *out, or NULL for a row without
 * one. */
static int parent_of(dated_reader *rd, sqlite3_stmt *s, const dated_parent **out, duban_error *err)
{
    *out = NULL;
    if (sqlite3_column_type(s, 9) == SQLITE_NULL)
        return DUBAN_OK;
    int64_t id = sqlite3_column_int64(s, 9);
    if (grow(rd))
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    dated_parent *e = &rd->tab[slot_of(rd, id)];
    if (!e->set) {
        int rc = look_up(rd, id, e, err);
        if (rc) {
            free(e->p_title);
            free(e->g_title);
            memset(e, 0, sizeof *e);
            return rc;
        }
    }
    *out = e;
    return DUBAN_OK;
}

/* The row's area columns: the node itself at depth 1, p at 2, g below
 * ("" and 0 without them, or when rd does not fill them). */
static const char *area_of(const dated_reader *rd, sqlite3_stmt *s, const dated_parent *p, int *seq)
{
    int depth = sqlite3_column_int(s, 10);
    *seq = 0;
    if (!rd->area)
        return "";
    if (depth == 1) {
        *seq = sqlite3_column_int(s, 14);
        const char *t = (const char *)sqlite3_column_text(s, 2);
        return t ? t : "";
    }
    if (!p)
        return "";
    *seq = depth == 2 ? p->p_seq : p->g_seq;
    const char *t = depth == 2 ? p->p_title : p->g_title;
    return t ? t : "";
}

enum { T_TITLE, T_PHRASE, T_WORD, T_UNIT, T_LEADER, T_AREA, T_KEY, T_COUNT };

/* The row's texts, in one allocation: title first (it owns the block),
 * the others after it. */
static int read_texts(const dated_reader *rd, sqlite3_stmt *s, const dated_parent *p, dated_row *d)
{
    static const int col[T_COUNT] = {2, 3, 4, 8, 11, -1, 12};
    const char *t[T_COUNT];
    size_t len[T_COUNT], total = 0;
    for (int i = 0; i < T_COUNT; i++) {
        if (col[i] < 0)
            t[i] = area_of(rd, s, p, &d->r.area_seq);
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
    char **dst[T_COUNT] = {&d->r.title,  &d->r.phrase,     &d->r.word,  &d->r.unit,
                           &d->r.leader, &d->r.area_title, &d->sort_key};
    for (int i = 0; i < T_COUNT; i++) {
        memcpy(q, t[i], len[i] + 1);
        *dst[i] = q;
        q += len[i] + 1;
    }
    d->skey = pack_key(d->sort_key, (int)len[T_KEY]);
    return DUBAN_OK;
}

static int read_row(dated_reader *rd, sqlite3_stmt *s, const dated_parent *p, dated_row *d)
{
    overdue_row *r = &d->r;
    memset(d, 0, sizeof *d);
    if (read_texts(rd, s, p, d))
        return DUBAN_ENOMEM;
    r->node_id = sqlite3_column_int64(s, 0);
    db_text_into(s, 1, r->ref, sizeof r->ref);
    db_text_into(s, 6, r->due, sizeof r->due);
    if (*r->due) { /* the extension is in force; the due date it replaced */
        d->extended = 1;
        db_text_into(s, 5, r->original_due, sizeof r->original_due);
    } else
        db_text_into(s, 5, r->due, sizeof r->due);
    r->days_late = days_of(rd, r->due);
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
        const dated_parent *p;
        if ((fail = parent_of(rd, stmt, &p, err)))
            break;
        if (p && !p->active)
            continue;
        if (ARRAY_GROW(*rows, *cap, *n + 1) || read_row(rd, stmt, p, &(*rows)[*n])) {
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
