/* dated_list.c - the overdue and due-soon lists held compactly (see
 * dated_list.h): the statements of dated_rows.h read into fixed rows and
 * one string pool. */
#include "query/dated_list.h"

#include "plan/date.h"
#include "query/dated_rows.h"
#include "store/store_internal.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

/* A row's place in the outline while the list is read: its parent (0:
 * none) and depth, which give its area and whether it counts once the
 * parents are read (dated_rows.h). */
typedef struct row_up {
    int64_t parent;
    int depth;
} row_up;

/* What a list is sorted by; the sort keys live in their own pool, freed
 * once the rows are in order. */
typedef struct reading {
    dated_list *l;
    strpool keys;
    const id_list *keep; /* NULL: every row */
    int soon;            /* 1: nearest first; 0: most days late first */
    dated_reader rd;     /* the parents, and the days of a date */
    row_up *up;          /* one a row of l, while reading */
    size_t up_cap;
} reading;

/* Puts column col into the pool with put (strpool_intern or _add), cut
 * to size - 1 bytes as db_text_into would (size 0: whole). */
static int put_col(int (*put)(strpool *, const char *, uint32_t *), strpool *p, sqlite3_stmt *s,
                   int col, size_t size, uint32_t *off)
{
    const char *t = (const char *)sqlite3_column_text(s, col);
    size_t n = t ? (size_t)sqlite3_column_bytes(s, col) : 0;
    if (!size || n < size)
        return put(p, t, off);
    char buf[64]; /* size <= sizeof buf: REF_LEN, DATE_LEN, the status key */
    memcpy(buf, t, size - 1);
    buf[size - 1] = '\0';
    return put(p, buf, off);
}

static int intern_col(strpool *p, sqlite3_stmt *s, int col, size_t size, uint32_t *off)
{
    return put_col(strpool_intern, p, s, col, size, off);
}

/* The date in force (the extension, else the due date; the due date it
 * replaced as original_due) and its days, as dated_rows.c reads them. */
static int read_dates(reading *r, sqlite3_stmt *s, dated_item *d)
{
    strpool *p = &r->l->pool;
    char due[DATE_LEN], original[DATE_LEN];
    int extended;
    d->days = dated_reader_due(&r->rd, s, due, original, &extended);
    d->extended = (uint8_t)extended;
    return strpool_intern(p, due, &d->due) || strpool_intern(p, original, &d->original_due);
}

/* The columns of dated_rows.h into row *d and its place *u.  An item's
 * own row is the only one naming it in its statement: its ref and title
 * are appended, not interned (they never repeat there, and the intern
 * table would grow by two slots a row); a milestone's row shares its
 * item's texts with the item's other milestones.  An area's own row is
 * its area; the others' areas come with their parents. */
static int read_item(reading *r, sqlite3_stmt *s, dated_item *d, row_up *u)
{
    strpool *p = &r->l->pool;
    int mseq = sqlite3_column_int(s, 13);
    int (*put)(strpool *, const char *, uint32_t *) = mseq ? strpool_intern : strpool_add;
    memset(d, 0, sizeof *d);
    d->node_id = sqlite3_column_int64(s, 0);
    d->mseq = (int16_t)(mseq > INT16_MAX ? INT16_MAX : mseq < 0 ? 0 : mseq);
    u->parent = sqlite3_column_type(s, 9) == SQLITE_NULL ? 0 : sqlite3_column_int64(s, 9);
    u->depth = sqlite3_column_int(s, 10);
    int area = u->depth == 1;
    if (area)
        d->area_seq = sqlite3_column_int(s, 14);
    if (put_col(put, p, s, 1, REF_LEN, &d->ref) || put_col(put, p, s, 2, 0, &d->title) ||
        intern_col(p, s, 3, 0, &d->phrase) || intern_col(p, s, 4, 0, &d->word) ||
        read_dates(r, s, d) || intern_col(p, s, 7, 32, &d->status) ||
        intern_col(p, s, 8, 0, &d->unit) || intern_col(p, s, 11, 0, &d->leader) ||
        (area ? intern_col(p, s, 2, 0, &d->area_title) : strpool_intern(p, "", &d->area_title)) ||
        strpool_add(&r->keys, (const char *)sqlite3_column_text(s, 12), &d->sort_key) ||
        dated_reader_note(&r->rd, u->parent))
        return DUBAN_ENOMEM;
    return DUBAN_OK;
}

/* Empties l, keeping the rows' block (dated_list_reserve). */
static void clear(dated_list *l)
{
    l->n = 0;
    strpool_free(&l->pool);
}

int dated_list_reserve(dated_list *l, size_t rows)
{
    if (rows <= l->cap)
        return DUBAN_OK;
    clear(l);
    free(l->v); /* nothing to copy */
    l->cap = 0;
    if (!(l->v = malloc(rows * sizeof *l->v)))
        return DUBAN_ENOMEM;
    l->cap = rows;
    return DUBAN_OK;
}

/* Steps stmt to the end (then finalizes it), appending the rows kept. */
static int read_stmt(store *st, reading *r, sqlite3_stmt *stmt, const char *what, duban_error *err)
{
    dated_list *l = r->l;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (r->keep && !id_list_contains(r->keep, sqlite3_column_int64(stmt, 0)))
            continue;
        if (ARRAY_GROW(l->v, l->cap, l->n + 1) || ARRAY_GROW(r->up, r->up_cap, l->n + 1) ||
            read_item(r, stmt, &l->v[l->n], &r->up[l->n]))
            break;
        l->n++;
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE)
        return DUBAN_OK;
    return rc == SQLITE_ROW ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                            : db_fail(st, err, DUBAN_EDB, what);
}

/* The orders of query_overdue and query_due_soon: days late (most
 * first) or the date (nearest first), then outline order, the item
 * before its milestones.  No two rows tie. */
static int cmp(const reading *r, const dated_item *x, const dated_item *y)
{
    const dated_list *l = r->l;
    int c = r->soon ? strcmp(dated_text(l, x->due), dated_text(l, y->due))
                    : (x->days < y->days) - (x->days > y->days);
    if (!c)
        c = strcmp(strpool_str(&r->keys, x->sort_key), strpool_str(&r->keys, y->sort_key));
    return c ? c : (x->mseq > y->mseq) - (x->mseq < y->mseq);
}

static void swap(dated_item *a, dated_item *b)
{
    dated_item t = *a;
    *a = *b;
    *b = t;
}

/* Heap sort in place (qsort takes no context, and a merge would copy the
 * rows once more): O(n log n), no extra memory. */
static void sift(const reading *r, dated_item *v, size_t i, size_t n)
{
    for (size_t c; (c = 2 * i + 1) < n; i = c) {
        if (c + 1 < n && cmp(r, &v[c], &v[c + 1]) < 0)
            c++;
        if (cmp(r, &v[i], &v[c]) >= 0)
            return;
        swap(&v[i], &v[c]);
    }
}

static void sort_rows(const reading *r)
{
    dated_item *v = r->l->v;
    size_t n = r->l->n;
    for (size_t i = n / 2; i-- > 0;)
        sift(r, v, i, n);
    for (size_t k = n; k-- > 1;) {
        swap(&v[0], &v[k]);
        sift(r, v, 0, k);
    }
}

/* Leaves out the rows that do not count (a parent or grandparent
 * cancelled or removed) and gives the others their area, once the
 * parents are read. */
static int place_rows(reading *r, duban_error *err)
{
    dated_list *l = r->l;
    if (dated_reader_resolve(&r->rd, err))
        return DUBAN_EDB;
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        int seq;
        const char *title;
        if (!dated_reader_area(&r->rd, r->up[i].parent, r->up[i].depth, &seq, &title))
            continue;
        l->v[k] = l->v[i];
        if (r->up[i].parent && r->up[i].depth != 1) {
            l->v[k].area_seq = seq;
            if (strpool_intern(&l->pool, title, &l->v[k].area_title))
                return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        }
        k++;
    }
    l->n = k;
    return DUBAN_OK;
}

/* Reads both statements (each finalized here), keeping the rows of the
 * items in keep (NULL: every row), and sorts them. */
static int read_list(store *st, long today, const id_list *keep, int soon, sqlite3_stmt *stmts[2],
                     dated_list *out, duban_error *err)
{
    reading r = {out, {0}, keep, soon, {0}, NULL, 0};
    dated_reader_init(&r.rd, st, 1, today, soon ? -1 : 1);
    int rc = DUBAN_OK;
    const char *what = soon ? "cannot read the items due soon" : "cannot read the overdue items";
    for (int i = 0; i < 2; i++)
        if (!rc)
            rc = read_stmt(st, &r, stmts[i], what, err);
        else
            sqlite3_finalize(stmts[i]);
    if (!rc)
        rc = place_rows(&r, err);
    dated_reader_free(&r.rd);
    free(r.up);
    if (!rc && out->n > 1)
        sort_rows(&r);
    strpool_free(&r.keys);
    if (rc) {
        dated_list_free(out);
        return rc;
    }
    if (out->n < out->cap) { /* give back the array's slack */
        dated_item *v = realloc(out->v, (out->n ? out->n : 1) * sizeof *v);
        if (v) {
            out->v = v;
            out->cap = out->n ? out->n : 1;
        }
    }
    strpool_trim(&out->pool);
    return DUBAN_OK;
}

/* The matching items' ids when f is active (*keep then points to ids,
 * which the caller frees), else *keep NULL. */
static int filter_ids(store *st, int64_t plan_id, long today, const light_rule *rule,
                      const query_filter *f, id_list *ids, const id_list **keep, duban_error *err)
{
    memset(ids, 0, sizeof *ids);
    *keep = NULL;
    if (!query_filter_active(f))
        return DUBAN_OK;
    int rc = query_filter_ids(st, plan_id, today, rule, f, ids, err);
    if (!rc)
        *keep = ids;
    return rc;
}

int dated_list_overdue_of(store *st, int64_t plan_id, long today, const id_list *keep,
                          dated_list *out, duban_error *err)
{
    sqlite3_stmt *stmts[2];
    clear(out);
    int rc = overdue_statements(st, plan_id, today, stmts, err);
    return rc ? rc : read_list(st, today, keep, 0, stmts, out, err);
}

int dated_list_overdue(store *st, int64_t plan_id, long today, const light_rule *rule,
                       const query_filter *f, dated_list *out, duban_error *err)
{
    id_list ids;
    const id_list *keep;
    clear(out);
    int rc = filter_ids(st, plan_id, today, rule, f, &ids, &keep, err);
    if (!rc)
        rc = dated_list_overdue_of(st, plan_id, today, keep, out, err);
    id_list_free(&ids);
    return rc;
}

int dated_list_due_soon(store *st, int64_t plan_id, long today, int days, const light_rule *rule,
                        const query_filter *f, dated_list *out, duban_error *err)
{
    sqlite3_stmt *stmts[2];
    id_list ids;
    const id_list *keep;
    clear(out);
    int rc = filter_ids(st, plan_id, today, rule, f, &ids, &keep, err);
    if (!rc)
        rc = due_soon_statements(st, plan_id, today, days, stmts, err);
    if (!rc)
        rc = read_list(st, today, keep, 1, stmts, out, err);
    id_list_free(&ids);
    return rc;
}

static group_fields dated_fields(const void *rows, size_t i)
{
    const dated_list *l = rows;
    const dated_item *d = &l->v[i];
    return (group_fields){dated_text(l, d->ref), dated_text(l, d->unit), dated_text(l, d->leader),
                          dated_text(l, d->area_title)};
}

int dated_list_group(const dated_list *l, enum light_group by, enum group_order order,
                     group_list *out)
{
    return group_rows(l, l->n, dated_fields, by, order, out);
}

size_t dated_list_bytes(const dated_list *l)
{
    return l->n * sizeof *l->v + strpool_bytes(&l->pool);
}

void dated_list_free(dated_list *l)
{
    free(l->v);
    strpool_free(&l->pool);
    memset(l, 0, sizeof *l);
}
