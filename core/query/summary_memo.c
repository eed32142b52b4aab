/* summary_memo.c - the areas' numbers kept between counts (see
 * summary_memo.h).  The numbers are text, one line an area: its id, seq,
 * the statistics, the done items, the lights and the statuses, so a
 * database copied to another machine reads the same. */
#include "query/summary_memo.h"

#include "base/list.h"
#include "base/strbuf.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bump when what a count gives changes without the version changing. */
#define MEMO_FORMAT 1

/* clang-format off */
static const char get_sql[] =
    "SELECT numbers FROM area_summary_memo WHERE plan_id = ?1 AND memo_key = ?2";
static const char put_sql[] =
    "INSERT INTO area_summary_memo(plan_id, memo_key, numbers) VALUES (?1, ?2, ?3)"
    " ON CONFLICT(plan_id) DO UPDATE SET memo_key = excluded.memo_key,"
    " numbers = excluded.numbers";
/* clang-format on */

void summary_memo_key(store *st, long today, int warn_days, const light_rule *rule,
                      char key[SUMMARY_MEMO_KEY_LEN])
{
    light_rule def;
    if (!rule) {
        light_rule_default(&def);
        rule = &def;
    }
    const status_set *set = store_statuses(st);
    size_t n = (size_t)snprintf(key, SUMMARY_MEMO_KEY_LEN, "%d %s %ld %d %d", MEMO_FORMAT,
                                DUBAN_VERSION, today, warn_days, rule->warn_days);
    for (size_t i = 0; i < set->n && n < SUMMARY_MEMO_KEY_LEN; i++)
        n += (size_t)snprintf(key + n, SUMMARY_MEMO_KEY_LEN - n, " %s:%d:%d", set->v[i].key,
                              set->v[i].done, set->v[i].role);
    if (n >= SUMMARY_MEMO_KEY_LEN)
        key[0] = '\0'; /* too long to tell apart: no memo */
}

/* The next number of *p into *v; 0 when there is none. */
static int next_number(const char **p, long long *v)
{
    char *end;
    *v = strtoll(*p, &end, 10);
    if (end == *p)
        return 0;
    *p = end;
    return 1;
}

/* One area's line at *p into a (nstatus numbers of statuses). */
static int parse_area(const char **p, size_t nstatus, area_summary *a)
{
    long long v[8 + LIGHT_COUNT + STATUS_MAX];
    size_t want = 8 + LIGHT_COUNT + nstatus;
    for (size_t i = 0; i < want; i++)
        if (!next_number(p, &v[i]) || (i > 0 && (v[i] < 0 || v[i] > 0x7fffffff)))
            return 0;
    memset(a, 0, sizeof *a);
    a->stats = (area_stats){.area_id = v[0],
                            .seq = (int)v[1],
                            .total = (int)v[2],
                            .done = (int)v[3],
                            .overdue = (int)v[4],
                            .at_risk = (int)v[5],
                            .overdue_rows = (int)v[6]};
    a->ndone = (int)v[7];
    for (int c = 0; c < LIGHT_COUNT; c++)
        a->nlight[c] = (int)v[8 + c];
    for (size_t s = 0; s < nstatus; s++)
        a->nstatus[s] = (int)v[8 + LIGHT_COUNT + s];
    return **p == '\n';
}

static int parse_numbers(const char *p, size_t nstatus, area_summary_list *out)
{
    size_t cap = 0;
    while (*p) {
        if (ARRAY_GROW(out->v, cap, out->n + 1) || !parse_area(&p, nstatus, &out->v[out->n]))
            return 0;
        out->n++;
        p++; /* the line's end */
    }
    return 1;
}

int summary_memo_get(store *st, int64_t plan_id, const char *key, area_summary_list *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s;
    if (!*key || db_prepare_cached(st, get_sql, &s, NULL))
        return 0;
    sqlite3_bind_int64(s, 1, plan_id);
    sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
    int found = sqlite3_step(s) == SQLITE_ROW;
    const char *numbers = found ? (const char *)sqlite3_column_text(s, 0) : NULL;
    found = numbers && parse_numbers(numbers, store_statuses(st)->n, out);
    db_stmt_done(st, s);
    if (!found)
        area_summary_list_free(out);
    return found;
}

static int format_numbers(const area_summary_list *l, size_t nstatus, strbuf *sb)
{
    int rc = DUBAN_OK;
    for (size_t i = 0; !rc && i < l->n; i++) {
        const area_summary *a = &l->v[i];
        const area_stats *s = &a->stats;
        rc = strbuf_printf(sb, "%lld %d %d %d %d %d %d %d", (long long)s->area_id, s->seq, s->total,
                           s->done, s->overdue, s->at_risk, s->overdue_rows, a->ndone);
        for (int c = 0; !rc && c < LIGHT_COUNT; c++)
            rc = strbuf_printf(sb, " %d", a->nlight[c]);
        for (size_t k = 0; !rc && k < nstatus; k++)
            rc = strbuf_printf(sb, " %d", a->nstatus[k]);
        if (!rc)
            rc = strbuf_appendc(sb, '\n');
    }
    return rc;
}

void summary_memo_mark(store *st, memo_mark *m)
{
    m->changes = sqlite3_total_changes64(st->db);
    m->ok = st->keep_counts && !store_data_version(st, &m->data_version, NULL);
}

void summary_memo_put(store *st, int64_t plan_id, const char *key, const area_summary_list *l,
                      const memo_mark *m)
{
    if (!*key || !m->ok) /* m is not ok unless the store keeps counts */
        return;
    strbuf sb = {0};
    kept_count *k = calloc(1, sizeof *k);
    if (!k || format_numbers(l, store_statuses(st)->n, &sb) || !(k->key = duban_strdup(key))) {
        kept_count_free(k);
        strbuf_free(&sb);
        return;
    }
    k->plan_id = plan_id;
    k->numbers = strbuf_take(&sb);
    k->data_version = m->data_version;
    k->changes = m->changes;
    kept_count_free(st->pending);
    st->pending = k;
}

/* Whether nothing was written since k was counted: this connection's
 * rows (total changes) and others' commits (data_version, read inside
 * the write transaction, so no commit can come between). */
static int still_true(store *st, const kept_count *k)
{
    int64_t v;
    return sqlite3_total_changes64(st->db) == k->changes && !store_data_version(st, &v, NULL) &&
           v == k->data_version;
}

/* k in a commit of its own that does not sync the log. */
static void write_kept(store *st, const kept_count *k)
{
    sqlite3_stmt *s;
    if (db_undurable(st, 1, NULL))
        return;
    if (!db_exec(st, "BEGIN IMMEDIATE", NULL)) {
        int ok = still_true(st, k) && !db_prepare_cached(st, put_sql, &s, NULL);
        if (ok) {
            sqlite3_bind_int64(s, 1, k->plan_id);
            sqlite3_bind_text(s, 2, k->key, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 3, k->numbers, -1, SQLITE_STATIC);
            ok = sqlite3_step(s) == SQLITE_DONE;
            db_stmt_done(st, s);
        }
        if (!ok || db_exec(st, "COMMIT", NULL))
            db_exec(st, "ROLLBACK", NULL);
    }
    db_undurable(st, 0, NULL);
}

void query_keep_counts(store *st)
{
    kept_count *k = st->pending;
    st->pending = NULL;
    /* this connection wrote since the count (an edit): no write lock
     * for a count that cannot be kept */
    if (!k || st->readonly || !sqlite3_get_autocommit(st->db) ||
        sqlite3_total_changes64(st->db) != k->changes) {
        kept_count_free(k);
        return;
    }
    sqlite3_busy_handler(st->db, NULL, NULL); /* another program writes: keep nothing */
    write_kept(st, k);
    store_wait_again(st);
    kept_count_free(k);
}
