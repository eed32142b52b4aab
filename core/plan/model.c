#include "plan/model.h"

#include "base/list.h"

#include <stdlib.h>
#include <string.h>

void plan_info_free(plan_info *p)
{
    free(p->title);
    free(p->source);
    free(p->imported_at);
    memset(p, 0, sizeof *p);
}

void node_free(node *n)
{
    free(n->title);
    free(n->body);
    free(n->unit);
    free(n->leader);
    memset(n, 0, sizeof *n);
}

void milestone_free(milestone *m)
{
    free(m->phrase);
    free(m->word);
    memset(m, 0, sizeof *m);
}

void note_free(progress_note *n)
{
    free(n->at);
    free(n->text);
    memset(n, 0, sizeof *n);
}

void history_row_free(history_row *h)
{
    free(h->at);
    free(h->action);
    free(h->field);
    free(h->old_value);
    free(h->new_value);
    free(h->note);
    memset(h, 0, sizeof *h);
}

DEFINE_LIST_FREE(node_list, node_free)
DEFINE_LIST_FREE(milestone_list, milestone_free)
DEFINE_LIST_FREE(note_list, note_free)
DEFINE_LIST_FREE(history_list, history_row_free)
DEFINE_LIST_FREE(plan_list, plan_info_free)
