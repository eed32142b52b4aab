/* vm_items.c - an area's items kept compact (see vm_items.h). */
#include "screen/vm_items.h"

#include <stdlib.h>
#include <string.h>

static int pack(strpool *p, vm_item *o, const node *n)
{
    if (strpool_add(p, n->ref, &o->ref) || strpool_add(p, n->title, &o->title) ||
        strpool_intern(p, n->status, &o->status) || strpool_intern(p, n->unit, &o->unit) ||
        strpool_intern(p, n->leader, &o->leader) || strpool_intern(p, n->state, &o->state))
        return DUBAN_ENOMEM;
    o->id = n->id;
    o->parent_id = n->parent_id;
    o->seq = n->seq;
    o->line = n->line;
    o->depth = (unsigned char)n->depth;
    memcpy(o->due, n->due, sizeof o->due);
    memcpy(o->extended_due, n->extended_due, sizeof o->extended_due);
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
    memcpy(out->due, o->due, sizeof out->due);
    memcpy(out->extended_due, o->extended_due, sizeof out->extended_due);
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

size_t vm_items_find(const vm_items *it, int64_t id)
{
    size_t k = 0;
    while (k < it->n && it->v[k].id != id)
        k++;
    return k;
}

void vm_items_free(vm_items *it)
{
    free(it->v);
    strpool_free(&it->pool);
    memset(it, 0, sizeof *it);
}
