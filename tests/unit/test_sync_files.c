/* test_sync_files.c - change files are refused whole when damaged or
 * from a newer duban, naming the file, and the database is left as it
 * was; files of format 1 are still read (sync_world.c's replicas). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS for the guard page */
#include "sync_world.h"

#include "edit/edit.h"
#include "edit/structure.h"
#include "query/query.h"
#include "sync/sync.h"
#include "sync/sync_internal.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Every truncation and every flipped byte of a change file is refused,
 * and the database is left as it was. */
static void damaged_files_are_refused(void **state)
{
    (void)state;
    world w;
    world_open(&w, 7);
    for (int i = 0; i < 12; i++)
        random_edit(&w, 1);
    duban_error err;
    strbuf img = {0};
    assert_int_equal(sync_export(w.st[1], w.plan[1], NULL, 1, NULL, &img, NULL, &err), DUBAN_OK);
    char *before = dump(&w, 0);
    char *copy = malloc(img.len);
    sync_result res;
    for (size_t len = 0; len < img.len; len += 1 + len / 16) {
        int rc = sync_import(w.st[0], "f", img.s, len, &res, &err);
        assert_int_equal(rc, DUBAN_EPARSE);
    }
    for (size_t i = 0; i < img.len; i++) {
        memcpy(copy, img.s, img.len);
        copy[i] ^= 0x21;
        int rc = sync_import(w.st[0], "f", copy, img.len, &res, &err);
        if (rc != DUBAN_EPARSE && rc != DUBAN_ENEWER)
            fail_msg("byte %zu flipped: %d %s", i, rc, err.msg);
    }
    char *after = dump(&w, 0);
    assert_string_equal(before, after);
    assert_int_equal(sync_import(w.st[0], "f", img.s, img.len, &res, &err), DUBAN_OK);
    assert_true(res.received > 0);
    free(before);
    free(after);
    free(copy);
    strbuf_free(&img);
    world_close(&w);
}

/* A well-formed file with an edit of a field this duban does not know is
 * refused whole, naming the file. */
static void unknown_field_is_refused(void **state)
{
    (void)state;
    world w;
    world_open(&w, 9);
    duban_error err;
    node n;
    edit_result res;
    assert_int_equal(node_by_ref(w.st[1], w.plan[1], "1.1", &n, &err), DUBAN_OK);
    assert_int_equal(edit_apply(w.st[1], n.id, FIELD_UNIT, "县发改局", NULL, &res, &err), DUBAN_OK);
    edit_result_free(&res);
    node_free(&n);
    strbuf img = {0}, bad = {0};
    assert_int_equal(sync_export(w.st[1], w.plan[1], NULL, 1, NULL, &img, NULL, &err), DUBAN_OK);
    change_file cf;
    assert_int_equal(change_file_decode("f", img.s, img.len, &cf, &err), DUBAN_OK);
    assert_int_equal(cf.nrows, 1);
    free(cf.rows[0].field);
    cf.rows[0].field = strdup("bogus");
    assert_int_equal(change_file_encode(&cf, &bad, &err), DUBAN_OK);
    char *before = dump(&w, 0);
    sync_result r;
    assert_int_equal(sync_import(w.st[0], "f.changes", bad.s, bad.len, &r, &err), DUBAN_EPARSE);
    assert_non_null(strstr(err.msg, "f.changes: cannot apply an edit of bogus"));
    char *after = dump(&w, 0);
    assert_string_equal(before, after);
    free(before);
    free(after);
    change_file_free(&cf);
    strbuf_free(&img);
    strbuf_free(&bad);
    world_close(&w);
}

/* Replica 1 adds an item (with a unit), moves 1.2 under area 2, adds a
 * milestone to 2.1 and cancels 1.1; the change file of all of it. */
static void structural_file(world *w, strbuf *img)
{
    duban_error err;
    edit_result res;
    store *st = w->st[1];
    node a1, a2, i11, i12, i21;
    assert_int_equal(node_by_ref(st, w->plan[1], "1", &a1, &err), DUBAN_OK);
    assert_int_equal(node_by_ref(st, w->plan[1], "2", &a2, &err), DUBAN_OK);
    assert_int_equal(node_by_ref(st, w->plan[1], "1.1", &i11, &err), DUBAN_OK);
    assert_int_equal(node_by_ref(st, w->plan[1], "1.2", &i12, &err), DUBAN_OK);
    assert_int_equal(node_by_ref(st, w->plan[1], "2.1", &i21, &err), DUBAN_OK);
    node_new nn = {.title = "新增的事项"};
    assert_int_equal(edit_add_node(st, w->plan[1], a1.id, &nn, &res, &err), DUBAN_OK);
    int64_t added = res.node_id;
    edit_result_free(&res);
    assert_int_equal(edit_apply(st, added, FIELD_UNIT, "新单位", NULL, &res, &err), DUBAN_OK);
    edit_result_free(&res);
    assert_int_equal(edit_move_node(st, i12.id, a2.id, 0, &res, &err), DUBAN_OK);
    edit_result_free(&res);
    assert_int_equal(edit_milestone_add(st, i21.id, "开工", "2021-11-01", &res, &err), DUBAN_OK);
    edit_result_free(&res);
    assert_int_equal(edit_apply(st, i11.id, FIELD_STATE, "cancelled", "并入", &res, &err),
                     DUBAN_OK);
    edit_result_free(&res);
    node_free(&a1), node_free(&a2), node_free(&i11), node_free(&i12), node_free(&i21);
    assert_int_equal(sync_export(st, w->plan[1], NULL, 1, NULL, img, NULL, &err), DUBAN_OK);
}

/* A format 2 file with additions, a move and a milestone: every
 * truncation and flipped byte is refused, and so is a file whose rows
 * name an item or milestone it does not bring; nothing changes.  Then
 * the whole file applies. */
static void damaged_structural_file_is_refused(void **state)
{
    (void)state;
    world w;
    world_open(&w, 11);
    duban_error err;
    strbuf img = {0}, bad = {0};
    structural_file(&w, &img);
    assert_memory_equal(img.s, "duban-changes 2\n", 16);
    char *before = dump(&w, 0), *copy = malloc(img.len);
    sync_result res;
    for (size_t len = 0; len < img.len; len += 1 + len / 32)
        assert_int_equal(sync_import(w.st[0], "f", img.s, len, &res, &err), DUBAN_EPARSE);
    for (size_t i = 0; i < img.len; i++) {
        memcpy(copy, img.s, img.len);
        copy[i] ^= 0x21;
        int rc = sync_import(w.st[0], "f", copy, img.len, &res, &err);
        if (rc != DUBAN_EPARSE && rc != DUBAN_ENEWER)
            fail_msg("byte %zu flipped: %d %s", i, rc, err.msg);
    }
    change_file cf;
    assert_int_equal(change_file_decode("f", img.s, img.len, &cf, &err), DUBAN_OK);
    assert_int_equal(cf.nadded, 2); /* the item and the milestone */
    for (int k = 0; k < 2; k++) {   /* without the item's addition, then the milestone's */
        sync_added keep = cf.added[k];
        memset(cf.added[k].gid, '0', SYNC_ID_LEN - 1); /* names another row */
        strbuf_reset(&bad);
        assert_int_equal(change_file_encode(&cf, &bad, &err), DUBAN_OK);
        assert_int_equal(sync_import(w.st[0], "g.changes", bad.s, bad.len, &res, &err),
                         DUBAN_EPARSE);
        assert_non_null(strstr(err.msg, "g.changes: change file is corrupted"));
        cf.added[k] = keep;
    }
    char *after = dump(&w, 0);
    assert_string_equal(before, after);
    assert_int_equal(sync_import(w.st[0], "f", img.s, img.len, &res, &err), DUBAN_OK);
    assert_int_equal(res.received, (int)cf.nrows);
    node n;
    assert_int_equal(node_by_ref(w.st[0], w.plan[0], "2.2", &n, &err), DUBAN_OK); /* moved 1.2 */
    node_free(&n);
    free(before);
    free(after);
    free(copy);
    change_file_free(&cf);
    strbuf_free(&img);
    strbuf_free(&bad);
    world_close(&w);
}

/* A format 1 file (an older duban's: values and notes only, no dn) is
 * still read; its edits of items the reader lacks are skipped. */
static void format1_file_is_read(void **state)
{
    (void)state;
    world w;
    world_open(&w, 13);
    duban_error err;
    strbuf img = {0}, old = {0};
    structural_file(&w, &img);
    change_file cf;
    assert_int_equal(change_file_decode("f", img.s, img.len, &cf, &err), DUBAN_OK);
    size_t kept = 0;
    for (size_t i = 0; i < cf.nrows; i++) { /* what format 1 carried */
        sync_row *r = &cf.rows[i];
        if (sync_field_in_format1(r->field)) {
            cf.rows[kept++] = *r;
            continue;
        }
        char *text[] = {r->gid,    r->origin, r->prev_gid,  r->target_gid, r->node_gid, r->at,
                        r->action, r->field,  r->old_value, r->new_value,  r->note};
        for (size_t k = 0; k < sizeof text / sizeof text[0]; k++)
            free(text[k]);
    }
    cf.nrows = kept;
    cf.version = 1;
    assert_int_equal(change_file_encode(&cf, &old, &err), DUBAN_OK);
    assert_memory_equal(old.s, "duban-changes 1\n", 16);
    sync_result res;
    assert_int_equal(sync_import(w.st[0], "old.changes", old.s, old.len, &res, &err), DUBAN_OK);
    assert_int_equal(res.skipped, 1); /* the unit of the item added on replica 1 */
    assert_int_equal(res.received, (int)kept - 1);
    change_file_free(&cf);
    strbuf_free(&img);
    strbuf_free(&old);
    world_close(&w);
}

/* The image given to the decoder is not NUL-terminated (a file read
 * or a fuzzer's bytes): it ends right before a page that cannot be read,
 * so any read past its end (a strlen inside sscanf did) crashes here. */
static void unterminated_image_is_read_within_bounds(void **state)
{
    (void)state;
    static const char text[] = "duban-changes 1\nplan x\nend 0000000";
    const char tails[][15] = {"\nend 1234abcd\n", "\nend 12345678", "\nend ffffffff\n"};
    long page = sysconf(_SC_PAGESIZE);
    char *mem =
        mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(mem != MAP_FAILED);
    assert_int_equal(mprotect(mem + page, (size_t)page, PROT_NONE), 0);
    for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
        size_t len = strlen(text) + strlen(tails[t]);
        char *exact = mem + page - len; /* the next byte is unreadable */
        memcpy(exact, text, strlen(text));
        memcpy(exact + strlen(text), tails[t], strlen(tails[t]));
        change_file cf;
        duban_error err = {0};
        assert_int_not_equal(change_file_decode("x.duban", exact, len, &cf, &err), DUBAN_OK);
        assert_true(err.msg[0] != '\0');
    }
    munmap(mem, 2 * (size_t)page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(damaged_files_are_refused),
        cmocka_unit_test(unknown_field_is_refused),
        cmocka_unit_test(damaged_structural_file_is_refused),
        cmocka_unit_test(format1_file_is_read),
        cmocka_unit_test(unterminated_image_is_read_within_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
