/* config.c - loading the defaults and the user's file (see config.h).
 *
 * Both files are indexed by ini_scan() (positions, order, syntax); the
 * user file's values come from iniparser.  Each document is applied over
 * the config in turn; cross-checks (done status, keys bound twice) run
 * once at the end, blaming the line that came last.
 */
#include "config/config.h"

#include "store/builtin.h"
#include "config/config_priv.h"
#include "config/ini.h"
#include "config/keyname.h"
#include "text/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <iniparser.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int config_default_path(const char *xdg, const char *home, char *out, size_t outsz)
{
    int n;
    if (xdg && *xdg == '/')
        n = snprintf(out, outsz, "%s/duban/config.ini", xdg);
    else if (home && *home)
        n = snprintf(out, outsz, "%s/.config/duban/config.ini", home);
    else
        return DUBAN_ENOTFOUND;
    return n < 0 || (size_t)n >= outsz ? DUBAN_ENOTFOUND : DUBAN_OK;
}

int config_fail(loader *ld, int line, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        return duban_fail(ld->err, DUBAN_ECONFIG, "%s:%d: %s", ld->file, line, msg);
    return duban_fail(ld->err, DUBAN_ECONFIG, "%s: %s", ld->file, msg);
}

int config_warn(loader *ld, int line, const char *fmt, ...)
{
    char msg[400], *full = NULL;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    duban_config *cfg = ld->cfg;
    char **w = realloc(cfg->warnings, (cfg->nwarnings + 1) * sizeof *w);
    if (w) {
        cfg->warnings = w;
        size_t n = strlen(ld->file) + strlen(msg) + 32;
        full = malloc(n);
    }
    if (!full)
        return duban_fail(ld->err, DUBAN_ENOMEM, "out of memory");
    snprintf(full, strlen(ld->file) + strlen(msg) + 32, "%s:%d: %s", ld->file, line, msg);
    cfg->warnings[cfg->nwarnings++] = full;
    return DUBAN_OK;
}

/* Opens path for reading without blocking on a FIFO or a device, and
 * refuses anything that is not a regular file or is larger than
 * CONFIG_FILE_MAX.  Returns the descriptor, or -1 with errno set (ENOENT
 * for a missing file) or *why set to the refusal. */
static int open_regular(const char *path, const char **why)
{
    *why = NULL;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat sb;
    if (fd < 0)
        return -1;
    if (fstat(fd, &sb) != 0)
        *why = strerror(errno);
    else if (S_ISDIR(sb.st_mode))
        *why = "a directory, not a file";
    else if (!S_ISREG(sb.st_mode))
        *why = "not a regular file (a FIFO, socket or device)";
    else if (sb.st_size > CONFIG_FILE_MAX)
        *why = "larger than " CONFIG_FILE_MAX_TEXT;
    if (*why) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Reads a whole file.  *missing is set (and DUBAN_OK returned) when it
 * does not exist. */
static int read_file(loader *ld, const char *path, char **text, size_t *len, int *missing)
{
    *missing = 0;
    const char *why;
    int fd = open_regular(path, &why);
    if (fd < 0 && !why && errno == ENOENT) {
        *missing = 1;
        return DUBAN_OK;
    }
    if (fd < 0)
        return duban_fail(ld->err, DUBAN_ECONFIG, "cannot read config file %s: %s", path,
                          why ? why : strerror(errno));
    strbuf sb = {0};
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0 && sb.len <= CONFIG_FILE_MAX)
        if (strbuf_appendn(&sb, buf, (size_t)n)) {
            close(fd);
            strbuf_free(&sb);
            return duban_fail(ld->err, DUBAN_ENOMEM, "out of memory");
        }
    int saved = errno;
    close(fd);
    if (n < 0 || sb.len > CONFIG_FILE_MAX) { /* an error, or it grew while we read */
        strbuf_free(&sb);
        return duban_fail(ld->err, DUBAN_ECONFIG, "cannot read config file %s: %s", path,
                          n < 0 ? strerror(saved) : "larger than " CONFIG_FILE_MAX_TEXT);
    }
    *len = sb.len;
    *text = sb.s ? strbuf_take(&sb) : duban_strdup("");
    return *text ? DUBAN_OK : duban_fail(ld->err, DUBAN_ENOMEM, "out of memory");
}

/* A value the user wrote must be UTF-8 without control characters: a
 * status name or glyph reaches the screen and every output. */
static int check_values(loader *ld, const char *path, const ini_doc *doc)
{
    for (size_t i = 0; i < doc->nent; i++) {
        const ini_entry *e = &doc->ent[i];
        const char *v = e->value ? e->value : "";
        size_t n = strlen(v), off = 0;
        ld->file = path;
        if (!utf8_valid(v, n, &off))
            return config_fail(ld, e->line, "value of '%s' is not valid UTF-8 (byte %zu)", e->key,
                               off + 1);
        for (off = 0; off < n;) {
            uint32_t cp;
            off += utf8_decode(v + off, n - off, &cp);
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
                (cp >= 0x2066 && cp <= 0x2069))
                return config_fail(ld, e->line,
                                   "value of '%s' has a control character (U+%04X); use plain "
                                   "text",
                                   e->key, (unsigned)cp);
        }
    }
    return DUBAN_OK;
}

static int quiet_errors(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

/* Replaces the index's values by iniparser's reading of path. */
static int take_iniparser_values(loader *ld, const char *path, ini_doc *doc)
{
    iniparser_set_error_callback(quiet_errors);
    dictionary *d = iniparser_load(path);
    if (!d)
        return duban_fail(ld->err, DUBAN_ECONFIG, "%s: iniparser cannot read this file", path);
    int rc = DUBAN_OK;
    for (size_t i = 0; i < doc->nent && !rc; i++) {
        ini_entry *e = &doc->ent[i];
        if (e->section == 0)
            continue;
        strbuf k = {0};
        rc = strbuf_printf(&k, "%s:%s", doc->sec[e->section].name, e->key);
        const char *v = rc ? NULL : iniparser_getstring(d, strbuf_str(&k), NULL);
        if (v)
            rc = ini_set_value(e, v);
        strbuf_free(&k);
    }
    iniparser_freedict(d);
    return rc ? duban_fail(ld->err, rc, "out of memory") : DUBAN_OK;
}

static int load_user_doc(loader *ld, const char *path, int must_exist, ini_doc *doc)
{
    char *text = NULL;
    size_t len = 0;
    int missing;
    struct stat sb;
    /* the default place behind a directory we may not search (another
     * user's home) is as good as missing */
    if (!must_exist && stat(path, &sb) != 0 && (errno == EACCES || errno == ENOTDIR))
        return DUBAN_OK;
    int rc = read_file(ld, path, &text, &len, &missing);
    if (rc)
        return rc;
    if (missing)
        return must_exist ? duban_fail(ld->err, DUBAN_ECONFIG, "cannot read config file %s: %s",
                                       path, strerror(ENOENT))
                          : DUBAN_OK;
    rc = ini_scan(path, text, len, doc, ld->err);
    free(text);
    if (!rc && !doc->bom) /* iniparser refuses a byte-order mark: keep ours */
        rc = take_iniparser_values(ld, path, doc);
    if (!rc)
        rc = check_values(ld, path, doc);
    if (!rc)
        ld->cfg->user_file = 1;
    return rc;
}

/* Sorts the warnings from index first on by line ("FILE:LINE: ..."). */
static void sort_warnings(loader *ld, size_t first)
{
    char **w = ld->cfg->warnings;
    size_t skip = strlen(ld->file) + 1;
    for (size_t i = first + 1; i < ld->cfg->nwarnings; i++)
        for (size_t j = i; j > first && atoi(w[j - 1] + skip) > atoi(w[j] + skip); j--) {
            char *t = w[j];
            w[j] = w[j - 1];
            w[j - 1] = t;
        }
}

/* Applies one indexed document over ld->cfg. */
static int apply_doc(loader *ld, const ini_doc *doc, const char *file)
{
    size_t first_warning = ld->cfg->nwarnings;
    ld->doc = doc;
    ld->file = file;
    ld->builtin = file != ld->cfg->path;
    int rc = DUBAN_OK;
    for (size_t s = 1; s < doc->nsec && !rc; s++)
        if (!config_known_section(doc->sec[s].name))
            rc = config_warn(ld, doc->sec[s].line, "unknown section [%s]", doc->sec[s].name);
    if (!rc)
        rc = config_apply_theme_name(ld);
    for (size_t i = 0; i < doc->nent && !rc; i++) {
        const ini_entry *e = &doc->ent[i];
        const char *sec = doc->sec[e->section].name;
        if (e->section == 0)
            rc = config_warn(ld, e->line, "key '%s' is outside any [section]", e->key);
        else if (!strcmp(sec, "general"))
            rc = config_apply_general(ld, e);
        else if (!strcmp(sec, "theme"))
            rc = config_apply_theme(ld, e);
        else if (!strcmp(sec, "keys"))
            rc = config_apply_key(ld, e);
        else if (!strcmp(sec, "presentation"))
            rc = config_apply_presentation(ld, e);
    }
    if (!rc)
        rc = config_apply_statuses(ld);
    sort_warnings(ld, first_warning);
    return rc;
}

static void init_defaults(loader *ld, const config_action *actions, size_t nactions)
{
    duban_config *cfg = ld->cfg;
    cfg->ambiguous_width = 1;
    snprintf(cfg->date_format, sizeof cfg->date_format, "%%Y-%%m-%%d");
    cfg->warn_days = 14;
    cfg->silent_days = 30;
    cfg->csv_bom = 1;
    cfg->theme = THEME_DEFAULT;
    config_theme_colors(THEME_DEFAULT, cfg->color);
    cfg->statuses = *status_defaults();
    cfg->actions = actions;
    cfg->nactions = nactions;
    for (size_t i = 0; i < nactions; i++) {
        config_keyset *ks = &cfg->keys[i];
        for (int k = 0; k < CONFIG_KEYS_MAX && actions[i].keys[k]; k++)
            ks->key[ks->n++] = actions[i].keys[k];
        ld->key_origin[i] = (config_origin){CONFIG_BUILTIN_KEYS, 0};
    }
    cfg->spacing = 0;
    cfg->bar_width = 10;
}

static int load_all(loader *ld, const char *path, const config_env *env,
                    const config_action *actions, size_t nactions)
{
    duban_config *cfg = ld->cfg;
    if (nactions > CONFIG_ACTIONS_MAX)
        return duban_fail(ld->err, DUBAN_EINVAL, "too many actions (%zu)", nactions);
    init_defaults(ld, actions, nactions);
    if (path)
        snprintf(cfg->path, sizeof cfg->path, "%s", path);
    else if (config_default_path(env ? env->xdg_config_home : NULL, ld->home, cfg->path,
                                 sizeof cfg->path))
        cfg->path[0] = '\0';
    ini_doc builtin, user = {0};
    int rc = ini_scan(CONFIG_BUILTIN_NAME, builtin_default_config, builtin_default_config_len,
                      &builtin, ld->err);
    if (rc)
        return rc;
    rc = apply_doc(ld, &builtin, CONFIG_BUILTIN_NAME);
    if (!rc && cfg->path[0])
        rc = load_user_doc(ld, cfg->path, path != NULL, &user);
    if (!rc && cfg->user_file)
        rc = apply_doc(ld, &user, cfg->path);
    if (!rc)
        rc = config_validate(ld);
    ini_doc_free(&builtin);
    ini_doc_free(&user);
    return rc;
}

int config_load(const char *path, const config_env *env, const config_action *actions,
                size_t nactions, duban_config **out, duban_error *err)
{
    *out = NULL;
    duban_config *cfg = calloc(1, sizeof *cfg);
    loader *ld = calloc(1, sizeof *ld);
    if (!cfg || !ld) {
        free(cfg);
        free(ld);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    ld->cfg = cfg;
    ld->err = err;
    ld->file = CONFIG_BUILTIN_NAME;
    ld->home = env ? env->home : NULL;
    int rc = load_all(ld, path, env, actions, nactions);
    free(ld);
    if (rc) {
        config_free(cfg);
        return rc;
    }
    *out = cfg;
    return DUBAN_OK;
}

void config_free(duban_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cfg->nwarnings; i++)
        free(cfg->warnings[i]);
    free(cfg->warnings);
    free(cfg);
}

int config_key_action(const duban_config *cfg, int key)
{
    if (key == '\r')
        key = '\n';
    for (size_t i = 0; cfg && i < cfg->nactions; i++)
        for (int k = 0; k < cfg->keys[i].n; k++)
            if (cfg->keys[i].key[k] == key)
                return (int)i;
    return -1;
}
