/* sync_world.c - the sync tests' three replicas (see sync_world.h). */
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

unsigned rnd(world *w, unsigned n)
{
    w->seed = w->seed * 1103515245u + 12345u;
    return ((w->seed >> 8) & 0xFFFFFF) % n;
}

void set_clock(world *w, int r)
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

void world_open(world *w, unsigned seed)
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

void world_close(world *w)
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

void random_edit(world *w, int r)
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

void random_exchange(world *w)
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
char *dump(world *w, int r)
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

int64_t id_of(world *w, int r, const char *ref)
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
void exchange_all(world *w)
{
    duban_error err;
    sync_result in, out;
    for (int round = 0; round < 2; round++)
        for (int a = 0; a < NREP; a++)
            assert_int_equal(
                sync_with_db(w->st[a], w->plan[a], w->path[(a + 1) % NREP], &in, &out, &err),
                DUBAN_OK);
}
