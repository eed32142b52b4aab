/* config_check.c - checks of the merged configuration (config_validate):
 * a done status, distinct status glyphs and names, no key bound twice. */
#include "config/config_priv.h"

#include "config/keyname.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An error at origin o (which may be another file than the current). */
static int fail_at(loader *ld, config_origin o, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail_at(loader *ld, config_origin o, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ld->file = o.file ? o.file : CONFIG_BUILTIN_NAME;
    return config_fail(ld, o.line, "%s", msg);
}

/* 1 if a was set after b: the user's file beats the defaults, then the
 * later line wins. */
static int later(const loader *ld, config_origin a, config_origin b)
{
    int ra = a.file == ld->cfg->path ? 2 : a.file ? 1 : 0;
    int rb = b.file == ld->cfg->path ? 2 : b.file ? 1 : 0;
    return ra != rb ? ra > rb : a.line > b.line;
}

static int check_statuses(loader *ld)
{
    const status_set *set = &ld->cfg->statuses;
    int done = 0;
    for (size_t i = 0; i < set->n; i++)
        done |= set->v[i].done;
    if (!done)
        return fail_at(ld, ld->status_set_origin,
                       "no status has done = yes (one [status.*] section must be the done "
                       "status)");
    for (size_t j = 1; j < set->n; j++)
        for (size_t i = 0; i < j; i++) {
            const status_def *a = &set->v[i], *b = &set->v[j];
            if (!strcmp(a->glyph, b->glyph))
                return fail_at(ld, ld->status_origin[j],
                               "glyph '%s' of status '%s' is already the glyph of '%s'", b->glyph,
                               b->key, a->key);
            if (!strcmp(a->name, b->name))
                return fail_at(ld, ld->status_origin[j],
                               "name '%s' of status '%s' is already the name of '%s'", b->name,
                               b->key, a->key);
        }
    return DUBAN_OK;
}

typedef struct binding {
    int key;
    int action; /* index into cfg->actions, or -1 for a status */
    size_t status;
    config_origin origin;
} binding;

static void owner_name(const duban_config *cfg, const binding *b, char *out, size_t outsz)
{
    if (b->action >= 0)
        snprintf(out, outsz, "%s", cfg->actions[b->action].name);
    else
        snprintf(out, outsz, "status '%s'", cfg->statuses.v[b->status].key);
}

static int conflict(loader *ld, const binding *a, const binding *b)
{
    const binding *last = later(ld, a->origin, b->origin) ? a : b;
    const binding *first = last == a ? b : a;
    char key[32], o1[64], o2[64];
    keyname_format(a->key, key, sizeof key);
    owner_name(ld->cfg, first, o1, sizeof o1);
    owner_name(ld->cfg, last, o2, sizeof o2);
    return fail_at(ld, last->origin, "key '%s' is bound to both %s and %s", key, o1, o2);
}

static int check_keys(loader *ld)
{
    const duban_config *cfg = ld->cfg;
    binding *b = malloc((CONFIG_ACTIONS_MAX * CONFIG_KEYS_MAX + STATUS_MAX) * sizeof *b);
    if (!b)
        return duban_fail(ld->err, DUBAN_ENOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < cfg->nactions; i++)
        for (int k = 0; k < cfg->keys[i].n; k++)
            b[n++] = (binding){cfg->keys[i].key[k], (int)i, 0, ld->key_origin[i]};
    for (size_t s = 0; s < cfg->statuses.n; s++)
        if (cfg->statuses.v[s].shortcut)
            b[n++] = (binding){cfg->statuses.v[s].shortcut, -1, s, ld->status_key_origin[s]};
    int rc = DUBAN_OK;
    for (size_t j = 1; j < n && !rc; j++)
        for (size_t i = 0; i < j && !rc; i++)
            if (b[i].key == b[j].key)
                rc = conflict(ld, &b[i], &b[j]);
    free(b);
    return rc;
}

static int from_user(const loader *ld, config_origin o)
{
    return o.file && o.file == ld->cfg->path;
}

/* Removes key from every binding that still comes from the defaults. */
static int release_default(loader *ld, int key, size_t owner, config_origin at)
{
    duban_config *cfg = ld->cfg;
    for (size_t j = 0; j < cfg->nactions; j++) {
        if (j == owner || from_user(ld, ld->key_origin[j]))
            continue;
        int n = 0;
        for (int k = 0; k < cfg->keys[j].n; k++)
            if (cfg->keys[j].key[k] != key)
                cfg->keys[j].key[n++] = cfg->keys[j].key[k];
        if (n == cfg->keys[j].n)
            continue;
        cfg->keys[j].n = n;
        ld->file = at.file;
        if (!n && config_warn(ld, at.line, "%s now has no key (its default was taken by %s)",
                              cfg->actions[j].name, cfg->actions[owner].name))
            return DUBAN_ENOMEM;
    }
    for (size_t s = 0; s < cfg->statuses.n; s++)
        if (cfg->statuses.v[s].shortcut == key && !from_user(ld, ld->status_key_origin[s]))
            cfg->statuses.v[s].shortcut = 0;
    return DUBAN_OK;
}

/* A key the user binds is taken from whichever action had it by default
 * (as in vi or tig); only two bindings the user wrote can conflict. */
static int release_taken_defaults(loader *ld)
{
    duban_config *cfg = ld->cfg;
    for (size_t i = 0; i < cfg->nactions; i++) {
        if (!from_user(ld, ld->key_origin[i]))
            continue;
        for (int k = 0; k < cfg->keys[i].n; k++)
            if (release_default(ld, cfg->keys[i].key[k], i, ld->key_origin[i]))
                return DUBAN_ENOMEM;
    }
    return DUBAN_OK;
}

int config_validate(loader *ld)
{
    int rc = check_statuses(ld);
    if (!rc)
        rc = release_taken_defaults(ld);
    return rc ? rc : check_keys(ld);
}
