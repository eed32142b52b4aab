/* config.h - duban's configuration file (duban.ini(5)).
 *
 * The defaults are the INI text compiled in from data/duban.ini
 * (builtin_default_config); the user's file is merged over them: a key
 * the user sets replaces the default, everything else stays.  If the
 * user's file has any [status.KEY] section, the user's sections replace
 * the default status set entirely (in file order).  Key bindings start
 * from the defaults the front end passes (config_action) and [keys]
 * replaces an action's keys.
 *
 * Call order: config_load() once at start-up, before the terminal or the
 * database is touched -> read the fields -> config_free().  The struct is
 * plain data after loading; nothing here prints, exits or uses curses.
 *
 * Errors (DUBAN_ECONFIG): a malformed line, an invalid value (unknown
 * colour, a key bound to two actions, a status set with no done status,
 * ambiguous_width 3, ...).  The message is one line naming FILE:LINE and
 * the value.  Unknown sections and keys are not errors: they become
 * warnings ("FILE:LINE: unknown key 'x' in [general]") in cfg->warnings.
 */
#ifndef DUBAN_CONFIG_H
#define DUBAN_CONFIG_H

#include "base/error.h"
#include "plan/status.h"
#include "base/strbuf.h"

#include <stddef.h>

#define CONFIG_KEYS_MAX 8      /* keys per action */
#define CONFIG_ACTIONS_MAX 128 /* actions the front end may define */
#define CONFIG_PATH_MAX 4096
/* The largest configuration file read (a FIFO, device or directory is
 * refused too): "cannot read config file PATH: larger than 1 MiB". */
#define CONFIG_FILE_MAX (1024 * 1024)
#define CONFIG_FILE_MAX_TEXT "1 MiB"

/* An action of the front end and its default keys (keyname.h codes,
 * 0-terminated when fewer than CONFIG_KEYS_MAX).  The front end owns the
 * table; it must outlive the config (cfg->actions points into it). */
typedef struct config_action {
    const char *name;
    int keys[CONFIG_KEYS_MAX];
} config_action;

typedef struct config_keyset {
    int key[CONFIG_KEYS_MAX]; /* keyname.h codes */
    int n;
} config_keyset;

enum config_theme { THEME_DEFAULT, THEME_HIGH_CONTRAST, THEME_MONOCHROME, THEME_COUNT };

/* Elements of the screen whose colours [theme] sets. */
enum config_element {
    CONFIG_EL_HEADER,       /* the title line */
    CONFIG_EL_STATUS_BAR,   /* the bottom line */
    CONFIG_EL_SELECTION,    /* the cursor row */
    CONFIG_EL_AREA,         /* an area (方面) row */
    CONFIG_EL_SECTION,      /* headings in the detail pane and help */
    CONFIG_EL_DIM,          /* labels, hints */
    CONFIG_EL_MESSAGE,      /* a confirmation on the status line */
    CONFIG_EL_ERROR,        /* an error on the status line */
    CONFIG_EL_MATCH,        /* a search match */
    CONFIG_EL_OVERDUE,      /* overdue counts, days late */
    CONFIG_EL_AT_RISK,      /* due within warn_days */
    CONFIG_EL_BAR,          /* the done part of a progress bar */
    CONFIG_EL_LIGHT_RED,    /* 亮灯 red */
    CONFIG_EL_LIGHT_YELLOW, /* 亮灯 yellow */
    CONFIG_EL_LIGHT_GREEN,  /* 亮灯 green */
    CONFIG_EL_COUNT
};

#define CONFIG_COLOR_DEFAULT (-1) /* the terminal's own colour */
enum config_attr {
    CONFIG_ATTR_BOLD = 1,
    CONFIG_ATTR_UNDERLINE = 2,
    CONFIG_ATTR_REVERSE = 4,
};

/* fg/bg: CONFIG_COLOR_DEFAULT, 0..7 (black red green yellow blue magenta
 * cyan white: the curses COLOR_* numbers), 8..15 the bright- forms, or
 * 16..255 (colorN).  attr: CONFIG_ATTR_* or-ed. */
typedef struct config_color {
    short fg, bg;
    unsigned attr;
} config_color;

typedef struct duban_config {
    char path[CONFIG_PATH_MAX]; /* the user file looked for ("" if none) */
    int user_file;              /* 1 if it existed and was read */

    /* [general] */
    char database[CONFIG_PATH_MAX]; /* absolute path, "" = default place */
    int ambiguous_width;            /* 1 or 2 (textwidth.h text_measure) */
    char date_format[64];           /* see config_format_date() */
    int warn_days;                  /* at-risk window for lights, 0..365 */
    int csv_bom;                    /* CSV output starts with a UTF-8 BOM (default 1) */
    int silent_days;  /* days without a report before `N 天未报进展` shows, 1..3650 */
    char issuer[256]; /* 落款 of minutes and 通报 (e.g. 县委督查室), "" none */

    /* [theme] */
    enum config_theme theme;
    config_color color[CONFIG_EL_COUNT];

    /* [status.KEY] sections, in file order; colours are colour specs */
    status_set statuses;
    int statuses_from_user; /* the user's file defines them (else the defaults) */

    /* [keys]: keys[i] for actions[i] */
    const config_action *actions;
    size_t nactions;
    config_keyset keys[CONFIG_ACTIONS_MAX];

    /* [presentation] */
    int spacing;   /* blank lines between outline rows, 0..3 */
    int bar_width; /* columns of a progress bar, 0 (none)..40 */

    char **warnings; /* "FILE:LINE: unknown key 'x' in [general]" */
    size_t nwarnings;
} duban_config;

/* The user's directories, which the executable reads from the
 * environment and passes in (core reads no environment).  NULL or ""
 * means unset. */
typedef struct config_env {
    const char *xdg_config_home; /* $XDG_CONFIG_HOME */
    const char *home;            /* $HOME: the default place, and '~' in paths */
} config_env;

/* Loads the defaults, then the user file: path when non-NULL (it must
 * exist), else config_default_path() of env (a missing file is fine).
 * env may be NULL (nothing set).  actions lists the front end's actions
 * (at most CONFIG_ACTIONS_MAX).  Sets *out to a heap config
 * (config_free() it) on success, NULL on failure. */
int config_load(const char *path, const config_env *env, const config_action *actions,
                size_t nactions, duban_config **out, duban_error *err);
void config_free(duban_config *cfg); /* NULL is fine */

/* xdg_config_home/duban/config.ini when it is absolute, else
 * home/.config/duban/config.ini (either may be NULL).  Returns DUBAN_OK,
 * or DUBAN_ENOTFOUND when neither is usable. */
int config_default_path(const char *xdg_config_home, const char *home, char *out, size_t outsz);

/* The effective configuration as an INI file that config_load() reads
 * back to an equal configuration. */
int config_dump(const duban_config *cfg, strbuf *out);

/* Index of the action bound to key (a keyname.h code), or -1.  '\r' is
 * taken as Enter ('\n'). */
int config_key_action(const duban_config *cfg, int key);

/* Formats an ISO date ("2021-10-01") with cfg->date_format (ISO when cfg
 * is NULL).  The format is a strftime subset: %Y year, %y two-digit year,
 * %m month 01-12, %-m month 1-12, %d day 01-31, %-d day 1-31, %e day
 * space-padded, %% a percent sign; anything else is copied.  Returns
 * DUBAN_OK, or DUBAN_EINVAL (out holds iso unchanged, cut to fit) when
 * iso is not a date. */
int config_format_date(const duban_config *cfg, const char *iso, char *out, size_t outsz);
/* The same for a day number (date.h). */
void config_format_day(const duban_config *cfg, long day, char *out, size_t outsz);
/* 1 if fmt uses only the directives above; else 0 and *bad is the
 * offending directive ("%H"). */
int config_date_format_valid(const char *fmt, char bad[3]);

/* Colours (config_theme.c). */
const char *config_element_name(enum config_element el); /* "light_red" */
const char *config_theme_name(enum config_theme t);      /* "high-contrast" */
/* The colours of theme t before any override. */
void config_theme_colors(enum config_theme t, config_color out[CONFIG_EL_COUNT]);
/* Parses "[bold] [underline] [reverse] FG [on BG]" where a colour is a
 * name (black red green yellow blue magenta cyan white), bright-NAME,
 * colorN (0-255) or default; "bold", "reverse"... alone are fine.
 * Returns 0, or -1 with the first word that is not understood in bad. */
int config_color_parse(const char *spec, config_color *out, char *bad, size_t badsz);
/* The canonical spec ("bold white on blue", "default"). */
void config_color_format(const config_color *c, char *out, size_t outsz);
/* c adapted to a terminal with ncolors colours: bright-X becomes X in
 * bold below 16 colours, colorN beyond ncolors becomes the default;
 * with ncolors < 8 only the attributes remain. */
config_color config_color_fit(const config_color *c, int ncolors);

#endif
