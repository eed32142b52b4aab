/* ledger_numbers.c - a ledger's numbers: its 序号 kept as the plan's
 * numbers, and the Chinese ordinals area rows number themselves with (see
 * ledger_priv.h). */
#include "import/ledger_priv.h"

#include <stdlib.h>
#include <string.h>

int lg_ref_parts(const char *ref, int v[3])
{
    const char *s = ref;
    int n = 0;
    while (*s == ' ')
        s++;
    for (;;) {
        if (*s < '0' || *s > '9' || n == 3)
            return 0;
        long x = strtol(s, (char **)&s, 10);
        if (x < 1 || x > 99999)
            return 0;
        v[n++] = (int)x;
        if (*s != '.')
            break;
        s++;
    }
    while (*s == ' ')
        s++;
    return *s || n < 2 ? 0 : n;
}

int lg_number(lg_numbers *n, int level, int want, int *moved)
{
    int *last = &n->last[level];
    int seq = want > *last ? want : *last + 1;
    *moved = want > 0 && want != seq;
    *last = seq;
    for (int k = level + 1; k < 3; k++)
        n->last[k] = 0;
    return seq;
}

/* 一 一、 （一） (十二): a Chinese ordinal, as area rows number themselves. */
int lg_cn_ordinal(const char *s)
{
    static const char *const parts[] = {"一", "二", "三", "四", "五", "六", "七", "八",
                                        "九", "十", "、", "（", "）", "(",  ")",  "."};
    int digits = 0;
    while (*s == ' ')
        s++;
    while (*s) {
        size_t i, n = sizeof parts / sizeof parts[0];
        for (i = 0; i < n && strncmp(s, parts[i], strlen(parts[i])); i++)
            ;
        if (i == n)
            return 0;
        digits += i < 10;
        s += strlen(parts[i]);
    }
    return digits > 0;
}

/* "一、持之以恒抓招商" -> "持之以恒抓招商". */
const char *lg_strip_ordinal(const char *s)
{
    const char *mark = strstr(s, "、");
    if (!mark || mark - s > 12)
        return s;
    char head[16];
    memcpy(head, s, (size_t)(mark - s));
    head[mark - s] = '\0';
    return lg_cn_ordinal(head) ? mark + strlen("、") : s;
}
