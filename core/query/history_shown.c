/* history_shown.c - a history row's values for people (history_shown.h). */
#include "query/history_shown.h"

#include "plan/status.h"
#include "query/query.h"

#include <stdio.h>
#include <string.h>

/* The ref a place "PARENT SEQ KEY" gives: "SEQ" for an area, else the
 * parent's ref and the number. */
static const char *place_ref(store *st, long long parent, int seq, char *buf)
{
    node p;
    if (!parent)
        snprintf(buf, HISTORY_SHOWN_LEN, "%d", seq);
    else if (!node_by_id(st, parent, &p, NULL)) {
        snprintf(buf, HISTORY_SHOWN_LEN, "%s.%d", p.ref, seq);
        node_free(&p);
    } else
        snprintf(buf, HISTORY_SHOWN_LEN, "?.%d", seq);
    return buf;
}

const char *history_shown_value(store *st, const char *field, const char *v, char *buf)
{
    long long parent = 0;
    int seq = 0;
    if (!strcmp(field, "state")) /* "" is an item in force */
        return !*v                       ? "正常"
               : !strcmp(v, "cancelled") ? "已取消"
               : !strcmp(v, "removed")   ? "已删除"
                                         : v;
    if (!*v)
        return "—";
    if (!strcmp(field, "order"))
        return "…";
    if (!strcmp(field, "place") && sscanf(v, "%lld %d", &parent, &seq) == 2)
        return place_ref(st, parent, seq, buf);
    if (!strcmp(field, "status")) {
        const status_def *d = status_by_key(store_statuses(st), v);
        return d ? d->name : v;
    }
    return v;
}

void history_shown_values(store *st, const history_row *h, char *ob, char *nb, const char **old_v,
                          const char **new_v)
{
    if (!strcmp(h->field, "state") && !strcmp(h->old_value, "removed") && !*h->new_value) {
        *old_v = "—";
        *new_v = "新增";
        return;
    }
    *old_v = history_shown_value(st, h->field, h->old_value, ob);
    *new_v = history_shown_value(st, h->field, h->new_value, nb);
}
