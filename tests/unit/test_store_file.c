/* The store's file: the page size new files get, and the VFS a writable
 * store's connection writes through (store/wal_batch.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/store_internal.h"
#include "testutil.h"

#include <sqlite3.h>
#include <string.h>

/* A new file has 2,048-byte pages (store_internal.h: a status edit writes
 * half the bytes); a file made with other pages keeps them, and works. */
static void new_files_have_small_pages_old_ones_keep_theirs(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    store_close(st);
    char path[1024];
    test_path_in(path, sizeof path, *state, "t.db");
    test_pragma_is(path, "page_size", "2048");
    test_exec_sql(path, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM;");
    test_pragma_is(path, "page_size", "4096");
    duban_error err = {0};
    assert_int_equal(store_open(path, 0, &st, &err), DUBAN_OK);
    store_close(st);
    test_pragma_is(path, "page_size", "4096");
    test_pragma_is(path, "journal_mode", "wal");
}

/* A writable store's connection writes through wal_batch (a commit's
 * log frames in one write); a read-only one through SQLite's own VFS. */
static const char *vfs_name(store *st)
{
    sqlite3_vfs *v = NULL;
    assert_int_equal(sqlite3_file_control(st->db, "main", SQLITE_FCNTL_VFS_POINTER, &v), SQLITE_OK);
    assert_non_null(v);
    return v->zName;
}

static void writers_batch_their_log(void **state)
{
    int64_t plan;
    store *st = test_small_store(*state, &plan);
    assert_non_null(strstr(vfs_name(st), "duban-wal-"));
    store_close(st);
    char path[1024];
    test_path_in(path, sizeof path, *state, "t.db");
    duban_error err = {0};
    assert_int_equal(store_open(path, STORE_READONLY, &st, &err), DUBAN_OK);
    assert_null(strstr(vfs_name(st), "duban-wal-"));
    store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(new_files_have_small_pages_old_ones_keep_theirs,
                                        test_dir_setup, test_dir_teardown),
        cmocka_unit_test_setup_teardown(writers_batch_their_log, test_dir_setup, test_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
