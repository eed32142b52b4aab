/* vm_items.c - an area's items kept compact (see vm_items.h). */
#include "screen/vm_items.h"

#include "query/query.h"

#include <stdlib.h>
#include <string.h>

static int pack(strpool *p, vm_item *o, const node *n)
{
    if (strpool_add(p, n->ref, &o->ref) || strpool_add(p, n->title, &o->title) ||
        strpool_intern(p, n->status, &o->status) || strpool_intern(p, n->unit, &o->unit) ||
        strpool_intern(p, n->leader, &o->leader) || strpool_intern(p, n->state, &o->state) ||
        strpool_intern(p, n->due, &o->due) || strpool_intern(p, n->extended_due, &o->extended_due))
        return DUBAN_ENOMEM;
    o->id = n->id;
    o->parent_id = n->parent_id;
    o->seq = n->seq;
    o->line = n->line;
    o->depth = (unsigned char)n->depth;
    return DUBAN_OK;
}

int vm_items_take(vm_items *out, node_list *l, duban_error *err)
{
    vm_items it = {0};
    int rc = DUBAN_OK;
    if (l->n && !(it.v = malloc(l->n * sizeof *it.v)))
        rc = DUBAN_ENOMEM;
    for (size_t k = 0; !rc && k < l->n; k++)
        rc = pack(&it.pool, &it.v[it.n++], &l->v[k]);
    it.plan_id = l->n ? l->v[0].plan_id : 0;
    node_list_free(l);
    if (rc) {
        vm_items_free(&it);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    strpool_trim(&it.pool);
    vm_items_free(out);
    *out = it;
    return DUBAN_OK;
}

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    n = n < size ? n : size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void vm_items_get(const vm_items *it, size_t k, node *out)
{
    const vm_item *o = &it->v[k];
    const strpool *p = &it->pool;
    memset(out, 0, sizeof *out);
    out->id = o->id;
    out->plan_id = it->plan_id;
    out->parent_id = o->parent_id;
    out->depth = o->depth;
    out->seq = o->seq;
    out->line = o->line;
    out->children = -1;
    copy_str(out->ref, sizeof out->ref, strpool_str(p, o->ref));
    copy_str(out->status, sizeof out->status, strpool_str(p, o->status));
    copy_str(out->state, sizeof out->state, strpool_str(p, o->state));
    copy_str(out->due, sizeof out->due, strpool_str(p, o->due));
    copy_str(out->extended_due, sizeof out->extended_due, strpool_str(p, o->extended_due));
    /* borrowed: the node's strings are the pool's (never node_free) */
    out->title = (char *)strpool_str(p, o->title);
    out->body = (char *)strpool_str(p, 0);
    out->unit = (char *)strpool_str(p, o->unit);
    out->leader = (char *)strpool_str(p, o->leader);
}

int vm_items_set(vm_items *it, size_t k, const node *n, duban_error *err)
{
    vm_item o = it->v[k];
    if (pack(&it->pool, &o, n))
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    it->v[k] = o; /* the old texts stay in the pool until the area is read again */
    return DUBAN_OK;
}

static int cmp_key(const void *a, const void *b)
{
    const vm_item_key *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

size_t vm_items_find(vm_items *it, int64_t id)
{
    if (!it->by_id && it->n && (it->by_id = malloc(it->n * sizeof *it->by_id))) {
        for (size_t k = 0; k < it->n; k++)
            it->by_id[k] = (vm_item_key){it->v[k].id, k};
        qsort(it->by_id, it->n, sizeof *it->by_id, cmp_key);
    }
    if (it->by_id) {
        vm_item_key want = {id, 0};
        const vm_item_key *hit = bsearch(&want, it->by_id, it->n, sizeof *it->by_id, cmp_key);
        return hit ? hit->k : it->n;
    }
    size_t k = 0; /* out of memory: a walk */
    while (k < it->n && it->v[k].id != id)
        k++;
    return k;
}

void vm_items_free(vm_items *it)
{
    free(it->by_id);
    free(it->v);
    strpool_free(&it->pool);
    memset(it, 0, sizeof *it);
}

static int pack_light(strpool *p, vm_light_row *o, const item_light *l)
{
    if (strpool_add(p, l->ref, &o->ref) || strpool_intern(p, l->status, &o->status) ||
        strpool_intern(p, l->unit, &o->unit) || strpool_intern(p, l->leader, &o->leader) ||
        strpool_intern(p, l->due, &o->due) ||
        strpool_intern(p, l->extended_due, &o->extended_due) ||
        strpool_intern(p, l->deadline, &o->deadline))
        return DUBAN_ENOMEM;
    o->node_id = l->node_id;
    o->depth = (unsigned char)l->depth;
    o->done = (unsigned char)(l->done != 0);
    o->light = (unsigned char)l->light;
    return DUBAN_OK;
}

int vm_lights_take(vm_lights *out, item_light_list *l, duban_error *err)
{
    vm_lights ls = {0};
    int rc = DUBAN_OK;
    if (l->n && !(ls.v = malloc(l->n * sizeof *ls.v)))
        rc = DUBAN_ENOMEM;
    for (size_t k = 0; !rc && k < l->n; k++)
        rc = pack_light(&ls.pool, &ls.v[ls.n++], &l->v[k]);
    ls.area_id = l->n ? l->v[0].area_id : 0;
    ls.area_seq = l->n ? l->v[0].area_seq : 0;
    item_light_list_free(l);
    if (rc) {
        vm_lights_free(&ls);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    strpool_trim(&ls.pool);
    vm_lights_free(out);
    *out = ls;
    return DUBAN_OK;
}

void vm_lights_get(const vm_lights *ls, size_t k, item_light *out)
{
    const vm_light_row *o = &ls->v[k];
    const strpool *p = &ls->pool;
    memset(out, 0, sizeof *out);
    out->node_id = o->node_id;
    out->area_id = ls->area_id;
    out->area_seq = ls->area_seq;
    out->depth = o->depth;
    out->done = o->done;
    out->light = (light)o->light;
    copy_str(out->ref, sizeof out->ref, strpool_str(p, o->ref));
    copy_str(out->status, sizeof out->status, strpool_str(p, o->status));
    copy_str(out->due, sizeof out->due, strpool_str(p, o->due));
    copy_str(out->extended_due, sizeof out->extended_due, strpool_str(p, o->extended_due));
    copy_str(out->deadline, sizeof out->deadline, strpool_str(p, o->deadline));
    /* borrowed: the pool's (never item_light_free_one) */
    out->unit = (char *)strpool_str(p, o->unit);
    out->leader = (char *)strpool_str(p, o->leader);
}

int vm_lights_set(vm_lights *ls, size_t k, const item_light *l, duban_error *err)
{
    vm_light_row o = ls->v[k];
    if (pack_light(&ls->pool, &o, l))
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    ls->v[k] = o; /* the old texts stay in the pool until the area is read again */
    return DUBAN_OK;
}

size_t vm_lights_find(const vm_lights *ls, int64_t id)
{
    size_t k = 0;
    while (k < ls->n && ls->v[k].node_id != id)
        k++;
    return k;
}

void vm_lights_free(vm_lights *ls)
{
    free(ls->v);
    strpool_free(&ls->pool);
    memset(ls, 0, sizeof *ls);
}
