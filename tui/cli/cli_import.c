/* cli_import.c - `duban import FILE [--year Y] [--dry-run]`.
 *
 * The importer's warnings are printed on stderr as "FILE:LINE: message",
 * after the tree (--dry-run) or the summary line, sanitised like every
 * other line.  --dry-run renders the parsed plan as text (the format of
 * the .tree goldens under tests/data/import) or JSON and writes nothing. */
#include "cli/cli.h"

#include "import/import.h"
#include "import/ledger_import.h"
#include "text/table.h"
#include "store/store.h"
#include "text/textwidth.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends s sanitised (newlines become spaces). */
static int put_clean(strbuf *sb, const char *s)
{
    char *clean = text_sanitize(s ? s : "");
    int rc = !clean || strbuf_append(sb, clean);
    free(clean);
    return rc;
}

/* Each line of text as indent + "| " + the line. */
static int put_lines(strbuf *sb, int indent, const char *text)
{
    int rc = 0;
    for (const char *p = text; p && *p;) {
        size_t n = strcspn(p, "\n");
        char *line = strndup(p, n);
        rc |= !line || strbuf_printf(sb, "%*s| ", indent, "") || put_clean(sb, line) ||
              strbuf_appendc(sb, '\n');
        free(line);
        p += n + (p[n] == '\n');
    }
    return rc;
}

/* "1", "1.2", "1.2.3" for nodes in pre-order; seen[] keeps the counters. */

static int tree_node_text(strbuf *sb, const doc_node *nd, const char *ref)
{
    int ind = 2 * (nd->depth - 1);
    int rc = strbuf_printf(sb, "%*s%s ", ind, "", ref) || put_clean(sb, nd->title) ||
             strbuf_printf(sb, "  [due %s", nd->due);
    if (nd->unit)
        rc |= strbuf_append(sb, "; unit ") || put_clean(sb, nd->unit);
    if (nd->leader)
        rc |= strbuf_append(sb, "; leader ") || put_clean(sb, nd->leader);
    if (nd->ongoing)
        rc |= strbuf_append(sb, "; ongoing");
    if (nd->status[0])
        rc |= strbuf_append(sb, "; status ") || put_clean(sb, nd->status);
    else if (nd->status_text)
        rc |= strbuf_append(sb, "; status ") || put_clean(sb, nd->status_text);
    if (nd->extended_due[0])
        rc |= strbuf_printf(sb, "; extended to %s", nd->extended_due);
    if (nd->note)
        rc |= strbuf_append(sb, "; progress ") || put_clean(sb, nd->note);
    rc |= strbuf_append(sb, "]\n") || put_lines(sb, ind + 2, nd->body);
    for (size_t m = 0; m < nd->nms; m++)
        rc |= strbuf_printf(sb, "%*smilestone %s%s ", ind + 2, "", nd->ms[m].due,
                            nd->ms[m].approximate ? " (approximate)" : "") ||
              put_clean(sb, nd->ms[m].word) || strbuf_append(sb, ": ") ||
              put_clean(sb, nd->ms[m].phrase) || strbuf_appendc(sb, '\n');
    return rc;
}

static void count(const plan_doc *doc, size_t *areas, size_t *items, size_t *ms)
{
    *areas = *items = *ms = 0;
    for (size_t i = 0; i < doc->nnodes; i++) {
        *areas += doc->nodes[i].depth == 1;
        *items += doc->nodes[i].depth >= 2;
        *ms += doc->nodes[i].nms;
    }
}

/* The warnings: the text importer's (doc) and the ledger reader's (lw). */
static size_t warnings_of(const plan_doc *doc, const ledger_warnings *lw)
{
    return doc->nwarn + lw->n;
}

static int tree_text(const plan_doc *doc, const int *seqs, const ledger_warnings *lw, strbuf *sb)
{
    size_t areas, items, ms;
    count(doc, &areas, &items, &ms);
    int rc = strbuf_append(sb, "plan ") || put_clean(sb, doc->title) ||
             strbuf_printf(sb, " (%d, %s..%s)\n", doc->year, doc->start, doc->end);
    if (doc->preamble[0])
        rc |= strbuf_append(sb, "preamble\n") || put_lines(sb, 2, doc->preamble);
    char ref[48];
    for (size_t i = 0; i < doc->nnodes; i++) {
        plan_doc_ref(doc, seqs, i, ref, sizeof ref);
        rc |= tree_node_text(sb, &doc->nodes[i], ref);
    }
    rc |=
        strbuf_printf(sb, "%zu areas, %zu items, %zu milestones, %zu warning%s; nothing written\n",
                      areas, items, ms, warnings_of(doc, lw), warnings_of(doc, lw) == 1 ? "" : "s");
    return rc;
}

static int json_member(strbuf *sb, const char *key, const char *value)
{
    return json_append_string(sb, key) || strbuf_append(sb, ": ") ||
           (value ? json_append_string(sb, value) : strbuf_append(sb, "null"));
}

static int tree_node_json(strbuf *sb, const doc_node *nd, const char *ref)
{
    int rc =
        strbuf_append(sb, "{") || json_member(sb, "ref", ref) ||
        strbuf_printf(sb, ", \"depth\": %d, \"line\": %d, ", nd->depth, nd->line) ||
        json_member(sb, "title", nd->title) || strbuf_append(sb, ", ") ||
        json_member(sb, "body", nd->body) || strbuf_append(sb, ", ") ||
        json_member(sb, "due", nd->due) || strbuf_append(sb, ", ") ||
        json_member(sb, "unit", nd->unit) || strbuf_append(sb, ", ") ||
        json_member(sb, "leader", nd->leader) || strbuf_append(sb, ", ") ||
        json_member(sb, "progress", nd->note) || strbuf_append(sb, ", ") ||
        json_member(sb, "status", nd->status[0] ? nd->status : nd->status_text) ||
        strbuf_printf(sb, ", \"ongoing\": %s, \"milestones\": [", nd->ongoing ? "true" : "false");
    for (size_t m = 0; m < nd->nms; m++)
        rc |= strbuf_append(sb, m ? ", {" : "{") || json_member(sb, "due", nd->ms[m].due) ||
              strbuf_append(sb, ", ") || json_member(sb, "word", nd->ms[m].word) ||
              strbuf_append(sb, ", ") || json_member(sb, "phrase", nd->ms[m].phrase) ||
              strbuf_printf(sb, ", \"approximate\": %s}", nd->ms[m].approximate ? "true" : "false");
    return rc | strbuf_append(sb, "]}");
}

static int tree_json(const plan_doc *doc, const int *seqs, const ledger_warnings *lw,
                     const char *file, strbuf *sb)
{
    int rc = strbuf_append(sb, "{") || json_member(sb, "title", doc->title) ||
             strbuf_printf(sb, ", \"year\": %d, ", doc->year) ||
             json_member(sb, "start", doc->start) || strbuf_append(sb, ", ") ||
             json_member(sb, "end", doc->end) || strbuf_append(sb, ", ") ||
             json_member(sb, "source", doc->source) || strbuf_append(sb, ", ") ||
             json_member(sb, "preamble", doc->preamble) || strbuf_append(sb, ",\n\"nodes\": [");
    char ref[48];
    for (size_t i = 0; i < doc->nnodes; i++) {
        plan_doc_ref(doc, seqs, i, ref, sizeof ref);
        rc |= strbuf_append(sb, i ? ",\n " : "\n ") || tree_node_json(sb, &doc->nodes[i], ref);
    }
    rc |= strbuf_append(sb, "],\n\"warnings\": [");
    for (size_t w = 0; w < doc->nwarn; w++)
        rc |= strbuf_append(sb, w ? ",\n {" : "\n {") || json_member(sb, "file", file) ||
              strbuf_printf(sb, ", \"line\": %d, ", doc->warn[w].line) ||
              json_member(sb, "message", doc->warn[w].msg) || strbuf_append(sb, "}");
    for (size_t w = 0; w < lw->n; w++) /* the ledger's name the cell: "FILE:LINE: ..." */
        rc |= strbuf_append(sb, w || doc->nwarn ? ",\n {" : "\n {") ||
              json_member(sb, "file", file) || strbuf_append(sb, ", \"line\": null, ") ||
              json_member(sb, "message", lw->v[w]) || strbuf_append(sb, "}");
    return rc | strbuf_append(sb, "]}\n");
}

/* FILE:LINE: message on stderr, one sanitised line each. */
/* What the front end says the first time it opens the plan: how many
 * warnings the import gave and the file to preview again (tui.c reads it
 * once and clears it). */
static int leave_import_notice(cli_ctx *ctx, int64_t plan_id, size_t nwarn, const char *file,
                               duban_error *err)
{
    char value[PATH_MAX + 32];
    snprintf(value, sizeof value, "%zu\t%s", nwarn, file);
    return store_put_state(ctx->st, plan_id, IMPORT_NOTICE_KEY, value, err);
}

static void print_warnings(const plan_doc *doc, const char *file)
{
    for (size_t w = 0; w < doc->nwarn; w++) {
        char head[64] = "";
        if (doc->warn[w].line > 0)
            snprintf(head, sizeof head, "%d:", doc->warn[w].line);
        char *f = text_sanitize(file), *m = text_sanitize(doc->warn[w].msg);
        fprintf(stderr, "%s:%s %s\n", f ? f : "?", head, m ? m : "out of memory");
        free(f);
        free(m);
    }
}

static int dry_run(cli_ctx *ctx, const plan_doc *doc, const ledger_warnings *lw, const char *file,
                   duban_error *err)
{
    strbuf sb = {0};
    int json = ctx->format_set && ctx->format == FORMAT_JSON;
    int *seqs = plan_doc_numbers(doc); /* the refs the import will give */
    int rc = !seqs || (json ? tree_json(doc, seqs, lw, file, &sb) : tree_text(doc, seqs, lw, &sb));
    rc = rc ? duban_fail(err, DUBAN_ENOMEM, "out of memory") : cli_emit(&sb, err);
    strbuf_free(&sb);
    free(seqs);
    return rc;
}

/* A text table's 完成情况 cell that names a status of the set (已完成,
 * done) becomes the item's status; other words stay in its body only. */
static void text_statuses(plan_doc *doc, const status_set *set)
{
    for (size_t i = 0; i < doc->nnodes; i++) {
        doc_node *nd = &doc->nodes[i];
        const char *t = nd->status_text;
        const status_def *d;
        if (!nd->status[0] && t && t[strspn(t, "0123456789")] && (d = status_lookup(set, t)))
            snprintf(nd->status, sizeof nd->status, "%s", d->key);
    }
}

/* A plan text, or a ledger (台账) spreadsheet by its extension (.xlsx,
 * .csv), whose warnings go to stderr and are kept in lw (the caller frees
 * it, also on failure).  A dry run has no store: a ledger's statuses are
 * then read with the built-in set. */
static int cli_read_plan(cli_ctx *ctx, const char *path, int year, plan_doc *doc,
                         ledger_warnings *lw, duban_error *err)
{
    const status_set *set = ctx->st ? store_statuses(ctx->st) : status_defaults();
    if (ledger_kind_of(path) == LEDGER_NOT) {
        int rc = import_file(path, year, ctx->today, doc, err);
        if (!rc)
            text_statuses(doc, set);
        return rc;
    }
    int rc = ledger_import_file(path, year, set, doc, lw, err);
    for (size_t i = 0; i < lw->n; i++)
        cli_warn("%s", lw->v[i]);
    return rc;
}

/* The plan read into the store, and what was done said (nwarn: all the
 * warnings given, the ledger reader's too). */
static int import_into_store(cli_ctx *ctx, const plan_doc *doc, size_t nwarn, const char *file,
                             duban_error *err)
{
    int64_t id = 0;
    int rc = store_add_plan(ctx->st, doc, &id, err);
    if (rc)
        return rc;
    size_t areas, items, milestones;
    count(doc, &areas, &items, &milestones);
    char more[96] = "";
    if (nwarn)
        snprintf(more, sizeof more, "; %zu warning%s (again: duban import FILE --dry-run)", nwarn,
                 nwarn == 1 ? "" : "s");
    rc = cli_say(
        err, "imported plan %lld \"%s\" (%d, %s..%s): %zu areas, %zu items, %zu milestones%s",
        (long long)id, doc->title, doc->year, doc->start, doc->end, areas, items, milestones, more);
    print_warnings(doc, file);
    return rc ? rc : leave_import_notice(ctx, id, nwarn, file, err);
}

int cmd_import(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos != 1)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban import FILE [--year Y] [--dry-run]");
    int year = 0;
    if (args->year) {
        char *end;
        long y = strtol(args->year, &end, 10);
        if (*end || end == args->year || y < 1900 || y > 9999)
            return duban_fail(err, DUBAN_EINVAL, "--year: '%s' is not a year (1900-9999)",
                              args->year);
        year = (int)y;
    }
    plan_doc doc;
    ledger_warnings lw = {0};
    int rc = cli_read_plan(ctx, args->pos[0], year, &doc, &lw, err);
    if (rc) {
        ledger_warnings_free(&lw);
        cli_discard_fresh_store(ctx); /* duban --db new.db import TYPO: no new.db */
        return rc;
    }
    size_t nwarn = warnings_of(&doc, &lw);
    if (args->dry_run) {
        rc = dry_run(ctx, &doc, &lw, args->pos[0], err);
        print_warnings(&doc, args->pos[0]);
    } else {
        rc = import_into_store(ctx, &doc, nwarn, args->pos[0], err);
    }
    ledger_warnings_free(&lw);
    plan_doc_free(&doc);
    return rc;
}
