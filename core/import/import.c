/* import.c - reading a plan file into a plan_doc (see import.h). */
#include "import/import.h"

#include "import/import_priv.h"
#include "base/strbuf.h"
#include "text/cnnum.h"
#include "text/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* A heading-like line that names a plan: short, no sentence punctuation,
 * with a word such as 计划 要点 工作 (traditional forms too). */
static int plan_title_line(const char *s, size_t n)
{
    static const char *const words[] = {
        "计划", "計劃", "要点", "要點", "安排", "方案", "任务",   "任務", "清单",   "清單", "台账",
        "臺賬", "台賬", "报告", "報告", "工作", "要务", "推进表", "分解", "一览表", "督查", "实事"};
    if (!imp_heading_shaped(s, n, TITLE_MAX_CHARS))
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t k = strlen(words[i]);
        for (size_t p = 0; p + k <= n; p++)
            if (!memcmp(s + p, words[i], k))
                return 1;
    }
    return 0;
}

/* 关于印发《X》的通知: X. */
static char *notice_title(const char *s, size_t n)
{
    const char *open = NULL, *close = NULL;
    for (size_t p = 0; p + 3 <= n; p++) {
        if (!open && !memcmp(s + p, "《", 3))
            open = s + p + 3;
        else if (open && !memcmp(s + p, "》", 3)) {
            close = s + p;
            break;
        }
    }
    if (!open || !close || close == open || !strstr(s, "印发"))
        return NULL;
    return strndup(open, (size_t)(close - open));
}

/* The title: 关于印发《X》的通知 in the preamble gives X; else the first
 * preamble line that looks like a plan's title (plan_title_line); else
 * the base name of name without its extension.  Never a sentence. */
static char *default_title(const char *name, const char *preamble)
{
    for (const char *p = preamble; *p;) {
        size_t n = strcspn(p, "\n");
        char *t = notice_title(p, n);
        if (t || plan_title_line(p, n))
            return t ? t : strndup(p, n);
        p += n + (p[n] == '\n');
    }
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    return strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* The latest 20xx年 in the title (2023年工作总结及2024年工作要点: 2024), 0
 * when none. */
static int title_year(const char *title)
{
    int best = 0;
    for (const char *p = title; p && *p; p++) {
        int y;
        if (p[0] == '2' && cnnum_digits(p, 4, 4, &y) == 4 && !strncmp(p + 4, "年", 3) &&
            (p == title || p[-1] < '0' || p[-1] > '9') && y > best)
            best = y;
    }
    return best;
}

/* Year: argument, header year, header period, 2024年 in the title, the
 * most frequent 20xx年 in the text, today. */
static int choose_year(int year, long today, const imp_header *h, const char *title,
                       const imp_line *lines, size_t n, int *out, duban_error *err)
{
    if (!year)
        year = h->year;
    if (!year && h->start[0])
        year = atoi(h->start);
    if (!year)
        year = title_year(title);
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
    doc->title = h->title ? take(&h->title) : default_title(name, doc->preamble);
    doc->source = h->source ? take(&h->source) : strdup(name);
    if (!doc->title || !doc->source)
        return out_of_memory(err);
    int rc = choose_year(year, today, h, doc->title, lines, n, &doc->year, err);
    if (rc)
        return rc;
    if (h->start[0]) {
        memcpy(doc->start, h->start, DATE_LEN);
        memcpy(doc->end, h->end, DATE_LEN);
    } else {
        imp_guess_period(doc);
    }
    if (imp_set_roles(doc) || imp_set_milestones(doc) || imp_set_progress(doc))
        return out_of_memory(err);
    plan_doc_sort_warnings(doc);
    return DUBAN_OK;
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

/* What kind of thing st is, for the refusal of a non-regular file. */
static const char *file_kind(const struct stat *st)
{
    if (S_ISDIR(st->st_mode))
        return "a directory";
    if (S_ISFIFO(st->st_mode))
        return "a FIFO";
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        return "a device";
    if (S_ISSOCK(st->st_mode))
        return "a socket";
    return "not a regular file";
}

static int check_stat(const char *path, const struct stat *st, duban_error *err)
{
    if (!S_ISREG(st->st_mode))
        return duban_fail(err, DUBAN_EPARSE, "%s: not a regular file (%s)", path, file_kind(st));
    if (st->st_size > IMPORT_MAX_BYTES)
        return duban_fail(err, DUBAN_EPARSE,
                          "%s: too large to be a plan (%lld bytes; the limit is %d MiB)", path,
                          (long long)st->st_size, IMPORT_MAX_BYTES >> 20);
    return DUBAN_OK;
}

/* Reads the whole of fd into sb, refusing more than IMPORT_MAX_BYTES (the
 * file may grow after fstat). */
static int read_all(const char *path, int fd, strbuf *sb, duban_error *err)
{
    char buf[65536];
    for (;;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return duban_fail(err, DUBAN_EIO, "%s: %s", path, strerror(errno));
        if (got == 0)
            return DUBAN_OK;
        if (sb->len + (size_t)got > IMPORT_MAX_BYTES)
            return duban_fail(err, DUBAN_EPARSE,
                              "%s: too large to be a plan (over the %d MiB limit)", path,
                              IMPORT_MAX_BYTES >> 20);
        if (strbuf_appendn(sb, buf, (size_t)got))
            return out_of_memory(err);
    }
}

int import_read_file(const char *path, char **text, size_t *len, duban_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return duban_fail(err, duban_file_status(errno), "%s: %s", path, strerror(errno));
    int rc = check_stat(path, &st, err);
    if (rc)
        return rc;
    /* O_NONBLOCK: a FIFO swapped in after stat() must not hang the open */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return duban_fail(err, duban_file_status(errno), "%s: %s", path, strerror(errno));
    strbuf sb = {0};
    if (fstat(fd, &st) != 0)
        rc = duban_fail(err, DUBAN_EIO, "%s: %s", path, strerror(errno));
    else
        rc = check_stat(path, &st, err);
    if (rc == DUBAN_OK)
        rc = read_all(path, fd, &sb, err);
    close(fd);
    size_t got = sb.len;
    if (rc == DUBAN_OK && !(*text = strbuf_take(&sb)))
        rc = out_of_memory(err);
    if (rc == DUBAN_OK)
        *len = got;
    strbuf_free(&sb);
    return rc;
}

int import_file(const char *path, int year, long today, plan_doc *out, duban_error *err)
{
    char *text;
    size_t len;
    int rc = import_read_file(path, &text, &len, err);
    if (rc)
        return rc;
    rc = import_parse(path, text, len, year, today, out, err);
    free(text);
    return rc;
}
