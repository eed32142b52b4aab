/* import_sections.c - parts of a plan that are not work to track.
 *
 * A government work report puts a level above the areas:
 *     一、2023年工作回顾          (last year: not work)
 *     二、2024年主要目标任务      (a section)
 *     （一）……                   (the areas)
 *     1.……                       (the items)
 *     四、加强政府自身建设        (headings only: not work)
 * When three levels or more are used and a level-1 heading names such a
 * section (a year, 回顾 目标 任务 要求 思想 安排 措施 建设 …), or the
 * numbers of level 3 go on across level-2 headings (3、 first under （二）),
 * level 1 is a section level: the areas are the level below it.  A section that
 * reviews past work (回顾 总结 工作情况 成绩 成效) or that has no line at
 * the item level is skipped with a warning, and so is an area that
 * reviews past work in a plan without sections.  The keywords are also
 * listed in traditional characters (回顧, 總體要求).
 */
#include "import/import_priv.h"

#include <stdlib.h>
#include <string.h>

static int contains_any(const imp_line *l, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(words[i]);
        for (size_t p = 0; p + k <= l->len; p++)
            if (!memcmp(l->s + p, words[i], k))
                return 1;
    }
    return 0;
}

int imp_is_review_area(const imp_line *l)
{
    static const char *const words[] = {"回顾", "回顧", "工作总结", "工作總結"};
    return contains_any(l, words, sizeof words / sizeof words[0]);
}

int imp_is_review(const imp_line *l)
{
    static const char *const words[] = {"回顾",       "回顧",     "总结",     "總結",
                                        "工作情况",   "工作情況", "主要成绩", "主要成績",
                                        "取得的成效", "主要成效", "完成情况", "完成情況"};
    return contains_any(l, words, sizeof words / sizeof words[0]);
}

int imp_section_title(const imp_line *l)
{
    static const char *const words[] = {"回顾",     "总结",     "目标",     "总体要求", "指导思想",
                                        "主要任务", "重点任务", "工作安排", "保障措施", "自身建设",
                                        "工作重点", "基本原则", "目標",     "總體要求", "指導思想",
                                        "主要任務", "重點任務", "自身建設", "工作重點", "基本原則"};
    if (contains_any(l, words, sizeof words / sizeof words[0]))
        return 1;
    for (size_t p = 0; p + 7 <= l->len; p++)
        if (l->s[p] == '2' && l->s[p + 1] == '0' && !memcmp(l->s + p + 4, "年", 3))
            return 1;
    return 0;
}

/* 1 when the numbers of the level-3 style go on across level-2 headings
 * (3、 is the first item under （二）): they number the work items of the
 * whole plan, so level 2 holds the areas. */
static int numbers_continue(const imp_line *L, size_t n, const int level[IMP_NSTYLES])
{
    int after_heading = 0, seen = 0;
    for (size_t i = 0; i < n; i++) {
        int lv = L[i].mark.style == IMP_PLAIN ? 0 : level[L[i].mark.style];
        if (lv == 2) {
            after_heading = seen;
        } else if (lv == 3) {
            if (after_heading && L[i].mark.value > 1)
                return 1;
            after_heading = 0;
            seen = 1;
        }
    }
    return 0;
}

int imp_find_sections(const imp_line *L, size_t n, int level[IMP_NSTYLES], int *section_style)
{
    int deepest = 0, style = IMP_PLAIN, named = 0;
    *section_style = IMP_PLAIN;
    for (int st = 1; st < IMP_NSTYLES; st++) {
        deepest = level[st] > deepest ? level[st] : deepest;
        if (level[st] == 1)
            style = st;
    }
    if (deepest < 3 || style == IMP_PLAIN)
        return 0;
    for (size_t i = 0; i < n && !named; i++)
        named = L[i].mark.style == style && imp_section_title(&L[i]);
    named |= numbers_continue(L, n, level);
    if (!named)
        return 0;
    for (int st = 1; st < IMP_NSTYLES; st++)
        if (level[st])
            level[st]--;
    level[style] = 0;
    *section_style = style;
    return 1;
}

int imp_section_skip(const imp_line *L, size_t n, size_t i, const int level[IMP_NSTYLES],
                     plan_doc *doc, int *skip)
{
    size_t end = i + 1;
    int items = 0;
    int st0 = L[i].mark.style;
    for (; end < n && L[end].mark.style != st0; end++)
        items |= L[end].mark.style != IMP_PLAIN && level[L[end].mark.style] == 2;
    int review = imp_is_review(&L[i]);
    *skip = review || !items;
    if (!*skip)
        return DUBAN_OK;
    int chars = (int)(L[i].len - L[i].mark.len);
    return plan_doc_warn(doc, L[i].no, "section \"%.*s\" %s: not imported as work (lines %d-%d)",
                         chars, L[i].s + L[i].mark.len,
                         review ? "reviews past work" : "has headings and no items", L[i].no,
                         L[end - 1].no);
}
