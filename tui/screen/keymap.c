/* keymap.c - keyname codes <-> ncurses keys, and the action list for the
 * configuration (see keymap.h). */
#include "screen/keymap.h"

#include "config/keyname.h"

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>

#include <stdio.h>
#include <string.h>

#ifndef CTRL
#define CTRL(c) ((c)&0x1f)
#endif

/* actions.def with curses default keys, in enum order (from ACT_NONE + 1). */
static const struct {
    const char *name;
    int key[2];
} defs[] = {
#define ACTION(name, key1, key2, help) {#name, {key1, key2}},
#include "screen/actions.def"
#undef ACTION
};

#define NDEFS (sizeof defs / sizeof defs[0])

static const struct {
    int code, curses;
} special[] = {
    {KEYNAME_UP, KEY_UP},       {KEYNAME_DOWN, KEY_DOWN},    {KEYNAME_LEFT, KEY_LEFT},
    {KEYNAME_RIGHT, KEY_RIGHT}, {KEYNAME_PGUP, KEY_PPAGE},   {KEYNAME_PGDN, KEY_NPAGE},
    {KEYNAME_HOME, KEY_HOME},   {KEYNAME_END, KEY_END},      {KEYNAME_INSERT, KEY_IC},
    {KEYNAME_DELETE, KEY_DC},   {KEYNAME_BACKTAB, KEY_BTAB},
};

int keymap_from_curses(int is_fn, int key)
{
    if (!is_fn)
        return key == '\r' ? '\n' : (key > 0 && key < 128 ? key : 0);
    if (key == KEY_ENTER)
        return '\n';
    if (key == KEY_BACKSPACE)
        return 127;
    if (key > KEY_F0 && key <= KEY_F(KEYNAME_FMAX))
        return KEYNAME_F(key - KEY_F0);
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        if (special[i].curses == key)
            return special[i].code;
    return 0;
}

/* actions.def writes keys as curses codes or characters. */
static int default_code(int key)
{
    return key >= KEY_MIN ? keymap_from_curses(1, key) : keymap_from_curses(0, key);
}

const config_action *keymap_actions(size_t *n)
{
    static config_action table[NDEFS];
    for (size_t i = 0; i < NDEFS; i++) {
        memset(&table[i], 0, sizeof table[i]);
        table[i].name = defs[i].name;
        int k = 0;
        for (int j = 0; j < 2; j++)
            if (defs[i].key[j] && default_code(defs[i].key[j]))
                table[i].keys[k++] = default_code(defs[i].key[j]);
    }
    *n = NDEFS;
    return table;
}

int keymap_action(const duban_config *cfg, int is_fn, int key)
{
    int code = keymap_from_curses(is_fn, key);
    if (!code)
        return 0;
    if (cfg)
        return config_key_action(cfg, code) + 1;
    for (size_t i = 0; i < NDEFS; i++)
        for (int j = 0; j < 2; j++)
            if (defs[i].key[j] && default_code(defs[i].key[j]) == code)
                return (int)i + 1;
    return 0;
}

void keymap_describe(const duban_config *cfg, int act, char *out, size_t outsz)
{
    out[0] = '\0';
    if (act < 1 || (size_t)act > NDEFS)
        return;
    int keys[CONFIG_KEYS_MAX], n = 0;
    if (cfg && (size_t)act <= cfg->nactions) {
        for (n = 0; n < cfg->keys[act - 1].n; n++)
            keys[n] = cfg->keys[act - 1].key[n];
    } else {
        for (int j = 0; j < 2; j++)
            if (defs[act - 1].key[j])
                keys[n++] = default_code(defs[act - 1].key[j]);
    }
    for (int i = 0; i < n; i++) {
        char name[16];
        keyname_format(keys[i], name, sizeof name);
        size_t len = strlen(out);
        snprintf(out + len, outsz - len, "%s%s", i ? ", " : "", name);
    }
}
