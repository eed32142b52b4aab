/* testutil.h - shared helpers for the cmocka unit tests. */
#ifndef DUBAN_TESTUTIL_H
#define DUBAN_TESTUTIL_H

#include "plan/plandoc.h"
#include "store/store.h"

#include <stddef.h>
#include <stdint.h>

/* Reads a whole file into a heap buffer (NUL-terminated); fails the test
 * when it cannot. */
char *test_read_file(const char *path, size_t *len);
/* A fresh temporary directory path (heap string), removed by
 * test_rmdir_rf(). */
char *test_mkdtemp(void);
void test_rmdir_rf(const char *dir);
/* cmocka setup and teardown of a test whose state is such a directory. */
int test_dir_setup(void **state);
int test_dir_teardown(void **state);
/* out = dir/name. */
void test_path_in(char *out, size_t n, const char *dir, const char *name);
/* Runs sql on the file at path through a connection of its own, failing
 * the test with SQLite's message when it fails. */
void test_exec_sql(const char *path, const char *sql);
/* Fails the test unless PRAGMA name on the file at path reads want. */
void test_pragma_is(const char *path, const char *name, const char *want);

/* A small plan: 2 areas; area 1 has items 1.1 (due 2021-08-31, milestone
 * 2021-07-31 "7月底完成"), 1.2 (due 2021-12-31) with sub-items 1.2.1 and
 * 1.2.2; area 2 has item 2.1 (due 2021-09-30).  Year 2021, H2. */
void test_small_doc(plan_doc *doc);
/* Opens a fresh store in dir (file "t.db") holding test_small_doc(). */
store *test_small_store(const char *dir, int64_t *plan_id);
/* Adds the seed plan (data/haiyan-2021-h2.plan, imported as of
 * 2021-07-01) to st beside what it holds; its id.  Fails the test when it
 * cannot. */
int64_t test_add_seed_plan(store *st);
/* The usual fixture: a temporary directory holding test_small_store().
 * Use fixture_setup/fixture_teardown as cmocka setup and teardown; the
 * state is a fixture *. */
typedef struct fixture {
    char *dir;
    store *st;
    int64_t plan;
} fixture;
int fixture_setup(void **state);
int fixture_teardown(void **state);
/* The node id of ref in the fixture's plan (fails the test if unknown). */
int64_t fixture_id(fixture *f, const char *ref);
/* Applies one edit to ref, failing the test on error. */
void fixture_edit(fixture *f, const char *ref, int field, const char *value, const char *note);
/* Undoes the plan's last edit, failing the test on error. */
void fixture_undo(fixture *f);
/* Starts a meeting titled title on 2021-10-01; its id (fails the test on
 * error). */
int64_t fixture_meeting(fixture *f, const char *title);

/* Query plans (test_explain.c and the other guards).  The distinct
 * statements run(f) runs (not PRAGMA, BEGIN, COMMIT, SAVEPOINT, RELEASE,
 * ROLLBACK), at most TEST_MAX_STMTS, into *c: free each c->sql[i]. */
#define TEST_MAX_STMTS 64
typedef struct test_caught {
    char *sql[TEST_MAX_STMTS];
    int n;
} test_caught;
void test_catch_statements(fixture *f, void (*run)(fixture *), test_caught *c);
/* The EXPLAIN QUERY PLAN of sql, one detail a line (free it). */
char *test_query_plan(store *st, const char *sql);
/* The plans of the statements run(f) runs that contain marker, joined. */
char *test_plans_with(fixture *f, void (*run)(fixture *), const char *marker);

#endif
