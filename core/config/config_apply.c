/* config_apply.c - the sections of duban.ini(5) and the final
 * cross-checks (see config_priv.h). */
#include "config/config_priv.h"

#include "config/keyname.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int config_known_section(const char *name)
{
    static const char *const known[] = {"general", "theme", "keys", "presentation"};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (!strcmp(name, known[i]))
            return 1;
    return !strncmp(name, "status.", 7);
}

static int parse_int(const char *v, int min, int max, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < min || n > max)
        return -1;
    *out = (int)n;
    return 0;
}

static int parse_bool(const char *v, int *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (!strcasecmp(v, yes[i]))
            return *out = 1, 0;
        if (!strcasecmp(v, no[i]))
            return *out = 0, 0;
    }
    return -1;
}

/* "~/x" -> $HOME/x; a relative path is relative to the config file. */
static int set_database(loader *ld, const ini_entry *e)
{
    const char *v = e->value;
    char *dst = ld->cfg->database;
    size_t sz = sizeof ld->cfg->database;
    const char *slash = strrchr(ld->file, '/');
    int n;
    if (!*v || v[0] == '/' || ld->builtin) {
        n = snprintf(dst, sz, "%s", v);
    } else if (v[0] == '~' && (v[1] == '/' || !v[1])) {
        const char *home = ld->home;
        if (!home || !*home)
            return config_fail(ld, e->line, "cannot expand '~' in database = %s: HOME is not set",
                               v);
        n = snprintf(dst, sz, "%s%s", home, v + 1);
    } else if (slash) {
        n = snprintf(dst, sz, "%.*s/%s", (int)(slash - ld->file), ld->file, v);
    } else {
        n = snprintf(dst, sz, "%s", v);
    }
    if (n < 0 || (size_t)n >= sz)
        return config_fail(ld, e->line, "database path too long: '%.80s'", v);
    return DUBAN_OK;
}

int config_apply_general(loader *ld, const ini_entry *e)
{
    duban_config *cfg = ld->cfg;
    const char *k = e->key, *v = e->value;
    char bad[3];
    if (!strcmp(k, "database"))
        return set_database(ld, e);
    if (!strcmp(k, "ambiguous_width")) {
        if (parse_int(v, 1, 2, &cfg->ambiguous_width))
            return config_fail(ld, e->line, "ambiguous_width must be 1 or 2, not '%s'", v);
    } else if (!strcmp(k, "date_format")) {
        if (!config_date_format_valid(v, bad))
            return config_fail(ld, e->line,
                               "unknown directive '%s' in date_format '%s' (use %%Y %%y %%m %%-m "
                               "%%d %%-d %%e %%%%)",
                               bad, v);
        if (!*v || strlen(v) >= sizeof cfg->date_format)
            return config_fail(ld, e->line, "date_format must be 1-%zu bytes, not '%s'",
                               sizeof cfg->date_format - 1, v);
        snprintf(cfg->date_format, sizeof cfg->date_format, "%s", v);
    } else if (!strcmp(k, "warn_days")) {
        if (parse_int(v, 0, 365, &cfg->warn_days))
            return config_fail(ld, e->line, "warn_days must be a number of days 0-365, not '%s'",
                               v);
    } else if (!strcmp(k, "csv_bom")) {
        if (parse_bool(v, &cfg->csv_bom))
            return config_fail(ld, e->line, "csv_bom must be yes or no, not '%s'", v);
    } else {
        return config_warn(ld, e->line, "unknown key '%s' in [general]", k);
    }
    return DUBAN_OK;
}

int config_apply_theme_name(loader *ld)
{
    const ini_entry *e = ini_find(ld->doc, "theme", "name");
    if (!e)
        return DUBAN_OK;
    for (int t = 0; t < THEME_COUNT; t++)
        if (!strcasecmp(e->value, config_theme_name((enum config_theme)t))) {
            ld->cfg->theme = (enum config_theme)t;
            config_theme_colors(ld->cfg->theme, ld->cfg->color);
            return DUBAN_OK;
        }
    return config_fail(ld, e->line, "unknown theme '%s' (use default, high-contrast or monochrome)",
                       e->value);
}

int config_apply_theme(loader *ld, const ini_entry *e)
{
    if (!strcmp(e->key, "name"))
        return DUBAN_OK; /* config_apply_theme_name() */
    for (int el = 0; el < CONFIG_EL_COUNT; el++) {
        if (strcmp(e->key, config_element_name((enum config_element)el)))
            continue;
        char bad[64];
        if (config_color_parse(e->value, &ld->cfg->color[el], bad, sizeof bad))
            return config_fail(ld, e->line,
                               "unknown colour '%s' in %s = %s (use black, red, green, yellow, "
                               "blue, magenta, cyan, white, bright-NAME, colorN, default, bold, "
                               "underline, reverse, on COLOUR)",
                               bad, e->key, e->value);
        return DUBAN_OK;
    }
    return config_warn(ld, e->line, "unknown key '%s' in [theme]", e->key);
}

int config_apply_key(loader *ld, const ini_entry *e)
{
    duban_config *cfg = ld->cfg;
    size_t i = 0;
    while (i < cfg->nactions && strcmp(cfg->actions[i].name, e->key))
        i++;
    if (i == cfg->nactions)
        return config_warn(ld, e->line, "unknown key '%s' in [keys]", e->key);
    int codes[CONFIG_KEYS_MAX], n, code;
    char bad[64];
    if (keyname_parse_list(e->value, codes, CONFIG_KEYS_MAX, &n, bad, sizeof bad)) {
        if (!keyname_parse(bad, &code))
            return config_fail(ld, e->line, "more than %d keys in %s = %s", CONFIG_KEYS_MAX, e->key,
                               e->value);
        return config_fail(ld, e->line, "'%s' is not a key name in %s = %s", bad, e->key, e->value);
    }
    config_keyset ks = {{0}, 0};
    for (int k = 0; k < n; k++) {
        int dup = 0;
        for (int j = 0; j < ks.n; j++)
            dup |= ks.key[j] == codes[k];
        if (!dup)
            ks.key[ks.n++] = codes[k];
    }
    cfg->keys[i] = ks;
    ld->key_origin[i] = (config_origin){ld->file, e->line};
    return DUBAN_OK;
}

int config_apply_presentation(loader *ld, const ini_entry *e)
{
    if (!strcmp(e->key, "spacing")) {
        if (parse_int(e->value, 0, 3, &ld->cfg->spacing))
            return config_fail(ld, e->line, "spacing must be 0-3 blank lines, not '%s'", e->value);
    } else if (!strcmp(e->key, "bar_width")) {
        if (parse_int(e->value, 0, 40, &ld->cfg->bar_width))
            return config_fail(ld, e->line, "bar_width must be 0-40 columns, not '%s'", e->value);
    } else {
        return config_warn(ld, e->line, "unknown key '%s' in [presentation]", e->key);
    }
    return DUBAN_OK;
}

/* Copies v into dst[sz]; an error naming the field when empty or too long. */
static int set_text(loader *ld, const ini_entry *e, const char *key, char *dst, size_t sz)
{
    if (!*e->value || strlen(e->value) >= sz)
        return config_fail(ld, e->line, "%s of status '%s' must be 1-%zu bytes, not '%s'", e->key,
                           key, sz - 1, e->value);
    snprintf(dst, sz, "%s", e->value);
    return DUBAN_OK;
}

static int status_color(loader *ld, const ini_entry *e, status_def *def)
{
    config_color c;
    char bad[64];
    if (config_color_parse(e->value, &c, bad, sizeof bad) || c.attr || c.bg >= 0)
        return config_fail(ld, e->line,
                           "unknown colour '%s' for status '%s' (use one colour: a name, "
                           "bright-NAME, colorN or default)",
                           e->value, def->key);
    config_color_format(&c, def->color, sizeof def->color);
    return DUBAN_OK;
}

static int status_field(loader *ld, const ini_entry *e, status_def *def)
{
    const char *k = e->key, *v = e->value;
    int code;
    if (!strcmp(k, "name"))
        return set_text(ld, e, def->key, def->name, sizeof def->name);
    if (!strcmp(k, "glyph"))
        return set_text(ld, e, def->key, def->glyph, sizeof def->glyph);
    if (!strcmp(k, "colour") || !strcmp(k, "color"))
        return status_color(ld, e, def);
    if (!strcmp(k, "key")) {
        if (!*v)
            def->shortcut = 0;
        else if (keyname_parse(v, &code) || code < ' ' || code >= 127)
            return config_fail(ld, e->line,
                               "key of status '%s' must be one printable character, not '%s'",
                               def->key, v);
        else
            def->shortcut = code;
    } else if (!strcmp(k, "done")) {
        if (parse_bool(v, &def->done))
            return config_fail(ld, e->line, "done must be yes or no, not '%s'", v);
    } else if (!strcmp(k, "role")) {
        enum status_role role;
        if (status_role_parse(v, &role))
            return config_fail(ld, e->line,
                               "role of status '%s' must be none, behind or blocked, not '%s'",
                               def->key, v);
        def->role = (int)role;
    } else {
        return config_warn(ld, e->line, "unknown key '%s' in [status.%s]", k, def->key);
    }
    return DUBAN_OK;
}

static int valid_status_key(const char *k)
{
    size_t n = strlen(k);
    return n > 0 && n < sizeof((status_def *)0)->key &&
           strspn(k, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static int read_status(loader *ld, size_t s, status_def *def)
{
    const ini_doc *d = ld->doc;
    const char *key = d->sec[s].name + 7;
    int line = d->sec[s].line;
    if (!valid_status_key(key))
        return config_fail(ld, line, "status key '%s' must be 1-31 of a-z, 0-9 and _", key);
    memset(def, 0, sizeof *def);
    snprintf(def->key, sizeof def->key, "%s", key);
    snprintf(def->name, sizeof def->name, "%s", key);
    snprintf(def->color, sizeof def->color, "default");
    /* a built-in key keeps its role unless the section sets one */
    def->role = (int)status_role_of(status_defaults(), key);
    for (size_t i = 0; i < d->nent; i++) {
        int rc = d->ent[i].section == s ? status_field(ld, &d->ent[i], def) : DUBAN_OK;
        if (rc)
            return rc;
    }
    if (!def->glyph[0])
        return config_fail(ld, line, "status '%s' has no glyph (add glyph = ... to [status.%s])",
                           key, key);
    return DUBAN_OK;
}

int config_apply_statuses(loader *ld)
{
    const ini_doc *d = ld->doc;
    status_set set;
    set.n = 0;
    for (size_t s = 1; s < d->nsec; s++) {
        if (strncmp(d->sec[s].name, "status.", 7))
            continue;
        if (set.n == 0)
            ld->status_set_origin = (config_origin){ld->file, d->sec[s].line};
        if (set.n == STATUS_MAX)
            return config_fail(ld, d->sec[s].line, "too many statuses in [%s] (at most %d)",
                               d->sec[s].name, STATUS_MAX);
        int rc = read_status(ld, s, &set.v[set.n]);
        if (rc)
            return rc;
        const ini_entry *key = ini_find(d, d->sec[s].name, "key");
        ld->status_key_origin[set.n] = (config_origin){ld->file, key ? key->line : d->sec[s].line};
        ld->status_origin[set.n++] = (config_origin){ld->file, d->sec[s].line};
    }
    if (set.n) {
        ld->cfg->statuses = set;
        ld->cfg->statuses_from_user = ld->file && ld->file == ld->cfg->path;
    }
    return DUBAN_OK;
}
