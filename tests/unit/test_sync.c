/* test_sync.c - replicas converge (a property test), and change files are
 * refused whole when damaged.
 *
 * The property: three replicas (a plan and two clones) make random edits
 * of every kind (status, due, unit, leader, extension, notes, and the
 * plan's structure: items and areas added, moved, reordered, renumbered,
 * renamed, cancelled, restored, deleted, bodies; milestones added,
 * re-dated, done, reopened, deleted; notes deleted; undo and redo of all
 * of them) under clocks that drift and jump back, and exchange them at random:
 * database to database, change files for one peer, for all, --all, old
 * files imported again and into the wrong replica.  After a final round of
 * exchanges every replica holds the same items, history rows, notes and
 * conflicts.  SYNC_PROPERTY_OPS and SYNC_PROPERTY_SEEDS (environment) make
 * the run longer; the default keeps it to seconds. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS for the guard page */
#include "testutil.h"

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

#define NREP 3
#define NFILES 64

typedef struct world {
    char *dir;
    char path[NREP][512];
    store *st[NREP];
    int64_t plan[NREP];
    strbuf files[NFILES]; /* change files written so far (a ring) */
    int nfiles;
    unsigned seed;
    long clock[NREP]; /* seconds since 2021-10-01T00:00:00Z, per replica */
} world;

static unsigned rnd(world *w, unsigned n)
{
    w->seed = w->seed * 1103515245u + 12345u;
    return ((w->seed >> 8) & 0xFFFFFF) % n;
}

static void set_clock(world *w, int r)
{
    /* mostly forward, sometimes back (a laptop's clock), never in order */
    w->clock[r] += (long)rnd(w, 3) - (rnd(w, 10) == 0 ? 20 : 0);
    if (w->clock[r] < 0)
        w->clock[r] = 0;
    char now[64];
    snprintf(now, sizeof now, "2021-10-%02ldT%02ld:%02ld:%02ldZ", 1 + w->clock[r] / 86400,
             w->clock[r] / 3600 % 24, w->clock[r] / 60 % 60, w->clock[r] % 60);
    store_set_now(w->st[r], now);
}

static void world_open(world *w, unsigned seed)
{
    memset(w, 0, sizeof *w);
    w->seed = seed;
    w->dir = test_mkdtemp();
    duban_error err;
    w->st[0] = test_small_store(w->dir, &w->plan[0]);
    snprintf(w->path[0], sizeof w->path[0], "%s/t.db", w->dir);
    for (int r = 1; r < NREP; r++) {
        snprintf(w->path[r], sizeof w->path[r], "%s/r%d.db", w->dir, r);
        char name[16];
        snprintf(name, sizeof name, "r%d", r);
        assert_int_equal(sync_clone(w->st[0], w->path[r], name, &err), DUBAN_OK);
        assert_int_equal(store_open(w->path[r], 0, &w->st[r], &err), DUBAN_OK);
        w->plan[r] = w->plan[0]; /* VACUUM INTO keeps the ids */
    }
    for (int r = 0; r < NREP; r++)
        w->clock[r] = 3600 + 100 * (long)rnd(w, 2); /* equal clocks: ties to break */
}

static void world_close(world *w)
{
    for (int r = 0; r < NREP; r++)
        store_close(w->st[r]);
    for (int i = 0; i < NFILES; i++)
        strbuf_free(&w->files[i]);
    test_rmdir_rf(w->dir);
    free(w->dir);
}

static const char *const refs[] = {"1.1", "1.2", "1.2.1", "2.1"};

/* A random node of replica r that is not removed, of depth lo..hi. */
static int64_t pick(world *w, int r, int lo, int hi)
{
    sqlite3_stmt *s;
    int64_t ids[256];
    int n = 0;
    assert_int_equal(sqlite3_prepare_v2(w->st[r]->db,
                                        "SELECT id FROM node WHERE plan_id = ? AND depth BETWEEN"
                                        " ? AND ? AND state <> 'removed' ORDER BY id",
                                        -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(s, 1, w->plan[r]);
    sqlite3_bind_int(s, 2, lo);
    sqlite3_bind_int(s, 3, hi);
    while (n < 256 && sqlite3_step(s) == SQLITE_ROW)
        ids[n++] = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n ? ids[rnd(w, (unsigned)n)] : 0;
}

/* One of a few items every replica edits (so edits meet), else any. */
static int64_t hot(world *w, int r)
{
    node n = {0};
    duban_error err;
    int64_t id = node_by_ref(w->st[r], w->plan[r], refs[rnd(w, 2)], &n, &err) ? 0 : n.id;
    node_free(&n);
    return id && rnd(w, 2) ? id : pick(w, r, 2, 3);
}

/* One edit of the plan's structure; refusals (a move into itself, too
 * deep, nothing to reorder, a number taken) are fine. */
static int structural_edit(world *w, int r, edit_result *res, duban_error *err)
{
    static const char *const titles[] = {"新增甲", "新增乙", "改名丙", "改名丁"};
    static const char *const days[] = {"2021-10-20", "2021-11-15", "2021-12-20"};
    store *st = w->st[r];
    int64_t item = pick(w, r, 2, 3), area = pick(w, r, 1, 1), any = pick(w, r, 1, 3);
    node_new nn = {.title = titles[rnd(w, 2)], .unit = "县发改局"};
    switch (rnd(w, 10)) {
    default: /* an item under an area, or a sub-item */
        return edit_add_node(st, w->plan[r], rnd(w, 3) ? area : pick(w, r, 2, 2), &nn, res, err);
    case 1:
        if (rnd(w, 4))
            return DUBAN_EEMPTY;
        return edit_add_node(st, w->plan[r], 0, &nn, res, err);
    case 2:
        return edit_move_node(st, hot(w, r), rnd(w, 4) ? area : pick(w, r, 2, 2), 0, res, err);
    case 3:
        return rnd(w, 2) ? edit_reorder(st, item, rnd(w, 2) ? 1 : -1, res, err)
                         : edit_renumber(st, area, res, err);
    case 4:
        return edit_apply(st, rnd(w, 2) ? any : hot(w, r), FIELD_TITLE, titles[2 + rnd(w, 2)], NULL,
                          res, err);
    case 5:
    case 6:
        return edit_apply(st, item, FIELD_STATE, rnd(w, 2) ? "cancelled" : "", "理由", res, err);
    case 7:
        return edit_milestone_add(st, item, titles[rnd(w, 4)], days[rnd(w, 3)], res, err);
    case 8: {
        static const milestone_op ops[] = {MS_DONE, MS_DATE,   MS_DONE,
                                           MS_DATE, MS_REOPEN, MS_DELETE};
        return edit_milestone(st, item, 1 + (int)rnd(w, 3), ops[rnd(w, 6)], days[rnd(w, 3)], res,
                              err);
    }
    case 9: /* a note deleted (note.H), an item without history deleted, or a body */
        switch (rnd(w, 3)) {
        case 0:
            return edit_note_delete(st, item, 1, res, err);
        case 1:
            return edit_delete_node(st, item, res, err);
        default:
            return edit_apply(st, item, FIELD_BODY, titles[rnd(w, 4)], NULL, res, err);
        }
    }
    return DUBAN_EEMPTY;
}

static void random_edit(world *w, int r)
{
    static const char *const statuses[] = {"not_started", "in_progress", "behind", "blocked",
                                           "done"};
    static const char *const dates[] = {"2021-10-31", "2021-11-30", "2021-12-31", ""};
    static const char *const texts[] = {"县发改局", "县住建局", "张三", "李四", ""};
    duban_error err;
    node n = {0};
    if (node_by_ref(w->st[r], w->plan[r], refs[rnd(w, 4)], &n, &err)) /* moved away */
        n.id = pick(w, r, 2, 3);
    edit_result res;
    char note[32];
    snprintf(note, sizeof note, "进展 %u", rnd(w, 100000));
    int kind = (int)rnd(w, 12), rc;
    set_clock(w, r);
    switch (kind) {
    case 9:
    case 10:
    case 11:
        rc = structural_edit(w, r, &res, &err);
        node_free(&n);
        if (rc == DUBAN_EEMPTY || rc == DUBAN_EINVAL || rc == DUBAN_ENOTFOUND)
            return;
        if (rc)
            fail_msg("structural edit: %s", err.msg);
        edit_result_free(&res);
        return;
    case 0:
    case 1:
        rc = edit_apply(w->st[r], n.id, FIELD_STATUS, statuses[rnd(w, 5)], rnd(w, 3) ? NULL : note,
                        &res, &err);
        break;
    case 2:
        rc = edit_apply(w->st[r], n.id, FIELD_DUE, dates[rnd(w, 3)], NULL, &res, &err);
        break;
    case 3:
        rc = edit_apply(w->st[r], n.id, FIELD_UNIT, texts[rnd(w, 5)], NULL, &res, &err);
        break;
    case 4:
        rc = edit_apply(w->st[r], n.id, FIELD_LEADER, texts[rnd(w, 5)], NULL, &res, &err);
        break;
    case 5:
        rc = edit_apply(w->st[r], n.id, FIELD_EXTENSION, dates[rnd(w, 4)], note, &res, &err);
        break;
    case 6:
        rc = edit_apply(w->st[r], n.id, FIELD_NOTE, note, NULL, &res, &err);
        break;
    case 7:
        rc = edit_undo(w->st[r], w->plan[r], &res, &err);
        break;
    default:
        rc = edit_redo(w->st[r], w->plan[r], &res, &err);
        break;
    }
    node_free(&n);
    if (rc == DUBAN_EEMPTY || ((kind == 7 || kind == 8) && rc == DUBAN_EINVAL))
        return; /* an undo may find its number taken by a synced item */
    if (rc)
        fail_msg("edit %d: %s", kind, err.msg);
    edit_result_free(&res);
}

/* An import may be refused (out of order, own file); never anything else. */
static void import_image(world *w, int to, const strbuf *img)
{
    sync_result res;
    duban_error err;
    set_clock(w, to);
    int rc = sync_import(w->st[to], "test", img->s, img->len, &res, &err);
    if (rc != DUBAN_OK && rc != DUBAN_EEMPTY &&
        !(rc == DUBAN_EINVAL && strstr(err.msg, "earlier file")))
        fail_msg("import refused: %s", err.msg);
}

static void random_exchange(world *w)
{
    int a = (int)rnd(w, NREP), b = (int)((a + 1 + rnd(w, NREP - 1)) % NREP);
    duban_error err;
    sync_result in, out;
    sync_self peer;
    strbuf *slot = &w->files[w->nfiles % NFILES];
    switch (rnd(w, 5)) {
    case 0: /* database to database */
        set_clock(w, a);
        assert_int_equal(sync_with_db(w->st[a], w->plan[a], w->path[b], &in, &out, &err), DUBAN_OK);
        break;
    case 1: /* a file for b */
        assert_int_equal(sync_self_get(w->st[b], &peer, &err), DUBAN_OK);
        strbuf_reset(slot);
        assert_int_equal(sync_export(w->st[a], w->plan[a], peer.uuid, 0, NULL, slot, NULL, &err),
                         DUBAN_OK);
        w->nfiles++;
        import_image(w, b, slot);
        break;
    case 2: /* a file for everyone (or everything) */
        strbuf_reset(slot);
        assert_int_equal(sync_export(w->st[a], w->plan[a], NULL, rnd(w, 2), NULL, slot, NULL, &err),
                         DUBAN_OK);
        w->nfiles++;
        import_image(w, b, slot);
        break;
    default: /* an old file again, into anyone */
        if (w->nfiles)
            import_image(w, b,
                         &w->files[rnd(w, (unsigned)(w->nfiles < NFILES ? w->nfiles : NFILES))]);
        break;
    }
}

static int cmp_row_gid(const void *a, const void *b)
{
    return strcmp(((const sync_row *)a)->gid, ((const sync_row *)b)->gid);
}

/* The history as it travels (global ids), sorted by gid. */
static void dump_history(world *w, int r, strbuf *sb)
{
    duban_error err;
    strbuf img = {0};
    change_file cf;
    assert_int_equal(sync_export(w->st[r], w->plan[r], NULL, 1, NULL, &img, NULL, &err), DUBAN_OK);
    assert_int_equal(change_file_decode("dump", img.s, img.len, &cf, &err), DUBAN_OK);
    if (cf.nrows)
        qsort(cf.rows, cf.nrows, sizeof *cf.rows, cmp_row_gid);
    for (size_t i = 0; i < cf.nrows; i++) {
        const sync_row *x = &cf.rows[i];
        strbuf_printf(sb, "%s|%s|%lld|%lld|%s|%s|%s|%s|%s|%s|%s|%s|%s|%lld\n", x->gid, x->origin,
                      (long long)x->seq, (long long)x->hlc, x->prev_gid, x->target_gid, x->node_gid,
                      x->at, x->action, x->field, x->old_value, x->new_value, x->note,
                      (long long)x->node_hlc);
    }
    change_file_free(&cf);
    strbuf_free(&img);
}

/* The replica's plan, history, notes and conflicts, by global identity. */
static char *dump(world *w, int r)
{
    static const char *const queries[] = {
        "SELECT n.gid, n.status, n.due, n.unit, n.leader, n.extended_due, n.title, n.state,"
        " n.ref, n.depth, n.seq, n.sort_key, coalesce(p.gid, '') FROM node n"
        " LEFT JOIN node p ON p.id = n.parent_id ORDER BY n.gid",
        "SELECT n.gid, m.seq, m.phrase, m.due, m.done, m.state FROM milestone m JOIN node n"
        " ON n.id = m.node_id ORDER BY 1, 2, 3, 4, 5, 6",
        "SELECT g.gid, n.at, n.text, n.state FROM note n JOIN history_gid g"
        " ON g.history_id = n.history_id ORDER BY g.gid, n.text",
    };
    strbuf sb = {0};
    dump_history(w, r, &sb);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(w->path[r], &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        sqlite3_stmt *s;
        assert_int_equal(sqlite3_prepare_v2(db, queries[q], -1, &s, NULL), SQLITE_OK);
        while (sqlite3_step(s) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(s); c++) {
                const unsigned char *t = sqlite3_column_text(s, c);
                strbuf_printf(&sb, "%s|", t ? (const char *)t : "");
            }
            strbuf_appendc(&sb, '\n');
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    sync_conflict_list cl;
    duban_error err;
    assert_int_equal(sync_conflicts(w->st[r], w->plan[r], &cl, &err), DUBAN_OK);
    for (size_t i = 0; i < cl.n; i++)
        strbuf_printf(&sb, "conflict %s %s %s %s %s %s %s %s\n", cl.v[i].ref, cl.v[i].field,
                      cl.v[i].lost_value, cl.v[i].won_value, cl.v[i].lost_by, cl.v[i].won_by,
                      cl.v[i].lost_at, cl.v[i].won_at);
    sync_conflict_list_free(&cl);
    return strbuf_take(&sb);
}

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

/* Every truncation and every flipped byte of a change file is refused,
 * and the database is left as it was. */
static int64_t id_of(world *w, int r, const char *ref)
{
    node n = {0};
    duban_error err;
    if (node_by_ref(w->st[r], w->plan[r], ref, &n, &err))
        fail_msg("%s: %s", ref, err.msg);
    int64_t id = n.id;
    node_free(&n);
    return id;
}

/* Every replica exchanges with every other, twice. */
static void exchange_all(world *w)
{
    duban_error err;
    sync_result in, out;
    for (int round = 0; round < 2; round++)
        for (int a = 0; a < NREP; a++)
            assert_int_equal(
                sync_with_db(w->st[a], w->plan[a], w->path[(a + 1) % NREP], &in, &out, &err),
                DUBAN_OK);
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
        cmocka_unit_test(replicas_converge),
        cmocka_unit_test(concurrent_structure_conflicts),
        cmocka_unit_test(concurrent_milestones_agree),
        cmocka_unit_test(damaged_files_are_refused),
        cmocka_unit_test(unknown_field_is_refused),
        cmocka_unit_test(damaged_structural_file_is_refused),
        cmocka_unit_test(format1_file_is_read),
        cmocka_unit_test(unterminated_image_is_read_within_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
