/* cli_meeting.c - `duban meeting start|end|list|current|show`, `duban changes`,
 * `duban minutes`. */
#include "cli/cli.h"

#include "query/history_shown.h"

#include "plan/date.h"
#include "edit/decision.h"
#include "edit/meeting.h"
#include "query/query.h"
#include "edit/meeting_room.h"
#include "report/minutes.h"
#include "base/strbuf.h"
#include "text/textwidth.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count_changes(cli_ctx *ctx, int64_t id, size_t *n, duban_error *err)
{
    meeting_change_list l;
    int rc = meeting_changes(ctx->st, id, &l, err);
    *n = rc ? 0 : l.n;
    meeting_change_list_free(&l);
    return rc;
}

static const char *for_people(cli_ctx *ctx, const meeting_change *c, const char *v,
                              char buf[HISTORY_SHOWN_LEN]);

/* Changes the start of a meeting lists; the rest are counted and left to
 * `duban changes --since-last` (a first meeting after a long history
 * had hundreds of thousands). */
#define BRIEFING_MAX 100

/* The reports that came in since the last meeting, counted and listed. */
static int say_changes_before(cli_ctx *ctx, int64_t id, duban_error *err)
{
    meeting_change_list l;
    int rc = changes_before_meeting(ctx->st, id, BRIEFING_MAX, &l, err);
    if (!rc && l.n < l.total)
        rc = cli_say(err,
                     "%zu changes since the last meeting; the first %zu (duban changes "
                     "--since-last lists them all):",
                     l.total, l.n);
    else if (!rc)
        rc = cli_say(err, "%zu change%s since the last meeting%s", l.n, l.n == 1 ? "" : "s",
                     l.n ? ":" : "");
    for (size_t i = 0; !rc && i < l.n; i++) {
        const meeting_change *c = &l.v[i];
        if (!strcmp(c->field, "note"))
            rc = cli_say(err, "  %s %s: %s", c->ref, meeting_field_title(c->field), c->new_value);
        else if (!*c->old_value && !*c->new_value) /* cancelled, added, moved...: what and why */
            rc = cli_say(err, "  %s %s%s%s%s%s", c->ref, meeting_field_title(c->field),
                         *c->label ? " " : "", c->label, *c->note ? ": " : "", c->note);
        else {
            char ob[HISTORY_SHOWN_LEN], nb[HISTORY_SHOWN_LEN];
            rc = cli_say(err, "  %s %s%s%s: %s -> %s", c->ref, meeting_field_title(c->field),
                         *c->label ? " " : "", c->label, for_people(ctx, c, c->old_value, ob),
                         for_people(ctx, c, c->new_value, nb));
        }
    }
    meeting_change_list_free(&l);
    return rc;
}

static int meeting_start_cmd(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 2)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban meeting start TITLE [--date D]");
    char today[DATE_LEN];
    date_format(ctx->today, today);
    int64_t id;
    int rc = meeting_start(ctx->st, ctx->plan_id, args->pos[1],
                           args->date && *args->date ? args->date : today, &id, err);
    if (!rc && args->attendees)
        rc = meeting_set_attendees(ctx->st, id, args->attendees, err);
    meeting m;
    if (!rc && !(rc = meeting_get(ctx->st, id, &m, err))) {
        rc = cli_say(err, "meeting %lld started: %s (%s); edits now belong to it", (long long)id,
                     m.title, m.date);
        meeting_free(&m);
    }
    return rc ? rc : say_changes_before(ctx, id, err);
}

static int meeting_end_cmd(cli_ctx *ctx, duban_error *err)
{
    meeting m;
    size_t n = 0;
    int rc = meeting_current(ctx->st, ctx->plan_id, &m, err);
    if (!rc && !m.id)
        rc = duban_fail(err, DUBAN_EINVAL, "no meeting is open");
    if (!rc)
        rc = meeting_end(ctx->st, ctx->plan_id, err);
    if (!rc) { /* the minutes' figures as they are now, for every reprint */
        light_rule rule;
        cli_light_rule(ctx, &rule);
        rc = minutes_freeze(ctx->st, m.id, ctx->today, &rule, cli_issuer(ctx), &ctx->measure, err);
    }
    if (!rc)
        rc = count_changes(ctx, m.id, &n, err);
    if (!rc)
        rc = cli_say(err, "meeting %lld ended: %s (%s), %zu change%s", (long long)m.id, m.title,
                     m.date, n, n == 1 ? "" : "s");
    meeting_free(&m);
    return rc;
}

static int meeting_current_cmd(cli_ctx *ctx, duban_error *err)
{
    meeting m;
    size_t n = 0;
    int rc = meeting_current(ctx->st, ctx->plan_id, &m, err);
    if (!rc && !m.id)
        rc = cli_say(err, "no meeting is open");
    else if (!rc && !(rc = count_changes(ctx, m.id, &n, err))) {
        char when[TIMESTAMP_LEN];
        date_local_time(m.started_at, when);
        rc = cli_say(err, "meeting %lld open: %s (%s), started %s, %zu change%s so far",
                     (long long)m.id, m.title, m.date, when, n, n == 1 ? "" : "s");
    }
    meeting_free(&m);
    return rc;
}

static const table_column meeting_cols[] = {
    {"id", "MEETING", 1},         {"date", "DATE", 0},      {"title", "TITLE", 0},
    {"started_at", "STARTED", 0}, {"ended_at", "ENDED", 0}, {"changes", "CHANGES", 1},
};

static int meeting_list_cmd(cli_ctx *ctx, duban_error *err)
{
    meeting_list l;
    int rc = meeting_list_all(ctx->st, ctx->plan_id, &l, err);
    if (rc)
        return rc;
    table t;
    table_init(&t, meeting_cols, sizeof meeting_cols / sizeof meeting_cols[0]);
    int text = ctx->format == FORMAT_TEXT || ctx->format == FORMAT_MD;
    for (size_t i = 0; !rc && i < l.n; i++) {
        const meeting *m = &l.v[i];
        char id[24], changes[24];
        size_t n = 0;
        if ((rc = count_changes(ctx, m->id, &n, err)))
            break;
        snprintf(id, sizeof id, "%lld", (long long)m->id);
        snprintf(changes, sizeof changes, "%zu", n);
        char started[TIMESTAMP_LEN], ended_at[TIMESTAMP_LEN];
        const char *ended = m->open && text ? "(open)" : cli_time(ctx, m->ended_at, ended_at);
        const char *cells[] = {id,    m->date, m->title, cli_time(ctx, m->started_at, started),
                               ended, changes};
        if (table_add_row(&t, cells))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    meeting_list_free(&l);
    return rc;
}

static const table_column decision_cols[] = {
    {"seq", "DECISION", 1}, {"text", "TEXT", 0}, {"ref", "REF", 0}, {"unit", "UNIT", 0},
    {"due", "DUE", 0},      {"item", "ITEM", 0}, {"at", "AT", 0},
};

/* meeting show [N]: the decisions of meeting N (the open one, else the
 * most recent), each with the tracked item it became (ITEM). */
static int meeting_show_cmd(cli_ctx *ctx, const char *which, duban_error *err)
{
    int64_t id;
    decision_list l;
    int rc = meeting_resolve(ctx->st, ctx->plan_id, which, &id, err);
    if (rc || (rc = decision_list_of(ctx->st, id, &l, err)))
        return rc;
    table t;
    table_init(&t, decision_cols, sizeof decision_cols / sizeof decision_cols[0]);
    for (size_t i = 0; !rc && i < l.n; i++) {
        const decision *d = &l.v[i];
        char seq[24];
        snprintf(seq, sizeof seq, "%zu", i + 1);
        char when[TIMESTAMP_LEN];
        const char *cells[] = {
            seq, d->text, d->ref, d->unit, d->due, d->item_ref, cli_time(ctx, d->at, when)};
        if (table_add_row(&t, cells))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    decision_list_free(&l);
    return rc;
}

/* The open meeting's id, DUBAN_EINVAL when none is open. */
static int open_meeting(cli_ctx *ctx, int64_t *id, duban_error *err)
{
    meeting m;
    int rc = meeting_current(ctx->st, ctx->plan_id, &m, err);
    *id = rc ? 0 : m.id;
    if (!rc)
        meeting_free(&m);
    if (!rc && !*id)
        rc = duban_fail(err, DUBAN_EINVAL,
                        "no meeting is open; only the open meeting's decisions can be taken back");
    return rc;
}

/* meeting withdraw N: decision N of the open meeting (meeting show's
 * numbers), recorded by mistake, taken back (with its tracked item). */
static int meeting_withdraw_cmd(cli_ctx *ctx, const char *which, duban_error *err)
{
    int64_t id;
    decision_list l = {0};
    int rc = open_meeting(ctx, &id, err);
    if (!rc)
        rc = decision_list_of(ctx->st, id, &l, err);
    char *end = NULL;
    long n = rc ? 0 : strtol(which, &end, 10);
    if (!rc && (!end || *end || end == which || n < 1 || (size_t)n > l.n))
        rc = duban_fail(err, DUBAN_ENOTFOUND,
                        "meeting withdraw: no decision '%s' in the open meeting (it has %zu:"
                        " duban meeting show)",
                        which, l.n);
    decision_withdrawn w;
    if (!rc)
        rc = decision_withdraw(ctx->st, ctx->plan_id, l.v[n - 1].id, &w, err);
    if (!rc)
        rc = cli_say(err, "decision %ld taken back: %s%s%s", n, l.v[n - 1].text,
                     *w.item_ref ? "; item removed: " : "", w.item_ref);
    decision_list_free(&l);
    return rc;
}

static int meeting_reopen_cmd(cli_ctx *ctx, duban_error *err)
{
    int64_t id;
    meeting m;
    int rc = meeting_reopen(ctx->st, ctx->plan_id, &id, err);
    if (!rc && !(rc = meeting_get(ctx->st, id, &m, err))) {
        rc = cli_say(err, "meeting %lld reopened: %s (%s); edits belong to it again", (long long)id,
                     m.title, m.date);
        meeting_free(&m);
    }
    return rc;
}

int cmd_meeting(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    const char *sub = args->npos ? args->pos[0] : "";
    int is_start = !strcmp(sub, "start");
    if (args->date && !is_start)
        return duban_fail(err, DUBAN_EINVAL, "--date goes with 'duban meeting start'");
    if (args->attendees && !is_start)
        return duban_fail(err, DUBAN_EINVAL, "--attendees goes with 'duban meeting start'");
    int says_a_line = is_start || !strcmp(sub, "end") || !strcmp(sub, "current") ||
                      !strcmp(sub, "reopen") || !strcmp(sub, "withdraw");
    if (says_a_line && ctx->format != FORMAT_TEXT)
        return duban_fail(err, DUBAN_EINVAL,
                          "meeting %s writes text; --format is for 'meeting list' and 'show'", sub);
    if (is_start)
        return meeting_start_cmd(ctx, args, err);
    if (args->npos == 1 && !strcmp(sub, "end"))
        return meeting_end_cmd(ctx, err);
    if (args->npos == 1 && !strcmp(sub, "list"))
        return meeting_list_cmd(ctx, err);
    if (args->npos == 1 && !strcmp(sub, "current"))
        return meeting_current_cmd(ctx, err);
    if (args->npos == 1 && !strcmp(sub, "reopen"))
        return meeting_reopen_cmd(ctx, err);
    if (args->npos <= 2 && !strcmp(sub, "show"))
        return meeting_show_cmd(ctx, args->npos == 2 ? args->pos[1] : NULL, err);
    if (args->npos == 2 && !strcmp(sub, "withdraw"))
        return meeting_withdraw_cmd(ctx, args->pos[1], err);
    if (*sub && !says_a_line && strcmp(sub, "list"))
        return duban_fail(
            err, DUBAN_EINVAL,
            "meeting: unknown '%s' (use start TITLE, end, reopen, list, current, show "
            "[N] or withdraw N)",
            sub);
    return duban_fail(err, DUBAN_EINVAL,
                      "usage: duban meeting start TITLE [--date D] [--attendees TEXT] | end | "
                      "reopen | list | current | show [N] | withdraw N");
}

static const table_column change_cols[] = {
    {"ref", "REF", 0}, {"field", "FIELD", 0}, {"label", "LABEL", 0}, {"old", "OLD", 0},
    {"new", "NEW", 0}, {"note", "NOTE", 0},   {"at", "AT", 0},       {"title", "TITLE", 0},
};
static const table_column change_text_cols[] = {
    {"ref", "REF", 0}, {"field", "FIELD", 0}, {"old", "OLD", 0},
    {"new", "NEW", 0}, {"note", "NOTE", 0},   {"at", "AT", 0},
};

static const char *for_people(cli_ctx *ctx, const meeting_change *c, const char *v,
                              char buf[HISTORY_SHOWN_LEN])
{
    return history_shown_value(ctx->st, c->field, v, buf);
}

static int add_change(cli_ctx *ctx, table *t, const meeting_change *c)
{
    if (t->cols == change_cols) {
        const char *cells[] = {c->ref,       c->field, c->label, c->old_value,
                               c->new_value, c->note,  c->at,    c->title};
        return table_add_row(t, cells);
    }
    char field[256], ob[HISTORY_SHOWN_LEN], nb[HISTORY_SHOWN_LEN], when[TIMESTAMP_LEN];
    snprintf(field, sizeof field, "%s%s%s", c->field, *c->label ? " " : "", c->label);
    const char *cells[] = {c->ref,
                           field,
                           for_people(ctx, c, c->old_value, ob),
                           for_people(ctx, c, c->new_value, nb),
                           c->note,
                           cli_time(ctx, c->at, when)};

    return table_add_row(t, cells);
}

int cmd_changes(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos || (args->meeting && args->since_last))
        return duban_fail(err, DUBAN_EINVAL, "usage: duban changes [--meeting N | --since-last]");
    meeting_change_list l;
    int64_t id = 0;
    int rc = args->since_last ? changes_since_last_meeting(ctx->st, ctx->plan_id, &l, err)
                              : meeting_resolve(ctx->st, ctx->plan_id, args->meeting, &id, err);
    if (!rc && !args->since_last)
        rc = meeting_changes(ctx->st, id, &l, err);
    if (rc)
        return rc;
    table t;
    if (ctx->format == FORMAT_TEXT || ctx->format == FORMAT_MD)
        table_init(&t, change_text_cols, sizeof change_text_cols / sizeof change_text_cols[0]);
    else
        table_init(&t, change_cols, sizeof change_cols / sizeof change_cols[0]);
    for (size_t i = 0; !rc && i < l.n; i++)
        if (add_change(ctx, &t, &l.v[i]))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    if (!rc)
        rc = cli_emit_table(ctx, &t, err);
    table_free(&t);
    meeting_change_list_free(&l);
    return rc;
}

int cmd_minutes(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos > 1)
        return duban_fail(err, DUBAN_EINVAL,
                          "usage: duban minutes [MEETING] [--format md|html|csv]");
    enum minutes_format fmt = MINUTES_MD;
    if (ctx->format_html)
        fmt = MINUTES_HTML;
    else if (ctx->format == FORMAT_CSV)
        fmt = MINUTES_CSV;
    else if (ctx->format == FORMAT_JSON)
        fmt = MINUTES_JSON;
    if (args->output && !ctx->format_xlsx)
        return duban_fail(err, DUBAN_EINVAL, "minutes: --output goes with --format xlsx");
    int64_t id;
    int rc = meeting_resolve(ctx->st, ctx->plan_id, args->npos ? args->pos[0] : NULL, &id, err);
    if (rc)
        return rc;
    light_rule rule;
    cli_light_rule(ctx, &rule);
    query_filter f;
    if ((rc = cli_filter(ctx, args, &f, err)))
        return rc;
    if (ctx->format_xlsx) { /* a workbook, to a file */
        const char *path = args->output && *args->output ? args->output : "会议纪要.xlsx";
        rc = minutes_write_file_where(ctx->st, id, ctx->today, &rule, &f, path, err);
        return rc ? rc : cli_say(err, "wrote %s", path);
    }
    strbuf sb = {0}; /* written as it fills: long minutes are never whole in memory */
    rc = cli_data_begin(ctx, err);
    if (!rc)
        rc = minutes_render_where(ctx->st, id, fmt, ctx->today, &rule, &f, cli_issuer(ctx),
                                  &ctx->measure, &sb, cli_write_chunk, NULL, err);
    if (!rc)
        rc = cli_emit(&sb, err);
    strbuf_free(&sb);
    return rc;
}

/* The number of decision id in the open meeting's list (meeting show). */
static int decision_number(cli_ctx *ctx, int64_t id, size_t *number, duban_error *err)
{
    int64_t meeting_id;
    decision_list l = {0};
    int rc = open_meeting(ctx, &meeting_id, err);
    if (!rc)
        rc = decision_list_of(ctx->st, meeting_id, &l, err);
    for (size_t i = 0; !rc && i < l.n; i++)
        if (l.v[i].id == id)
            *number = i + 1;
    decision_list_free(&l);
    return rc;
}

int cmd_decide(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return duban_fail(err, DUBAN_EINVAL,
                          "usage: duban decide TEXT [--unit U] [--due DATE] [--item REF]");
    node n = {0};
    int rc = args->item ? node_by_ref(ctx->st, ctx->plan_id, args->item, &n, err) : DUBAN_OK;
    decision_added d = {0};
    if (!rc)
        rc =
            decision_add(ctx->st, ctx->plan_id, args->pos[0], args->unit, args->due, n.id, &d, err);
    size_t number = 0; /* as meeting show and withdraw number it */
    if (!rc)
        rc = decision_number(ctx, d.id, &number, err);
    if (!rc)
        rc = cli_say(err, "decision %zu recorded%s%s%s%s", number, n.id ? " on " : "",
                     n.id ? n.ref : "", d.item_id ? "; tracked as item " : "", d.item_ref);
    node_free(&n);
    return rc;
}
