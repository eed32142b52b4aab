/* changefile.c - the change file: a text header, a SQLite changeset of the
 * rows (built with the session extension on a private in-memory database,
 * read back with the changeset iterator), and an end line with a CRC-32.
 * The format is described in sync.h. */
#include "sync/sync_internal.h"

#include "text/utf8.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "duban-changes "

/* clang-format off */
static const char wire_schema[] =
    "CREATE TABLE dh(gid TEXT PRIMARY KEY, origin TEXT, seq INTEGER, hlc INTEGER,"
    " prev_gid TEXT, target_gid TEXT, node_gid TEXT, at TEXT, action TEXT, field TEXT,"
    " old_value TEXT, new_value TEXT, note TEXT, node_hlc INTEGER);"
    "CREATE TABLE dr(uuid TEXT PRIMARY KEY, name TEXT);"
    "CREATE TABLE dn(gid TEXT PRIMARY KEY, kind TEXT, place TEXT, title TEXT, body TEXT,"
    " status TEXT, due TEXT, unit TEXT, leader TEXT, ext TEXT);";
/* Format 1 (written only to test that it is still read). */
static const char wire_schema_1[] =
    "CREATE TABLE dh(gid TEXT PRIMARY KEY, origin TEXT, seq INTEGER, hlc INTEGER,"
    " prev_gid TEXT, target_gid TEXT, node_gid TEXT, at TEXT, action TEXT, field TEXT,"
    " old_value TEXT, new_value TEXT, note TEXT);"
    "CREATE TABLE dr(uuid TEXT PRIMARY KEY, name TEXT);";
/* clang-format on */
#define DH_COLS 14 /* format 1: the first 13 */
#define DN_COLS 10

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

int sync_is_id(const char *s)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return i == SYNC_ID_LEN - 1;
}

void sync_row_free(sync_row *r)
{
    char **f[] = {&r->gid,    &r->origin, &r->prev_gid,  &r->target_gid, &r->node_gid, &r->at,
                  &r->action, &r->field,  &r->old_value, &r->new_value,  &r->note};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        free(*f[i]);
        *f[i] = NULL;
    }
}

static char **added_text(sync_added *a, int i)
{
    char **f[] = {NULL,       &a->kind, &a->place, &a->title,  &a->body,
                  &a->status, &a->due,  &a->unit,  &a->leader, &a->ext};
    return i > 0 && i < DN_COLS ? f[i] : NULL;
}

static void added_free(sync_added *a)
{
    for (int i = 1; i < DN_COLS; i++) {
        free(*added_text(a, i));
        *added_text(a, i) = NULL;
    }
}

void change_file_free(change_file *cf)
{
    for (size_t i = 0; i < cf->nrows; i++)
        sync_row_free(&cf->rows[i]);
    for (size_t i = 0; i < cf->nnames; i++)
        free(cf->names[i].name);
    for (size_t i = 0; i < cf->nadded; i++)
        added_free(&cf->added[i]);
    free(cf->rows);
    free(cf->names);
    free(cf->added);
    free(cf->seen);
    free(cf->ranges);
    memset(cf, 0, sizeof *cf);
}

/* ---- encoding ---- */

static int bind_row(sqlite3_stmt *ins, const sync_row *r)
{
    const char *text[] = {r->gid,        r->origin,    NULL,    NULL,      r->prev_gid,
                          r->target_gid, r->node_gid,  r->at,   r->action, r->field,
                          r->old_value,  r->new_value, r->note, NULL};
    sqlite3_reset(ins);
    for (int i = 0; i < DH_COLS; i++)
        if (text[i])
            sqlite3_bind_text(ins, i + 1, text[i], -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 3, r->seq);
    sqlite3_bind_int64(ins, 4, r->hlc);
    if (sqlite3_bind_parameter_count(ins) >= 14) /* format 1 had no node_hlc */
        sqlite3_bind_int64(ins, 14, r->node_hlc);
    return sqlite3_step(ins) == SQLITE_DONE ? 0 : -1;
}

static int fill_added(sqlite3 *w, const change_file *cf)
{
    sqlite3_stmt *ins = NULL;
    int bad = sqlite3_prepare_v2(w, "INSERT INTO dn VALUES (?,?,?,?,?,?,?,?,?,?)", -1, &ins,
                                 NULL) != SQLITE_OK;
    for (size_t i = 0; !bad && i < cf->nadded; i++) {
        sync_added *a = &cf->added[i];
        sqlite3_reset(ins);
        sqlite3_bind_text(ins, 1, a->gid, -1, SQLITE_STATIC);
        for (int k = 1; k < DN_COLS; k++) {
            const char *t = *added_text(a, k);
            sqlite3_bind_text(ins, k + 1, t ? t : "", -1, SQLITE_STATIC);
        }
        bad = sqlite3_step(ins) != SQLITE_DONE;
    }
    sqlite3_finalize(ins);
    return bad;
}

static int fill_wire(sqlite3 *w, const change_file *cf)
{
    sqlite3_stmt *ins = NULL, *name = NULL;
    int bad =
        sqlite3_exec(w, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(w,
                           cf->version == 1 ? "INSERT INTO dh VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                                            : "INSERT INTO dh VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &ins, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(w, "INSERT INTO dr VALUES (?,?)", -1, &name, NULL) != SQLITE_OK ||
        (cf->version != 1 && fill_added(w, cf));
    for (size_t i = 0; !bad && i < cf->nrows; i++)
        bad = bind_row(ins, &cf->rows[i]);
    for (size_t i = 0; !bad && i < cf->nnames; i++) {
        sqlite3_reset(name);
        sqlite3_bind_text(name, 1, cf->names[i].uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(name, 2, cf->names[i].name, -1, SQLITE_STATIC);
        bad = sqlite3_step(name) != SQLITE_DONE;
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(name);
    return bad || sqlite3_exec(w, "COMMIT", NULL, NULL, NULL) != SQLITE_OK;
}

/* The rows as a changeset, built by a session on a private database. */
static int payload_of(const change_file *cf, void **blob, int *n, duban_error *err)
{
    sqlite3 *w = NULL;
    sqlite3_session *s = NULL;
    *blob = NULL;
    *n = 0;
    int bad = sqlite3_open(":memory:", &w) != SQLITE_OK ||
              sqlite3_exec(w, cf->version == 1 ? wire_schema_1 : wire_schema, NULL, NULL, NULL) !=
                  SQLITE_OK ||
              sqlite3session_create(w, "main", &s) != SQLITE_OK ||
              sqlite3session_attach(s, NULL) != SQLITE_OK || fill_wire(w, cf) ||
              sqlite3session_changeset(s, n, blob) != SQLITE_OK;
    if (bad)
        duban_fail(err, DUBAN_EDB, "cannot build the change set: %s",
                   w ? sqlite3_errmsg(w) : "out of memory");
    if (s)
        sqlite3session_delete(s);
    sqlite3_close(w);
    return bad ? DUBAN_EDB : DUBAN_OK;
}

int change_file_encode(const change_file *cf, strbuf *out, duban_error *err)
{
    void *blob;
    int n;
    if (payload_of(cf, &blob, &n, err))
        return DUBAN_EDB;
    int rc = strbuf_printf(out, MAGIC "%d\nplan %s\nsource %s\n",
                           cf->version == 1 ? 1 : SYNC_FORMAT, cf->plan_gid, cf->source);
    for (size_t i = 0; i < cf->nseen; i++)
        rc |= strbuf_printf(out, "seen %s %" PRId64 "\n", cf->seen[i].origin, cf->seen[i].seq);
    for (size_t i = 0; i < cf->nranges; i++)
        rc |= strbuf_printf(out, "range %s %" PRId64 " %" PRId64 "\n", cf->ranges[i].origin,
                            cf->ranges[i].from, cf->ranges[i].to);
    rc |= strbuf_printf(out, "payload %d\n", n);
    if (n) /* an empty change set is NULL */
        rc |= strbuf_appendn(out, blob, (size_t)n);
    sqlite3_free(blob);
    if (!rc)
        rc = strbuf_printf(out, "\nend %08" PRIx32 "\n",
                           crc32_of((const unsigned char *)out->s, out->len));
    return rc ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : DUBAN_OK;
}

/* ---- decoding ---- */

/* Copies the next header line (without its newline) into line. */
static int next_line(const char *data, size_t len, size_t *pos, char *line, size_t linesz)
{
    const char *nl = memchr(data + *pos, '\n', len - *pos);
    if (!nl)
        return -1;
    size_t n = (size_t)(nl - (data + *pos));
    if (n >= linesz)
        return -1;
    memcpy(line, data + *pos, n);
    line[n] = '\0';
    *pos += n + 1;
    return 0;
}

static int grow(void **v, size_t n, size_t elem)
{
    if (n && (n < 8 || (n & (n - 1)))) /* room for 8, then doubled at powers of two */
        return 0;
    void *nv = realloc(*v, (n ? n * 2 : 8) * elem);
    if (!nv)
        return -1;
    *v = nv;
    return 0;
}

static int header_line(change_file *cf, const char *line)
{
    char id[80];
    int64_t a, b;
    if (sscanf(line, "plan %79s", id) == 1 && sync_is_id(id)) {
        memcpy(cf->plan_gid, id, SYNC_ID_LEN);
    } else if (sscanf(line, "source %79s", id) == 1 && sync_is_id(id)) {
        memcpy(cf->source, id, SYNC_ID_LEN);
    } else if (sscanf(line, "seen %79s %" SCNd64, id, &a) == 2 && sync_is_id(id) && a >= 0) {
        if (grow((void **)&cf->seen, cf->nseen, sizeof *cf->seen))
            return DUBAN_ENOMEM;
        memcpy(cf->seen[cf->nseen].origin, id, SYNC_ID_LEN);
        cf->seen[cf->nseen++].seq = a;
    } else if (sscanf(line, "range %79s %" SCNd64 " %" SCNd64, id, &a, &b) == 3 && sync_is_id(id) &&
               a >= 0 && b >= a) {
        if (grow((void **)&cf->ranges, cf->nranges, sizeof *cf->ranges))
            return DUBAN_ENOMEM;
        memcpy(cf->ranges[cf->nranges].origin, id, SYNC_ID_LEN);
        cf->ranges[cf->nranges].from = a;
        cf->ranges[cf->nranges++].to = b;
    }
    return DUBAN_OK; /* other lines (a later writer of this format) are ignored */
}

static char *value_text(sqlite3_value *v)
{
    const unsigned char *t = v ? sqlite3_value_text(v) : NULL;
    return duban_strdup(t ? (const char *)t : "");
}

static int read_dh(sqlite3_changeset_iter *it, change_file *cf, int ncol)
{
    if (grow((void **)&cf->rows, cf->nrows, sizeof *cf->rows))
        return DUBAN_ENOMEM;
    sync_row *r = &cf->rows[cf->nrows];
    memset(r, 0, sizeof *r);
    char **text[DH_COLS] = {&r->gid,        &r->origin,    NULL,     NULL,       &r->prev_gid,
                            &r->target_gid, &r->node_gid,  &r->at,   &r->action, &r->field,
                            &r->old_value,  &r->new_value, &r->note, NULL};
    int rc = DUBAN_OK;
    for (int i = 0; i < ncol; i++) {
        sqlite3_value *v = NULL;
        if (sqlite3changeset_new(it, i, &v) != SQLITE_OK)
            rc = DUBAN_EPARSE;
        else if (!text[i])
            *(i == 2 ? &r->seq : i == 3 ? &r->hlc : &r->node_hlc) = v ? sqlite3_value_int64(v) : 0;
        else if (!(*text[i] = value_text(v)))
            rc = DUBAN_ENOMEM;
        else if (!utf8_valid(*text[i], strlen(*text[i]), NULL))
            rc = DUBAN_EPARSE;
    }
    cf->nrows++; /* freed with the rest */
    for (int i = ncol; !rc && i < DH_COLS; i++)
        if (text[i] && !(*text[i] = duban_strdup("")))
            rc = DUBAN_ENOMEM;
    if (rc)
        return rc;
    int ok =
        r->node_hlc >= 0 && sync_is_id(r->gid) && sync_is_id(r->origin) &&
        sync_is_id(r->node_gid) && (!*r->prev_gid || sync_is_id(r->prev_gid)) && r->seq > 0 &&
        (!strcmp(r->action, "edit") ? !*r->target_gid
                                    : (!strcmp(r->action, "undo") || !strcmp(r->action, "redo")) &&
                                          sync_is_id(r->target_gid));
    return ok ? DUBAN_OK : DUBAN_EPARSE;
}

static int read_dr(sqlite3_changeset_iter *it, change_file *cf)
{
    sqlite3_value *u = NULL, *n = NULL;
    if (sqlite3changeset_new(it, 0, &u) != SQLITE_OK ||
        sqlite3changeset_new(it, 1, &n) != SQLITE_OK)
        return DUBAN_EPARSE;
    const unsigned char *ut = u ? sqlite3_value_text(u) : NULL;
    if (!ut || !sync_is_id((const char *)ut))
        return DUBAN_EPARSE;
    if (grow((void **)&cf->names, cf->nnames, sizeof *cf->names))
        return DUBAN_ENOMEM;
    sync_name *nm = &cf->names[cf->nnames];
    snprintf(nm->uuid, sizeof nm->uuid, "%s", (const char *)ut);
    if (!(nm->name = value_text(n)))
        return DUBAN_ENOMEM;
    cf->nnames++;
    return utf8_valid(nm->name, strlen(nm->name), NULL) && !strchr(nm->name, '\n') ? DUBAN_OK
                                                                                   : DUBAN_EPARSE;
}

static int read_dn(sqlite3_changeset_iter *it, change_file *cf)
{
    if (grow((void **)&cf->added, cf->nadded, sizeof *cf->added))
        return DUBAN_ENOMEM;
    sync_added *a = &cf->added[cf->nadded];
    memset(a, 0, sizeof *a);
    cf->nadded++; /* freed with the rest */
    int rc = DUBAN_OK;
    for (int i = 0; !rc && i < DN_COLS; i++) {
        sqlite3_value *v = NULL;
        if (sqlite3changeset_new(it, i, &v) != SQLITE_OK)
            return DUBAN_EPARSE;
        char *t = value_text(v);
        if (!t)
            return DUBAN_ENOMEM;
        if (!utf8_valid(t, strlen(t), NULL))
            rc = DUBAN_EPARSE;
        if (i == 0) {
            rc = rc || !sync_is_id(t) ? DUBAN_EPARSE : DUBAN_OK;
            if (!rc)
                memcpy(a->gid, t, SYNC_ID_LEN);
            free(t);
        } else {
            *added_text(a, i) = t;
        }
    }
    if (!rc && strcmp(a->kind, "node") && strcmp(a->kind, "ms"))
        rc = DUBAN_EPARSE;
    return rc;
}

static int read_payload(const void *p, int n, change_file *cf)
{
    sqlite3_changeset_iter *it = NULL;
    if (sqlite3changeset_start(&it, n, (void *)p) != SQLITE_OK)
        return DUBAN_EPARSE;
    int rc = DUBAN_OK, step;
    while (!rc && (step = sqlite3changeset_next(it)) == SQLITE_ROW) {
        const char *tab;
        int ncol, op, indirect;
        if (sqlite3changeset_op(it, &tab, &ncol, &op, &indirect) != SQLITE_OK ||
            op != SQLITE_INSERT)
            rc = DUBAN_EPARSE;
        else if (!strcmp(tab, "dh") && ncol == (cf->version == 1 ? DH_COLS - 1 : DH_COLS))
            rc = read_dh(it, cf, ncol);
        else if (!strcmp(tab, "dn") && ncol == DN_COLS && cf->version >= 2)
            rc = read_dn(it, cf);
        else if (!strcmp(tab, "dr") && ncol == 2)
            rc = read_dr(it, cf);
        else
            rc = DUBAN_EPARSE;
    }
    if (!rc && step != SQLITE_DONE)
        rc = DUBAN_EPARSE;
    if (sqlite3changeset_finalize(it) != SQLITE_OK && !rc)
        rc = DUBAN_EPARSE;
    return rc;
}

/* Magic and version: not a change file, or one from a newer duban. */
static int check_magic(const char *name, const char *data, size_t len, size_t *pos, change_file *cf,
                       duban_error *err)
{
    char line[256];
    if (len < strlen(MAGIC) || memcmp(data, MAGIC, strlen(MAGIC)) ||
        next_line(data, len, pos, line, sizeof line) ||
        sscanf(line + strlen(MAGIC), "%d", &cf->version) != 1 || cf->version < 1)
        return duban_fail(err, DUBAN_EPARSE, "%s: not a duban change file", name);
    if (cf->version > SYNC_FORMAT)
        return duban_fail(err, DUBAN_ENEWER,
                          "%s: change file format %d is newer than this duban reads (%d); "
                          "upgrade duban",
                          name, cf->version, SYNC_FORMAT);
    return DUBAN_OK;
}

/* The end line: "\nend XXXXXXXX\n" over everything before it. */
static int check_end(const char *name, const char *data, size_t len, duban_error *err)
{
    const size_t tail = 14; /* "\nend " + 8 hex + "\n" */
    char hex[9] = "";
    char *stop = hex;
    unsigned long crc = 0;
    /* The image is not NUL-terminated: the digits are copied out first. */
    if (len >= tail) {
        memcpy(hex, data + len - tail + 5, 8);
        crc = strtoul(hex, &stop, 16);
    }
    if (len < tail || memcmp(data + len - tail, "\nend ", 5) || data[len - 1] != '\n' ||
        stop != hex + 8)
        return duban_fail(err, DUBAN_EPARSE, "%s: change file is truncated (no end line)", name);
    if (crc32_of((const unsigned char *)data, len - tail) != crc)
        return duban_fail(err, DUBAN_EPARSE, "%s: change file is corrupted (checksum mismatch)",
                          name);
    return DUBAN_OK;
}

int change_file_decode(const char *name, const char *data, size_t len, change_file *cf,
                       duban_error *err)
{
    memset(cf, 0, sizeof *cf);
    size_t pos = 0;
    int rc = check_magic(name, data, len, &pos, cf, err);
    if (!rc)
        rc = check_end(name, data, len, err);
    if (rc)
        return rc;
    char line[256];
    long payload = -1;
    while (!rc && payload < 0) {
        if (next_line(data, len, &pos, line, sizeof line))
            rc = DUBAN_EPARSE;
        else if (sscanf(line, "payload %ld", &payload) == 1)
            rc = payload >= 0 && (size_t)payload <= len - pos - 14 ? DUBAN_OK : DUBAN_EPARSE;
        else
            rc = header_line(cf, line);
    }
    if (!rc && (!*cf->plan_gid || !*cf->source || (size_t)payload != len - pos - 14))
        rc = DUBAN_EPARSE;
    if (!rc)
        rc = read_payload(data + pos, (int)payload, cf);
    if (rc) {
        change_file_free(cf);
        if (rc == DUBAN_ENOMEM)
            return duban_fail(err, rc, "out of memory");
        return duban_fail(err, DUBAN_EPARSE, "%s: change file is corrupted (bad contents)", name);
    }
    return DUBAN_OK;
}
