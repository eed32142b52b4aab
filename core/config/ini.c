/* ini.c - the line index of an INI file (see ini.h). */
#include "config/ini.h"

#include <stdlib.h>
#include <string.h>

enum line_kind { L_EMPTY, L_SECTION, L_VALUE, L_ERROR };

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Strips s in place; returns s. */
static char *strip(char *s)
{
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n && is_space(s[n - 1]))
        s[--n] = '\0';
    return s;
}

static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s + 32);
}

/* The value after '=' as iniparser 4.1 reads it (rest is modified). */
static char *read_value(char *rest)
{
    while (is_space(*rest))
        rest++;
    if (*rest == '"' || *rest == '\'') {
        char *v = rest + 1, *end = strchr(v, *rest);
        if (!end)
            end = v + strlen(v);
        if (end > v) {
            *end = '\0';
            return v;
        }
    }
    if (!*rest || *rest == ';' || *rest == '#')
        return rest + strlen(rest); /* "" */
    rest[strcspn(rest, ";#")] = '\0';
    char *v = strip(rest);
    if (!strcmp(v, "\"\"") || !strcmp(v, "''"))
        *v = '\0';
    return v;
}

/* Classifies one logical line; *a is the section or key, *b the value. */
static enum line_kind parse_line(char *line, char **a, char **b)
{
    char *s = strip(line);
    size_t n = strlen(s);
    if (!n || s[0] == '#' || s[0] == ';')
        return L_EMPTY;
    if (s[0] == '[' && s[n - 1] == ']') {
        s[strcspn(s, "]")] = '\0';
        *a = strip(s + 1);
        lower(*a);
        return **a ? L_SECTION : L_ERROR;
    }
    char *eq = strchr(s, '=');
    if (!eq || eq == s)
        return L_ERROR;
    *eq = '\0';
    *a = strip(s);
    lower(*a);
    *b = read_value(eq + 1);
    return L_VALUE;
}

long ini_section_index(const ini_doc *doc, const char *name)
{
    for (size_t i = 0; i < doc->nsec; i++)
        if (!strcmp(doc->sec[i].name, name))
            return (long)i;
    return -1;
}

static int add_section(ini_doc *doc, const char *name, int line, size_t *idx)
{
    long found = ini_section_index(doc, name);
    if (found >= 0) {
        *idx = (size_t)found;
        return DUBAN_OK;
    }
    ini_section *sec = realloc(doc->sec, (doc->nsec + 1) * sizeof *sec);
    if (!sec)
        return DUBAN_ENOMEM;
    doc->sec = sec;
    char *copy = duban_strdup(name);
    if (!copy)
        return DUBAN_ENOMEM;
    sec[doc->nsec] = (ini_section){copy, line};
    *idx = doc->nsec++;
    return DUBAN_OK;
}

int ini_set_value(ini_entry *e, const char *value)
{
    char *copy = duban_strdup(value);
    if (!copy)
        return DUBAN_ENOMEM;
    free(e->value);
    e->value = copy;
    return DUBAN_OK;
}

static int add_entry(ini_doc *doc, size_t section, const char *key, const char *value, int line)
{
    for (size_t i = 0; i < doc->nent; i++) {
        ini_entry *e = &doc->ent[i];
        if (e->section == section && !strcmp(e->key, key)) {
            e->line = line;
            return ini_set_value(e, value);
        }
    }
    ini_entry *ent = realloc(doc->ent, (doc->nent + 1) * sizeof *ent);
    if (!ent)
        return DUBAN_ENOMEM;
    doc->ent = ent;
    ini_entry *e = &ent[doc->nent];
    *e = (ini_entry){section, duban_strdup(key), duban_strdup(value), line};
    if (!e->key || !e->value) {
        free(e->key);
        free(e->value);
        return DUBAN_ENOMEM;
    }
    doc->nent++;
    return DUBAN_OK;
}

/* Appends the next physical line to *logical; sets *more when it ends
 * with a backslash (continued).  Returns the bytes consumed, or 0 when a
 * line is too long. */
static size_t take_line(const char *p, const char *end, strbuf *logical, int *more)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (len > INI_LINE_MAX)
        return 0;
    size_t keep = len;
    while (keep && is_space(p[keep - 1]))
        keep--;
    *more = keep && p[keep - 1] == '\\';
    if (*more)
        keep--;
    if (strbuf_appendn(logical, p, keep) || logical->len > INI_LINE_MAX)
        return 0;
    return len + (nl ? 1 : 0);
}

static int scan_logical(const char *file, ini_doc *doc, char *text, int line, size_t *section,
                        duban_error *err)
{
    char *a = NULL, *b = NULL;
    switch (parse_line(text, &a, &b)) {
    case L_EMPTY:
        return DUBAN_OK;
    case L_SECTION:
        if (add_section(doc, a, line, section))
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        return DUBAN_OK;
    case L_VALUE:
        if (add_entry(doc, *section, a, b, line))
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        return DUBAN_OK;
    default:
        return duban_fail(err, DUBAN_ECONFIG,
                          "%s:%d: not a [section], key = value or comment: '%.60s'", file, line,
                          strip(text));
    }
}

static int scan_lines(const char *file, const char *p, const char *end, ini_doc *doc,
                      duban_error *err)
{
    strbuf logical = {0};
    size_t section = 0;
    int line = 0, rc = DUBAN_OK;
    while (p < end && !rc) {
        int first = line + 1, more = 1;
        strbuf_reset(&logical);
        while (more && p < end) {
            size_t used = take_line(p, end, &logical, &more);
            line++;
            if (!used) {
                rc = duban_fail(err, DUBAN_ECONFIG, "%s:%d: line longer than %d bytes", file, line,
                                INI_LINE_MAX);
                break;
            }
            p += used;
        }
        if (!rc && logical.len)
            rc = scan_logical(file, doc, logical.s, first, &section, err);
    }
    strbuf_free(&logical);
    return rc;
}

int ini_scan(const char *file, const char *text, size_t len, ini_doc *doc, duban_error *err)
{
    memset(doc, 0, sizeof *doc);
    size_t dummy;
    if (add_section(doc, "", 0, &dummy)) {
        ini_doc_free(doc); /* the array may have grown before the name failed */
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
        doc->bom = 1;
        text += 3;
        len -= 3;
    }
    int rc = scan_lines(file, text, text + len, doc, err);
    if (rc)
        ini_doc_free(doc);
    return rc;
}

void ini_doc_free(ini_doc *doc)
{
    for (size_t i = 0; i < doc->nsec; i++)
        free(doc->sec[i].name);
    for (size_t i = 0; i < doc->nent; i++) {
        free(doc->ent[i].key);
        free(doc->ent[i].value);
    }
    free(doc->sec);
    free(doc->ent);
    memset(doc, 0, sizeof *doc);
}

const ini_entry *ini_find(const ini_doc *doc, const char *section, const char *key)
{
    long s = ini_section_index(doc, section);
    for (size_t i = 0; s >= 0 && i < doc->nent; i++)
        if (doc->ent[i].section == (size_t)s && !strcmp(doc->ent[i].key, key))
            return &doc->ent[i];
    return NULL;
}

static int needs_quotes(const char *v)
{
    size_t n = strlen(v);
    return !n || strpbrk(v, ";#") || is_space(v[0]) || is_space(v[n - 1]) || v[0] == '"' ||
           v[0] == '\'' || v[n - 1] == '\\';
}

int ini_append_pair(strbuf *sb, const char *key, const char *value)
{
    if (!needs_quotes(value))
        return strbuf_printf(sb, "%s = %s\n", key, value);
    char q = strchr(value, '"') ? '\'' : '"';
    return strbuf_printf(sb, "%s = %c%s%c\n", key, q, value, q);
}
