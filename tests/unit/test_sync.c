/* test_sync.c - replicas converge (a property test), and concurrent
 * changes of the plan's structure and milestones end the same everywhere.
 *
 * The property: three replicas (a plan and two clones) make random edits
 * of every kind (status, due, unit, leader, extension, notes, and the
 * plan's structure: items and areas added, moved, reordered, renumbered,
 * renamed, cancelled, restored, deleted, bodies; milestones added,
 * re-dated, done, reopened, deleted; notes deleted; undo and redo of all
 * of them) under clocks that drift and jump back, and exchange them at random:
 * database to database, change files for one peer, for all, --all, old
 * files imported again and into the wrong replica (sync_world.c).  After
 * a final round of exchanges every replica holds the same items, history
 * rows, notes and conflicts.  SYNC_PROPERTY_OPS and SYNC_PROPERTY_SEEDS
 * (environment) make the run longer; the default keeps it to seconds.
 * A replica that never took another's rows skips the conflicts' statement. */
#include "sync_world.h"

#include "edit/edit.h"
#include "edit/structure.h"
#include "query/query.h"
#include "sync/sync.h"
#include "sync/sync_internal.h" /* the store's connection */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long env_long(const char *name, long def)
{
    const char *v = getenv(name);
    return v && *v ? strtol(v, NULL, 10) : def;
}

static void replicas_converge(void **state)
{
    (void)state;
    long ops = env_long("SYNC_PROPERTY_OPS", 1000), seeds = env_long("SYNC_PROPERTY_SEEDS", 2);
    for (unsigned seed = 1; seed <= (unsigned)seeds; seed++) {
        world w;
        world_open(&w, seed);
        for (long i = 0; i < ops; i++) {
            if (rnd(&w, 6) == 0)
                random_exchange(&w);
            else
                random_edit(&w, (int)rnd(&w, NREP));
        }
        duban_error err;
        sync_result in, out;
        for (int round = 0; round < 2; round++)
            for (int a = 0; a < NREP; a++)
                assert_int_equal(
                    sync_with_db(w.st[a], w.plan[a], w.path[(a + 1) % NREP], &in, &out, &err),
                    DUBAN_OK);
        char *first = dump(&w, 0);
        for (int r = 1; r < NREP; r++) {
            char *other = dump(&w, r);
            if (strcmp(first, other) && getenv("SYNC_DUMP_DIR")) {
                char path[512];
                snprintf(path, sizeof path, "%s/replica0", getenv("SYNC_DUMP_DIR"));
                FILE *f0 = fopen(path, "w");
                snprintf(path, sizeof path, "%s/replica%d", getenv("SYNC_DUMP_DIR"), r);
                FILE *f1 = fopen(path, "w");
                if (f0 && f1) {
                    fputs(first, f0);
                    fputs(other, f1);
                }
                if (f0)
                    fclose(f0);
                if (f1)
                    fclose(f1);
            }
            if (strcmp(first, other))
                fail_msg("seed %u: replica %d differs from replica 0", seed, r);
            free(other);
        }
        assert_non_null(strstr(first, "conflict")); /* the run did make conflicts */
        /* exchanging again changes nothing */
        assert_int_equal(sync_with_db(w.st[0], w.plan[0], w.path[1], &in, &out, &err), DUBAN_OK);
        assert_int_equal(in.received + out.received, 0);
        char *again = dump(&w, 0);
        assert_string_equal(first, again);
        free(again);
        free(first);
        world_close(&w);
    }
}

/* Two replicas move, rename, re-word and re-date the same things at once:
 * the later wins everywhere and every loser is listed, the same on all. */
static void concurrent_structure_conflicts(void **state)
{
    (void)state;
    world w;
    world_open(&w, 7);
    duban_error err;
    edit_result res;
    const char *when[] = {"2021-10-02T09:00:00Z", "2021-10-02T09:00:05Z"};
    const char *title[] = {"一号的标题", "二号的标题"}, *body[] = {"一号的说明", "二号的说明"};
    const char *day[] = {"2021-08-15", "2021-08-20"};
    for (int r = 1; r <= 2; r++) {
        store *st = w.st[r];
        store_set_now(st, when[r - 1]);
        int64_t moved = id_of(&w, r, "2.1");
        int64_t to = id_of(&w, r, r == 1 ? "1" : "1.2");
        assert_int_equal(edit_move_node(st, moved, to, 0, &res, &err), DUBAN_OK);
        edit_result_free(&res);
        assert_int_equal(
            edit_apply(st, id_of(&w, r, "1.1"), FIELD_TITLE, title[r - 1], NULL, &res, &err),
            DUBAN_OK);
        edit_result_free(&res);
        assert_int_equal(
            edit_apply(st, id_of(&w, r, "1.2"), FIELD_BODY, body[r - 1], NULL, &res, &err),
            DUBAN_OK);
        edit_result_free(&res);
        assert_int_equal(
            edit_milestone(st, id_of(&w, r, "1.1"), 1, MS_DATE, day[r - 1], &res, &err), DUBAN_OK);
        edit_result_free(&res);
    }
    exchange_all(&w);
    char *first = dump(&w, 0);
    for (int r = 1; r < NREP; r++) {
        char *other = dump(&w, r);
        assert_string_equal(first, other);
        free(other);
    }
    static const char *const lost[] = {
        "conflict 1.2.3 place 1.3 1.2.3 r1 r2 ",
        "conflict 1.1 title 一号的标题 二号的标题 r1 r2 ",
        "conflict 1.2 body 一号的说明 二号的说明 r1 r2 ",
        "conflict 1.1 ms.7月底完成.due 2021-08-15 2021-08-20 r1 r2 ",
    };
    for (size_t i = 0; i < sizeof lost / sizeof lost[0]; i++)
        if (!strstr(first, lost[i]))
            fail_msg("not listed: %s\n%s", lost[i], strstr(first, "conflict"));
    free(first);
    world_close(&w);
}

/* sqlite3_trace_v2's callback: counts the statements with a window
 * function (the conflicts' statement has one). */
static int count_windowed(unsigned type, void *ctx, void *p, void *x)
{
    (void)type;
    (void)x;
    const char *sql = sqlite3_sql(p);
    if (sql && strstr(sql, "row_number()"))
        ++*(int *)ctx;
    return 0;
}

/* Runs sync_conflicts and sync_conflict_count on replica r, which must
 * find none; returns how many statements with a window function ran. */
static int conflicts_statements(world *w, int r)
{
    int windowed = 0, n = -1;
    sync_conflict_list l;
    sqlite3_trace_v2(w->st[r]->db, SQLITE_TRACE_STMT, count_windowed, &windowed);
    assert_int_equal(sync_conflicts(w->st[r], w->plan[r], &l, NULL), DUBAN_OK);
    assert_int_equal(sync_conflict_count(w->st[r], w->plan[r], &n, NULL), DUBAN_OK);
    sqlite3_trace_v2(w->st[r]->db, 0, NULL, NULL);
    assert_int_equal(l.n, 0);
    assert_int_equal(n, 0);
    sync_conflict_list_free(&l);
    return windowed;
}

/* A database that never took a row from another replica has no conflict:
 * the front end's start asks one short question instead of running the
 * conflicts' statement (~2 ms, most of it its materialised tables' first
 * pages).  Once another replica's edit came in, the statement runs. */
static void conflicts_skip_unsynced(void **state)
{
    (void)state;
    world w;
    world_open(&w, 11);
    assert_int_equal(conflicts_statements(&w, 0), 0);
    duban_error err;
    edit_result res;
    assert_int_equal(
        edit_apply(w.st[1], id_of(&w, 1, "1.1"), FIELD_UNIT, "县商务局", NULL, &res, &err),
        DUBAN_OK);
    edit_result_free(&res);
    exchange_all(&w);
    assert_true(conflicts_statements(&w, 0) > 0);
    world_close(&w);
}

/* The numbers (seq) of node_id's milestones on replica r, "N=PHRASE;" each. */
static void ms_numbers(world *w, int r, const char *ref, char *out, size_t outsz)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(w->st[r]->db,
                                        "SELECT seq, phrase, state FROM milestone WHERE node_id = ?"
                                        " ORDER BY seq",
                                        -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(s, 1, id_of(w, r, ref));
    size_t len = 0;
    out[0] = '\0';
    while (sqlite3_step(s) == SQLITE_ROW && len < outsz)
        len += (size_t)snprintf(out + len, outsz - len, "%d=%s%s;", sqlite3_column_int(s, 0),
                                (const char *)sqlite3_column_text(s, 1),
                                *sqlite3_column_text(s, 2) ? "(removed)" : "");
    sqlite3_finalize(s);
}

/* Two replicas add a milestone to one item at once: after the exchange
 * the earlier addition keeps the number, the other takes the next, on
 * every replica; each replica's undo still takes its own away. */
static void concurrent_milestones_agree(void **state)
{
    (void)state;
    world w;
    world_open(&w, 7);
    duban_error err;
    edit_result res;
    const char *when[] = {"2021-10-02T09:00:05Z", "2021-10-02T09:00:00Z"};
    const char *phrase[] = {"一号的节点", "二号的节点"};
    char before[512], nums[NREP][512];
    ms_numbers(&w, 1, "1.1", before, sizeof before);
    for (int r = 1; r <= 2; r++) {
        store_set_now(w.st[r], when[r - 1]);
        assert_int_equal(edit_milestone_add(w.st[r], id_of(&w, r, "1.1"), phrase[r - 1],
                                            "2021-11-30", &res, &err),
                         DUBAN_OK);
        edit_result_free(&res);
    }
    exchange_all(&w);
    for (int r = 0; r < NREP; r++)
        ms_numbers(&w, r, "1.1", nums[r], sizeof nums[r]);
    for (int r = 1; r < NREP; r++)
        assert_string_equal(nums[0], nums[r]);
    /* replica 2 added first: its milestone keeps the number both took */
    char *two = strstr(nums[0], "=二号的节点;"), *one = strstr(nums[0], "=一号的节点;");
    assert_non_null(two);
    assert_non_null(one);
    assert_true(two < one);
    /* each side's undo takes its own milestone away, everywhere */
    for (int r = 1; r <= 2; r++) {
        store_set_now(w.st[r], "2021-10-02T10:00:00Z");
        assert_int_equal(edit_undo(w.st[r], w.plan[r], &res, &err), DUBAN_OK);
        edit_result_free(&res);
    }
    exchange_all(&w);
    for (int r = 0; r < NREP; r++) {
        char after[512];
        ms_numbers(&w, r, "1.1", after, sizeof after);
        assert_null(strstr(after, "号的节点;"));
        assert_non_null(strstr(after, "号的节点(removed);"));
    }
    char *first = dump(&w, 0);
    for (int r = 1; r < NREP; r++) {
        char *other = dump(&w, r);
        assert_string_equal(first, other);
        free(other);
    }
    free(first);
    world_close(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(replicas_converge),
        cmocka_unit_test(concurrent_structure_conflicts),
        cmocka_unit_test(concurrent_milestones_agree),
        cmocka_unit_test(conflicts_skip_unsynced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
