/* keyname.c - key names <-> key codes (see keyname.h). */
#include "config/keyname.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    int code;
} names[] = {
    /* canonical names first: keyname_format() uses the first match */
    {"Enter", '\n'},
    {"Tab", '\t'},
    {"Esc", 27},
    {"Space", ' '},
    {"Backspace", 127},
    {"Comma", ','},
    {"Hash", '#'},
    {"Semicolon", ';'},
    {"Backslash", '\\'},
    {"Up", KEYNAME_UP},
    {"Down", KEYNAME_DOWN},
    {"Left", KEYNAME_LEFT},
    {"Right", KEYNAME_RIGHT},
    {"PgUp", KEYNAME_PGUP},
    {"PgDn", KEYNAME_PGDN},
    {"Home", KEYNAME_HOME},
    {"End", KEYNAME_END},
    {"Insert", KEYNAME_INSERT},
    {"Delete", KEYNAME_DELETE},
    {"BackTab", KEYNAME_BACKTAB},
    /* aliases */
    {"Return", '\n'},
    {"Escape", 27},
    {"BS", 127},
    {"PageUp", KEYNAME_PGUP},
    {"PageDown", KEYNAME_PGDN},
    {"Ins", KEYNAME_INSERT},
    {"Del", KEYNAME_DELETE},
    {"S-Tab", KEYNAME_BACKTAB},
    {"Shift-Tab", KEYNAME_BACKTAB},
};

/* "^x", "C-x", "Ctrl-x" -> control code; -1 when not that form. */
static int parse_ctrl(const char *s, size_t len)
{
    const char *c = NULL;
    if (len == 2 && s[0] == '^')
        c = s + 1;
    else if (len == 3 && !strncasecmp(s, "C-", 2))
        c = s + 2;
    else if (len == 6 && !strncasecmp(s, "Ctrl-", 5))
        c = s + 5;
    if (!c)
        return -1;
    if (*c == '?')
        return 127;
    int up = (*c >= 'a' && *c <= 'z') ? *c - 32 : *c;
    if (up < 'A' || up > '_')
        return -1; /* ^@ would be 0, "no key" */
    int code = up & 0x1f;
    return code == '\r' ? '\n' : code;
}

static int parse_fkey(const char *s, size_t len)
{
    if (len < 2 || len > 3 || (s[0] != 'F' && s[0] != 'f'))
        return -1;
    int n = 0;
    for (size_t i = 1; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        n = n * 10 + (s[i] - '0');
    }
    if (n < 1 || n > KEYNAME_FMAX || (len == 3 && s[1] == '0'))
        return -1;
    return KEYNAME_F(n);
}

/* Parses the len bytes at s (no surrounding spaces). */
static int parse_trimmed(const char *s, size_t len)
{
    if (len == 1)
        return (s[0] > ' ' && s[0] < 127) ? s[0] : -1;
    int code = parse_ctrl(s, len);
    if (code < 0)
        code = parse_fkey(s, len);
    for (size_t i = 0; code < 0 && i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == len && !strncasecmp(names[i].name, s, len))
            code = names[i].code;
    return code;
}

static void trim(const char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t'))
        (*s)++, (*len)--;
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

int keyname_parse(const char *name, int *code)
{
    size_t len = strlen(name);
    trim(&name, &len);
    int c = len ? parse_trimmed(name, len) : -1;
    if (c <= 0)
        return -1;
    *code = c;
    return 0;
}

int keyname_parse_list(const char *list, int *codes, int max, int *n, char *bad, size_t badsz)
{
    *n = 0;
    const char *p = list;
    size_t blank = strspn(p, " \t");
    if (!p[blank])
        return 0;
    for (;;) {
        size_t len = strcspn(p, ",");
        const char *s = p;
        size_t tl = len;
        trim(&s, &tl);
        int c = tl ? parse_trimmed(s, tl) : -1;
        if (c <= 0 || *n >= max) {
            snprintf(bad, badsz, "%.*s", (int)tl, s);
            return -1;
        }
        codes[(*n)++] = c;
        if (!p[len])
            return 0;
        p += len + 1;
    }
}

void keyname_format(int code, char *out, size_t outsz)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].code == code) {
            snprintf(out, outsz, "%s", names[i].name);
            return;
        }
    if (code > ' ' && code < 127)
        snprintf(out, outsz, "%c", code);
    else if (code > 0 && code < ' ')
        snprintf(out, outsz, "^%c", code + '@');
    else if (code > KEYNAME_F0 && code <= KEYNAME_F(KEYNAME_FMAX))
        snprintf(out, outsz, "F%d", code - KEYNAME_F0);
    else
        snprintf(out, outsz, "?");
}
