/* config_priv.h - shared by config.c (loading) and config_apply.c
 * (sections); not part of the public API.
 *
 * A loader carries the config being built, the document being applied
 * and where each key binding and status came from, so that a conflict
 * found after merging blames the line that came last.
 */
#ifndef DUBAN_CONFIG_PRIV_H
#define DUBAN_CONFIG_PRIV_H

#include "config/config.h"
#include "config/ini.h"

#define CONFIG_BUILTIN_NAME "built-in defaults"
#define CONFIG_BUILTIN_KEYS "built-in key table"

typedef struct config_origin {
    const char *file; /* CONFIG_BUILTIN_* or cfg->path */
    int line;         /* 0: no line */
} config_origin;

typedef struct loader {
    duban_config *cfg;
    duban_error *err;
    const ini_doc *doc; /* the document being applied */
    const char *file;   /* its name in messages */
    int builtin;        /* it is the compiled-in default file */
    const char *home;   /* config_env's home, for '~' (NULL: unset) */
    config_origin key_origin[CONFIG_ACTIONS_MAX];
    config_origin status_origin[STATUS_MAX];     /* its [status.KEY] line */
    config_origin status_key_origin[STATUS_MAX]; /* its key = line */
    config_origin status_set_origin;             /* the first [status.*] of the set */
} loader;

/* An ECONFIG error "FILE:LINE: message" for the current document. */
int config_fail(loader *ld, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Adds a warning "FILE:LINE: message"; DUBAN_ENOMEM on failure. */
int config_warn(loader *ld, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

int config_known_section(const char *name);
int config_apply_theme_name(loader *ld);
int config_apply_general(loader *ld, const ini_entry *e);
int config_apply_theme(loader *ld, const ini_entry *e);
int config_apply_key(loader *ld, const ini_entry *e);
int config_apply_presentation(loader *ld, const ini_entry *e);
/* Replaces the status set when the document has [status.*] sections. */
int config_apply_statuses(loader *ld);
/* Cross-checks after all documents: a done status, distinct glyphs,
 * names and keys. */
int config_validate(loader *ld);

#endif
