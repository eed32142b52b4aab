/* minutes_csv.c - the minutes as one CSV table with a `section` column:
 *
 *   meeting      field = title|date|seq|started_at|ended_at|plan|as_of|attendees
 *                (attendees only when recorded), new = value
 *   summary      group = area number (or "total"), title, items .. green
 *   change       ref, title, field, old, new, note, at (values for people)
 *   overdue      group = unit, ref, title, status, due, extended_due, days_late,
 *                note = the late milestone ("三季度：...")
 *   decision     group = unit, ref = the item it is about, title = text, due, at,
 *                new = the tracked item it became (its ref)
 *   no_progress  group = unit, ref, title, status, due, extended_due,
 *                days_silent = days since its last report (未报天数)
 *   target       ref, title = label, field = goal, new = current, status = state
 */
#include "report/minutes_data.h"

#include <stdio.h>
#include <string.h>

enum {
    C_SECTION,
    C_GROUP,
    C_REF,
    C_TITLE,
    C_FIELD,
    C_OLD,
    C_NEW,
    C_NOTE,
    C_AT,
    C_STATUS,
    C_DUE,
    C_EXT,
    C_LATE,
    C_ITEMS,
    C_DONE,
    C_RATE,
    C_RED,
    C_YELLOW,
    C_GREEN,
    C_SILENT,
    C_COUNT
};

static const table_column csv_cols[C_COUNT] = {
    {"section", "section", 0},
    {"group", "group", 0},
    {"ref", "ref", 0},
    {"title", "title", 0},
    {"field", "field", 0},
    {"old", "old", 0},
    {"new", "new", 0},
    {"note", "note", 0},
    {"at", "at", 0},
    {"status", "status", 0},
    {"due", "due", 0},
    {"extended_due", "extended_due", 0},
    {"days_late", "days_late", 1},
    {"items", "items", 1},
    {"done", "done", 1},
    {"rate", "rate", 1},
    {"red", "red", 1},
    {"yellow", "yellow", 1},
    {"green", "green", 1},
    {"days_silent", "days_silent", 1},
};

static int meeting_rows(const minutes_data *md, table *t)
{
    char seq[16];
    snprintf(seq, sizeof seq, "%d", md->m.seq);
    const char *kv[][2] = {{"title", md->m.title},
                           {"date", md->m.date},
                           {"seq", seq},
                           {"started_at", md->m.started_at},
                           {"ended_at", md->m.ended_at},
                           {"plan", md->plan.title},
                           {"as_of", md->today},
                           {"attendees", md->attendees}};
    int rc = 0;
    for (size_t i = 0; !rc && i < sizeof kv / sizeof kv[0]; i++) {
        if (!strcmp(kv[i][0], "attendees") && !*kv[i][1])
            continue; /* none recorded */
        const char *cells[C_COUNT] = {"meeting"};
        cells[C_FIELD] = kv[i][0];
        cells[C_NEW] = kv[i][1];
        rc = table_add_row(t, cells);
    }
    return rc;
}

static int summary_row(table *t, const char *group, const char *title, const light_tally *g)
{
    char n[6][16];
    minutes_tally_numbers(g, 0, n);
    const char *cells[C_COUNT] = {"summary", group, "", title};
    for (int i = 0; i < 6; i++)
        cells[C_ITEMS + i] = n[i];
    return table_add_row(t, cells);
}

static int change_rows(const minutes_data *md, table *t)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < md->changes.n; i++) {
        const meeting_change *c = &md->changes.v[i];
        char field[256], ob[64], nb[64];
        minutes_change_field(c, field, sizeof field);
        const char *cells[C_COUNT] = {"change", "", c->ref, c->title, field};
        cells[C_OLD] = minutes_change_value(md, c, c->old_value, ob, sizeof ob);
        cells[C_NEW] = minutes_change_value(md, c, c->new_value, nb, sizeof nb);
        cells[C_NOTE] = c->note;
        cells[C_AT] = c->at;
        rc = table_add_row(t, cells);
    }
    return rc;
}

static int overdue_rows(const minutes_data *md, table *t)
{
    int rc = 0;
    for (size_t u = 0; !rc && u < md->units.n; u++)
        for (size_t i = 0; !rc && i < md->units.v[u].n; i++) {
            const overdue_row *r = &md->overdue.v[md->units.v[u].rows[i]];
            char days[16], late[1024] = "";
            snprintf(days, sizeof days, "%d", r->days_late);
            if (*r->phrase)
                snprintf(late, sizeof late, "%s：%s", r->word, r->phrase);
            int ext = *r->original_due != '\0';
            const char *cells[C_COUNT] = {"overdue", r->unit, r->ref, r->title};
            cells[C_NOTE] = late;
            cells[C_STATUS] = minutes_status_name(md, r->status);
            cells[C_DUE] = ext ? r->original_due : r->due;
            cells[C_EXT] = ext ? r->due : "";
            cells[C_LATE] = days;
            rc = table_add_row(t, cells);
        }
    return rc;
}

static int silent_rows(const minutes_data *md, table *t)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < md->silent.n; i++) {
        const node *n = &md->silent.v[i];
        const char *cells[C_COUNT] = {"no_progress", n->unit, n->ref, n->title};
        cells[C_STATUS] = minutes_status_name(md, n->status);
        cells[C_DUE] = n->due;
        cells[C_EXT] = n->extended_due;
        char days[24] = "";
        long d = minutes_silent_days(md, i);
        if (d >= 0)
            snprintf(days, sizeof days, "%ld", d);
        cells[C_SILENT] = days;
        rc = table_add_row(t, cells);
    }
    return rc;
}

static int decision_rows(const minutes_data *md, table *t)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < md->decisions.n; i++) {
        const decision *x = &md->decisions.v[i];
        const char *cells[C_COUNT] = {"decision", x->unit, x->ref, x->text};
        cells[C_DUE] = x->due;
        cells[C_AT] = x->at;
        cells[C_NEW] = x->item_ref;
        rc = table_add_row(t, cells);
    }
    return rc;
}

static int target_rows(const minutes_data *md, table *t)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < md->targets.n; i++) {
        const target *x = &md->targets.v[i];
        char goal[96], num[32], cur[32] = "";
        target_format_number(x->number, num);
        snprintf(goal, sizeof goal, "%s%s%s", x->dir == TARGET_AT_MOST ? "不超过" : "不少于", num,
                 x->unit);
        if (x->has_current)
            target_format_number(x->current, cur);
        const char *cells[C_COUNT] = {"target", "", x->ref, x->label, goal};
        cells[C_NEW] = cur;
        cells[C_STATUS] = !x->has_current ? "未报" : target_met(x) ? "已达标" : "未达标";
        rc = table_add_row(t, cells);
    }
    return rc;
}

int minutes_write_rows(const minutes_data *md, enum table_format fmt, strbuf *out,
                       table_flush_fn flush, void *arg)
{
    table t;
    table_init(&t, csv_cols, C_COUNT);
    int rc = meeting_rows(md, &t);
    for (size_t i = 0; !rc && i < md->areas.n; i++)
        rc = summary_row(&t, md->areas.v[i].key, md->areas.v[i].title, &md->areas.v[i]);
    light_tally sum;
    light_tally_total(&md->areas, &sum);
    if (!rc)
        rc = summary_row(&t, "total", "", &sum);
    if (!rc)
        rc = change_rows(md, &t);
    if (!rc)
        rc = decision_rows(md, &t);
    if (!rc)
        rc = overdue_rows(md, &t);
    if (!rc)
        rc = silent_rows(md, &t);
    if (!rc)
        rc = target_rows(md, &t);
    rc = rc ? DUBAN_ENOMEM : table_render_stream(&t, fmt, NULL, out, flush, arg);
    table_free(&t);
    return rc;
}
