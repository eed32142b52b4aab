/* import.c - reading a plan file into a plan_doc (see import.h). */
#include "import/import.h"

#include "import/import_priv.h"
#include "base/strbuf.h"
#include "text/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TITLE_MAX_CHARS 60

static int line_of(const char *text, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

/* Empty input, NUL bytes and invalid UTF-8 are refused before parsing. */
static int check_bytes(const char *name, const char *text, size_t len, duban_error *err)
{
    size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, bad;
    if (len == bom)
        return duban_fail(err, DUBAN_EPARSE, "%s:1: empty file", name);
    const char *nul = memchr(text, '\0', len);
    if (nul)
        return duban_fail(err, DUBAN_EPARSE, "%s:%d: NUL byte (binary file?)", name,
                          line_of(text, (size_t)(nul - text)));
    if (!utf8_valid(text, len, &bad))
        return duban_fail(err, DUBAN_EPARSE, "%s:%d: invalid UTF-8 (byte 0x%02X)", name,
                          line_of(text, bad), (unsigned char)text[bad]);
    return DUBAN_OK;
}

/* Drops blank lines and sets numbering marks; returns the count kept. */
static size_t content_lines(imp_line *lines, size_t n)
{
    size_t keep = 0;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].len == 0)
            continue;
        lines[keep] = lines[i];
        imp_number(lines[keep].s, lines[keep].len, &lines[keep].mark);
        keep++;
    }
    return keep;
}

/* First preamble line cut to TITLE_MAX_CHARS, else the base name of name
 * without its extension. */
static char *default_title(const char *name, const char *preamble)
{
    size_t n = strcspn(preamble, "\n");
    if (n) {
        size_t chars = 0, k;
        uint32_t cp;
        for (size_t i = 0; i < n; i += k)
            if ((k = utf8_decode(preamble + i, n - i, &cp)) && ++chars > TITLE_MAX_CHARS)
                n = i;
        return strndup(preamble, n);
    }
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    return strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* Year: argument, header year, header period, 20xx年 in the text, today. */
static int choose_year(int year, long today, const imp_header *h, const imp_line *lines, size_t n,
                       int *out, duban_error *err)
{
    if (!year)
        year = h->year;
    if (!year && h->start[0])
        year = atoi(h->start);
    if (!year)
        year = imp_guess_year(lines, n);
    if (!year) {
        int m, d;
        date_to_ymd(today, &year, &m, &d);
    }
    if (year < 1900 || year > 9998)
        return duban_fail(err, DUBAN_EINVAL, "year %d out of range", year);
    *out = year;
    return DUBAN_OK;
}

static int out_of_memory(duban_error *err)
{
    return duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

static char *take(char **s)
{
    char *t = *s;
    *s = NULL;
    return t;
}

/* Builds the tree, then year, title, source, period, milestones, dues. */
static int fill_doc(const char *name, imp_header *h, imp_line *lines, size_t n, int last_line,
                    int year, long today, plan_doc *doc, duban_error *err)
{
    if (imp_build_tree(lines, n, doc))
        return out_of_memory(err);
    if (doc->nnodes == 0)
        return duban_fail(err, DUBAN_EPARSE,
                          "%s:%d: no areas found (expected headings such as 一、 or 1.)", name,
                          n ? lines[0].no : last_line);
    int rc = choose_year(year, today, h, lines, n, &doc->year, err);
    if (rc)
        return rc;
    doc->title = h->title ? take(&h->title) : default_title(name, doc->preamble);
    doc->source = h->source ? take(&h->source) : strdup(name);
    if (!doc->title || !doc->source)
        return out_of_memory(err);
    if (h->start[0]) {
        memcpy(doc->start, h->start, DATE_LEN);
        memcpy(doc->end, h->end, DATE_LEN);
    } else {
        imp_guess_period(doc);
    }
    return imp_set_milestones(doc) || imp_set_roles(doc) ? out_of_memory(err) : DUBAN_OK;
}

static int all_blank(const imp_line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lines[i].len)
            return 0;
    return 1;
}

int import_parse(const char *name, const char *text, size_t len, int year, long today,
                 plan_doc *out, duban_error *err)
{
    if (!name)
        name = "<input>";
    if (!text)
        len = 0;
    int rc = check_bytes(name, text, len, err);
    if (rc)
        return rc;
    imp_line *lines;
    size_t n, used = 0;
    if (imp_split_lines(text, len, &lines, &n))
        return out_of_memory(err);
    plan_doc doc = {0};
    imp_header h = {0};
    if (all_blank(lines, n))
        rc = duban_fail(err, DUBAN_EPARSE, "%s:1: no text (only white space)", name);
    else
        rc = imp_header_parse(name, lines, n, &used, &h, err);
    if (rc == DUBAN_OK)
        rc = fill_doc(name, &h, lines + used, content_lines(lines + used, n - used),
                      lines[n - 1].no, year, today, &doc, err);
    imp_header_free(&h);
    free(lines);
    if (rc) {
        plan_doc_free(&doc);
        return rc;
    }
    duban_error_clear(err);
    *out = doc;
    return DUBAN_OK;
}

int import_file(const char *path, int year, long today, plan_doc *out, duban_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return duban_fail(err, DUBAN_EIO, "%s: %s", path, strerror(errno));
    strbuf sb = {0};
    char buf[65536];
    size_t got;
    int rc = DUBAN_OK;
    while (rc == DUBAN_OK && (got = fread(buf, 1, sizeof buf, f)) > 0)
        if (strbuf_appendn(&sb, buf, got))
            rc = out_of_memory(err);
    if (rc == DUBAN_OK && ferror(f))
        rc = duban_fail(err, DUBAN_EIO, "%s: %s", path, strerror(errno));
    fclose(f);
    if (rc == DUBAN_OK)
        rc = import_parse(path, strbuf_str(&sb), sb.len, year, today, out, err);
    strbuf_free(&sb);
    return rc;
}
