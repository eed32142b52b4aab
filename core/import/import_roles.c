/* import_roles.c - the responsible unit and leader written in a plan.
 *
 * Plans of this genre often name them inline: （牵头单位：县经信局）,
 * 责任单位:县发改局、县财政局; 分管领导：张三.  The value runs to the closing
 * bracket or the end of the clause. */
#include "import/import_priv.h"

#include <stdlib.h>
#include <string.h>

static const char *const unit_labels[] = {"牵头单位", "责任单位", "牵头部门", "责任部门",
                                          "主办单位"};
static const char *const leader_labels[] = {"分管县领导", "分管领导", "责任领导", "牵头领导",
                                            "联系领导"};

/* Bytes of a value starting at s: up to a closing bracket or clause end. */
static size_t value_len(const char *s)
{
    static const char *const stops[] = {"）", ")", "；", ";", "。", "，", ",", "\n", "】"};
    size_t end = strlen(s);
    for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
        const char *p = strstr(s, stops[i]);
        if (p && (size_t)(p - s) < end)
            end = (size_t)(p - s);
    }
    return end;
}

/* Heap copy of the value after the first label found in text, or NULL. */
static char *find_role(const char *text, const char *const *labels, size_t nlabels, int *oom)
{
    for (size_t i = 0; text && i < nlabels; i++) {
        const char *p = strstr(text, labels[i]);
        if (!p)
            continue;
        p += strlen(labels[i]);
        if (!strncmp(p, "：", strlen("：")))
            p += strlen("：");
        else if (*p == ':')
            p++;
        else
            continue;
        size_t n = value_len(p);
        size_t len = n;
        const char *v = imp_trim(p, &len);
        if (!len)
            continue;
        char *out = malloc(len + 1);
        if (!out) {
            *oom = 1;
            return NULL;
        }
        memcpy(out, v, len);
        out[len] = '\0';
        return out;
    }
    return NULL;
}

static int set_role(char **dst, const doc_node *nd, const char *const *labels, size_t n)
{
    int oom = 0;
    *dst = find_role(nd->title, labels, n, &oom);
    if (!*dst && !oom)
        *dst = find_role(nd->body, labels, n, &oom);
    return oom ? DUBAN_ENOMEM : DUBAN_OK;
}

static int inherit(char **dst, const char *from)
{
    if (*dst || !from)
        return DUBAN_OK;
    *dst = strdup(from);
    return *dst ? DUBAN_OK : DUBAN_ENOMEM;
}

int imp_set_roles(plan_doc *doc)
{
    for (size_t i = 0; i < doc->nnodes; i++) {
        doc_node *nd = &doc->nodes[i];
        if (nd->depth < 2)
            continue;
        if (set_role(&nd->unit, nd, unit_labels, sizeof unit_labels / sizeof unit_labels[0]) ||
            set_role(&nd->leader, nd, leader_labels,
                     sizeof leader_labels / sizeof leader_labels[0]))
            return DUBAN_ENOMEM;
        /* nodes are in pre-order, so a sub-item's item is already done */
        if (nd->depth == 3 && nd->parent >= 0 &&
            (inherit(&nd->unit, doc->nodes[nd->parent].unit) ||
             inherit(&nd->leader, doc->nodes[nd->parent].leader)))
            return DUBAN_ENOMEM;
    }
    return DUBAN_OK;
}
