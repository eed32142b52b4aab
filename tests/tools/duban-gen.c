/* duban-gen - write a synthetic plan for tests and benchmarks.
 *
 *   duban-gen --db PATH [--items N] [--history M] [--seed S] [--per-edit-index]
 *             [--per-edit] [--now YYYY-MM-DDTHH:MM:SSZ]
 *   duban-gen --text [--items N] [--seed S]      (plan text on stdout)
 *
 * N items (default 10000) spread over 12 areas, every 7th item with two
 * sub-items, realistic Chinese titles and bodies with deadline words, and M
 * edits (default 0: status, due, unit, note; an edit that changes nothing
 * writes no row).  The output depends only on the arguments (and the
 * time, which --now fixes).  One batch writes the plan and the edits and
 * rebuilds the search index once at its end; with --per-edit-index every
 * row and edit updates it (the same index: tests compare).  The edits are
 * written at once by edit_apply_bulk(); with --per-edit one edit_apply()
 * each, as the front end's keys (the same rows: tests compare).
 * A new PATH is built as PATH.building (STORE_BUILD: no WAL) and renamed
 * into place once written, so it is never seen half written; an existing
 * PATH gets the plan added to it. */
#include "edit/edit.h"
#include "edit/edit_bulk.h"
#include "plan/plandoc.h"
#include "query/query.h"
#include "store/store.h"
#include "base/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static unsigned long long rng_state;

static unsigned next_rand(void)
{
    /* xorshift64*: tiny, deterministic, good enough for test data */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (unsigned)((rng_state * 2685821657736338717ULL) >> 33);
}

static const char *const verbs[] = {"加快", "推进", "深化", "完善", "实施", "强化", "提升", "落实"};
static const char *const objects[] = {"招商引资", "产业升级", "项目建设", "城乡融合", "生态治理",
                                      "民生保障", "基层治理", "数字改革", "营商环境", "安全生产"};
static const char *const deadlines[] = {"年内", "三季度", "10月底", "11月中旬",
                                        "今冬", "年底前", "四季度", "12月上旬"};
static const char *const units[] = {"县发改局",     "县经信局", "县住建局", "县商务局",
                                    "县农业农村局", "县卫健局", "县教育局", "县财政局"};

static void make_title(char *out, size_t n, int i)
{
    snprintf(out, n, "%s%s第%d项", verbs[next_rand() % 8], objects[next_rand() % 10], i);
}

static void make_body(char *out, size_t n)
{
    snprintf(out, n, "围绕%s目标，%s相关工作，确保%s取得实效，力争%s完成阶段任务。",
             objects[next_rand() % 10], verbs[next_rand() % 8], objects[next_rand() % 10],
             deadlines[next_rand() % 8]);
}

static int write_text(int items)
{
    char title[256], body[512];
    printf("---\ntitle: 合成测试计划 %d 项\nyear: 2021\nperiod: 2021-07-01..2021-12-31\n---\n",
           items);
    for (int a = 0, done = 0; a < 12; a++) {
        int count = items / 12 + (a < items % 12);
        printf("%s%s方面%d\n", verbs[a % 8], objects[a % 10], a + 1);
        for (int k = 1; k <= count; k++, done++) {
            make_title(title, sizeof title, done + 1);
            make_body(body, sizeof body);
            printf("%d.%s\n%s\n", k, title, body);
        }
    }
    return 0;
}

static int add_node(plan_doc *doc, int parent, int depth, const char *title, const char *body,
                    const char *due)
{
    doc_node *dn = &doc->nodes[doc->nnodes];
    memset(dn, 0, sizeof *dn);
    dn->parent = parent;
    dn->depth = depth;
    dn->title = strdup(title);
    dn->body = strdup(body);
    snprintf(dn->due, sizeof dn->due, "%s", due);
    dn->line = (int)doc->nnodes + 1;
    return (int)doc->nnodes++;
}

static int build_doc(plan_doc *doc, int items)
{
    memset(doc, 0, sizeof *doc);
    doc->title = strdup("合成测试计划");
    doc->year = 2021;
    snprintf(doc->start, sizeof doc->start, "2021-07-01");
    snprintf(doc->end, sizeof doc->end, "2021-12-31");
    doc->source = strdup("duban-gen");
    doc->preamble = strdup("");
    doc->nodes = calloc((size_t)items * 2 + 64, sizeof *doc->nodes);
    if (!doc->nodes)
        return -1;
    char title[256], body[512], due[DATE_LEN];
    for (int a = 0, done = 0; a < 12; a++) {
        snprintf(title, sizeof title, "%s%s方面%d", verbs[a % 8], objects[a % 10], a + 1);
        int area = add_node(doc, -1, 1, title, "", "2021-12-31");
        int count = items / 12 + (a < items % 12);
        for (int k = 0; k < count; k++, done++) {
            make_title(title, sizeof title, done + 1);
            make_body(body, sizeof body);
            snprintf(due, sizeof due, "2021-%02d-%02d", 7 + (int)(next_rand() % 6),
                     1 + (int)(next_rand() % 28));
            int item = add_node(doc, area, 2, title, body, due);
            if (done % 7 == 3 && k + 2 < count) {
                for (int s = 0; s < 2; s++, done++, k++) {
                    make_title(title, sizeof title, done + 2);
                    add_node(doc, item, 3, title, "", due);
                }
            }
        }
    }
    return 0;
}

/* M edits drawn at random (status, due, unit, note); dues[] holds their
 * dates.  The same draws whichever way they are written. */
static int draw_edits(store *st, int64_t plan_id, long history, edit_bulk **out,
                      char (**dues)[DATE_LEN], duban_error *err)
{
    static const char *const statuses[] = {"not_started", "in_progress", "behind", "blocked",
                                           "done"};
    node_list nodes;
    if (node_all(st, plan_id, &nodes, err))
        return -1;
    edit_bulk *e = calloc((size_t)history, sizeof *e);
    char(*due)[DATE_LEN] = calloc((size_t)history, sizeof *due);
    if (!e || !due) {
        free(e);
        free(due);
        node_list_free(&nodes);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    for (long h = 0; h < history; h++) {
        const node *n = &nodes.v[next_rand() % nodes.n];
        if (n->depth == 1)
            n = &nodes.v[(size_t)(n - nodes.v) + 1 < nodes.n ? (size_t)(n - nodes.v) + 1 : 1];
        unsigned kind = next_rand() % 10;
        snprintf(due[h], sizeof due[h], "2021-%02d-%02d", 7 + (int)(next_rand() % 6),
                 1 + (int)(next_rand() % 28));
        e[h].node_id = n->id;
        if (kind < 5) {
            e[h].field = FIELD_STATUS;
            e[h].value = statuses[next_rand() % 5];
            e[h].note = kind == 0 ? "推进顺利" : NULL;
        } else if (kind < 7) {
            e[h].field = FIELD_DUE;
            e[h].value = due[h];
        } else if (kind < 8) {
            e[h].field = FIELD_UNIT;
            e[h].value = units[next_rand() % 8];
        } else {
            e[h].field = FIELD_NOTE;
            e[h].value = "已召开专题会议研究部署";
        }
    }
    node_list_free(&nodes);
    *out = e;
    *dues = due;
    return 0;
}

/* The edits, one edit_apply() each (as the front end's keys make them)
 * or all at once (edit_apply_bulk: the same rows), inside the batch. */
static int make_history(store *st, int64_t plan_id, long history, int per_edit, duban_error *err)
{
    edit_bulk *e = NULL;
    char(*dues)[DATE_LEN] = NULL;
    int rc = draw_edits(st, plan_id, history, &e, &dues, err);
    if (!rc && !per_edit)
        rc = edit_apply_bulk(st, plan_id, e, (size_t)history, err);
    for (long h = 0; !rc && per_edit && h < history; h++) {
        edit_result r;
        rc = edit_apply(st, e[h].node_id, e[h].field, e[h].value, e[h].note, &r, err);
        edit_result_free(&r);
    }
    free(e);
    free(dues);
    return rc;
}

/* The plan and its history in one batch, which (unless per_edit_index)
 * rebuilds the search index once at its end. */
static int write_db(store *st, const plan_doc *doc, long history, int per_edit_index, int per_edit,
                    duban_error *err)
{
    int64_t plan_id = 0;
    int rc = store_begin(st, err);
    if (rc)
        return rc;
    if (!per_edit_index)
        rc = store_defer_search_index(st, err);
    if (!rc)
        rc = store_add_plan(st, doc, &plan_id, err);
    if (!rc && history > 0)
        rc = make_history(st, plan_id, history, per_edit, err);
    if (!rc)
        return store_commit(st, err);
    store_rollback(st);
    return rc;
}

int main(int argc, char **argv)
{
    const char *db = NULL;
    long items = 10000, history = 0;
    int text = 0, per_edit_index = 0, per_edit = 0;
    const char *now = NULL;
    rng_state = 0x9E3779B97F4A7C15ULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--text"))
            text = 1;
        else if (!strcmp(a, "--per-edit-index"))
            per_edit_index = 1; /* the search index updated by every edit (tests) */
        else if (!strcmp(a, "--per-edit"))
            per_edit = 1; /* every edit through edit_apply() (tests compare) */
        else if (!strcmp(a, "--now") && v)
            now = argv[++i]; /* the edits' time, YYYY-MM-DDTHH:MM:SSZ (tests) */
        else if (!strcmp(a, "--db") && v)
            db = argv[++i];
        else if (!strcmp(a, "--items") && v)
            items = atol(argv[++i]);
        else if (!strcmp(a, "--history") && v)
            history = atol(argv[++i]);
        else if (!strcmp(a, "--seed") && v)
            rng_state ^= (unsigned long long)atoll(argv[++i]) * 0x100000001B3ULL;
        else {
            fprintf(stderr,
                    "usage: duban-gen (--db PATH | --text) [--items N] [--history M] [--seed S]\n"
                    "                [--per-edit-index] [--per-edit] [--now TIME]\n");
            return 2;
        }
    }
    if (items < 12 || (!db && !text)) {
        fprintf(stderr, "duban-gen: need --db PATH or --text, and at least 12 items\n");
        return 2;
    }
    if (text)
        return write_text((int)items);
    plan_doc doc;
    duban_error err = {0};
    store *st = NULL;
    struct stat sb;
    char building[4096] = "";
    if (lstat(db, &sb) != 0 &&
        snprintf(building, sizeof building, "%s.building", db) >= (int)sizeof building) {
        fprintf(stderr, "duban-gen: %s: path too long\n", db);
        return 2;
    }
    if (*building && unlink(building) != 0 && errno != ENOENT) {
        fprintf(stderr, "duban-gen: %s: %s\n", building, strerror(errno));
        return 1;
    }
    int rc = build_doc(&doc, (int)items) ? DUBAN_ENOMEM : DUBAN_OK;
    if (!rc)
        rc = *building ? store_open(building, STORE_CREATE | STORE_BUILD, &st, &err)
                       : store_open(db, STORE_CREATE, &st, &err);
    if (!rc && now)
        store_set_now(st, now);
    if (!rc)
        rc = write_db(st, &doc, history, per_edit_index, per_edit, &err);
    plan_doc_free(&doc);
    store_close(st);
    if (!rc && *building && rename(building, db) != 0)
        rc = duban_fail(&err, DUBAN_EIO, "%s: %s", db, strerror(errno));
    if (rc) {
        if (*building)
            unlink(building);
        fprintf(stderr, "duban-gen: %s\n", err.msg);
        return 1;
    }
    return 0;
}
