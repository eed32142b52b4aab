/* decision.c - decisions of a meeting (see decision.h). */
#include "edit/decision.h"

#include "base/list.h"
#include "edit/meeting.h"
#include "plan/date.h"
#include "store/store_internal.h"
#include "text/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static void decision_free(decision *d)
{
    free(d->text);
    free(d->unit);
    free(d->at);
}

DEFINE_LIST_FREE(decision_list, decision_free)

static void decision_free_v(void *p)
{
    decision_free(p);
}

static int read_decision(sqlite3_stmt *s, void *p)
{
    decision *d = p;
    memset(d, 0, sizeof *d);
    d->id = sqlite3_column_int64(s, 0);
    d->meeting_id = sqlite3_column_int64(s, 1);
    d->node_id = sqlite3_column_int64(s, 2);
    db_text_into(s, 3, d->ref, sizeof d->ref);
    d->text = db_text(s, 4);
    d->unit = db_text(s, 5);
    db_text_into(s, 6, d->due, sizeof d->due);
    d->at = db_text(s, 7);
    return d->text && d->unit && d->at ? DUBAN_OK : DUBAN_ENOMEM;
}

int decision_list_of(store *st, int64_t meeting_id, decision_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st,
                   "SELECT d.id, d.meeting_id, coalesce(d.node_id, 0), coalesce(n.ref, ''),"
                   " d.text, d.unit, d.due, d.at FROM decision d"
                   " LEFT JOIN node n ON n.id = d.node_id WHERE d.meeting_id = ? ORDER BY d.id",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, meeting_id);
    return db_collect(st, stmt, sizeof(decision), (void **)&out->v, &out->n, read_decision,
                      decision_free_v, err);
}

/* text trimmed into [*start, *start + *len); DUBAN_EINVAL when unusable. */
static int check_text(const char *text, const char **start, size_t *len, duban_error *err)
{
    const char *s = text ? text : "";
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (!n)
        return duban_fail(err, DUBAN_EINVAL, "a decision needs its text");
    if (n > 2000)
        return duban_fail(err, DUBAN_EINVAL, "a decision's text: at most 2000 bytes");
    if (!utf8_valid(s, n, NULL))
        return duban_fail(err, DUBAN_EINVAL, "a decision's text is not valid UTF-8");
    *start = s;
    *len = n;
    return DUBAN_OK;
}

int decision_add(store *st, int64_t plan_id, const char *text, const char *unit, const char *due,
                 int64_t node_id, int64_t *id, duban_error *err)
{
    const char *s = "";
    size_t n = 0;
    char day[DATE_LEN] = "";
    long d;
    if (check_text(text, &s, &n, err))
        return DUBAN_EINVAL;
    if (due && *due) {
        if (date_parse(due, &d, err))
            return DUBAN_EINVAL;
        date_format(d, day);
    }
    if (unit && !utf8_valid(unit, strlen(unit), NULL))
        return duban_fail(err, DUBAN_EINVAL, "the decision's unit is not valid UTF-8");
    meeting m;
    int rc = meeting_current(st, plan_id, &m, err);
    if (!rc && !m.id)
        rc = duban_fail(err, DUBAN_EINVAL,
                        "no meeting is open; a decision belongs to a meeting "
                        "(duban meeting start TITLE)");
    sqlite3_stmt *stmt = NULL;
    if (!rc)
        rc = db_prepare(st,
                        "INSERT INTO decision(meeting_id, node_id, text, unit, due, at)"
                        " VALUES (?, nullif(?, 0), ?, ?, ?, ?)",
                        &stmt, err);
    if (!rc) {
        char now[32];
        db_now(st, now);
        sqlite3_bind_int64(stmt, 1, m.id);
        sqlite3_bind_int64(stmt, 2, node_id);
        sqlite3_bind_text(stmt, 3, s, (int)n, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, unit ? unit : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 5, day, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 6, now, -1, SQLITE_TRANSIENT);
        int step = sqlite3_step(stmt);
        if (step == SQLITE_READONLY)
            rc = duban_fail(err, DUBAN_EIO, "%s: database is read-only", store_path(st));
        else if (step != SQLITE_DONE)
            rc = db_fail(st, err, DUBAN_EDB, "cannot record the decision");
        else if (id)
            *id = sqlite3_last_insert_rowid(st->db);
        sqlite3_finalize(stmt);
    }
    meeting_free(&m);
    return rc;
}
