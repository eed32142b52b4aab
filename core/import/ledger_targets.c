/* ledger_targets.c - a ledger's 量化指标 cell read back as the values of
 * the item's numeric targets (see ledger_priv.h). */
#include "import/ledger_priv.h"

#include "plan/target.h"

#include <stdlib.h>
#include <string.h>

/* The next part of the cell: up to "；", ";" or a line break; *len its
 * length, and where the one after it starts. */
static const char *next_part(const char *s, size_t *len)
{
    size_t n = 0;
    while (s[n] && s[n] != ';' && s[n] != '\n' && strncmp(s + n, "；", 3))
        n++;
    *len = n;
    return s[n] ? s + n + (strncmp(s + n, "；", 3) ? 1 : 3) : s + n;
}

static int is_space(const char *s, size_t *w)
{
    *w = *s == ' ' || *s == '\t' || *s == '\r' ? 1 : !strncmp(s, "\xE3\x80\x80", 3) ? 3 : 0;
    return *w > 0;
}

/* part[0..len) without white space at either end, copied into out. */
static void trim_part(const char *part, size_t len, char *out, size_t outsz)
{
    size_t w;
    while (len && is_space(part, &w) && w <= len) {
        part += w;
        len -= w;
    }
    while (len && (part[len - 1] == ' ' || part[len - 1] == '\t' || part[len - 1] == '\r'))
        len--;
    while (len >= 3 && !strncmp(part + len - 3, "\xE3\x80\x80", 3))
        len -= 3;
    if (len >= outsz)
        len = outsz - 1;
    memcpy(out, part, len);
    out[len] = '\0';
}

/* "LABEL VALUE/GOAL UNIT" into its label (cut at the last space) and
 * value: 1 with *value set, 0 when none was reported (— or -), -1 when
 * the part is not of that form. */
static int split_part(char *part, char **label, double *value)
{
    char *sp = strrchr(part, ' ');
    if (!sp || sp == part)
        return -1;
    *sp = '\0';
    *label = part;
    char *num = sp + 1, *slash = strchr(num, '/');
    if (!slash || slash == num)
        return -1;
    *slash = '\0';
    if (!strcmp(num, "—") || !strcmp(num, "-") || !strcmp(num, "－"))
        return 0;
    char *end;
    *value = strtod(num, &end);
    return *end || end == num ? -1 : 1;
}

int lg_target_values(const char *cell, const char *title, const char *body, doc_node *n,
                     const char *where, ledger_warnings *warn)
{
    target_hit *hits = NULL;
    size_t nhits = 0;
    if (target_scan(title, &hits, &nhits) || target_scan(body, &hits, &nhits)) {
        target_hits_free(hits, nhits);
        return DUBAN_ENOMEM;
    }
    char *taken = calloc(nhits ? nhits : 1, 1);
    size_t parts = 1;
    for (const char *p = cell; *p; p++)
        parts += *p == ';' || *p == '\n' || !strncmp(p, "；", 3);
    n->values = calloc(parts, sizeof *n->values);
    int rc = taken && n->values ? DUBAN_OK : DUBAN_ENOMEM;
    for (const char *p = cell; *p && !rc;) {
        size_t len;
        const char *part = p;
        p = next_part(p, &len);
        char text[512], *label;
        trim_part(part, len, text, sizeof text);
        if (!*text)
            continue;
        char shown[512];
        memcpy(shown, text, sizeof shown);
        double value = 0;
        int kind = split_part(text, &label, &value);
        size_t k = 0;
        while (kind >= 0 && k < nhits && (taken[k] || strcmp(hits[k].label, label)))
            k++;
        if (kind < 0)
            rc = lg_warn(warn, "%s: 量化指标 '%s' is not 'label value/goal'; not read", where,
                         shown);
        else if (k == nhits)
            rc = lg_warn(warn, "%s: 量化指标 '%s' names no target of the item's text; not read",
                         where, shown);
        else {
            taken[k] = 1;
            if (kind > 0)
                n->values[n->nvalues++] = (doc_target_value){(int)k + 1, value};
        }
    }
    free(taken);
    target_hits_free(hits, nhits);
    return rc;
}
