/* places.c - where every item sits after a sync: a function of the set of
 * history rows, so replicas that hold the same rows agree (sync.h).
 *
 * Each item's place is a register (parent, number, sort-key suffix).  An
 * item of the clone starts where the first row that moved it found it (or
 * where it is, when none did); an added item appears at the place its
 * addition gave it.  The additions, moves ("place") and orders ("order":
 * the places of a node's children) then apply in the order (hlc, origin,
 * seq).  A move that would put an item inside itself or nest items more
 * than three levels deep is skipped (an addition goes up to the nearest
 * ancestor that can hold it).  A number already held among the new
 * siblings goes to the item that held it first; the newcomer takes the
 * next number above every number given there, and its ref says so. */
#include "sync/sync_internal.h"

#include "plan/model.h"

#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pnode {
    int64_t id, parent; /* the place being settled (parent 0: an area) */
    int seq, exists, vacant, base_set, added, maxchild;
    char suffix[256];
    int64_t cur_parent; /* as stored */
    int cur_seq, cur_depth;
    char cur_ref[REF_LEN], cur_key[256], state[16];
    int done, depth; /* computed */
    char ref[REF_LEN], key[256];
} pnode;

typedef struct pevent {
    int64_t node;
    int kind; /* 0 addition, 1 place, 2 order */
    char *old_value, *new_value;
} pevent;

typedef struct places {
    store *st;
    int64_t plan_id;
    pnode *v;
    size_t n;
    int root_max;
    pevent *ev;
    size_t nev;
} places;

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = ((const pnode *)b)->id;
    return (x > y) - (x < y);
}

static pnode *find(places *p, int64_t id)
{
    return id ? bsearch(&id, p->v, p->n, sizeof *p->v, cmp_id) : NULL;
}

static int read_pnode(sqlite3_stmt *s, void *out)
{
    pnode *x = out;
    memset(x, 0, sizeof *x);
    x->id = sqlite3_column_int64(s, 0);
    x->cur_parent = sqlite3_column_int64(s, 1);
    x->cur_seq = sqlite3_column_int(s, 2);
    x->cur_depth = sqlite3_column_int(s, 3);
    db_text_into(s, 4, x->cur_ref, sizeof x->cur_ref);
    db_text_into(s, 5, x->cur_key, sizeof x->cur_key);
    db_text_into(s, 6, x->state, sizeof x->state);
    x->added = sqlite3_column_int(s, 7);
    return 0;
}

static int load_nodes(places *p, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(p->st,
                   "SELECT n.id, coalesce(n.parent_id, 0), n.seq, n.depth, n.ref, n.sort_key,"
                   " n.state, EXISTS (SELECT 1 FROM history h JOIN sync_added a"
                   " ON a.history_id = h.id WHERE h.node_id = n.id)"
                   " FROM node n WHERE n.plan_id = ? ORDER BY n.id",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, p->plan_id);
    return db_collect(p->st, s, sizeof *p->v, (void **)&p->v, &p->n, read_pnode, db_release_nothing,
                      err);
}

static int read_pevent(sqlite3_stmt *s, void *out)
{
    pevent *e = out;
    e->node = sqlite3_column_int64(s, 0);
    e->kind = sqlite3_column_int(s, 1);
    e->old_value = db_text(s, 2);
    e->new_value = db_text(s, 3);
    return !e->old_value || !e->new_value;
}

static void release_pevent(void *elem)
{
    pevent *e = elem;
    free(e->old_value);
    free(e->new_value);
}

static int load_events(places *p, duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(p->st,
                   "SELECT h.node_id, CASE WHEN a.history_id IS NOT NULL THEN 0 WHEN"
                   " h.field = 'place' THEN 1 ELSE 2 END, h.old_value,"
                   " coalesce(a.place, h.new_value) FROM history h JOIN history_gid g"
                   " ON g.history_id = h.id LEFT JOIN sync_added a ON a.history_id = h.id"
                   " WHERE h.plan_id = ? AND (a.history_id IS NOT NULL OR (h.field IN"
                   " ('place', 'order') AND h.old_value <> h.new_value))"
                   " ORDER BY g.hlc, g.origin, g.seq",
                   &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, p->plan_id);
    return db_collect(p->st, s, sizeof *p->ev, (void **)&p->ev, &p->nev, read_pevent,
                      release_pevent, err);
}

/* "A SEQ KEY" (one entry): A, SEQ and the key's suffix. */
static int parse_entry(const char *e, char *a, size_t asz, int *seq, char *suffix, size_t sufsz)
{
    char fmt[32];
    int used = 0;
    snprintf(fmt, sizeof fmt, "%%%zus %%d %%n", asz - 1);
    if (sscanf(e, fmt, a, seq, &used) < 2 || !used || *seq < 1 || *seq > 999999)
        return -1;
    snprintf(suffix, sufsz, "%s", sync_key_suffix(e + used));
    return 0;
}

/* Calls fn for each entry of an order value. */
static void each_entry(places *p, const char *v, int64_t parent,
                       void (*fn)(places *, pnode *, int64_t, int, const char *))
{
    char *copy = duban_strdup(v), *save = NULL;
    for (char *e = copy ? strtok_r(copy, ";", &save) : NULL; e; e = strtok_r(NULL, ";", &save)) {
        char a[64], suffix[256];
        int seq;
        pnode *x;
        if (!parse_entry(e, a, sizeof a, &seq, suffix, sizeof suffix) &&
            (x = find(p, strtoll(a, NULL, 10))))
            fn(p, x, parent, seq, suffix);
    }
    free(copy);
}

static void set_base(places *p, pnode *x, int64_t parent, int seq, const char *suffix)
{
    (void)p;
    if (x->added || x->base_set)
        return;
    x->base_set = 1;
    x->parent = parent;
    x->seq = seq;
    snprintf(x->suffix, sizeof x->suffix, "%s", suffix);
}

/* Where each item of the clone starts. */
static void bases(places *p)
{
    for (size_t i = 0; i < p->nev; i++) {
        pevent *e = &p->ev[i];
        pnode *x = find(p, e->node);
        char a[64], suffix[256];
        int seq;
        if (e->kind == 1 && x &&
            !parse_entry(e->old_value, a, sizeof a, &seq, suffix, sizeof suffix))
            set_base(p, x, strtoll(a, NULL, 10), seq, suffix);
        else if (e->kind == 2)
            each_entry(p, e->old_value, e->node, set_base);
    }
    for (size_t i = 0; i < p->n; i++) {
        pnode *x = &p->v[i];
        set_base(p, x, x->cur_parent, x->cur_seq, sync_key_suffix(x->cur_key));
        x->exists = !x->added;
    }
    for (size_t i = 0; i < p->n; i++) {
        pnode *x = &p->v[i], *par = find(p, x->parent);
        if (!x->exists)
            continue;
        int *max = par ? &par->maxchild : &p->root_max;
        if (x->seq > *max)
            *max = x->seq;
    }
}

static int depth_of(places *p, int64_t id)
{
    int d = 0;
    for (pnode *x = find(p, id); x && d < 8; x = find(p, x->parent))
        d++;
    return d;
}

/* Is y under x (or x itself)? */
static int under(places *p, pnode *y, const pnode *x)
{
    for (int k = 0; y && k < 8; k++, y = find(p, y->parent))
        if (y == x)
            return 1;
    return 0;
}

static int height(places *p, const pnode *x)
{
    int h = 0;
    for (size_t i = 0; i < p->n; i++) {
        pnode *y = &p->v[i];
        int k = 0;
        for (pnode *z = y; y->exists && z && k < 8; z = find(p, z->parent), k++)
            if (z == x && k > h)
                h = k;
    }
    return h;
}

static int can_hold(places *p, int64_t parent, pnode *x)
{
    pnode *par = find(p, parent);
    if (parent && (!par || !par->exists || under(p, par, x)))
        return 0;
    return depth_of(p, parent) + 1 + height(p, x) <= NODE_SUBITEM;
}

/* x takes (parent, seq, suffix), or the next number there when another
 * item holds seq. */
static void claim(places *p, pnode *x, int64_t parent, int seq, const char *suffix)
{
    pnode *par = find(p, parent);
    int *max = par ? &par->maxchild : &p->root_max;
    for (size_t i = 0; i < p->n; i++) {
        pnode *y = &p->v[i];
        if (y != x && y->exists && !y->vacant && y->parent == parent && y->seq == seq) {
            seq = *max + 1;
            break;
        }
    }
    if (seq > *max)
        *max = seq;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", suffix);
    size_t n = strlen(buf), k = n;
    while (k > 0 && buf[k - 1] >= '0' && buf[k - 1] <= '9')
        k--;
    snprintf(buf + k, sizeof buf - k, "%05d", seq);
    x->parent = parent;
    x->seq = seq;
    x->exists = 1;
    x->vacant = 0;
    snprintf(x->suffix, sizeof x->suffix, "%s", buf);
}

static void vacate(places *p, pnode *x, int64_t parent, int seq, const char *suffix)
{
    (void)p, (void)parent, (void)seq, (void)suffix;
    x->vacant = x->exists;
}

static void order_one(places *p, pnode *x, int64_t parent, int seq, const char *suffix)
{
    if (!x->exists)
        return;
    if (can_hold(p, parent, x))
        claim(p, x, parent, seq, suffix);
    else if (x->vacant) /* stays where it was */
        claim(p, x, x->parent, x->seq, x->suffix);
}

static void apply_event(places *p, pevent *e)
{
    pnode *x = find(p, e->node);
    char a[64], suffix[256];
    int seq;
    if (e->kind == 2) {
        each_entry(p, e->new_value, e->node, vacate);
        each_entry(p, e->new_value, e->node, order_one);
        for (size_t i = 0; i < p->n; i++) /* listed twice or not valid: back */
            if (p->v[i].vacant)
                claim(p, &p->v[i], p->v[i].parent, p->v[i].seq, p->v[i].suffix);
        return;
    }
    if (!x || parse_entry(e->new_value, a, sizeof a, &seq, suffix, sizeof suffix))
        return;
    int64_t parent = 0;
    if (e->kind == 1) {
        parent = strtoll(a, NULL, 10);
        if (x->exists && can_hold(p, parent, x))
            claim(p, x, parent, seq, suffix);
        return;
    }
    /* an addition names its parent by gid */
    sqlite3_stmt *s;
    if (strcmp(a, "0") && sqlite3_prepare_v2(p->st->db, "SELECT id FROM node WHERE gid = ?", -1, &s,
                                             NULL) == SQLITE_OK) {
        sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
        if (sqlite3_step(s) == SQLITE_ROW)
            parent = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    x->exists = 0;
    while (parent && !can_hold(p, parent, x)) {
        pnode *par = find(p, parent);
        parent = par ? par->parent : 0;
    }
    claim(p, x, parent, seq, suffix);
}

static void keep(pnode *x)
{
    x->done = 1;
    x->parent = x->cur_parent;
    x->seq = x->cur_seq;
    x->depth = x->cur_depth;
    memcpy(x->ref, x->cur_ref, sizeof x->ref);
    memcpy(x->key, x->cur_key, sizeof x->key);
}

/* The ref, key and depth of x from its parent's. */
static void compute(places *p, pnode *x, int level)
{
    if (x->done || level > 8)
        return;
    pnode *par = find(p, x->parent);
    if (!x->exists || (x->parent && !par)) {
        keep(x);
        return;
    }
    if (par)
        compute(p, par, level + 1);
    x->done = 1;
    x->depth = par ? par->depth + 1 : 1;
    int n = par ? snprintf(x->ref, sizeof x->ref, "%s.%d", par->ref, x->seq)
                : snprintf(x->ref, sizeof x->ref, "%d", x->seq);
    int k = snprintf(x->key, sizeof x->key, "%s%s", par ? par->key : "", x->suffix);
    if (n < 0 || (size_t)n >= sizeof x->ref || k < 0 || (size_t)k >= sizeof x->key)
        keep(x); /* too long: stays where it is */
}

static int changed(const pnode *x)
{
    return x->parent != x->cur_parent || x->seq != x->cur_seq || x->depth != x->cur_depth ||
           strcmp(x->ref, x->cur_ref) || strcmp(x->key, x->cur_key);
}

static int run(store *st, const char *sql, const pnode *x, int64_t plan_id, int pass,
               duban_error *err)
{
    sqlite3_stmt *s;
    if (db_prepare(st, sql, &s, err))
        return DUBAN_EDB;
    sqlite3_bind_int64(s, 1, x->id);
    sqlite3_bind_int64(s, 2, plan_id);
    if (pass == 0)
        sqlite3_bind_text(s, 3, x->cur_ref, -1, SQLITE_STATIC);
    if (pass == 2) {
        sqlite3_bind_int64(s, 3, x->parent);
        sqlite3_bind_int(s, 4, x->depth);
        sqlite3_bind_int(s, 5, x->seq);
        sqlite3_bind_text(s, 6, x->ref, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 7, x->key, -1, SQLITE_STATIC);
    }
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? DUBAN_OK : db_fail(st, err, DUBAN_EDB, "cannot place items");
}

/* "OLD → NEW" of item x appended to changed (cut with "…" when full). */
static void say_changed(const pnode *x, char *said, size_t saidsz)
{
    size_t len = strlen(said);
    if (!saidsz || len + 1 >= saidsz)
        return;
    char one[96];
    snprintf(one, sizeof one, "%s%s → %s", len ? ", " : "", x->cur_ref, x->ref);
    if (len + strlen(one) + strlen("…") + 1 > saidsz) {
        if (!strstr(said, "…"))
            snprintf(said + len, saidsz - len, "%s…", len ? ", " : "");
        return;
    }
    memcpy(said + len, one, strlen(one) + 1);
}

/* Writes the changed places: old refs lead to their items; every changed
 * item first takes a temporary ref, so no two ever hold the same. */
static int write_places(places *p, char *said, size_t saidsz, duban_error *err)
{
    static const char *const sql[] = {
        "INSERT OR REPLACE INTO moved_ref(plan_id, old_ref, node_id) VALUES (?2, ?3, ?1)",
        "UPDATE node SET ref = '~' || id, sort_key = '!' || id WHERE id = ?1 AND plan_id = ?2",
        "UPDATE node SET parent_id = nullif(?3, 0), depth = ?4, seq = ?5, ref = ?6,"
        " sort_key = ?7 WHERE id = ?1 AND plan_id = ?2",
        "DELETE FROM moved_ref WHERE plan_id = ?2 AND old_ref = (SELECT ref FROM node"
        " WHERE id = ?1)",
    };
    int rc = DUBAN_OK;
    for (int pass = 0; pass < 4 && !rc; pass++)
        for (size_t i = 0; i < p->n && !rc; i++) {
            const pnode *x = &p->v[i];
            if (!changed(x) ||
                (pass == 0 && (x->cur_ref[0] == '~' || !strcmp(x->state, "removed") ||
                               !strcmp(x->ref, x->cur_ref))))
                continue;
            rc = run(p->st, sql[pass], x, p->plan_id, pass, err);
            if (!rc && pass == 0) /* an item that had a ref here gets another */
                say_changed(x, said, saidsz);
        }
    return rc;
}

int sync_settle_places(store *st, int64_t plan_id, char *said, size_t saidsz, duban_error *err)
{
    if (saidsz)
        said[0] = '\0';
    places p = {.st = st, .plan_id = plan_id};
    int rc = load_nodes(&p, err);
    if (!rc)
        rc = load_events(&p, err);
    if (!rc) {
        bases(&p);
        for (size_t i = 0; i < p.nev; i++)
            apply_event(&p, &p.ev[i]);
        for (size_t i = 0; i < p.n; i++)
            compute(&p, &p.v[i], 0);
        rc = write_places(&p, said, saidsz, err);
    }
    for (size_t i = 0; i < p.nev; i++) {
        free(p.ev[i].old_value);
        free(p.ev[i].new_value);
    }
    free(p.ev);
    free(p.v);
    return rc;
}
