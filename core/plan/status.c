#include "plan/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* English aliases accepted on the command line besides key, name and number. */
static const struct {
    const char *alias, *key;
} aliases[] = {
    {"todo", "not_started"},  {"new", "not_started"},     {"open", "not_started"},
    {"doing", "in_progress"}, {"started", "in_progress"}, {"wip", "in_progress"},
    {"late", "behind"},       {"delayed", "behind"},      {"stuck", "blocked"},
    {"finished", "done"},     {"complete", "done"},       {"closed", "done"},
};

static const status_set defaults = {
    .v =
        {
            {"not_started", "未启动", "[ ]", "white", '1', 0, STATUS_ROLE_NONE},
            {"in_progress", "推进中", "[>]", "cyan", '2', 0, STATUS_ROLE_NONE},
            {"behind", "滞后", "[!]", "yellow", '3', 0, STATUS_ROLE_BEHIND},
            {"blocked", "受阻", "[#]", "red", '4', 0, STATUS_ROLE_BLOCKED},
            {"done", "已完成", "[x]", "green", '5', 1, STATUS_ROLE_NONE},
        },
    .n = 5,
};

const status_set *status_defaults(void)
{
    return &defaults;
}

const status_def *status_by_key(const status_set *set, const char *key)
{
    for (size_t i = 0; key && i < set->n; i++)
        if (!strcmp(set->v[i].key, key))
            return &set->v[i];
    return NULL;
}

static const status_def *by_number(const status_set *set, const char *word)
{
    char *end;
    long n = strtol(word, &end, 10);
    if (*end || end == word || n < 1 || (size_t)n > set->n)
        return NULL;
    return &set->v[n - 1];
}

const status_def *status_lookup(const status_set *set, const char *word)
{
    if (!word || !*word)
        return NULL;
    for (size_t i = 0; i < set->n; i++)
        if (!strcasecmp(set->v[i].key, word) || !strcmp(set->v[i].name, word))
            return &set->v[i];
    /* "in-progress" is a natural spelling of the in_progress key */
    char norm[64];
    snprintf(norm, sizeof norm, "%s", word);
    for (char *p = norm; *p; p++)
        if (*p == '-' || *p == ' ')
            *p = '_';
    for (size_t i = 0; i < set->n; i++)
        if (!strcasecmp(set->v[i].key, norm))
            return &set->v[i];
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (!strcasecmp(aliases[i].alias, word))
            return status_by_key(set, aliases[i].key);
    return by_number(set, word);
}

const status_def *status_next(const status_set *set, const char *key)
{
    for (size_t i = 0; key && i < set->n; i++)
        if (!strcmp(set->v[i].key, key))
            return &set->v[(i + 1) % set->n];
    return set->n ? &set->v[0] : NULL;
}

int status_is_done(const status_set *set, const char *key)
{
    const status_def *d = status_by_key(set, key);
    return d && d->done;
}

enum status_role status_role_of(const status_set *set, const char *key)
{
    const status_def *d = status_by_key(set, key);
    return d && d->role > STATUS_ROLE_NONE && d->role < STATUS_ROLE_COUNT
               ? (enum status_role)d->role
               : STATUS_ROLE_NONE;
}

static const char *const role_names[STATUS_ROLE_COUNT] = {"none", "behind", "blocked"};

const char *status_role_name(enum status_role role)
{
    return (unsigned)role < STATUS_ROLE_COUNT ? role_names[role] : role_names[0];
}

int status_role_parse(const char *name, enum status_role *role)
{
    for (int i = 0; name && i < STATUS_ROLE_COUNT; i++)
        if (!strcmp(name, role_names[i])) {
            *role = (enum status_role)i;
            return 0;
        }
    return -1;
}

int status_done_json(const status_set *set, char *out, size_t outsz)
{
    size_t len = 0;
    int n = snprintf(out, outsz, "[");
    if (n < 0 || (size_t)n >= outsz)
        return -1;
    len = (size_t)n;
    int first = 1;
    for (size_t i = 0; i < set->n; i++) {
        if (!set->v[i].done)
            continue;
        n = snprintf(out + len, outsz - len, "%s\"%s\"", first ? "" : ",", set->v[i].key);
        if (n < 0 || (size_t)n >= outsz - len)
            return -1;
        len += (size_t)n;
        first = 0;
    }
    n = snprintf(out + len, outsz - len, "]");
    return n < 0 || (size_t)n >= outsz - len ? -1 : 0;
}
