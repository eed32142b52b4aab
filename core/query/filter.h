/* filter.h - one filter of a plan's items (筛选), the same for the list,
 * the overdue list, the 通报, the slides and the minutes.
 *
 * A filter is a plain value of up to five conditions, all of which must
 * hold (an unset condition holds for every item):
 *   unit, leader  the item's unit / leader contains the text ("县发改局"
 *                 matches "县发改局、县经信局": a unit naming several
 *                 units is responsible with each of them);
 *   status        the item's status is this key (status.h);
 *   light         the item's light (light.h) is this one;
 *   due_within    the item is not done and the deadline its light is
 *                 judged on is at most N days after today (overdue
 *                 items included; an item without a date never is).
 * Only items and sub-items (depth >= 2) are judged; areas show when one
 * of their items matches.  Texts are borrowed: the filter does not own or
 * copy them, and they must outlive its use.
 *
 * The *_where queries take a filter (NULL or an empty filter: everything)
 * and return what the unfiltered query returns, restricted to the
 * matching items.  Errors as query.h.
 */
#ifndef DUBAN_FILTER_H
#define DUBAN_FILTER_H

#include "base/error.h"
#include "base/strbuf.h"
#include "plan/light.h"
#include "query/query.h"

typedef struct query_filter {
    const char *unit;   /* NULL or "": any */
    const char *leader; /* NULL or "": any */
    const char *status; /* a status key; NULL or "": any */
    int light;          /* a light, or FILTER_ANY */
    int due_within;     /* days (>= 0), or FILTER_ANY */
} query_filter;

#define FILTER_ANY (-1)

/* Every condition unset. */
void query_filter_clear(query_filter *f);
/* 1 when f is non-NULL and has a condition. */
int query_filter_active(const query_filter *f);
/* Whether the item it (judged on day today) satisfies f. */
int query_filter_matches(const query_filter *f, const item_light *it, long today);

/* Parses a light: red|yellow|green, 红|黄|绿, 红灯|黄灯|绿灯.  0 or -1. */
int light_parse(const char *text, light *out);

/* The filter in words for a heading or the header, e.g.
 * "单位 县发改局 · 状态 推进中 · 红灯 · 30天内到期" (status names from
 * set); nothing is appended for an inactive filter.  DUBAN_ENOMEM. */
int query_filter_describe(const query_filter *f, const status_set *set, strbuf *out);

/* The ids of the matching items and sub-items, ascending (for
 * id_list_contains).  With an inactive filter: every item. */
int query_filter_ids(store *st, int64_t plan_id, long today, const light_rule *rule,
                     const query_filter *f, id_list *out, duban_error *err);
/* Whether id is in l, which is sorted ascending. */
int id_list_contains(const id_list *l, int64_t id);

/* Keeps the nodes of l (in outline order) that are in ids or above one
 * that is; frees the others. */
void node_list_keep_matching(node_list *l, const id_list *ids);

/* What a filter can be set to, for a picker: each distinct unit (or
 * leader) of the items and sub-items of items (a meeting's decisions are
 * sub-items), most items first, then by text, with how many of them a
 * filter on it keeps (the
 * filter matches by containment, so "县发改局" also counts "县发改局、县经
 * 信局"), as 'duban list --unit' lists them.  "" is not listed. */
typedef struct filter_choice {
    char *text;
    int count;
} filter_choice;
typedef struct filter_choice_list {
    filter_choice *v;
    size_t n;
} filter_choice_list;
int query_filter_choices(const item_light_list *items, enum light_group by,
                         filter_choice_list *out);
void filter_choice_list_free(filter_choice_list *l);

/* node_all() keeping the matching items, and the areas and items above
 * them (in outline order). */
int node_all_where(store *st, int64_t plan_id, long today, const light_rule *rule,
                   const query_filter *f, node_list *out, duban_error *err);
/* query_overdue() keeping the rows of matching items. */
int query_overdue_where(store *st, int64_t plan_id, long today, const light_rule *rule,
                        const query_filter *f, overdue_list *out, duban_error *err);
/* query_item_lights() keeping the matching items. */
int query_item_lights_where(store *st, int64_t plan_id, long today, const light_rule *rule,
                            const query_filter *f, item_light_list *out, duban_error *err);
/* query_light_tally() counting the matching items only (areas without a
 * match are still listed, with zero counts). */
int query_light_tally_where(store *st, int64_t plan_id, enum light_group by, long today,
                            const light_rule *rule, const query_filter *f, light_tally_list *out,
                            duban_error *err);

/* Defines static int name(list_type *l, const id_list *ids): keeps the
 * elements of l whose member id_member is in ids, in order, and frees the
 * others with list_type_free (whose element free must accept a zeroed
 * element).  DUBAN_OK, or DUBAN_ENOMEM with l unchanged. */
#define DEFINE_KEEP_BY_ID(name, list_type, id_member)                                              \
    static int name(list_type *l, const id_list *ids)                                              \
    {                                                                                              \
        list_type old = *l;                                                                        \
        l->v = malloc((old.n ? old.n : 1) * sizeof *l->v);                                         \
        l->n = 0;                                                                                  \
        if (!l->v) {                                                                               \
            *l = old;                                                                              \
            return DUBAN_ENOMEM;                                                                   \
        }                                                                                          \
        for (size_t i = 0; i < old.n; i++)                                                         \
            if (id_list_contains(ids, old.v[i].id_member)) {                                       \
                l->v[l->n++] = old.v[i];                                                           \
                memset(&old.v[i], 0, sizeof old.v[i]);                                             \
            }                                                                                      \
        list_type##_free(&old);                                                                    \
        return DUBAN_OK;                                                                           \
    }

#endif
