/* plandoc.c - releasing a parsed plan. */
#include "plan/plandoc.h"

#include <stdlib.h>
#include <string.h>

static void node_free(doc_node *nd)
{
    free(nd->title);
    free(nd->body);
    free(nd->unit);
    free(nd->leader);
    free(nd->note);
    for (size_t i = 0; i < nd->nms; i++) {
        free(nd->ms[i].phrase);
        free(nd->ms[i].word);
    }
    free(nd->ms);
}

void plan_doc_free(plan_doc *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->nnodes; i++)
        node_free(&doc->nodes[i]);
    free(doc->nodes);
    free(doc->title);
    free(doc->source);
    free(doc->preamble);
    memset(doc, 0, sizeof *doc);
}
