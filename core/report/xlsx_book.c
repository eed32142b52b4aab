/* xlsx_book.c - the shared parts of core's XLSX writers (xlsx_book.h). */
#include "report/xlsx_book.h"

#include "base/replace.h"
#include "base/strbuf.h"
#include "plan/date.h"
#include "text/textwidth.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Creates a new empty file next to path, "DIR/.NAME.PID-N.tmp", with the
 * permissions a new file gets (mkstemp() would make it private). */
static int temp_next_to(const char *path, char *tmp, size_t tmpsz)
{
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    for (int i = 0; i < 100; i++) {
        int n = snprintf(tmp, tmpsz, "%.*s.%s.%ld-%d.tmp", dirlen, path, path + dirlen,
                         (long)getpid(), i);
        if (n < 0 || (size_t)n >= tmpsz) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd >= 0)
            return close(fd);
        if (errno != EEXIST)
            return -1;
    }
    return -1;
}

/* What a workbook may be written over: nothing yet, an empty file, or a
 * workbook (a ZIP file: replace.h), under a name ending in .xlsx: a
 * workbook under a .csv or .pdf name would only mislead whoever opens it. */
static int check_target(const char *path, duban_error *err)
{
    int rc = replace_check(path, "PK\3\4", 4, "an XLSX workbook", err);
    size_t n = strlen(path);
    if (!rc && (n < 5 || strcasecmp(path + n - 5, ".xlsx")))
        rc = duban_fail(err, DUBAN_EINVAL,
                        "%s: an XLSX workbook is written here: give a name ending in .xlsx", path);
    return rc;
}

int xlsx_book_open(xlsx_book *b, const char *path, duban_error *err)
{
    memset(b, 0, sizeof *b);
    b->path = path;
    int rc = check_target(path, err);
    if (rc)
        return rc;
    if (xlsx_lib_open(&b->lib, err))
        return DUBAN_EIO;
    if (temp_next_to(path, b->tmp, sizeof b->tmp)) {
        duban_fail(err, DUBAN_EIO, "%s: cannot create a file there: %s", path, strerror(errno));
        xlsx_lib_close(&b->lib);
        return DUBAN_EIO;
    }
    /* Rows go to a temporary file as they are written (they are, in
     * order), not into a tree of every cell: a 100,000-item ledger took
     * 497 MB that way.  The file is made in the workbook's folder, which
     * has room for it, and is gone once closed. */
    const char *slash = strrchr(path, '/');
    char dir[sizeof b->tmp];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + 1 : 2, slash ? path : "./");
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = dir};
    b->wb = b->lib.workbook_new_opt(b->tmp, &opt);
    if (!b->wb) {
        unlink(b->tmp);
        xlsx_lib_close(&b->lib);
        return duban_fail(err, DUBAN_EIO, "%s: cannot write the workbook", path);
    }
    return DUBAN_OK;
}

int xlsx_book_close(xlsx_book *b, duban_error *err)
{
    xlsx_keep(b, b->lib.workbook_close(b->wb));
    b->wb = NULL;
    if (b->rc) {
        unlink(b->tmp);
        int code = b->rc == LXW_ERROR_MEMORY_MALLOC_FAILED ? DUBAN_ENOMEM : DUBAN_EIO;
        duban_fail(err, code, "%s: %s", b->path, b->lib.lxw_strerror(b->rc));
        xlsx_lib_close(&b->lib);
        return code;
    }
    xlsx_lib_close(&b->lib);
    if (rename(b->tmp, b->path)) {
        int e = errno;
        unlink(b->tmp);
        return duban_fail(err, DUBAN_EIO, "%s: %s", b->path, strerror(e));
    }
    return DUBAN_OK;
}

void xlsx_keep(xlsx_book *b, lxw_error e)
{
    if (e && !b->rc)
        b->rc = e;
}

/* s made safe for a cell: each line through text_sanitize() (controls,
 * escape sequences and bad bytes never reach the file), the line breaks
 * kept as "\n" (a cell holds paragraphs: Excel and WPS show them in a
 * wrapped cell, and the importer reads them back); *width is the widest
 * line's.  NULL when out of memory. */
static char *cell_text(const char *s, int *width)
{
    strbuf out = {0};
    int rc = strbuf_append(&out, "");
    *width = 0;
    for (const char *p = s; !rc;) {
        size_t n = strcspn(p, "\r\n");
        char *line = strndup(p, n), *clean = line ? text_sanitize(line) : NULL;
        rc = !clean || strbuf_append(&out, clean);
        int w = clean ? text_width(clean, NULL) : 0; /* Excel counts ambiguous ones as 1 */
        *width = w > *width ? w : *width;
        free(line);
        free(clean);
        if (!p[n])
            break;
        p += n + (p[n] == '\r' && p[n + 1] == '\n' ? 2 : 1);
        rc = rc || strbuf_appendc(&out, '\n');
    }
    if (rc) {
        strbuf_free(&out);
        return NULL;
    }
    return strbuf_take(&out);
}

int xlsx_text(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    int w;
    char *clean = cell_text(s ? s : "", &w);
    if (!clean) {
        xlsx_keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return 0;
    }
    size_t n = strlen(clean);
    if (n > XLSX_TEXT_MAX) { /* a cell holds at most 32767 characters: cut, not fail */
        n = XLSX_TEXT_MAX;
        while (n && ((unsigned char)clean[n] & 0xC0) == 0x80)
            n--;
        clean[n] = '\0';
    }
    if (*clean)
        xlsx_keep(b, b->lib.worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, clean, f));
    else
        xlsx_keep(b, b->lib.worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f));
    free(clean);
    return w;
}

int xlsx_date(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *iso,
              lxw_format *date_fmt, lxw_format *text_fmt)
{
    int y, m, d;
    if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && date_valid_ymd(y, m, d)) {
        lxw_datetime dt = {y, m, d, 0, 0, 0};
        xlsx_keep(
            b, b->lib.worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &dt, date_fmt));
        return 10;
    }
    return xlsx_text(b, ws, row, col, iso, text_fmt);
}
