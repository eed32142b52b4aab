/* dated_rows.c - reading the rows of the overdue and due-soon lists (see
 * dated_rows.h). */
#include "query/dated_rows.h"

#include "store/store_internal.h"
#include "base/list.h"

#include <stdlib.h>
#include <string.h>

static int read_row(sqlite3_stmt *s, dated_row *d)
{
    overdue_row *r = &d->r;
    memset(d, 0, sizeof *d);
    r->node_id = sqlite3_column_int64(s, 0);
    db_text_into(s, 1, r->ref, sizeof r->ref);
    r->title = db_text(s, 2);
    r->phrase = db_text(s, 3);
    r->word = db_text(s, 4);
    db_text_into(s, 5, r->due, sizeof r->due);
    r->days_late = sqlite3_column_int(s, 6);
    db_text_into(s, 7, r->status, sizeof r->status);
    r->unit = db_text(s, 8);
    r->area_seq = sqlite3_column_int(s, 9);
    r->area_title = db_text(s, 10);
    db_text_into(s, 11, r->original_due, sizeof r->original_due);
    r->leader = db_text(s, 12);
    d->sort_key = db_text(s, 13);
    d->mseq = sqlite3_column_int(s, 14);
    d->extended = sqlite3_column_int(s, 15);
    return r->title && r->phrase && r->word && r->unit && r->area_title && r->leader && d->sort_key
               ? DUBAN_OK
               : DUBAN_ENOMEM;
}

void dated_row_free(dated_row *d)
{
    free(d->r.title);
    free(d->r.phrase);
    free(d->r.word);
    free(d->r.unit);
    free(d->r.leader);
    free(d->r.area_title);
    free(d->sort_key);
}

void dated_rows_free(dated_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dated_row_free(&rows[i]);
    free(rows);
}

int dated_rows_collect(store *st, sqlite3_stmt *stmt, const char *what, dated_row **rows, size_t *n,
                       size_t *cap, duban_error *err)
{
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (ARRAY_GROW(*rows, *cap, *n + 1))
            break;
        if (read_row(stmt, &(*rows)[*n])) {
            dated_row_free(&(*rows)[*n]);
            break;
        }
        (*n)++;
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE)
        return DUBAN_OK;
    return rc == SQLITE_ROW ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                            : db_fail(st, err, DUBAN_EDB, what);
}
