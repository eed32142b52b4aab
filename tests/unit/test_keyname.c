/* test_keyname.c - key names, colour specs, the date format and the INI
 * line index behind the configuration. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "config/config.h"
#include "config/ini.h"
#include "config/keyname.h"

static int parse(const char *name)
{
    int code = 0;
    return keyname_parse(name, &code) ? -1 : code;
}

static void key_names_parse(void **state)
{
    (void)state;
    assert_int_equal(parse("j"), 'j');
    assert_int_equal(parse("J"), 'J');
    assert_int_equal(parse(" / "), '/');
    assert_int_equal(parse("^R"), 18);
    assert_int_equal(parse("^r"), 18);
    assert_int_equal(parse("C-r"), 18);
    assert_int_equal(parse("Ctrl-R"), 18);
    assert_int_equal(parse("Enter"), '\n');
    assert_int_equal(parse("return"), '\n');
    assert_int_equal(parse("^M"), '\n');
    assert_int_equal(parse("^J"), '\n');
    assert_int_equal(parse("Space"), ' ');
    assert_int_equal(parse("Tab"), '\t');
    assert_int_equal(parse("ESC"), 27);
    assert_int_equal(parse("^["), 27);
    assert_int_equal(parse("^?"), 127);
    assert_int_equal(parse("Up"), KEYNAME_UP);
    assert_int_equal(parse("PgDn"), KEYNAME_PGDN);
    assert_int_equal(parse("pageup"), KEYNAME_PGUP);
    assert_int_equal(parse("S-Tab"), KEYNAME_BACKTAB);
    assert_int_equal(parse("F1"), KEYNAME_F(1));
    assert_int_equal(parse("F12"), KEYNAME_F(12));
    assert_int_equal(parse("Comma"), ',');
    assert_int_equal(parse("Hash"), '#');
    /* not keys */
    static const char *const bad[] = {"",   " ",  "F0",    "F25",          "F01",  "^@",
                                      "^1", "jj", "Hyper", "\xE5\x8A\x9E", "\x01", "Ctrl-"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (parse(bad[i]) != -1)
            fail_msg("'%s' should not be a key", bad[i]);
}

static void every_key_formats_and_parses_back(void **state)
{
    (void)state;
    char name[32];
    int codes[] = {KEYNAME_UP,      KEYNAME_DOWN, KEYNAME_LEFT, KEYNAME_RIGHT,  KEYNAME_PGUP,
                   KEYNAME_PGDN,    KEYNAME_HOME, KEYNAME_END,  KEYNAME_INSERT, KEYNAME_DELETE,
                   KEYNAME_BACKTAB, KEYNAME_F(1), KEYNAME_F(24)};
    for (int c = 1; c < 128; c++) {
        if (c == '\r')
            continue; /* ^M is Enter */
        keyname_format(c, name, sizeof name);
        assert_int_equal(parse(name), c);
    }
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        keyname_format(codes[i], name, sizeof name);
        assert_int_equal(parse(name), codes[i]);
    }
    keyname_format('\n', name, sizeof name);
    assert_string_equal(name, "Enter");
    keyname_format(18, name, sizeof name);
    assert_string_equal(name, "^R");
    keyname_format(0, name, sizeof name);
    assert_string_equal(name, "?");
}

static void key_lists(void **state)
{
    (void)state;
    int codes[4], n;
    char bad[16];
    assert_int_equal(keyname_parse_list("j, Down,^N", codes, 4, &n, bad, sizeof bad), 0);
    assert_int_equal(n, 3);
    assert_int_equal(codes[2], 14);
    assert_int_equal(keyname_parse_list("  ", codes, 4, &n, bad, sizeof bad), 0);
    assert_int_equal(n, 0);
    assert_int_equal(keyname_parse_list("j,,k", codes, 4, &n, bad, sizeof bad), -1);
    assert_int_equal(keyname_parse_list("j, Hyper", codes, 4, &n, bad, sizeof bad), -1);
    assert_string_equal(bad, "Hyper");
    assert_int_equal(keyname_parse_list("a,b,c,d,e", codes, 4, &n, bad, sizeof bad), -1);
}

static void colour_specs(void **state)
{
    (void)state;
    config_color c;
    char bad[32], out[64];
    assert_int_equal(config_color_parse("bold white on blue", &c, bad, sizeof bad), 0);
    assert_int_equal(c.fg, 7);
    assert_int_equal(c.bg, 4);
    assert_int_equal(c.attr, CONFIG_ATTR_BOLD);
    assert_int_equal(config_color_parse("bright-red", &c, bad, sizeof bad), 0);
    assert_int_equal(c.fg, 9);
    assert_int_equal(config_color_parse("Color208 on color0", &c, bad, sizeof bad), 0);
    assert_int_equal(c.fg, 208);
    assert_int_equal(c.bg, 0);
    assert_int_equal(config_color_parse("reverse", &c, bad, sizeof bad), 0);
    assert_int_equal(c.fg, CONFIG_COLOR_DEFAULT);
    static const char *const invalid[] = {"purple", "color256", "red blue", "on",         "red on",
                                          "",       "bright-",  "color",    "red on bold"};
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
        if (!config_color_parse(invalid[i], &c, bad, sizeof bad))
            fail_msg("'%s' should not be a colour", invalid[i]);
    assert_int_equal(config_color_parse("bold purple", &c, bad, sizeof bad), -1);
    assert_string_equal(bad, "purple");
    static const char *const canon[] = {"bold white on blue", "default", "reverse", "on blue",
                                        "bold underline reverse color99 on bright-cyan"};
    for (size_t i = 0; i < sizeof canon / sizeof canon[0]; i++) {
        assert_int_equal(config_color_parse(canon[i], &c, bad, sizeof bad), 0);
        config_color_format(&c, out, sizeof out);
        assert_string_equal(out, canon[i]);
    }
}

static void colours_fit_the_terminal(void **state)
{
    (void)state;
    config_color c = {9, 200, 0}, r;
    r = config_color_fit(&c, 8);
    assert_int_equal(r.fg, 1);
    assert_int_equal(r.bg, CONFIG_COLOR_DEFAULT);
    assert_int_equal(r.attr, CONFIG_ATTR_BOLD);
    r = config_color_fit(&c, 256);
    assert_int_equal(r.fg, 9);
    assert_int_equal(r.bg, 200);
    r = config_color_fit(&c, 0);
    assert_int_equal(r.fg, CONFIG_COLOR_DEFAULT);
}

static void themes_differ(void **state)
{
    (void)state;
    config_color a[CONFIG_EL_COUNT], b[CONFIG_EL_COUNT];
    config_theme_colors(THEME_DEFAULT, a);
    config_theme_colors(THEME_MONOCHROME, b);
    assert_memory_not_equal(a, b, sizeof a);
    for (int i = 0; i < CONFIG_EL_COUNT; i++) {
        assert_int_equal(b[i].fg, CONFIG_COLOR_DEFAULT); /* monochrome has no colour */
        assert_int_equal(b[i].bg, CONFIG_COLOR_DEFAULT);
        assert_non_null(config_element_name((enum config_element)i));
    }
    assert_string_equal(config_theme_name(THEME_HIGH_CONTRAST), "high-contrast");
}

static void dates_in_the_configured_format(void **state)
{
    (void)state;
    duban_config cfg;
    memset(&cfg, 0, sizeof cfg);
    char out[64], bad[3];
    snprintf(cfg.date_format, sizeof cfg.date_format, "%%m月%%d日");
    assert_int_equal(config_format_date(&cfg, "2021-10-01", out, sizeof out), DUBAN_OK);
    assert_string_equal(out, "10月01日");
    snprintf(cfg.date_format, sizeof cfg.date_format, "%%-m月%%-d日 (%%y) %%e 100%%%%");
    config_format_date(&cfg, "2021-03-05", out, sizeof out);
    assert_string_equal(out, "3月5日 (21)  5 100%");
    assert_int_equal(config_format_date(NULL, "2021-12-31", out, sizeof out), DUBAN_OK);
    assert_string_equal(out, "2021-12-31");
    assert_int_equal(config_format_date(&cfg, "2021-13-01", out, sizeof out), DUBAN_EINVAL);
    assert_string_equal(out, "2021-13-01");
    assert_int_equal(config_format_date(&cfg, "", out, sizeof out), DUBAN_EINVAL);
    /* never cut inside a character */
    snprintf(cfg.date_format, sizeof cfg.date_format, "%%Y年%%m月");
    config_format_date(&cfg, "2021-10-01", out, 8);
    assert_string_equal(out, "2021年");
    assert_true(config_date_format_valid("%Y-%m-%d %-m %-d %e %%", bad));
    assert_false(config_date_format_valid("%H:%M", bad));
    assert_string_equal(bad, "%H");
    assert_false(config_date_format_valid("%-y", bad));
    assert_false(config_date_format_valid("50%", bad));
}

static void ini_index_lines_and_values(void **state)
{
    (void)state;
    static const char text[] = "; top\nstray = 1\n[General]\n  Key = \"a b\" ; c\n\n"
                               "[x]\nk = 1\n[general]\nkey = late\nempty =\nlong = one \\\n two\n"
                               "after = 3\n";
    ini_doc doc;
    duban_error err = {0};
    assert_int_equal(ini_scan("t.ini", text, strlen(text), &doc, &err), DUBAN_OK);
    assert_int_equal(doc.nsec, 3);
    assert_string_equal(doc.sec[1].name, "general");
    assert_int_equal(doc.sec[1].line, 3);
    const ini_entry *e = ini_find(&doc, "general", "key");
    assert_non_null(e);
    assert_string_equal(e->value, "late"); /* the last assignment counts */
    assert_int_equal(e->line, 9);
    assert_string_equal(ini_find(&doc, "", "stray")->value, "1");
    assert_string_equal(ini_find(&doc, "general", "empty")->value, "");
    assert_string_equal(ini_find(&doc, "general", "long")->value, "one  two");
    assert_int_equal(ini_find(&doc, "general", "long")->line, 11);
    assert_int_equal(ini_find(&doc, "general", "after")->line, 13);
    assert_null(ini_find(&doc, "general", "k"));
    ini_doc_free(&doc);
}

static void ini_syntax_errors_name_the_line(void **state)
{
    (void)state;
    ini_doc doc;
    duban_error err = {0};
    static const char *const bad[] = {"[a]\nno equals here\n", "[a]\n= value\n", "[]\n",
                                      "[a]\n[b\n"};
    static const char *const where[] = {"f.ini:2: ", "f.ini:2: ", "f.ini:1: ", "f.ini:2: "};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(ini_scan("f.ini", bad[i], strlen(bad[i]), &doc, &err), DUBAN_ECONFIG);
        if (strncmp(err.msg, where[i], strlen(where[i])))
            fail_msg("'%s': %s", bad[i], err.msg);
    }
    char longline[1200];
    memset(longline, 'x', sizeof longline);
    memcpy(longline, "[a]\nk = ", 8);
    longline[sizeof longline - 1] = '\0';
    assert_int_equal(ini_scan("f.ini", longline, strlen(longline), &doc, &err), DUBAN_ECONFIG);
    assert_non_null(strstr(err.msg, "f.ini:2: line longer"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(key_names_parse),
        cmocka_unit_test(every_key_formats_and_parses_back),
        cmocka_unit_test(key_lists),
        cmocka_unit_test(colour_specs),
        cmocka_unit_test(colours_fit_the_terminal),
        cmocka_unit_test(themes_differ),
        cmocka_unit_test(dates_in_the_configured_format),
        cmocka_unit_test(ini_index_lines_and_values),
        cmocka_unit_test(ini_syntax_errors_name_the_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
