/* present_more.c - what an area's slide shows when the screen has room:
 * each item's text, milestones (by date, then number) and earlier progress
 * notes (see present.h).
 * Loaded with the slide's targets, for areas of at most PRESENT_MORE_MAX
 * items (a longer list never has the room). */
#include "screen/present.h"

#include "base/list.h"

#include <stdlib.h>
#include <string.h>

void present_more_free(present_state *p)
{
    for (size_t i = 0; i < p->nmore; i++) {
        free(p->more[i].body);
        milestone_list_free(&p->more[i].ms);
        note_list_free(&p->more[i].notes);
    }
    free(p->more);
    p->more = NULL;
    p->nmore = 0;
}

/* By date, then by number (a milestone's seq). */
static int by_due(const void *x, const void *y)
{
    const milestone *p = x, *q = y;
    int c = strcmp(p->due, q->due);
    return c ? c : (p->seq > q->seq) - (p->seq < q->seq);
}

/* Node id's text into *body (owned; "" when it has none). */
static int read_body(app *a, int64_t id, char **body, duban_error *err)
{
    node full;
    int rc = node_by_id(a->st, id, &full, err);
    if (rc)
        return rc;
    *body = strdup(full.body ? full.body : "");
    node_free(&full);
    return *body ? DUBAN_OK : duban_fail(err, DUBAN_ENOMEM, "out of memory");
}

int present_more_load(app *a, size_t area, duban_error *err)
{
    present_state *p = present_state_of(a);
    const area_row *ar = &a->ol.areas[area];
    present_more_free(p);
    if (!ar->loaded || ar->items.n == 0 || ar->items.n > PRESENT_MORE_MAX)
        return DUBAN_OK;
    p->more = calloc(ar->items.n, sizeof *p->more);
    if (!p->more)
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    for (size_t k = 0; k < ar->items.n; k++) {
        present_more *m = &p->more[p->nmore++];
        m->node_id = ar->items.v[k].id;
        int rc = read_body(a, m->node_id, &m->body, err);
        if (!rc)
            rc = node_milestones(a->st, m->node_id, &m->ms, err);
        if (!rc)
            rc = node_notes(a->st, m->node_id, &m->notes, err);
        if (rc) {
            present_more_free(p);
            return rc;
        }
        if (m->ms.n > 1)
            qsort(m->ms.v, m->ms.n, sizeof *m->ms.v, by_due);
    }
    return DUBAN_OK;
}

int present_more_reload(app *a, int64_t node_id, duban_error *err)
{
    present_more *m = (present_more *)present_more_find(a, node_id);
    if (!m)
        return DUBAN_OK;
    milestone_list ms;
    note_list notes;
    char *body;
    int rc = read_body(a, node_id, &body, err);
    if (rc)
        return rc;
    free(m->body);
    m->body = body;
    if ((rc = node_milestones(a->st, node_id, &ms, err)))
        return rc;
    if ((rc = node_notes(a->st, node_id, &notes, err))) {
        milestone_list_free(&ms);
        return rc;
    }
    if (ms.n > 1)
        qsort(ms.v, ms.n, sizeof *ms.v, by_due);
    milestone_list_free(&m->ms);
    note_list_free(&m->notes);
    m->ms = ms;
    m->notes = notes;
    return DUBAN_OK;
}

const present_more *present_more_find(const app *a, int64_t node_id)
{
    const present_state *p = present_state_of(a);
    for (size_t i = 0; i < p->nmore; i++)
        if (p->more[i].node_id == node_id)
            return &p->more[i];
    return NULL;
}
