/* import_meta.c - plan year and period, milestones and due dates. */
#include "import/import_priv.h"

#include "text/cnnum.h"
#include "plan/deadline.h"

#include <stdlib.h>
#include <string.h>

int imp_guess_year(const imp_line *lines, size_t n)
{
    int count[100] = {0}, first[100] = {0}, order = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = lines[i].s;
        for (size_t p = 0; p + 7 <= lines[i].len; p++) {
            int y;
            if ((p > 0 && s[p - 1] >= '0' && s[p - 1] <= '9') || s[p] != '2' || s[p + 1] != '0' ||
                cnnum_digits(s + p, 4, 4, &y) != 4 || memcmp(s + p + 4, "年", 3) != 0)
                continue;
            if (count[y - 2000]++ == 0)
                first[y - 2000] = ++order;
        }
    }
    int best = -1;
    for (int y = 0; y < 100; y++)
        if (count[y] && (best < 0 || count[y] > count[best] ||
                         (count[y] == count[best] && first[y] < first[best])))
            best = y;
    return best < 0 ? 0 : 2000 + best;
}

static void set_period(plan_doc *doc, int m0, int m1)
{
    date_format(date_from_ymd(doc->year, m0, 1), doc->start);
    date_format(date_end_of_month(doc->year, m1), doc->end);
}

/* 1 for 上半年 only, 2 for 下半年 (also when both appear), 0 for neither. */
static int half_in(const char *s)
{
    if (!s)
        return 0;
    if (strstr(s, "下半年"))
        return 2;
    return strstr(s, "上半年") ? 1 : 0;
}

/* 一季度 .. 四季度 (第一季度, 1季度) in the title: 1..4, else 0. */
static int quarter_in(const char *s)
{
    static const char *const q[4][3] = {{"一季度", "第1季度", "1季度"},
                                        {"二季度", "第2季度", "2季度"},
                                        {"三季度", "第3季度", "3季度"},
                                        {"四季度", "第4季度", "4季度"}};
    for (int i = 0; s && i < 4; i++)
        for (int k = 0; k < 3; k++)
            if (strstr(s, q[i][k]))
                return i + 1;
    return 0;
}

void imp_guess_period(plan_doc *doc)
{
    int h = half_in(doc->title), q = quarter_in(doc->title);
    if (!h && !q)
        h = half_in(doc->preamble);
    if (h == 1)
        set_period(doc, 1, 6);
    else if (h == 2)
        set_period(doc, 7, 12);
    else if (q)
        set_period(doc, 3 * q - 2, 3 * q);
    else
        set_period(doc, 1, 12);
}

/* 1 when the word only names the plan's own period: 下半年 in a plan for
 * the second half, 上半年 in one for the first. */
static int names_own_period(const plan_doc *doc, const doc_milestone *m)
{
    const char *w = m->word;
    if (strlen(w) > 7 && !strncmp(w + 4, "年", 3)) /* 2023年下半年 */
        w += 7;
    int h2 = !strcmp(w, "下半年") && !strcmp(doc->start + 4, "-07-01");
    int h1 = !strcmp(w, "上半年") && !strcmp(doc->start + 4, "-01-01") &&
             !strcmp(doc->end + 4, "-06-30");
    return (h1 || h2) && !strcmp(m->due, doc->end);
}

/* A phrase ending in a role note （牵头单位：…） loses the note: the phrase
 * is the commitment, the unit is the item's. */
static void drop_role_note(char *phrase)
{
    static const char *const words[] = {"单位", "單位", "部门", "部門",
                                        "领导", "領導", "牵头", "牽頭"};
    size_t n = strlen(phrase);
    int fw = n >= 3 && !memcmp(phrase + n - 3, "）", 3);
    if (!fw && !(n && (phrase[n - 1] == ')' || phrase[n - 1] == ']')))
        return;
    char *open = NULL;
    for (char *p = phrase; *p; p++)
        if (!strncmp(p, "（", 3) || *p == '(' || *p == '[')
            open = p;
    if (!open || open == phrase)
        return;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(open, words[i])) {
            *open = '\0';
            return;
        }
}

/* Work that never ends: no date, due at the period end. */
static int ongoing_words(const doc_node *nd)
{
    static const char *const words[] = {"长期坚持", "持续推进", "長期堅持", "持續推進"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(nd->title, words[i]) || strstr(nd->body, words[i]))
            return 1;
    return 0;
}

/* Milestones of one node from its title and body, without those dated
 * before the plan period starts (history, not commitments) and those
 * that only name the plan's own period. */
static int node_milestones(const plan_doc *doc, doc_node *nd)
{
    if (deadline_scan(nd->title, doc->year, &nd->ms, &nd->nms) ||
        deadline_scan(nd->body, doc->year, &nd->ms, &nd->nms))
        return DUBAN_ENOMEM;
    size_t keep = 0;
    char eve[DATE_LEN];
    for (size_t i = 0; i < nd->nms; i++) {
        /* 春节前 is the plan year's own Spring Festival when it falls in the
         * period (a plan for the first half or a quarter), else the next */
        if ((strstr(nd->ms[i].word, "春节") || strstr(nd->ms[i].word, "春節")) &&
            deadline_spring_eve(doc->year, eve) && strcmp(eve, doc->start) >= 0)
            memcpy(nd->ms[i].due, eve, DATE_LEN);
        if (strcmp(nd->ms[i].due, doc->start) < 0 || names_own_period(doc, &nd->ms[i])) {
            free(nd->ms[i].phrase);
            free(nd->ms[i].word);
        } else {
            drop_role_note(nd->ms[i].phrase);
            nd->ms[keep++] = nd->ms[i];
        }
    }
    nd->nms = keep;
    nd->ongoing = keep == 0 && nd->depth > 1 && ongoing_words(nd);
    return DUBAN_OK;
}

static void later(char dst[DATE_LEN], const char *d)
{
    if (d[0] && strcmp(d, dst) > 0)
        memcpy(dst, d, DATE_LEN);
}

/* Dues, in three passes over the pre-order nodes (children follow their
 * parent).  dated[i]: the latest milestone in the node's subtree, "" when
 * none.  An item or sub-item is due at its dated value; an undated item
 * at the period end, an undated sub-item with its item.  An area is due at
 * the latest of its own milestones and its children's dues, else the
 * period end. */
static void set_dues(plan_doc *doc, char (*dated)[DATE_LEN])
{
    for (size_t i = doc->nnodes; i-- > 0;) {
        doc_node *nd = &doc->nodes[i];
        for (size_t k = 0; k < nd->nms; k++)
            later(dated[i], nd->ms[k].due);
        if (nd->parent >= 0)
            later(dated[nd->parent], dated[i]);
    }
    for (size_t i = 0; i < doc->nnodes; i++) {
        doc_node *nd = &doc->nodes[i];
        const char *fallback = nd->depth > 2 ? doc->nodes[nd->parent].due : doc->end;
        memcpy(nd->due, dated[i][0] ? dated[i] : fallback, DATE_LEN);
    }
    for (size_t i = doc->nnodes; i-- > 0;) {
        doc_node *nd = &doc->nodes[i];
        if (nd->parent >= 0 && doc->nodes[nd->parent].depth == 1)
            later(doc->nodes[nd->parent].due, nd->due);
    }
}

int imp_set_milestones(plan_doc *doc)
{
    for (size_t i = 0; i < doc->nnodes; i++)
        if (node_milestones(doc, &doc->nodes[i]))
            return DUBAN_ENOMEM;
    char(*dated)[DATE_LEN] = calloc(doc->nnodes ? doc->nnodes : 1, sizeof *dated);
    if (!dated)
        return DUBAN_ENOMEM;
    set_dues(doc, dated);
    free(dated);
    return DUBAN_OK;
}
