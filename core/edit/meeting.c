/* meeting.c - opening, closing and listing meetings (see meeting.h). */
#include "edit/meeting.h"

#include "edit/edit_internal.h"
#include "plan/date.h"
#include "store/store_internal.h"
#include "base/strbuf.h"
#include "text/utf8.h"
#include "base/list.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void meeting_free(meeting *m)
{
    free(m->title);
    free(m->started_at);
    free(m->ended_at);
    memset(m, 0, sizeof *m);
}

DEFINE_LIST_FREE(meeting_list, meeting_free)

#define MEETING_COLUMNS                                                                            \
    "SELECT m.id, m.plan_id, (SELECT count(*) FROM meeting p WHERE p.plan_id = m.plan_id"          \
    " AND p.id <= m.id), m.title, m.date, m.started_at, coalesce(m.ended_at, ''),"                 \
    " m.ended_at IS NULL, m.history_start, coalesce(m.history_end, 0) FROM meeting m "

static int read_meeting(sqlite3_stmt *s, void *p)
{
    meeting *m = p;
    memset(m, 0, sizeof *m);
    m->id = sqlite3_column_int64(s, 0);
    m->plan_id = sqlite3_column_int64(s, 1);
    m->seq = sqlite3_column_int(s, 2);
    m->title = db_text(s, 3);
    db_text_into(s, 4, m->date, sizeof m->date);
    m->started_at = db_text(s, 5);
    m->ended_at = db_text(s, 6);
    m->open = sqlite3_column_int(s, 7);
    m->history_start = sqlite3_column_int64(s, 8);
    m->history_end = sqlite3_column_int64(s, 9);
    return m->title && m->started_at && m->ended_at ? DUBAN_OK : DUBAN_ENOMEM;
}

static void meeting_free_v(void *p)
{
    meeting_free(p);
}

/* Runs a MEETING_COLUMNS query expected to give at most one row.  *found
 * tells whether it did. */
static int one_meeting(store *st, sqlite3_stmt *stmt, meeting *out, int *found, duban_error *err)
{
    memset(out, 0, sizeof *out);
    int rc = sqlite3_step(stmt), res = DUBAN_OK;
    *found = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW && read_meeting(stmt, out)) {
        meeting_free(out);
        res = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        res = db_fail(st, err, DUBAN_EDB, "cannot read meeting");
    }
    sqlite3_finalize(stmt);
    return res;
}

int meeting_current(store *st, int64_t plan_id, meeting *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, MEETING_COLUMNS "WHERE m.plan_id = ? AND m.ended_at IS NULL", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    int found;
    return one_meeting(st, stmt, out, &found, err);
}

int meeting_get(store *st, int64_t meeting_id, meeting *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, MEETING_COLUMNS "WHERE m.id = ?", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, meeting_id);
    int found, rc = one_meeting(st, stmt, out, &found, err);
    if (!rc && !found)
        rc = duban_fail(err, DUBAN_ENOTFOUND, "no meeting %lld", (long long)meeting_id);
    return rc;
}

int meeting_list_all(store *st, int64_t plan_id, meeting_list *out, duban_error *err)
{
    sqlite3_stmt *stmt;
    memset(out, 0, sizeof *out);
    if (db_prepare(st, MEETING_COLUMNS "WHERE m.plan_id = ? ORDER BY m.id", &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    return db_collect(st, stmt, sizeof(meeting), (void **)&out->v, &out->n, read_meeting,
                      meeting_free_v, err);
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

int meeting_resolve(store *st, int64_t plan_id, const char *selector, int64_t *meeting_id,
                    duban_error *err)
{
    sqlite3_stmt *stmt;
    int by_id = selector && *selector;
    if (by_id && (!all_digits(selector) || strlen(selector) > 15))
        return duban_fail(err, DUBAN_EINVAL, "meeting '%.40s': give the meeting's number",
                          selector);
    if (db_prepare(st,
                   by_id ? "SELECT id FROM meeting WHERE plan_id = ?1 AND id = ?2"
                         : "SELECT id FROM meeting WHERE plan_id = ?1"
                           " ORDER BY ended_at IS NULL DESC, id DESC LIMIT 1",
                   &stmt, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(stmt, 1, plan_id);
    if (by_id)
        sqlite3_bind_int64(stmt, 2, strtoll(selector, NULL, 10));
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *meeting_id = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_ROW)
        return DUBAN_OK;
    if (rc != SQLITE_DONE)
        return db_fail(st, err, DUBAN_EDB, "cannot read meetings");
    if (by_id)
        return duban_fail(err, DUBAN_ENOTFOUND, "no meeting %s in this plan", selector);
    return duban_fail(err, DUBAN_ENOTFOUND, "this plan has no meetings yet");
}

/* A trimmed heap copy of a meeting title; DUBAN_EINVAL when empty. */
static int clean_title(const char *title, char **out, duban_error *err)
{
    *out = NULL;
    if (!title)
        title = "";
    while (*title && isspace((unsigned char)*title))
        title++;
    size_t n = strlen(title);
    while (n && isspace((unsigned char)title[n - 1]))
        n--;
    if (!n)
        return duban_fail(err, DUBAN_EINVAL, "a meeting needs a title");
    if (!(*out = malloc(n + 1)))
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    memcpy(*out, title, n);
    (*out)[n] = '\0';
    if (edit_check_text("meeting title", *out, 0, err)) {
        free(*out);
        *out = NULL;
        return DUBAN_EINVAL;
    }
    return DUBAN_OK;
}

static int meeting_date(const char *date, char out[DATE_LEN], duban_error *err)
{
    long day;
    if (!date || !*date)
        return duban_fail(err, DUBAN_EINVAL, "a meeting needs a date");
    if (date_parse(date, &day, err))
        return DUBAN_EINVAL;
    date_format(day, out);
    return DUBAN_OK;
}

static int refuse_if_open(store *st, int64_t plan_id, duban_error *err)
{
    meeting m;
    int rc = meeting_current(st, plan_id, &m, err);
    if (!rc && m.id)
        rc = duban_fail(err, DUBAN_EINVAL,
                        "meeting %lld “%s” (%s) is still open; end it before starting another",
                        (long long)m.id, m.title, m.date);
    meeting_free(&m);
    return rc;
}

static int insert_meeting(store *st, int64_t plan_id, const char *title, const char *date,
                          int64_t *id, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "INSERT INTO meeting(plan_id, title, date, started_at, history_start)"
                   " SELECT id, ?2, ?3, ?4, (SELECT coalesce(max(id), 0) FROM history)"
                   " FROM plan WHERE id = ?1",
                   &stmt, err))
        return DUBAN_EDB;
    char now[32];
    db_now(st, now);
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_text(stmt, 2, title, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, now, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_READONLY)
        return db_fail_readonly(st, err);
    if (rc != SQLITE_DONE)
        return db_fail(st, err, DUBAN_EDB, "cannot start meeting");
    if (!sqlite3_changes(st->db))
        return duban_fail(err, DUBAN_ENOTFOUND, "no plan with id %lld", (long long)plan_id);
    if (id)
        *id = sqlite3_last_insert_rowid(st->db);
    return DUBAN_OK;
}

int meeting_start(store *st, int64_t plan_id, const char *title, const char *date, int64_t *id,
                  duban_error *err)
{
    char *clean = NULL, day[DATE_LEN];
    int rc = clean_title(title, &clean, err);
    if (!rc)
        rc = meeting_date(date, day, err);
    if (!rc && !(rc = db_tx_begin(st, err))) {
        rc = refuse_if_open(st, plan_id, err);
        if (!rc)
            rc = insert_meeting(st, plan_id, clean, day, id, err);
        if (!rc)
            rc = db_tx_commit(st, err);
        if (rc)
            db_tx_rollback(st);
    }
    free(clean);
    return rc;
}

int meeting_end(store *st, int64_t plan_id, duban_error *err)
{
    sqlite3_stmt *stmt;
    if (db_prepare(st,
                   "UPDATE meeting SET ended_at = ?2,"
                   " history_end = (SELECT coalesce(max(id), 0) FROM history)"
                   " WHERE plan_id = ?1 AND ended_at IS NULL",
                   &stmt, err))
        return DUBAN_EDB;
    char now[32];
    db_now(st, now);
    sqlite3_bind_int64(stmt, 1, plan_id);
    sqlite3_bind_text(stmt, 2, now, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_READONLY)
        return db_fail_readonly(st, err);
    if (rc != SQLITE_DONE)
        return db_fail(st, err, DUBAN_EDB, "cannot end meeting");
    if (!sqlite3_changes(st->db))
        return duban_fail(err, DUBAN_EINVAL, "no meeting is open");
    return DUBAN_OK;
}

const char *meeting_field_title(const char *field)
{
    static const struct {
        const char *field, *title;
    } titles[] = {{"status", "状态"},
                  {"due", "时限"},
                  {"unit", "责任单位"},
                  {"leader", "分管领导"},
                  {"note", "进展"},
                  {"extension", "延期"},
                  {"added", "新增事项"},
                  {"added_cancelled", "新增后取消"},
                  {"cancelled", "取消"},
                  {"restored", "恢复"},
                  {"deleted", "删除"},
                  {"moved", "调整位置"},
                  {"reordered", "调整顺序"},
                  {"ms_added", "新增节点"},
                  {"ms_deleted", "删除节点"},
                  {"ms_done", "节点完成"},
                  {"ms_reopened", "节点重开"},
                  {"ms_due", "节点时限"},
                  {"note_deleted", "删除进展"},
                  {"note_restored", "恢复进展"},
                  {"title", "名称"},
                  {"body", "内容"}};
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (!strcmp(field, titles[i].field))
            return titles[i].title;
    return !strncmp(field, "target.", 7) ? "目标"
           : !strncmp(field, "ms.", 3)   ? "节点"
           : !strncmp(field, "note.", 5) ? "删除进展"
           : !strncmp(field, "plan.", 5) ? "计划"
                                         : field;
}
