/* import_doc.c - see import_doc.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "import_doc.h"

#include <stdio.h>
#include <string.h>

void parse_ok(const char *text, int year, plan_doc *doc)
{
    duban_error err;
    int rc = import_parse("t.txt", text, strlen(text), year, TODAY, doc, &err);
    if (rc)
        fail_msg("import failed: %s", err.msg);
    assert_int_equal(err.code, DUBAN_OK);
}

void import_ok(const char *path, int year, plan_doc *doc)
{
    duban_error err;
    if (import_file(path, year, TODAY, doc, &err))
        fail_msg("import of %s failed: %s", path, err.msg);
}

size_t count_depth(const plan_doc *doc, int depth)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->nnodes; i++)
        n += doc->nodes[i].depth == depth;
    return n;
}

/* The node with ref "a", "a.i" or "a.i.s" (1-based, document order). */
const doc_node *node_ref(const plan_doc *doc, const char *ref)
{
    int want[3] = {0, 0, 0}, depth = sscanf(ref, "%d.%d.%d", &want[0], &want[1], &want[2]);
    int seen[3] = {0, 0, 0};
    for (size_t i = 0; i < doc->nnodes; i++) {
        const doc_node *n = &doc->nodes[i];
        int d = n->depth - 1;
        seen[d]++;
        for (int k = d + 1; k < 3; k++)
            seen[k] = 0;
        if (n->depth == depth && memcmp(seen, want, sizeof(int) * (size_t)depth) == 0)
            return n;
    }
    fail_msg("no node %s", ref);
    return NULL;
}

size_t children(const plan_doc *doc, const doc_node *parent)
{
    size_t n = 0, idx = (size_t)(parent - doc->nodes);
    for (size_t i = 0; i < doc->nnodes; i++)
        n += doc->nodes[i].parent == (int)idx;
    return n;
}
