/* ledger_xlsx.c - the first worksheet of an XLSX workbook read into a
 * grid (see ledger_priv.h).
 *
 * The container is read with libzip (opened here, not at start:
 * import/zip_lib.h) and the XML with expat, both kept by
 * Debian and fuzzed upstream, rather than code of our own: a workbook
 * comes from outside (mailed around the county) and zip and XML are where
 * parsers break.  Every part is unpacked with a cap (LEDGER_MAX_BYTES) on
 * what is actually inflated, whatever the zip's directory claims; a DTD
 * (entity expansion) stops the parse.
 *
 * Parts: xl/workbook.xml (the first sheet's name and relationship id),
 * xl/_rels/workbook.xml.rels (its part name), xl/sharedStrings.xml
 * (strings, rich text runs joined, phonetic runs dropped), the sheet
 * (cells: shared, inline and formula strings, numbers as written, booleans;
 * merged ranges filled with their top-left value).
 */
#include "import/ledger_priv.h"

#include "base/strbuf.h"
#include "import/zip_lib.h"

#include <expat.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An open workbook: libzip and the archive read through it. */
typedef struct xlsx_zip {
    zip_lib lib;
    zip_t *za;
} xlsx_zip;

/* The unpacked part name, or DUBAN_ENOTFOUND (quietly) when absent. */
static int unpack(xlsx_zip *z, const char *path, const char *name, strbuf *out, duban_error *err)
{
    zip_int64_t idx = z->lib.zip_name_locate(z->za, name, 0);
    if (idx < 0)
        return DUBAN_ENOTFOUND;
    zip_file_t *zf = z->lib.zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (!zf) {
        int ze = z->lib.zip_error_code_zip(z->lib.zip_get_error(z->za));
        if (ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_WRONGPASSWD || ze == ZIP_ER_ENCRNOTSUPP)
            return duban_fail(err, DUBAN_EPARSE, "%s: the workbook is password-protected", path);
        return duban_fail(err, DUBAN_EPARSE, "%s: cannot unpack %s: %s", path, name,
                          z->lib.zip_strerror(z->za));
    }
    char buf[65536];
    zip_int64_t n;
    int rc = DUBAN_OK;
    while (!rc && (n = z->lib.zip_fread(zf, buf, sizeof buf)) > 0) {
        if (out->len + (size_t)n > LEDGER_MAX_BYTES)
            rc = duban_fail(err, DUBAN_EPARSE, "%s: %s unpacks to more than %u MiB", path, name,
                            LEDGER_MAX_BYTES >> 20);
        else if (strbuf_appendn(out, buf, (size_t)n))
            rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    if (!rc && n < 0)
        rc = duban_fail(err, DUBAN_EPARSE, "%s: %s is corrupt: %s", path, name,
                        z->lib.zip_file_strerror(zf));
    z->lib.zip_fclose(zf);
    return rc;
}

/* The element name without a namespace prefix ("x:row" -> "row"). */
static const char *local(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (!strcmp(local(atts[i]), name))
            return atts[i + 1];
    return NULL;
}

/* What every handler shares: the parser (to stop it), a failure code. */
typedef struct xml_ctx {
    XML_Parser parser;
    int failed;
    duban_error *err;
    strbuf text; /* character data being collected */
    int collect; /* inside an element whose text counts */
    int doctype; /* a DTD was seen: the parse stopped */
} xml_ctx;

static void *ud_of(void *arg)
{
    return XML_GetUserData((XML_Parser)arg);
}

static void stop(xml_ctx *x, int rc)
{
    if (!x->failed)
        x->failed = rc;
    XML_StopParser(x->parser, XML_FALSE);
}

static void XMLCALL collect_text(void *arg, const XML_Char *s, int len)
{
    xml_ctx *x = ud_of(arg);
    if (x->collect && strbuf_appendn(&x->text, s, (size_t)len))
        stop(x, duban_fail(x->err, DUBAN_ENOMEM, "out of memory"));
}

static void XMLCALL no_doctype(void *arg, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int internal)
{
    (void)name, (void)sysid, (void)pubid, (void)internal;
    xml_ctx *x = ud_of(arg);
    x->doctype = 1;
    XML_StopParser(x->parser, XML_FALSE);
}

/* Parses xml; x (the first member of the handlers' user data ud) gets
 * the parser.  Handlers receive the parser: use ud_of(arg). */
static int parse_xml(const char *path, const char *part, const strbuf *xml, xml_ctx *x, void *ud,
                     XML_StartElementHandler start, XML_EndElementHandler end)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p)
        return duban_fail(x->err, DUBAN_ENOMEM, "out of memory");
    x->parser = p;
    XML_SetUserData(p, ud);
    XML_UseParserAsHandlerArg(p);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, collect_text);
    XML_SetStartDoctypeDeclHandler(p, no_doctype);
    int ok = XML_Parse(p, strbuf_str(xml), (int)xml->len, XML_TRUE) == XML_STATUS_OK;
    int rc = DUBAN_OK;
    if (x->doctype)
        rc = duban_fail(x->err, DUBAN_EPARSE, "%s: %s has a DTD (not allowed)", path, part);
    else if (x->failed)
        rc = x->failed;
    else if (!ok)
        rc = duban_fail(x->err, DUBAN_EPARSE, "%s: %s is not valid XML (line %lu: %s)", path, part,
                        (unsigned long)XML_GetCurrentLineNumber(p),
                        XML_ErrorString(XML_GetErrorCode(p)));
    XML_ParserFree(p);
    strbuf_free(&x->text);
    return rc;
}

/* ---- workbook.xml and its relationships: the first sheet's part ---- */

typedef struct book_ctx {
    xml_ctx x;
    char *sheet, *rid, *target; /* first sheet's name, r:id; the rel's target */
} book_ctx;

static void XMLCALL book_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
    book_ctx *b = ud_of(arg);
    const char *n = local(name);
    if (!strcmp(n, "sheet") && !b->sheet) {
        const char *nm = attr(atts, "name"), *id = attr(atts, "id");
        b->sheet = strdup(nm ? nm : "Sheet1");
        b->rid = strdup(id ? id : "");
        if (!b->sheet || !b->rid)
            stop(&b->x, duban_fail(b->x.err, DUBAN_ENOMEM, "out of memory"));
    } else if (!strcmp(n, "Relationship") && b->rid && !b->target) {
        const char *id = attr(atts, "Id"), *t = attr(atts, "Target");
        if (id && t && !strcmp(id, b->rid)) {
            b->target = *t == '/' ? strdup(t + 1) : (char *)malloc(strlen(t) + 4);
            if (b->target && *t != '/')
                sprintf(b->target, "xl/%s", t);
            if (!b->target)
                stop(&b->x, duban_fail(b->x.err, DUBAN_ENOMEM, "out of memory"));
        }
    }
}

static void XMLCALL no_end(void *arg, const XML_Char *name)
{
    (void)arg, (void)name;
}

static int first_sheet(xlsx_zip *z, const char *path, book_ctx *b, duban_error *err)
{
    strbuf xml = {0};
    b->x.err = err;
    int rc = unpack(z, path, "xl/workbook.xml", &xml, err);
    if (rc == DUBAN_ENOTFOUND)
        rc = duban_fail(err, DUBAN_EPARSE, "%s: not an XLSX workbook (no xl/workbook.xml)", path);
    if (!rc)
        rc = parse_xml(path, "xl/workbook.xml", &xml, &b->x, b, book_start, no_end);
    strbuf_free(&xml);
    if (!rc && !b->sheet)
        rc = duban_fail(err, DUBAN_EPARSE, "%s: the workbook has no sheet", path);
    if (!rc && !unpack(z, path, "xl/_rels/workbook.xml.rels", &xml, err))
        rc = parse_xml(path, "xl/_rels/workbook.xml.rels", &xml, &b->x, b, book_start, no_end);
    strbuf_free(&xml);
    if (!rc && !b->target && !(b->target = strdup("xl/worksheets/sheet1.xml")))
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    return rc;
}

/* ---- sharedStrings.xml ---- */

typedef struct sst_ctx {
    xml_ctx x;
    char **v;
    size_t n, cap;
    int in_si, in_rph;
} sst_ctx;

static void XMLCALL sst_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    sst_ctx *s = ud_of(arg);
    const char *n = local(name);
    if (!strcmp(n, "si")) {
        s->in_si = 1;
        s->x.text.len = 0;
        if (s->x.text.s)
            s->x.text.s[0] = '\0';
    } else if (!strcmp(n, "rPh")) {
        s->in_rph = 1;
    } else if (!strcmp(n, "t")) {
        s->x.collect = s->in_si && !s->in_rph;
    }
}

static void XMLCALL sst_end(void *arg, const XML_Char *name)
{
    sst_ctx *s = ud_of(arg);
    const char *n = local(name);
    if (!strcmp(n, "t")) {
        s->x.collect = 0;
    } else if (!strcmp(n, "rPh")) {
        s->in_rph = 0;
    } else if (!strcmp(n, "si")) {
        s->in_si = 0;
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 256;
            char **v = realloc(s->v, cap * sizeof *v);
            if (!v)
                return stop(&s->x, duban_fail(s->x.err, DUBAN_ENOMEM, "out of memory"));
            s->v = v;
            s->cap = cap;
        }
        s->v[s->n] = strdup(strbuf_str(&s->x.text));
        if (!s->v[s->n++])
            stop(&s->x, duban_fail(s->x.err, DUBAN_ENOMEM, "out of memory"));
    }
}

static void sst_free(sst_ctx *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
}

/* ---- the worksheet ---- */

typedef struct sheet_ctx {
    xml_ctx x;
    lg_grid *g;
    const sst_ctx *sst;
    size_t row, col; /* the current cell (0-based) */
    char type[16];   /* its t attribute */
    int in_cell, have_value;
    char **merges; /* "B5:B7" */
    size_t nmerges;
} sheet_ctx;

/* "B7" -> col 1, row 6; returns 0 when ref is not a cell reference. */
static int cell_ref(const char *ref, size_t *row, size_t *col)
{
    size_t c = 0, r = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z' && c <= LEDGER_MAX_COLS; p++)
        c = c * 26 + (size_t)(*p - 'A' + 1);
    if (p == ref || !c || !(*p >= '1' && *p <= '9'))
        return 0;
    for (; *p >= '0' && *p <= '9' && r <= LEDGER_MAX_ROWS; p++)
        r = r * 10 + (size_t)(*p - '0');
    *col = c - 1;
    *row = r - 1;
    return 1;
}

static void XMLCALL sheet_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
    sheet_ctx *sh = ud_of(arg);
    const char *n = local(name), *a;
    if (!strcmp(n, "row")) {
        a = attr(atts, "r");
        sh->row = a && atoi(a) > 0 ? (size_t)atoi(a) - 1 : sh->row + 1;
        sh->col = 0;
    } else if (!strcmp(n, "c")) {
        size_t r, c;
        a = attr(atts, "r");
        if (a && cell_ref(a, &r, &c)) {
            sh->row = r;
            sh->col = c;
        }
        a = attr(atts, "t");
        snprintf(sh->type, sizeof sh->type, "%s", a ? a : "n");
        sh->in_cell = 1;
        sh->have_value = 0;
        sh->x.text.len = 0;
        if (sh->x.text.s)
            sh->x.text.s[0] = '\0';
    } else if (sh->in_cell && (!strcmp(n, "v") || !strcmp(n, "t"))) {
        sh->x.collect = 1;
        sh->have_value = 1;
    } else if (!strcmp(n, "mergeCell") && (a = attr(atts, "ref"))) {
        char **m = realloc(sh->merges, (sh->nmerges + 1) * sizeof *m);
        if (!m || !(m[sh->nmerges] = strdup(a)))
            return stop(&sh->x, duban_fail(sh->x.err, DUBAN_ENOMEM, "out of memory"));
        sh->merges = m;
        sh->nmerges++;
    }
}

/* The text of the cell that just ended. */
static const char *cell_text(sheet_ctx *sh)
{
    const char *v = strbuf_str(&sh->x.text);
    if (!strcmp(sh->type, "s")) {
        long i = atol(v);
        return i >= 0 && (size_t)i < sh->sst->n ? sh->sst->v[i] : "";
    }
    if (!strcmp(sh->type, "b"))
        return !strcmp(v, "1") ? "TRUE" : "FALSE";
    return v; /* n, str, inlineStr, e, d: as written */
}

static void XMLCALL sheet_end(void *arg, const XML_Char *name)
{
    sheet_ctx *sh = ud_of(arg);
    const char *n = local(name);
    if (!strcmp(n, "v") || !strcmp(n, "t")) {
        sh->x.collect = 0;
    } else if (!strcmp(n, "c")) {
        const char *t = cell_text(sh);
        if (sh->have_value && *t) {
            int rc = lg_set(sh->g, sh->row, sh->col, t, strlen(t), sh->x.err);
            if (rc)
                stop(&sh->x, rc);
        }
        sh->in_cell = 0;
        sh->col++;
    }
}

/* Every cell of a merged range takes its top-left value. */
static int fill_merges(sheet_ctx *sh, duban_error *err)
{
    for (size_t i = 0; i < sh->nmerges; i++) {
        size_t r0, c0, r1, c1;
        char *colon = strchr(sh->merges[i], ':');
        if (!colon || !cell_ref(sh->merges[i], &r0, &c0) || !cell_ref(colon + 1, &r1, &c1) ||
            r1 < r0 || c1 < c0)
            continue;
        char *v = strdup(lg_get(sh->g, r0, c0));
        if (!v)
            return duban_fail(err, DUBAN_ENOMEM, "out of memory");
        int rc = DUBAN_OK;
        for (size_t r = r0; *v && !rc && r <= r1; r++)
            for (size_t c = c0; !rc && c <= c1; c++)
                if (r != r0 || c != c0)
                    rc = lg_set(sh->g, r, c, v, strlen(v), err);
        free(v);
        if (rc)
            return rc;
    }
    return DUBAN_OK;
}

static int read_sheet(xlsx_zip *z, const char *path, const char *part, lg_grid *g,
                      const sst_ctx *sst, duban_error *err)
{
    strbuf xml = {0};
    sheet_ctx sh = {.x.err = err, .g = g, .sst = sst, .row = (size_t)-1};
    int rc = unpack(z, path, part, &xml, err);
    if (rc == DUBAN_ENOTFOUND)
        rc = duban_fail(err, DUBAN_EPARSE, "%s: the workbook lacks its sheet %s", path, part);
    if (!rc)
        rc = parse_xml(path, part, &xml, &sh.x, &sh, sheet_start, sheet_end);
    strbuf_free(&xml);
    if (!rc)
        rc = fill_merges(&sh, err);
    for (size_t i = 0; i < sh.nmerges; i++)
        free(sh.merges[i]);
    free(sh.merges);
    return rc;
}

/* A file that is not a zip: say what it looks like. */
static int not_zip(const zip_lib *zl, const char *path, int zerr, duban_error *err)
{
    unsigned char head[8] = {0};
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    if (zerr == ZIP_ER_NOENT || (!f && duban_file_status(errno) == DUBAN_ENOTFOUND))
        return duban_fail(err, DUBAN_ENOTFOUND, "%s: No such file or directory", path);
    if (zerr == ZIP_ER_OPEN || zerr == ZIP_ER_READ)
        return duban_fail(err, DUBAN_EIO, "%s: cannot open the file", path);
    if (n == 8 && !memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return duban_fail(err, DUBAN_EPARSE,
                          "%s: a password-protected workbook or an old .xls (save it as .xlsx "
                          "without a password)",
                          path);
    if (zerr == ZIP_ER_NOZIP)
        return duban_fail(err, DUBAN_EPARSE, "%s: not an XLSX workbook (not a zip file)", path);
    zip_error_t ze;
    zl->zip_error_init_with_code(&ze, zerr);
    duban_fail(err, DUBAN_EPARSE, "%s: a corrupt workbook (%s)", path, zl->zip_error_strerror(&ze));
    zl->zip_error_fini(&ze);
    return DUBAN_EPARSE;
}

/* Opens libzip, then the workbook; on failure nothing is left open. */
static int open_zip(xlsx_zip *z, const char *path, duban_error *err)
{
    if (zip_lib_open(&z->lib, err))
        return DUBAN_EIO;
    int zerr = 0;
    z->za = z->lib.zip_open(path, ZIP_RDONLY, &zerr);
    if (z->za)
        return DUBAN_OK;
    int rc = not_zip(&z->lib, path, zerr, err);
    zip_lib_close(&z->lib);
    return rc;
}

int lg_read_xlsx(const char *path, lg_grid *g, duban_error *err)
{
    xlsx_zip zip, *z = &zip;
    int rc = open_zip(z, path, err);
    if (rc)
        return rc;
    book_ctx b = {0};
    sst_ctx sst = {.x.err = err};
    rc = first_sheet(z, path, &b, err);
    strbuf xml = {0};
    int got = rc ? rc : unpack(z, path, "xl/sharedStrings.xml", &xml, err);
    if (!rc && got && got != DUBAN_ENOTFOUND)
        rc = got;
    if (!rc && !got)
        rc = parse_xml(path, "xl/sharedStrings.xml", &xml, &sst.x, &sst, sst_start, sst_end);
    strbuf_free(&xml);
    if (!rc)
        rc = read_sheet(z, path, b.target, g, &sst, err);
    if (!rc) {
        g->sheet = b.sheet;
        b.sheet = NULL;
    }
    if (!rc && !g->nrows)
        rc = duban_fail(err, DUBAN_EPARSE, "%s: the sheet is empty", path);
    sst_free(&sst);
    free(b.sheet);
    free(b.rid);
    free(b.target);
    z->lib.zip_discard(z->za);
    zip_lib_close(&z->lib);
    return rc;
}
