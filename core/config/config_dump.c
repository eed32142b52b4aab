/* config_dump.c - writing the effective configuration as INI, and dates
 * in the configured format (see config.h). */
#include "config/config.h"

#include "plan/date.h"
#include "config/ini.h"
#include "config/keyname.h"

#include <stdio.h>
#include <string.h>

static int dump_general(const duban_config *cfg, strbuf *out)
{
    int rc = strbuf_append(out, "[general]\n");
    rc = rc ? rc : ini_append_pair(out, "database", cfg->database);
    rc = rc ? rc : strbuf_printf(out, "ambiguous_width = %d\n", cfg->ambiguous_width);
    rc = rc ? rc : ini_append_pair(out, "date_format", cfg->date_format);
    rc = rc ? rc : strbuf_printf(out, "warn_days = %d\n", cfg->warn_days);
    rc = rc ? rc : strbuf_printf(out, "csv_bom = %s\n", cfg->csv_bom ? "yes" : "no");
    rc = rc ? rc : strbuf_printf(out, "silent_days = %d\n", cfg->silent_days);
    rc = rc ? rc : ini_append_pair(out, "issuer", cfg->issuer);
    return rc;
}

static int dump_theme(const duban_config *cfg, strbuf *out)
{
    int rc = strbuf_printf(out, "\n[theme]\nname = %s\n", config_theme_name(cfg->theme));
    for (int el = 0; el < CONFIG_EL_COUNT && !rc; el++) {
        char spec[96];
        config_color_format(&cfg->color[el], spec, sizeof spec);
        rc = ini_append_pair(out, config_element_name((enum config_element)el), spec);
    }
    return rc;
}

static int dump_keys(const duban_config *cfg, strbuf *out)
{
    int rc = strbuf_append(out, "\n[keys]\n");
    for (size_t i = 0; i < cfg->nactions && !rc; i++) {
        char list[CONFIG_KEYS_MAX * 16] = "";
        for (int k = 0; k < cfg->keys[i].n; k++) {
            char name[16];
            keyname_format(cfg->keys[i].key[k], name, sizeof name);
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", k ? ", " : "", name);
        }
        rc = ini_append_pair(out, cfg->actions[i].name, list);
    }
    return rc;
}

static int dump_status(const status_def *s, strbuf *out)
{
    char key[16] = "";
    if (s->shortcut)
        keyname_format(s->shortcut, key, sizeof key);
    int rc = strbuf_printf(out, "\n[status.%s]\n", s->key);
    rc = rc ? rc : ini_append_pair(out, "name", s->name);
    rc = rc ? rc : ini_append_pair(out, "key", key);
    rc = rc ? rc : ini_append_pair(out, "glyph", s->glyph);
    rc = rc ? rc : ini_append_pair(out, "colour", s->color);
    rc = rc ? rc : strbuf_printf(out, "done = %s\n", s->done ? "yes" : "no");
    rc = rc ? rc : strbuf_printf(out, "role = %s\n", status_role_name((enum status_role)s->role));
    return rc;
}

int config_dump(const duban_config *cfg, strbuf *out)
{
    int rc = strbuf_append(out, "# duban: the effective configuration (built-in defaults");
    if (cfg->user_file && !strchr(cfg->path, '\n'))
        rc = rc ? rc : strbuf_printf(out, " merged with\n# %s", cfg->path);
    rc = rc ? rc : strbuf_append(out, ").  See duban.ini(5).\n\n");
    rc = rc ? rc : dump_general(cfg, out);
    rc = rc ? rc : dump_theme(cfg, out);
    rc = rc ? rc
            : strbuf_printf(out, "\n[presentation]\nspacing = %d\nbar_width = %d\n", cfg->spacing,
                            cfg->bar_width);
    rc = rc ? rc : dump_keys(cfg, out);
    for (size_t i = 0; i < cfg->statuses.n && !rc; i++)
        rc = dump_status(&cfg->statuses.v[i], out);
    return rc;
}

int config_date_format_valid(const char *fmt, char bad[3])
{
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '-' && (p[2] == 'm' || p[2] == 'd')) {
            p += 2;
        } else if (p[1] && strchr("Yymde%", p[1])) {
            p++;
        } else {
            bad[0] = '%';
            bad[1] = p[1];
            bad[2] = '\0';
            return 0;
        }
    }
    return 1;
}

/* Writes v as decimal digits into b: at least width of them, padded with
 * pad ('0' or ' ').  Returns the count written (at most 11). */
static size_t put_number(char *b, int v, int width, char pad)
{
    char tmp[12];
    size_t n = 0;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        tmp[n++] = (char)('0' + u % 10);
    while ((u /= 10) && n < sizeof tmp - 1);
    size_t len = 0;
    if (v < 0)
        b[len++] = '-';
    for (size_t k = n; (int)k < width; k++)
        b[len++] = pad;
    while (n)
        b[len++] = tmp[--n];
    return len;
}

/* Writes the expansion of one directive at *p (after '%') into buf (room
 * for 16); advances *p.  Returns its length. */
static size_t directive(const char **p, int y, int m, int d, char *buf)
{
    const char *c = *p;
    if (c[0] == '-' && (c[1] == 'm' || c[1] == 'd')) {
        *p += 2;
        return put_number(buf, c[1] == 'm' ? m : d, 1, '0');
    }
    *p += c[0] ? 1 : 0;
    switch (c[0]) {
    case 'Y':
        return put_number(buf, y, 4, '0');
    case 'y':
        return put_number(buf, y % 100, 2, '0');
    case 'm':
        return put_number(buf, m, 2, '0');
    case 'd':
        return put_number(buf, d, 2, '0');
    case 'e':
        return put_number(buf, d, 2, ' ');
    case '%':
        buf[0] = '%';
        return 1;
    default: /* copied as written */
        buf[0] = '%';
        buf[1] = c[0];
        return c[0] ? 2 : 1;
    }
}

/* Copies src (n bytes) into out[outsz], cut at a UTF-8 character
 * boundary. */
static void copy_cut(const char *src, size_t n, char *out, size_t outsz)
{
    if (n >= outsz) {
        n = outsz - 1;
        while (n && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, src, n);
    out[n] = '\0';
}

/* fmt with y, m, d into out, on the stack: the front end formats the
 * dates of every row it draws. */
static void format_ymd(const char *fmt, int y, int m, int d, char *out, size_t outsz)
{
    char text[256];
    size_t len = 0;
    for (const char *p = fmt; *p && len + 16 < sizeof text;) {
        size_t lit = strcspn(p, "%");
        if (lit) {
            lit = lit < sizeof text - 16 - len ? lit : sizeof text - 16 - len;
            memcpy(text + len, p, lit);
            len += lit;
            p += lit;
            continue;
        }
        p++;
        len += directive(&p, y, m, d, text + len);
    }
    if (outsz)
        copy_cut(text, len, out, outsz);
}

void config_format_day(const duban_config *cfg, long day, char *out, size_t outsz)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    format_ymd(cfg ? cfg->date_format : "%Y-%m-%d", y, m, d, out, outsz);
}

int config_format_date(const duban_config *cfg, const char *iso, char *out, size_t outsz)
{
    long day;
    if (!iso || date_parse(iso, &day, NULL)) {
        snprintf(out, outsz, "%s", iso ? iso : "");
        return DUBAN_EINVAL;
    }
    config_format_day(cfg, day, out, outsz);
    return DUBAN_OK;
}
