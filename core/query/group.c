/* group.c - rows grouped by area, unit or leader (see group.h). */
#include "query/group.h"

#include "base/list.h"
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *group_key(enum light_group by, const char *ref, const char *unit, const char *leader,
                      char area[REF_LEN])
{
    if (by == LIGHT_BY_AREA) {
        snprintf(area, REF_LEN, "%s", ref ? ref : "");
        char *dot = strchr(area, '.');
        if (dot)
            *dot = '\0';
        return area;
    }
    const char *k = by == LIGHT_BY_UNIT ? unit : leader;
    return k ? k : "";
}

static row_group *find(const group_list *g, const char *key)
{
    for (size_t i = 0; i < g->n; i++)
        if (!strcmp(g->v[i].key, key))
            return &g->v[i];
    return NULL;
}

const row_group *group_find(const group_list *g, const char *key)
{
    return find(g, key);
}

static row_group *append(group_list *g, const char *key, const char *title)
{
    if (ARRAY_GROW(g->v, g->cap, g->n + 1))
        return NULL;
    row_group *r = &g->v[g->n];
    memset(r, 0, sizeof *r);
    r->key = duban_strdup(key);
    r->title = duban_strdup(title ? title : key);
    if (!r->key || !r->title) {
        free(r->key);
        free(r->title);
        return NULL;
    }
    g->n++;
    return r;
}

int group_add(group_list *g, const char *key, const char *title, size_t row)
{
    row_group *r = find(g, key);
    if (!r && !(r = append(g, key, title)))
        return DUBAN_ENOMEM;
    if (row == GROUP_NO_ROW)
        return DUBAN_OK;
    if (ARRAY_GROW(r->rows, r->cap, r->n + 1))
        return DUBAN_ENOMEM;
    r->rows[r->n++] = row;
    return DUBAN_OK;
}

static int by_number(const void *a, const void *b)
{
    const row_group *x = a, *y = b;
    long p = strtol(x->key, NULL, 10), q = strtol(y->key, NULL, 10);
    return p != q ? (p > q) - (p < q) : strcmp(x->key, y->key);
}

static int by_text(const void *a, const void *b)
{
    const row_group *x = a, *y = b;
    if (!*x->key != !*y->key)
        return *x->key ? -1 : 1; /* "" last */
    return strcmp(x->key, y->key);
}

void group_sort(group_list *g, enum light_group by)
{
    if (g->n > 1)
        qsort(g->v, g->n, sizeof *g->v, by == LIGHT_BY_AREA ? by_number : by_text);
}

static void row_group_free(row_group *r)
{
    free(r->key);
    free(r->title);
    free(r->rows);
}

void group_list_free(group_list *g)
{
    for (size_t i = 0; i < g->n; i++)
        row_group_free(&g->v[i]);
    free(g->v);
    memset(g, 0, sizeof *g);
}

int group_rows(const void *rows, size_t n, group_fields_fn fields, enum light_group by,
               enum group_order order, group_list *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        group_fields f = fields(rows, i);
        char area[REF_LEN];
        const char *key = group_key(by, f.ref, f.unit, f.leader, area);
        if (group_add(out, key, by == LIGHT_BY_AREA ? f.area_title : NULL, i)) {
            group_list_free(out);
            return DUBAN_ENOMEM;
        }
    }
    if (order == GROUP_ORDER_KEY)
        group_sort(out, by);
    return DUBAN_OK;
}

static group_fields overdue_fields(const void *rows, size_t i)
{
    const overdue_row *r = &((const overdue_row *)rows)[i];
    return (group_fields){r->ref, r->unit, r->leader, r->area_title};
}

int group_overdue(const overdue_list *l, enum light_group by, enum group_order order,
                  group_list *out)
{
    return group_rows(l->v, l->n, overdue_fields, by, order, out);
}
