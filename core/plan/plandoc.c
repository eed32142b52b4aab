/* plandoc.c - releasing a parsed plan; its warnings. */
#include "plan/plandoc.h"

#include "base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void node_free(doc_node *nd)
{
    free(nd->title);
    free(nd->body);
    free(nd->unit);
    free(nd->leader);
    free(nd->note);
    free(nd->status_text);
    free(nd->values);
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
    for (size_t i = 0; i < doc->nwarn; i++)
        free(doc->warn[i].msg);
    free(doc->warn);
    free(doc->title);
    free(doc->source);
    free(doc->preamble);
    memset(doc, 0, sizeof *doc);
}

int plan_doc_warn(plan_doc *doc, int line, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *msg = strdup(buf);
    if (!msg)
        return DUBAN_ENOMEM;
    /* capacity doubles: it is the next power of two of nwarn */
    if ((doc->nwarn & (doc->nwarn - 1)) == 0) {
        doc_warning *grown = realloc(doc->warn, (doc->nwarn ? 2 * doc->nwarn : 1) * sizeof *grown);
        if (!grown) {
            free(msg);
            return DUBAN_ENOMEM;
        }
        doc->warn = grown;
    }
    doc->warn[doc->nwarn].line = line;
    doc->warn[doc->nwarn].msg = msg;
    doc->nwarn++;
    return DUBAN_OK;
}

void plan_doc_sort_warnings(plan_doc *doc)
{
    for (size_t i = 1; i < doc->nwarn; i++) {
        doc_warning w = doc->warn[i];
        size_t j = i;
        for (; j > 0 && doc->warn[j - 1].line > w.line; j--)
            doc->warn[j] = doc->warn[j - 1];
        doc->warn[j] = w;
    }
}

int *plan_doc_numbers(const plan_doc *doc)
{
    size_t n = doc->nnodes ? doc->nnodes : 1;
    int *seqs = calloc(n, sizeof *seqs), *last = calloc(n, sizeof *last); /* last child's */
    int areas = 0;
    for (size_t i = 0; seqs && last && i < doc->nnodes; i++) {
        const doc_node *dn = &doc->nodes[i];
        int *prev = dn->parent < 0 ? &areas : &last[dn->parent];
        seqs[i] = dn->seq > *prev ? dn->seq : *prev + 1;
        *prev = seqs[i];
    }
    if (!last) {
        free(seqs);
        seqs = NULL;
    }
    free(last);
    return seqs;
}

void plan_doc_ref(const plan_doc *doc, const int *seqs, size_t i, char *out, size_t outsz)
{
    const doc_node *dn = &doc->nodes[i];
    if (dn->parent < 0) {
        snprintf(out, outsz, "%d", seqs[i]);
        return;
    }
    char up[48];
    plan_doc_ref(doc, seqs, (size_t)dn->parent, up, sizeof up);
    snprintf(out, outsz, "%s.%d", up, seqs[i]);
}
