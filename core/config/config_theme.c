/* config_theme.c - colour specs and the built-in themes (see config.h). */
#include "config/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const element_names[CONFIG_EL_COUNT] = {
    "header",  "status_bar", "selection", "area",         "section",
    "dim",     "message",    "error",     "match",        "overdue",
    "at_risk", "bar",        "light_red", "light_yellow", "light_green",
};

static const char *const theme_names[THEME_COUNT] = {"default", "high-contrast", "monochrome"};

/* Colour specs per theme, in config_element order. */
static const char *const theme_specs[THEME_COUNT][CONFIG_EL_COUNT] = {
    [THEME_DEFAULT] =
        {
            "bold white on blue",
            "reverse",
            "reverse",
            "bold",
            "bold cyan",
            "default",
            "green",
            "bold red",
            "black on yellow",
            "bold red",
            "bold yellow",
            "bold green",
            "bold red",
            "bold yellow",
            "bold green",
        },
    /* for projectors: strong, saturated, everything bold */
    [THEME_HIGH_CONTRAST] =
        {
            "bold bright-white on blue",
            "bold black on white",
            "bold black on bright-yellow",
            "bold bright-white",
            "bold bright-cyan",
            "default",
            "bold bright-green",
            "bold bright-white on red",
            "bold black on bright-cyan",
            "bold bright-white on red",
            "bold black on yellow",
            "bold bright-green",
            "bold bright-white on red",
            "bold black on yellow",
            "bold black on green",
        },
    /* no colour at all: attributes only */
    [THEME_MONOCHROME] =
        {
            "bold underline",
            "reverse",
            "reverse",
            "bold",
            "bold underline",
            "default",
            "default",
            "bold",
            "bold underline",
            "bold",
            "underline",
            "bold",
            "bold reverse",
            "bold underline",
            "default",
        },
};

static const char *const base_colors[8] = {"black", "red",     "green", "yellow",
                                           "blue",  "magenta", "cyan",  "white"};

const char *config_element_name(enum config_element el)
{
    return (unsigned)el < CONFIG_EL_COUNT ? element_names[el] : NULL;
}

const char *config_theme_name(enum config_theme t)
{
    return (unsigned)t < THEME_COUNT ? theme_names[t] : NULL;
}

void config_theme_colors(enum config_theme t, config_color out[CONFIG_EL_COUNT])
{
    char bad[32];
    if ((unsigned)t >= THEME_COUNT)
        t = THEME_DEFAULT;
    for (int i = 0; i < CONFIG_EL_COUNT; i++)
        config_color_parse(theme_specs[t][i], &out[i], bad, sizeof bad);
}

/* One colour word; returns the colour number or -2 if not a colour. */
static int color_word(const char *w)
{
    if (!strcasecmp(w, "default"))
        return CONFIG_COLOR_DEFAULT;
    int bright = !strncasecmp(w, "bright-", 7);
    const char *base = bright ? w + 7 : w;
    for (int i = 0; i < 8; i++)
        if (!strcasecmp(base, base_colors[i]))
            return i + (bright ? 8 : 0);
    if (!strncasecmp(w, "color", 5) && w[5] >= '0' && w[5] <= '9') {
        char *end;
        long n = strtol(w + 5, &end, 10);
        if (!*end && n >= 0 && n <= 255 && strlen(w + 5) <= 3)
            return (int)n;
    }
    return -2;
}

static unsigned attr_word(const char *w)
{
    if (!strcasecmp(w, "bold"))
        return CONFIG_ATTR_BOLD;
    if (!strcasecmp(w, "underline"))
        return CONFIG_ATTR_UNDERLINE;
    if (!strcasecmp(w, "reverse"))
        return CONFIG_ATTR_REVERSE;
    return 0;
}

/* Applies one word; state 0 = before the fg, 1 = fg seen, 2 = after "on",
 * 3 = bg seen.  Returns -1 when the word does not fit. */
static int color_step(const char *w, config_color *c, int *state)
{
    unsigned a = attr_word(w);
    int n;
    if (a && *state < 2) {
        c->attr |= a;
    } else if (!strcasecmp(w, "on") && *state < 2) {
        *state = 2;
    } else if ((n = color_word(w)) != -2 && (*state == 0 || *state == 2)) {
        if (*state == 0)
            c->fg = (short)n;
        else
            c->bg = (short)n;
        *state = *state == 0 ? 1 : 3;
    } else {
        return -1;
    }
    return 0;
}

int config_color_parse(const char *spec, config_color *out, char *bad, size_t badsz)
{
    config_color c = {CONFIG_COLOR_DEFAULT, CONFIG_COLOR_DEFAULT, 0};
    int state = 0, words = 0;
    const char *p = spec;
    for (;;) {
        p += strspn(p, " \t");
        size_t len = strcspn(p, " \t");
        if (!len)
            break;
        char w[32];
        snprintf(w, sizeof w, "%.*s", (int)len, p);
        if (len >= sizeof w || color_step(w, &c, &state)) {
            snprintf(bad, badsz, "%.*s", (int)len, p);
            return -1;
        }
        words++;
        p += len;
    }
    if (!words || state == 2) {
        snprintf(bad, badsz, "%s", words ? "on" : spec);
        return -1;
    }
    *out = c;
    return 0;
}

static void color_name(int n, char *out, size_t outsz)
{
    if (n < 0)
        snprintf(out, outsz, "default");
    else if (n < 8)
        snprintf(out, outsz, "%s", base_colors[n]);
    else if (n < 16)
        snprintf(out, outsz, "bright-%s", base_colors[n - 8]);
    else
        snprintf(out, outsz, "color%d", n);
}

/* Appends word to out, separated by a space. */
static void add_word(char *out, size_t outsz, const char *word)
{
    size_t n = strlen(out);
    snprintf(out + n, outsz - n, "%s%s", n ? " " : "", word);
}

void config_color_format(const config_color *c, char *out, size_t outsz)
{
    char name[32];
    out[0] = '\0';
    if (c->attr & CONFIG_ATTR_BOLD)
        add_word(out, outsz, "bold");
    if (c->attr & CONFIG_ATTR_UNDERLINE)
        add_word(out, outsz, "underline");
    if (c->attr & CONFIG_ATTR_REVERSE)
        add_word(out, outsz, "reverse");
    if (c->fg >= 0 || (!c->attr && c->bg < 0)) {
        color_name(c->fg, name, sizeof name);
        add_word(out, outsz, name);
    }
    if (c->bg >= 0) {
        color_name(c->bg, name, sizeof name);
        add_word(out, outsz, "on");
        add_word(out, outsz, name);
    }
}

static short fit_one(short n, int ncolors, unsigned *attr)
{
    if (n < 0 || ncolors < 8)
        return CONFIG_COLOR_DEFAULT;
    if (n >= 8 && n < 16 && ncolors < 16) {
        *attr |= CONFIG_ATTR_BOLD;
        return (short)(n - 8);
    }
    return n < ncolors ? n : CONFIG_COLOR_DEFAULT;
}

config_color config_color_fit(const config_color *c, int ncolors)
{
    config_color r = *c;
    unsigned extra = 0;
    r.fg = fit_one(c->fg, ncolors, &r.attr);
    r.bg = fit_one(c->bg, ncolors, &extra); /* a bright background stays plain */
    return r;
}
