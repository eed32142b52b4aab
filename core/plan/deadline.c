/* deadline.c - deadline words in plan text (年内, 三季度, 10月底, 今冬 ...).
 *
 * A word is an optional year (2022年, 今年, 明年) followed by a part of the
 * year (上半年, 三季度, 10月下旬, 底, 内), or one of the bare words 年内,
 * 年底, 年末, 全年, 今冬.  The scanner adds context checks around each
 * word so that 三年内, 每年年底, 1-6月, 7月以来 and 统一月度 are not deadlines.
 */
#include "plan/deadline.h"

#include "text/cnnum.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Which left-context rule applies to a word. */
enum word_kind { W_PREFIXED, W_YEAR_END, W_FREE, W_PART };

typedef struct hit {
    size_t len;
    int y, m, d;
    int approx;
    int kind;
} hit;

static size_t lit(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return k <= n && memcmp(s, w, k) == 0 ? k : 0;
}

static int set_hit(hit *h, size_t len, int y, int m, int d)
{
    if (!date_valid_ymd(y, m, d))
        return 0;
    h->len = len;
    h->y = y;
    h->m = m;
    h->d = d;
    return 1;
}

static int set_end_of_month(hit *h, size_t len, int y, int m)
{
    return set_hit(h, len, y, m, date_days_in_month(y, m));
}

/* A trailing 末 (三季度末, 上半年末). */
static size_t end_suffix(const char *s, size_t n)
{
    return lit(s, n, "末");
}

static int parse_half(const char *s, size_t n, int y, hit *h)
{
    size_t k;
    if ((k = lit(s, n, "上半年")) != 0)
        return set_hit(h, k + end_suffix(s + k, n - k), y, 6, 30);
    if ((k = lit(s, n, "下半年")) != 0)
        return set_hit(h, k + end_suffix(s + k, n - k), y, 12, 31);
    return 0;
}

static int parse_quarter(const char *s, size_t n, int y, hit *h)
{
    size_t p = lit(s, n, "第");
    int q;
    size_t k = cnnum_any(s + p, n - p, 1, &q);
    if (!k || q < 1 || q > 4)
        return 0;
    size_t e = lit(s + p + k, n - p - k, "季度");
    if (e)
        e += end_suffix(s + p + k + e, n - p - k - e);
    return e && set_end_of_month(h, p + k + e, y, 3 * q);
}

/* The day after "10月": 底 份 上旬 中旬 下旬 15日 15号.  Returns bytes used
 * (0 for none), the day in *d, or -1 when a written day does not exist. */
static long parse_month_suffix(const char *s, size_t n, int y, int m, int *d)
{
    size_t k;
    int last = date_days_in_month(y, m);
    *d = last;
    if ((k = lit(s, n, "底")) || (k = lit(s, n, "份")) || (k = lit(s, n, "下旬")))
        return (long)k;
    if ((k = lit(s, n, "上旬")) != 0) {
        *d = 10;
        return (long)k;
    }
    if ((k = lit(s, n, "中旬")) != 0) {
        *d = 20;
        return (long)k;
    }
    int day;
    k = cnnum_any(s, n, 2, &day);
    size_t e = k ? lit(s + k, n - k, "日") : 0;
    if (k && !e)
        e = lit(s + k, n - k, "号");
    if (k && !e)
        e = lit(s + k, n - k, "號");
    if (!e)
        return 0;
    if (!date_valid_ymd(y, m, day))
        return -1;
    *d = day;
    return (long)(k + e);
}

/* "10月", "十月底", "10月15日".  A one-character Chinese month (三月) with
 * no suffix only counts when strict_cn is 0 (after a year). */
static int parse_month(const char *s, size_t n, int y, int strict_cn, hit *h)
{
    int m, cn = 0;
    size_t k = cnnum_digits(s, n, 2, &m);
    if (!k) {
        k = cnnum_chinese(s, n, &m);
        cn = 1;
    }
    if (!k || m < 1 || m > 12)
        return 0;
    size_t e = lit(s + k, n - k, "月");
    if (!e)
        return 0;
    size_t p = k + e;
    int d;
    long sfx = parse_month_suffix(s + p, n - p, y, m, &d);
    if (sfx < 0 || lit(s + p, n - p, "度"))
        return 0;
    if (cn && m < 10 && sfx == 0 && strict_cn)
        return 0;
    return set_hit(h, p + (size_t)sfx, y, m, d);
}

static int parse_part(const char *s, size_t n, int y, int strict_cn, hit *h)
{
    return parse_half(s, n, y, h) || parse_quarter(s, n, y, h) ||
           parse_month(s, n, y, strict_cn, h);
}

/* 2022年 今年 明年: bytes of the prefix, the year in *py, and whether the
 * prefix alone is a deadline (*bare). */
static size_t parse_year_prefix(const char *s, size_t n, int year, int *py, int *bare)
{
    size_t k;
    int v;
    *bare = 0;
    if ((k = cnnum_digits(s, n, 4, &v)) != 0 && v >= 1900) {
        size_t e = lit(s + k, n - k, "年");
        *py = v;
        return e && k >= 4 ? k + e : 0;
    }
    if ((k = lit(s, n, "今年")) != 0) {
        *py = year;
        *bare = 1;
        return k;
    }
    if ((k = lit(s, n, "明年")) != 0) {
        *py = year + 1;
        return k;
    }
    return 0;
}

static int parse_prefixed(const char *s, size_t n, int year, hit *h)
{
    int y, bare;
    size_t p = parse_year_prefix(s, n, year, &y, &bare);
    if (!p)
        return 0;
    h->kind = W_PREFIXED;
    static const char *const ends[] = {"年底", "年内", "年內", "年末", "底", "内", "內", "末"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = lit(s + p, n - p, ends[i]);
        if (k)
            return set_hit(h, p + k, y, 12, 31);
    }
    if (parse_part(s + p, n - p, y, 0, h)) {
        h->len += p;
        return 1;
    }
    return bare && set_hit(h, p, y, 12, 31);
}

/* 春节前: the eve of the first Spring Festival after the middle of year
 * (a plan's 春节前 is the one that ends its working year: for a 2023 plan,
 * 2024-02-09).  Dates from the Chinese calendar, 2015..2041; outside
 * them, approximately the end of January. */
static const char *spring_eve(int y)
{
    static const char *const dates[] = {
        "2016-02-07", "2017-01-27", "2018-02-15", "2019-02-04", "2020-01-24", "2021-02-11",
        "2022-01-31", "2023-01-21", "2024-02-09", "2025-01-28", "2026-02-16", "2027-02-05",
        "2028-01-25", "2029-02-12", "2030-02-02", "2031-01-22", "2032-02-10", "2033-01-30",
        "2034-02-18", "2035-02-07", "2036-01-27", "2037-02-14", "2038-02-03", "2039-01-23",
        "2040-02-11", "2041-01-31"};
    return y >= 2016 && y <= 2041 ? dates[y - 2016] : NULL;
}

static int spring_festival_eve(hit *h, size_t len, int year)
{
    const char *d = spring_eve(year + 1);
    if (d)
        return set_hit(h, len, year + 1, atoi(d + 5), atoi(d + 8));
    h->approx = 1;
    return set_hit(h, len, year + 1, 1, 31);
}

int deadline_spring_eve(int year, char due[DATE_LEN])
{
    const char *d = spring_eve(year);
    if (!d)
        return 0;
    memcpy(due, d, DATE_LEN);
    return 1;
}

static int parse_bare(const char *s, size_t n, int year, int strict_cn, hit *h)
{
    static const char *const ends[] = {"年底", "年内", "年內", "年末"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = lit(s, n, ends[i]);
        if (k) {
            h->kind = W_YEAR_END;
            return set_hit(h, k, year, 12, 31);
        }
    }
    size_t k;
    if ((k = lit(s, n, "全年")) != 0) {
        h->kind = W_FREE;
        return set_hit(h, k, year, 12, 31);
    }
    if ((k = lit(s, n, "今冬")) != 0) {
        h->kind = W_FREE;
        h->approx = 1;
        return set_hit(h, k, year, 12, 31);
    }
    if ((k = lit(s, n, "国庆节前")) || (k = lit(s, n, "国庆前")) || (k = lit(s, n, "國慶節前")) ||
        (k = lit(s, n, "國慶前"))) {
        h->kind = W_FREE;
        return set_hit(h, k, year, 9, 30);
    }
    if ((k = lit(s, n, "春节前")) || (k = lit(s, n, "春节假期前")) || (k = lit(s, n, "春節前"))) {
        h->kind = W_FREE;
        return spring_festival_eve(h, k, year);
    }
    h->kind = W_PART;
    return parse_part(s, n, year, strict_cn, h);
}

/* The longest deadline word starting at s, ignoring context.  A trailing
 * 前 (年底前, 10月底前) belongs to the word. */
static int parse_word(const char *s, size_t n, int year, int strict_cn, hit *h)
{
    memset(h, 0, sizeof *h);
    if (!parse_prefixed(s, n, year, h) && !parse_bare(s, n, year, strict_cn, h))
        return 0;
    h->len += lit(s + h->len, n - h->len, "前");
    return 1;
}

int deadline_word_date(const char *word, int year, char due[DATE_LEN], int *approximate)
{
    hit h;
    size_t n = word ? strlen(word) : 0;
    if (!n || !parse_word(word, n, year, 0, &h) || h.len != n)
        return 0;
    date_format(date_from_ymd(h.y, h.m, h.d), due);
    if (approximate)
        *approximate = h.approx;
    return 1;
}

static uint32_t cp_before(const char *s, size_t pos)
{
    size_t k = utf8_prev(s, pos);
    uint32_t cp = 0;
    if (k)
        utf8_decode(s + pos - k, k, &cp);
    return cp;
}

static int cp_in(uint32_t cp, const char *set)
{
    uint32_t c;
    size_t k, n = strlen(set);
    for (size_t i = 0; i < n; i += k) {
        k = utf8_decode(set + i, n - i, &c);
        if (c == cp)
            return 1;
    }
    return 0;
}

/* Left context: 三年内 每年年底 去年底 (not ours), 1-6月 每3月 (ranges,
 * repeats), 去年10月 (some other year). */
static int left_ok(const char *s, size_t pos, int kind)
{
    uint32_t cp = cp_before(s, pos);
    if (!cp || kind == W_FREE)
        return 1;
    if (kind == W_PREFIXED)
        return !(cp >= '0' && cp <= '9') && !(cp >= 0xFF10 && cp <= 0xFF19);
    if (cnnum_is_numeral(cp) || cp_in(cp, "每逐年去"))
        return 0;
    if (kind == W_YEAR_END)
        return !cp_in(cp, "多半近前周");
    return !cp_in(cp, ".-~～—－至/");
}

/* Right context: 7月以来, 10月起, 今年以后, 7月至9月, 7月-9月; 全年目标
 * and 完成全年 实现全年 (the year's target, not a date). */
static int right_ok(const char *word, size_t before, size_t wlen, const char *s, size_t n)
{
    static const char *const objects[] = {"目标", "任务", "计划", "经济", "的", "累计"};
    if (wlen == strlen("全年") && !memcmp(word, "全年", wlen) && before >= 6 &&
        (lit(word - 6, 6, "完成") || lit(word - 6, 6, "实现")))
        return 0;
    if (wlen == strlen("全年") && !memcmp(word, "全年", wlen))
        for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++)
            if (lit(s, n, objects[i]))
                return 0;
    static const char *const after[] = {"以来", "以后", "起", "开始", "后", "至",
                                        "-",    "~",    "～", "—",    "－", "度"};
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++)
        if (lit(s, n, after[i]))
            return 0;
    size_t k = lit(s, n, "到");
    uint32_t cp = 0;
    if (k && utf8_decode(s + k, n - k, &cp) && cnnum_is_numeral(cp))
        return 0;
    return 1;
}

/* ① .. ⑳ start the steps of a schedule: ①3月上旬前……②5月底前…… */
static size_t circled_len(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = utf8_decode(s, n, &cp);
    return k && cp >= 0x2460 && cp <= 0x2473 ? k : 0;
}

static int bracket(const char *s, size_t n)
{
    uint32_t cp;
    if (!utf8_decode(s, n, &cp))
        return 0;
    if (cp == '(' || cp == 0xFF08 || cp == '[' || cp == 0x3010)
        return 1;
    if (cp == ')' || cp == 0xFF09 || cp == ']' || cp == 0x3011)
        return -1;
    return 0;
}

static size_t sep_len(const char *s, size_t n)
{
    static const char *const seps[] = {"，", "。", "；", "：", "！", "？", ",",
                                       ";",  ":",  "!",  "?",  "\n", "\r"};
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        size_t k = lit(s, n, seps[i]);
        if (k)
            return k;
    }
    return 0;
}

static int is_space_at(const char *s, size_t n, size_t *k)
{
    if (n && (s[0] == ' ' || s[0] == '\t')) {
        *k = 1;
        return 1;
    }
    *k = lit(s, n, "\u3000");
    return *k != 0;
}

/* The clause around text[a..b): bounded by separators (not inside
 * brackets) and by ① .. ⑳, spaces trimmed. */
static char *clause(const char *text, size_t n, size_t a, size_t b)
{
    size_t lo = a, hi = b, k;
    uint32_t cp;
    int depth = 0;
    while (lo > 0) {
        size_t pk = utf8_prev(text, lo);
        if (!pk || (sep_len(text + lo - pk, pk) && depth <= 0))
            break;
        depth -= bracket(text + lo - pk, pk);
        if (circled_len(text + lo - pk, pk)) {
            lo -= pk;
            break;
        }
        lo -= pk;
    }
    for (depth = 0; hi < n && !circled_len(text + hi, n - hi); hi += k) {
        if (sep_len(text + hi, n - hi) && depth <= 0)
            break;
        depth += bracket(text + hi, n - hi);
        k = utf8_decode(text + hi, n - hi, &cp);
        if (!k)
            k = 1;
    }
    while (lo < a && circled_len(text + lo, a - lo))
        lo += circled_len(text + lo, a - lo);
    while (lo < a && is_space_at(text + lo, a - lo, &k))
        lo += k;
    while (hi > b && (text[hi - 1] == ' ' || text[hi - 1] == '\t'))
        hi--;
    return strndup(text + lo, hi - lo);
}

static int add_milestone(doc_milestone **ms, size_t *n, const char *text, size_t len, size_t pos,
                         const hit *h)
{
    doc_milestone *grown = realloc(*ms, (*n + 1) * sizeof **ms);
    if (!grown)
        return DUBAN_ENOMEM;
    *ms = grown;
    doc_milestone *m = &grown[*n];
    memset(m, 0, sizeof *m);
    m->phrase = clause(text, len, pos, pos + h->len);
    m->word = strndup(text + pos, h->len);
    if (!m->phrase || !m->word) {
        free(m->phrase);
        free(m->word);
        return DUBAN_ENOMEM;
    }
    date_format(date_from_ymd(h->y, h->m, h->d), m->due);
    m->approximate = h->approx;
    (*n)++;
    return DUBAN_OK;
}

int deadline_scan(const char *text, int year, doc_milestone **ms, size_t *n)
{
    size_t len = text ? strlen(text) : 0, pos = 0;
    while (pos < len) {
        hit h;
        if (parse_word(text + pos, len - pos, year, 1, &h) && left_ok(text, pos, h.kind) &&
            right_ok(text + pos, pos, h.len, text + pos + h.len, len - pos - h.len)) {
            if (add_milestone(ms, n, text, len, pos, &h))
                return DUBAN_ENOMEM;
            pos += h.len;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(text + pos, len - pos, &cp);
        pos += k ? k : 1;
    }
    return DUBAN_OK;
}
