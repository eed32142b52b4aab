/* target.c - finding numeric targets in plan text (pure; see target.h). */
#include "plan/target.h"

#include "base/strbuf.h"
#include "text/utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const clause_ends[] = {"，", "。", "；", "、", "：", "！", "？",
                                          ",",  ";",  "!",  "?",  ":",  "\n", "\r"};
/* Longest first where one is a prefix of another. */
static const char *const units[] = {
    "万平方米", "平方公里", "个百分点", "平方米", "万千瓦", "万人次", "百分点", "千瓦",
    "亿元",     "万元",     "万吨",     "万人",   "万户",   "万亩",   "人次",   "公里",
    "千米",     "%",        "％",       "‰",      "元",     "个",     "家",     "所",
    "项",       "座",       "条",       "处",     "户",     "人",     "名",     "亩",
    "吨",       "辆",       "台",       "套",     "张",     "间",     "场",     "次",
    "件",       "批",       "幢",       "栋",     "米",     "倍",     "万",     "亿",
};
static const struct {
    const char *word;
    target_dir dir;
} after_unit[] = {
    {"及以上", TARGET_AT_LEAST}, {"以上", TARGET_AT_LEAST}, {"全覆盖", TARGET_AT_LEAST},
    {"以内", TARGET_AT_MOST},    {"以下", TARGET_AT_MOST},  {"左右", TARGET_AT_LEAST},
};
/* Comparison words between the label and the number, longest first. */
static const struct {
    const char *word;
    int at_most;
} before_number[] = {
    {"不超过", 1}, {"不高于", 1}, {"控制在", 1}, {"不低于", 0}, {"不少于", 0}, {"保持在", 0},
    {"稳定在", 0}, {"低于", 1},   {"超过", 0},   {"达到", 0},   {"突破", 0},   {"高于", 0},
    {"超", 0},     {"达", 0},     {"在", 0},     {"为", 0},     {"约", 0},     {"完成", 0},
};
static const char *const leading_words[] = {
    "确保", "力争", "争取", "成功",   "创建",   "创成",   "完成", "实现", "新增", "建成", "累计",
    "全年", "年内", "今年", "年底前", "上半年", "下半年", "全面", "新建", "培育", "引进", "打造",
    "力求", "全力", "努力", "其中",   "共计",   "“",      "\"",   "‘",    " ",
};
static const char *const trailing_marks[] = {"”", "\"", "’", "）", ")", "」", " "};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static size_t starts_with(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    return n <= len && !memcmp(s, word, n) ? n : 0;
}

static size_t ends_with(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    return n <= len && !memcmp(s + len - n, word, n) ? n : 0;
}

/* Value of the digit at s (ASCII or full-width) and its byte length. */
static int digit_at(const char *s, size_t len, size_t *bytes)
{
    uint32_t cp;
    size_t k = utf8_decode(s, len, &cp);
    *bytes = k;
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

/* Parses a decimal number at s; returns its byte length (0 if none). */
static size_t parse_number(const char *s, size_t len, double *value)
{
    char buf[64];
    size_t nb = 0, i = 0, k;
    int dot = 0;
    while (i < len && nb + 1 < sizeof buf) {
        int d = digit_at(s + i, len - i, &k);
        if (d >= 0) {
            buf[nb++] = (char)('0' + d);
            i += k;
            continue;
        }
        size_t dl = starts_with(s + i, len - i, ".") ? 1 : starts_with(s + i, len - i, "．");
        if (!dot && nb && dl && i + dl < len && digit_at(s + i + dl, len - i - dl, &k) >= 0) {
            buf[nb++] = '.';
            dot = 1;
            i += dl;
            continue;
        }
        break;
    }
    if (!nb)
        return 0;
    buf[nb] = '\0';
    *value = strtod(buf, NULL);
    return i;
}

/* A number that is part of something else: G60, 3.5 (after the dot),
 * 第3个, 3-5个. */
static int glued_before(const char *clause, size_t at)
{
    if (!at)
        return 0;
    unsigned char c = (unsigned char)clause[at - 1];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '~' ||
        c == '+')
        return 1;
    static const char *const words[] = {"第", "至", "—", "～", "－", "＋"};
    for (size_t i = 0; i < N(words); i++)
        if (ends_with(clause, at, words[i]))
            return 1;
    return 0;
}

/* After the unit only a closing qualifier and closing marks may follow. */
static int closes_clause(const char *s, size_t len, target_dir *dir)
{
    for (size_t i = 0; i < N(after_unit); i++) {
        size_t n = starts_with(s, len, after_unit[i].word);
        if (n) {
            *dir = after_unit[i].dir;
            s += n;
            len -= n;
            break;
        }
    }
    for (int again = 1; again && len;) {
        again = 0;
        for (size_t i = 0; i < N(trailing_marks); i++) {
            size_t n = starts_with(s, len, trailing_marks[i]);
            if (n) {
                s += n;
                len -= n;
                again = 1;
            }
        }
    }
    return len == 0;
}

/* Length of a leading deadline such as 3月底前, 10月中旬, 6月 (0 if none). */
static size_t month_prefix(const char *s, size_t len)
{
    static const char *const tails[] = {"底前", "上旬", "中旬", "下旬", "底", "份", "前"};
    size_t i = 0, k;
    while (i < len && digit_at(s + i, len - i, &k) >= 0)
        i += k;
    size_t m = i ? starts_with(s + i, len - i, "月") : 0;
    if (!m)
        return 0;
    i += m;
    for (size_t t = 0; t < N(tails); t++)
        if ((k = starts_with(s + i, len - i, tails[t]))) {
            i += k;
            break;
        }
    if ((k = starts_with(s + i, len - i, "前")))
        i += k;
    return i;
}

/* Trims the label in place (start/len) and reports an at-most word.  A
 * label of nothing but such words becomes empty (no target). */
static void trim_label(const char **s, size_t *len, int *at_most)
{
    for (int again = 1; again;) {
        again = 0;
        size_t m = month_prefix(*s, *len);
        if (m) {
            *s += m;
            *len -= m;
            again = 1;
        }
        for (size_t i = 0; i < N(leading_words); i++) {
            size_t n = starts_with(*s, *len, leading_words[i]);
            if (n) {
                *s += n;
                *len -= n;
                again = 1;
            }
        }
        for (size_t i = 0; i < N(before_number); i++) {
            size_t n = ends_with(*s, *len, before_number[i].word);
            if (n) {
                *len -= n;
                *at_most |= before_number[i].at_most;
                again = 1;
                break;
            }
        }
        for (size_t i = 0; i < N(trailing_marks); i++) {
            size_t n = ends_with(*s, *len, trailing_marks[i]);
            if (n) {
                *len -= n;
                again = 1;
            }
        }
    }
}

static char *copy_n(const char *s, size_t n)
{
    char *t = malloc(n + 1);
    if (t) {
        memcpy(t, s, n);
        t[n] = '\0';
    }
    return t;
}

static int add_hit(target_hit **v, size_t *n, const char *clause, size_t clen, size_t at,
                   double number, const char *unit, target_dir dir)
{
    const char *label = clause;
    size_t llen = at;
    int at_most = dir == TARGET_AT_MOST;
    trim_label(&label, &llen, &at_most);
    if (!llen)
        return DUBAN_OK;
    target_hit *nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return DUBAN_ENOMEM;
    *v = nv;
    target_hit *h = &nv[*n];
    memset(h, 0, sizeof *h);
    h->label = copy_n(label, llen);
    h->phrase = copy_n(clause, clen);
    if (!h->label || !h->phrase) {
        free(h->label);
        free(h->phrase);
        return DUBAN_ENOMEM;
    }
    h->number = number;
    snprintf(h->unit, sizeof h->unit, "%s", strcmp(unit, "％") ? unit : "%");
    h->dir = at_most ? TARGET_AT_MOST : TARGET_AT_LEAST;
    (*n)++;
    return DUBAN_OK;
}

static int scan_clause(const char *c, size_t len, target_hit **v, size_t *n)
{
    size_t i = 0, k;
    while (i < len) {
        if (digit_at(c + i, len - i, &k) < 0) {
            i += k;
            continue;
        }
        double number = 0;
        size_t nl = parse_number(c + i, len - i, &number);
        size_t j = i + nl, ul = 0;
        const char *unit = NULL;
        for (size_t u = 0; !unit && u < N(units); u++)
            if ((ul = starts_with(c + j, len - j, units[u])))
                unit = units[u];
        target_dir dir = TARGET_AT_LEAST;
        if (unit && !glued_before(c, i) && closes_clause(c + j + ul, len - j - ul, &dir))
            return add_hit(v, n, c, len, i, number, unit, dir);
        i = j;
    }
    return DUBAN_OK;
}

/* The bytes a clause end can begin with: the ASCII marks, and the lead
 * bytes of the full-width (U+FFxx) and ideographic (U+30xx) ones. */
#define CLAUSE_END_LEADS ",;!?:\n\r\xe3\xef"

/* s is NUL-terminated at or after s[len]: strcspn skips to the bytes
 * worth comparing (bodies are long and clause ends sparse). */
static size_t clause_end(const char *s, size_t len, size_t *delim)
{
    for (size_t i = strcspn(s, CLAUSE_END_LEADS); i < len;
         i += 1 + strcspn(s + i + 1, CLAUSE_END_LEADS))
        for (size_t d = 0; d < N(clause_ends); d++)
            if ((*delim = starts_with(s + i, len - i, clause_ends[d])))
                return i;
    *delim = 0;
    return len;
}

int target_scan(const char *text, target_hit **v, size_t *n)
{
    const char *p = text ? text : "";
    size_t left = strlen(p);
    while (left) {
        size_t delim, len = clause_end(p, left, &delim);
        if (len && scan_clause(p, len, v, n))
            return DUBAN_ENOMEM;
        p += len + delim;
        left -= len + delim;
    }
    return DUBAN_OK;
}

void target_hits_free(target_hit *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].label);
        free(v[i].phrase);
    }
    free(v);
}

const char *target_dir_key(target_dir d)
{
    return d == TARGET_AT_MOST ? "at_most" : "at_least";
}

void target_format_number(double x, char out[32])
{
    if (!isfinite(x))
        x = 0;
    snprintf(out, 32, "%.10g", x);
}
