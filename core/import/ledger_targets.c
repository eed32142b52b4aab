/* ledger_targets.c - a ledger's 量化指标 cell read back as the values of
 * the item's numeric targets (see ledger_priv.h). */
#include "import/ledger_priv.h"

#include "plan/target.h"

#include <stdlib.h>
#include <string.h>

/* The length of the part of the cell at s: up to "；", ";" or a line break. */
static size_t part_len(const char *s)
{
    size_t n = 0;
    while (s[n] && s[n] != ';' && s[n] != '\n' && strncmp(s + n, "；", 3))
        n++;
    return n;
}

/* "LABEL VALUE/GOAL UNIT": the label's length (up to the last space) and
 * the value: 1 with *value set, 0 when none was reported (— or -), -1
 * when the part is not of that form. */
static int split_part(const char *part, size_t *label_len, double *value)
{
    const char *sp = strrchr(part, ' '), *slash = sp ? strchr(sp, '/') : NULL;
    if (!sp || sp == part || !slash || slash == sp + 1)
        return -1;
    *label_len = (size_t)(sp - part);
    const char *num = sp + 1;
    size_t n = (size_t)(slash - num);
    if ((n == 1 && *num == '-') || (n == 3 && (!strncmp(num, "—", 3) || !strncmp(num, "－", 3))))
        return 0;
    char *end;
    *value = strtod(num, &end);
    return end == slash ? 1 : -1;
}

/* The first target not taken whose label is part[0..len), else nhits. */
static size_t target_named(const target_hit *hits, size_t nhits, const char *taken,
                           const char *part, size_t len)
{
    size_t k = 0;
    while (k < nhits &&
           (taken[k] || strlen(hits[k].label) != len || strncmp(hits[k].label, part, len)))
        k++;
    return k;
}

/* One trimmed part: its value into n->values, or a warning. */
static int read_part(const char *part, const target_hit *hits, size_t nhits, char *taken,
                     doc_node *n, const char *where, ledger_warnings *warn)
{
    size_t len = 0;
    double value = 0;
    int kind = split_part(part, &len, &value);
    size_t k = kind < 0 ? nhits : target_named(hits, nhits, taken, part, len);
    if (kind < 0)
        return lg_warn(warn, "%s: 量化指标 '%s' is not 'label value/goal'; not read", where, part);
    if (k == nhits)
        return lg_warn(warn, "%s: 量化指标 '%s' names no target of the item's text; not read",
                       where, part);
    taken[k] = 1;
    if (kind > 0)
        n->values[n->nvalues++] = (doc_target_value){(int)k + 1, value};
    return DUBAN_OK;
}

int lg_target_values(const char *cell, const char *title, const char *body, doc_node *n,
                     const char *where, ledger_warnings *warn)
{
    target_hit *hits = NULL;
    size_t nhits = 0, parts = 1;
    for (const char *p = cell; *p; p++)
        parts += *p == ';' || *p == '\n' || !strncmp(p, "；", 3);
    int rc = target_scan(title, &hits, &nhits) || target_scan(body, &hits, &nhits);
    char *taken = calloc(nhits + 1, 1); /* the targets a part named */
    n->values = calloc(parts, sizeof *n->values);
    rc = rc || !taken || !n->values ? DUBAN_ENOMEM : DUBAN_OK;
    for (const char *p = cell; *p && !rc;) {
        size_t len = part_len(p);
        char *raw = strndup(p, len), *part = raw ? lg_trimmed(raw) : NULL;
        if (!part)
            rc = DUBAN_ENOMEM;
        else if (*part)
            rc = read_part(part, hits, nhits, taken, n, where, warn);
        free(raw);
        free(part);
        p += len + (!p[len] ? 0 : strncmp(p + len, "；", 3) ? 1 : 3);
    }
    free(taken);
    target_hits_free(hits, nhits);
    return rc;
}
