#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "import/import.h"
#include "plan/date.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return buf;
}

char *test_mkdtemp(void)
{
    const char *tmp = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/duban-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    return strdup(d);
}

void test_rmdir_rf(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
            test_rmdir_rf(p);
        else
            unlink(p);
    }
    closedir(d);
    chmod(dir, 0700);
    rmdir(dir);
}

int test_dir_setup(void **state)
{
    *state = test_mkdtemp();
    return 0;
}

int test_dir_teardown(void **state)
{
    test_rmdir_rf(*state);
    free(*state);
    return 0;
}

void test_path_in(char *out, size_t n, const char *dir, const char *name)
{
    snprintf(out, n, "%s/%s", dir, name);
}

void test_exec_sql(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", path, msg ? msg : "?");
    sqlite3_close(db);
}

void test_pragma_is(const char *path, const char *name, const char *want)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA %s", name);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(s, 0), want);
    sqlite3_finalize(s);
    sqlite3_close(db);
}

#include "edit/edit.h"
#include "edit/meeting.h"
#include "query/query.h"
#include "store/store.h"

static void add(plan_doc *doc, int parent, int depth, const char *title, const char *due)
{
    doc_node *n = &doc->nodes[doc->nnodes++];
    memset(n, 0, sizeof *n);
    n->parent = parent;
    n->depth = depth;
    n->title = strdup(title);
    n->body = strdup(depth == 1 ? "" : "正文");
    snprintf(n->due, sizeof n->due, "%s", due);
    n->line = (int)doc->nnodes;
}

void test_small_doc(plan_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    doc->title = strdup("测试计划");
    doc->year = 2021;
    snprintf(doc->start, sizeof doc->start, "2021-07-01");
    snprintf(doc->end, sizeof doc->end, "2021-12-31");
    doc->source = strdup("test");
    doc->preamble = strdup("");
    doc->nodes = calloc(8, sizeof *doc->nodes);
    add(doc, -1, 1, "第一方面", "2021-12-31");
    add(doc, 0, 2, "第一项", "2021-08-31");
    doc->nodes[1].ms = calloc(1, sizeof *doc->nodes[1].ms);
    doc->nodes[1].nms = 1;
    doc->nodes[1].ms[0].phrase = strdup("7月底完成");
    doc->nodes[1].ms[0].word = strdup("7月底");
    snprintf(doc->nodes[1].ms[0].due, DATE_LEN, "2021-07-31");
    add(doc, 0, 2, "第二项", "2021-12-31");
    add(doc, 2, 3, "子项一", "2021-12-31");
    add(doc, 2, 3, "子项二", "2021-12-31");
    add(doc, -1, 1, "第二方面", "2021-09-30");
    add(doc, 5, 2, "第三项", "2021-09-30");
}

store *test_small_store(const char *dir, int64_t *plan_id)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/t.db", dir);
    store *st = NULL;
    duban_error err = {0};
    if (store_open(path, STORE_CREATE, &st, &err))
        fail_msg("store_open: %s", err.msg);
    plan_doc doc;
    test_small_doc(&doc);
    if (store_add_plan(st, &doc, plan_id, &err))
        fail_msg("store_add_plan: %s", err.msg);
    plan_doc_free(&doc);
    return st;
}

int fixture_setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = test_mkdtemp();
    f->st = test_small_store(f->dir, &f->plan);
    *state = f;
    return 0;
}

int fixture_teardown(void **state)
{
    fixture *f = *state;
    store_close(f->st);
    test_rmdir_rf(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

int64_t fixture_id(fixture *f, const char *ref)
{
    node n;
    duban_error err;
    if (node_by_ref(f->st, f->plan, ref, &n, &err))
        fail_msg("%s", err.msg);
    int64_t id = n.id;
    node_free(&n);
    return id;
}

void fixture_edit(fixture *f, const char *ref, int field, const char *value, const char *note)
{
    edit_result r;
    duban_error err;
    if (edit_apply(f->st, fixture_id(f, ref), (edit_field)field, value, note, &r, &err))
        fail_msg("edit_apply %s: %s", ref, err.msg);
    edit_result_free(&r);
}

void fixture_undo(fixture *f)
{
    edit_result r;
    duban_error err;
    if (edit_undo(f->st, f->plan, &r, &err))
        fail_msg("edit_undo: %s", err.msg);
    edit_result_free(&r);
}

int64_t fixture_meeting(fixture *f, const char *title)
{
    int64_t id = 0;
    duban_error err;
    if (meeting_start(f->st, f->plan, title, "2021-10-01", &id, &err))
        fail_msg("meeting_start: %s", err.msg);
    return id;
}

int64_t test_add_seed_plan(store *st)
{
    plan_doc doc;
    long day;
    int64_t id = 0;
    duban_error err = {0};
    if (date_parse("2021-07-01", &day, &err) || import_file(DUBAN_SEED_PATH, 0, day, &doc, &err))
        fail_msg("%s", err.msg);
    if (store_add_plan(st, &doc, &id, &err))
        fail_msg("%s", err.msg);
    plan_doc_free(&doc);
    return id;
}

#include "base/strbuf.h"
#include "store/store_internal.h"

static int catch_stmt(unsigned type, void *ctx, void *p, void *x)
{
    (void)type;
    (void)x;
    test_caught *c = ctx;
    const char *sql = sqlite3_sql(p);
    if (!sql || !strncmp(sql, "PRAGMA", 6) || !strncmp(sql, "BEGIN", 5) ||
        !strncmp(sql, "COMMIT", 6) || !strncmp(sql, "SAVEPOINT", 9) ||
        !strncmp(sql, "RELEASE", 7) || !strncmp(sql, "ROLLBACK", 8) || !strncmp(sql, "--", 2))
        return 0;
    for (int i = 0; i < c->n; i++)
        if (!strcmp(c->sql[i], sql))
            return 0;
    if (c->n < TEST_MAX_STMTS)
        c->sql[c->n++] = strdup(sql);
    return 0;
}

void test_catch_statements(fixture *f, void (*run)(fixture *), test_caught *c)
{
    memset(c, 0, sizeof *c);
    sqlite3_trace_v2(f->st->db, SQLITE_TRACE_STMT, catch_stmt, c);
    run(f);
    sqlite3_trace_v2(f->st->db, 0, NULL, NULL);
}

char *test_query_plan(store *st, const char *sql)
{
    strbuf q = {0}, out = {0};
    strbuf_printf(&q, "EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, strbuf_str(&q), -1, &s, NULL) != SQLITE_OK)
        fail_msg("cannot explain %s: %s", sql, sqlite3_errmsg(st->db));
    while (sqlite3_step(s) == SQLITE_ROW)
        strbuf_printf(&out, "%s\n", (const char *)sqlite3_column_text(s, 3));
    sqlite3_finalize(s);
    strbuf_free(&q);
    return strbuf_take(&out);
}

char *test_plans_with(fixture *f, void (*run)(fixture *), const char *marker)
{
    test_caught c;
    strbuf all = {0};
    test_catch_statements(f, run, &c);
    for (int i = 0; i < c.n; i++) {
        if (strstr(c.sql[i], marker)) {
            char *plan = test_query_plan(f->st, c.sql[i]);
            strbuf_append(&all, plan);
            free(plan);
        }
        free(c.sql[i]);
    }
    return strbuf_take(&all);
}
