/* strpool.c - many short strings in one buffer (see strpool.h). */
#include "base/strpool.h"
#include "base/error.h"

#include <stdlib.h>
#include <string.h>

#define POOL_MAX ((size_t)UINT32_MAX - 1) /* offsets are 32 bits */

static int reserve(strpool *p, size_t more)
{
    size_t need = p->len + more + (p->len ? 0 : 1);
    if (need > POOL_MAX)
        return DUBAN_ENOMEM;
    if (need <= p->cap)
        return DUBAN_OK;
    size_t cap = p->cap ? p->cap : 256;
    while (cap < need)
        cap *= 2;
    char *s = realloc(p->s, cap);
    if (!s)
        return DUBAN_ENOMEM;
    if (!p->len)
        s[p->len++] = '\0'; /* offset 0: "" */
    p->s = s;
    p->cap = cap;
    return DUBAN_OK;
}

int strpool_add(strpool *p, const char *s, uint32_t *off)
{
    size_t n = s ? strlen(s) : 0;
    if (!n) {
        *off = 0;
        return DUBAN_OK;
    }
    if (reserve(p, n + 1))
        return DUBAN_ENOMEM;
    memcpy(p->s + p->len, s, n + 1);
    *off = (uint32_t)p->len;
    p->len += n + 1;
    return DUBAN_OK;
}

static size_t hash(const char *s)
{
    size_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Doubles the intern table (from 64 slots) and puts every text back. */
static int grow_slots(strpool *p)
{
    size_t n = p->nslots ? p->nslots * 2 : 64;
    uint32_t *v = calloc(n, sizeof *v);
    if (!v)
        return DUBAN_ENOMEM;
    for (size_t i = 0; i < p->nslots; i++) {
        if (!p->slots[i])
            continue;
        size_t j = hash(p->s + p->slots[i] - 1) & (n - 1);
        while (v[j])
            j = (j + 1) & (n - 1);
        v[j] = p->slots[i];
    }
    free(p->slots);
    p->slots = v;
    p->nslots = n;
    return DUBAN_OK;
}

int strpool_intern(strpool *p, const char *s, uint32_t *off)
{
    if (!s || !*s) {
        *off = 0;
        return DUBAN_OK;
    }
    if ((p->nused + 1) * 2 > p->nslots && grow_slots(p))
        return DUBAN_ENOMEM;
    size_t j = hash(s) & (p->nslots - 1);
    for (; p->slots[j]; j = (j + 1) & (p->nslots - 1))
        if (!strcmp(p->s + p->slots[j] - 1, s)) {
            *off = p->slots[j] - 1;
            return DUBAN_OK;
        }
    if (strpool_add(p, s, off))
        return DUBAN_ENOMEM;
    p->slots[j] = *off + 1;
    p->nused++;
    return DUBAN_OK;
}

void strpool_trim(strpool *p)
{
    if (!p->s || p->len == p->cap)
        return;
    char *s = realloc(p->s, p->len);
    if (s) {
        p->s = s;
        p->cap = p->len;
    }
}

size_t strpool_bytes(const strpool *p)
{
    return p->cap + p->nslots * sizeof *p->slots;
}

void strpool_free(strpool *p)
{
    free(p->s);
    free(p->slots);
    memset(p, 0, sizeof *p);
}
