/* import_roles.c - the responsible unit and leader written in a plan.
 *
 * Plans of this genre name them around an item in many ways:
 *   （牵头单位：县经信局）  [牵头单位:县发改局;责任单位:各街道(园区)]
 *   牵头单位：县发改局，县财政局     (a line of its own after the item)
 *   责任单位:县发改局、县财政局；分管领导：张三
 *   （区发改局牵头，各有关单位按职责分工负责）
 * and a group heading can name the unit of all its items:
 *   一、县经开区管委会牵头工作（6项）
 * A labelled value runs to the bracket that closes it (brackets inside,
 * as in 各街道(园区), are kept), a ；; 。 or the end of the line; inside
 * brackets or on a line of its own it also takes further units after ，
 * , ； or ; (a ； before another label ends it).  Several units are joined with 、.  The 牵头 unit
 * wins over the 责任 one.  Labels in traditional characters (牽頭單位) count as well. A role note
 * that ends an item's title is moved to the front of its body, so the title is the work alone.
 */
#include "import/import_priv.h"

#include "base/strbuf.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

static const char *const unit_labels[] = {"牵头单位", "牽頭單位", "牵头部门", "牽頭部門",
                                          "主办单位", "責任單位", "责任单位", "责任部门",
                                          "責任部門", "配合单位"};
static const char *const leader_labels[] = {"分管县领导", "分管縣領導", "分管领导", "分管領導",
                                            "责任领导",   "責任領導",   "牵头领导", "牽頭領導",
                                            "联系领导",   "聯繫領導"};

static int opening(uint32_t cp)
{
    return cp == '(' || cp == 0xFF08 || cp == '[' || cp == 0xFF3B || cp == 0x3010;
}

static int closing(uint32_t cp)
{
    return cp == ')' || cp == 0xFF09 || cp == ']' || cp == 0xFF3D || cp == 0x3011;
}

/* 1 when text[0..off) leaves a bracket open. */
static int inside_brackets(const char *text, size_t off)
{
    int depth = 0;
    uint32_t cp;
    for (size_t i = 0, k; i < off; i += k) {
        if (!(k = utf8_decode(text + i, off - i, &cp)))
            k = 1;
        if (text[i] == '\n')
            depth = 0;
        else if (opening(cp))
            depth++;
        else if (closing(cp) && depth > 0)
            depth--;
    }
    return depth > 0;
}

static int label_at(const char *s)
{
    for (size_t i = 0; i < sizeof unit_labels / sizeof unit_labels[0]; i++)
        if (!strncmp(s, unit_labels[i], strlen(unit_labels[i])))
            return 1;
    for (size_t i = 0; i < sizeof leader_labels / sizeof leader_labels[0]; i++)
        if (!strncmp(s, leader_labels[i], strlen(leader_labels[i])))
            return 1;
    return 0;
}

/* The value at s, cut as described above (and before another label),
 * into out with units joined by 、; returns 0 when empty. */
static int read_value(const char *s, int commas, strbuf *out)
{
    int depth = 0;
    uint32_t cp;
    size_t n = strlen(s);
    for (size_t i = 0, k; i < n; i += k) {
        if (!(k = utf8_decode(s + i, n - i, &cp)))
            return 0;
        if (cp == '\n' || cp == 0x3002 || (closing(cp) && depth == 0) || label_at(s + i))
            break;
        /* ；; ends the value, unless another unit follows (not a label) */
        if ((cp == 0xFF1B || cp == ';') &&
            (!commas || depth || label_at(s + i + k + (s[i + k] == ' '))))
            break;
        if (cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';') {
            if (!commas || depth)
                break;
            if (strbuf_append(out, "、"))
                return -1;
            continue;
        }
        depth += opening(cp) - (closing(cp) && depth > 0);
        if (strbuf_appendn(out, s + i, k))
            return -1;
    }
    size_t len = out->len;
    const char *v = imp_trim(strbuf_str(out), &len);
    while (len >= 3 && !memcmp(v + len - 3, "、", 3))
        len -= 3;
    if (!len)
        return 0;
    memmove(out->s, v, len);
    out->s[len] = '\0';
    out->len = len;
    return 1;
}

/* Heap copy of the value after the first label found in text, or NULL. */
static char *find_role(const char *text, const char *const *labels, size_t nlabels, int *oom)
{
    for (size_t i = 0; text && i < nlabels; i++) {
        for (const char *p = strstr(text, labels[i]); p; p = strstr(p + 1, labels[i])) {
            const char *v = p + strlen(labels[i]);
            if (!strncmp(v, "：", strlen("：")))
                v += strlen("：");
            else if (*v == ':')
                v++;
            else
                continue;
            int commas = inside_brackets(text, (size_t)(p - text)) || p == text || p[-1] == '\n';
            strbuf sb = {0};
            int got = read_value(v, commas, &sb);
            if (got > 0)
                return strbuf_take(&sb);
            strbuf_free(&sb);
            if (got < 0) {
                *oom = 1;
                return NULL;
            }
        }
    }
    return NULL;
}

/* （区发改局牵头，…）: the unit before 牵头 right after an opening bracket. */
static char *bracket_lead_word(const char *text, const char *word, int *oom)
{
    for (const char *p = text ? strstr(text, word) : NULL; p; p = strstr(p + 1, word)) {
        const char *after = p + strlen(word);
        if (strncmp(after, "，", 3) && strncmp(after, "）", 3) && *after != ',' && *after != ')' &&
            strncmp(after, "、", 3))
            continue;
        const char *q = p;
        while (q > text) {
            size_t k = utf8_prev(text, (size_t)(q - text));
            uint32_t cp;
            utf8_decode(q - k, k, &cp);
            if (opening(cp))
                break;
            if (closing(cp) || cp == 0xFF0C || cp == ',' || cp == 0x3002 || cp == '\n' ||
                cp == 0xFF1B || cp == 0xFF1A) {
                q = text;
                break;
            }
            q -= k;
        }
        if (q == text || q == p)
            continue;
        char *out = strndup(q, (size_t)(p - q));
        if (!out)
            *oom = 1;
        return out;
    }
    return NULL;
}

static char *bracket_lead(const char *text, int *oom)
{
    char *u = bracket_lead_word(text, "牵头", oom);
    return u || *oom ? u : bracket_lead_word(text, "牽頭", oom);
}

/* 县经开区管委会牵头工作（6项）: a group heading naming its unit. */
static char *heading_unit(const char *title, int *oom)
{
    const char *p = title ? strstr(title, "牵头") : NULL;
    if (!p && title)
        p = strstr(title, "牽頭");
    if (!p || p == title || strncmp(p + strlen("牵头"), "工作", 6) ||
        imp_chars(title, (size_t)(p - title)) > 20)
        return NULL;
    for (const char *c = title; c < p; c++)
        if (!strncmp(c, "，", 3) || !strncmp(c, "。", 3) || *c == ',')
            return NULL;
    char *out = strndup(title, (size_t)(p - title));
    if (!out)
        *oom = 1;
    return out;
}

static int set_role(char **dst, const doc_node *nd, const char *const *labels, size_t n, int unit)
{
    int oom = 0;
    *dst = find_role(nd->title, labels, n, &oom);
    if (!*dst && !oom)
        *dst = find_role(nd->body, labels, n, &oom);
    if (unit && !*dst && !oom)
        *dst = bracket_lead(nd->title, &oom);
    if (unit && !*dst && !oom)
        *dst = bracket_lead(nd->body, &oom);
    return oom ? DUBAN_ENOMEM : DUBAN_OK;
}

static int inherit(char **dst, const char *from)
{
    if (*dst || !from)
        return DUBAN_OK;
    *dst = strdup(from);
    return *dst ? DUBAN_OK : DUBAN_ENOMEM;
}

/* A title ending in a bracketed role note: the note (with any ；; before
 * it) moves to the front of the body. */
static int move_title_note(doc_node *nd)
{
    size_t n = strlen(nd->title);
    if (n < 3)
        return DUBAN_OK;
    size_t k = utf8_prev(nd->title, n);
    uint32_t cp;
    if (!utf8_decode(nd->title + n - k, k, &cp) || !closing(cp))
        return DUBAN_OK;
    int depth = 0;
    size_t open = n;
    for (size_t i = n; i > 0 && open == n;) {
        size_t pk = utf8_prev(nd->title, i);
        utf8_decode(nd->title + i - pk, pk, &cp);
        depth += closing(cp) - opening(cp);
        i -= pk;
        if (depth == 0)
            open = i;
    }
    const char *note = nd->title + open;
    int role = 0;
    for (size_t i = 0; i < sizeof unit_labels / sizeof unit_labels[0] && !role; i++)
        role = strstr(note, unit_labels[i]) != NULL;
    for (size_t i = 0; i < sizeof leader_labels / sizeof leader_labels[0] && !role; i++)
        role = strstr(note, leader_labels[i]) != NULL;
    if (!role || open == n)
        role = (strstr(note, "牵头") || strstr(note, "牽頭")) && open < n;
    size_t keep = open;
    while (keep && (nd->title[keep - 1] == ';' || nd->title[keep - 1] == ' '))
        keep--;
    if (keep >= 3 && !memcmp(nd->title + keep - 3, "；", 3))
        keep -= 3;
    if (!role || keep == 0)
        return DUBAN_OK;
    strbuf sb = {0};
    if (strbuf_append(&sb, note) || (nd->body[0] && strbuf_appendc(&sb, '\n')) ||
        strbuf_append(&sb, nd->body)) {
        strbuf_free(&sb);
        return DUBAN_ENOMEM;
    }
    free(nd->body);
    nd->body = strbuf_take(&sb);
    nd->title[keep] = '\0';
    return nd->body ? DUBAN_OK : DUBAN_ENOMEM;
}

int imp_set_roles(plan_doc *doc)
{
    for (size_t i = 0; i < doc->nnodes; i++) {
        doc_node *nd = &doc->nodes[i];
        int oom = 0;
        if (nd->depth == 1) {
            nd->unit = heading_unit(nd->title, &oom);
            if (oom)
                return DUBAN_ENOMEM;
            continue;
        }
        if (move_title_note(nd) ||
            set_role(&nd->unit, nd, unit_labels, sizeof unit_labels / sizeof unit_labels[0], 1) ||
            set_role(&nd->leader, nd, leader_labels, sizeof leader_labels / sizeof leader_labels[0],
                     0))
            return DUBAN_ENOMEM;
        /* nodes are in pre-order, so the parent is already done */
        if (nd->parent >= 0 && (inherit(&nd->unit, doc->nodes[nd->parent].unit) ||
                                inherit(&nd->leader, doc->nodes[nd->parent].leader)))
            return DUBAN_ENOMEM;
    }
    return DUBAN_OK;
}
