/* test_config.c - loading duban.ini: defaults, merging, warnings, errors
 * naming FILE:LINE and the value, custom status sets, dump round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/keyname.h"
#include "plan/date.h"
#include "plan/light.h"
#include "plan/status.h"
#include "testutil.h"

/* A front end's action table as the tui would pass it. */
static const config_action acts[] = {
    {"move_down", {'j', KEYNAME_DOWN}},
    {"move_up", {'k', KEYNAME_UP}},
    {"toggle", {'\n', ' '}},
    {"search_next", {'n'}},
    {"help", {'?', KEYNAME_F(1)}},
    {"quit", {'q'}},
};
#define NACTS (sizeof acts / sizeof acts[0])

typedef struct config_fixture {
    char *dir;
    char path[1024];
    config_env env; /* what the executable would pass from the environment */
} config_fixture;

static int setup(void **state)
{
    config_fixture *f = calloc(1, sizeof *f);
    f->dir = test_mkdtemp();
    snprintf(f->path, sizeof f->path, "%s/config.ini", f->dir);
    /* the default place is inside dir and empty */
    f->env.xdg_config_home = f->dir;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    config_fixture *f = *state;
    test_rmdir_rf(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* Loads text as the user's file; returns the config or NULL (err set). */
static duban_config *load_text(config_fixture *f, const char *text, duban_error *err)
{
    write_text(f->path, text);
    duban_config *cfg = NULL;
    int rc = config_load(f->path, &f->env, acts, NACTS, &cfg, err);
    assert_int_equal(rc == DUBAN_OK, cfg != NULL);
    return cfg;
}

/* Expects text to fail with a message containing FILE:LINE: and want. */
static void expect_error(config_fixture *f, const char *text, int line, const char *want)
{
    duban_error err = {0};
    duban_config *cfg = load_text(f, text, &err);
    assert_null(cfg);
    assert_int_equal(err.code, DUBAN_ECONFIG);
    char where[1100];
    snprintf(where, sizeof where, "%s:%d: ", f->path, line);
    if (strncmp(err.msg, where, strlen(where)) || !strstr(err.msg, want))
        fail_msg("error '%s' should start with '%s' and contain '%s'", err.msg, where, want);
}

static void defaults_without_a_file(void **state)
{
    config_fixture *f = *state;
    duban_config *cfg = NULL;
    duban_error err = {0};
    assert_int_equal(config_load(NULL, &f->env, acts, NACTS, &cfg, &err), DUBAN_OK);
    char want[1100];
    snprintf(want, sizeof want, "%s/duban/config.ini", f->dir);
    assert_string_equal(cfg->path, want); /* $XDG_CONFIG_HOME/duban/config.ini */
    assert_int_equal(cfg->user_file, 0);
    assert_int_equal(cfg->nwarnings, 0);
    assert_string_equal(cfg->database, "");
    assert_int_equal(cfg->ambiguous_width, 1);
    assert_string_equal(cfg->date_format, "%Y-%m-%d");
    assert_int_equal(cfg->warn_days, 14);
    assert_int_equal(cfg->theme, THEME_DEFAULT);
    assert_int_equal(cfg->spacing, 0);
    assert_int_equal(cfg->bar_width, 10);
    /* the compiled-in [status.*] sections are the five defaults */
    const status_set *d = status_defaults();
    assert_int_equal(cfg->statuses.n, d->n);
    for (size_t i = 0; i < d->n; i++) {
        assert_string_equal(cfg->statuses.v[i].key, d->v[i].key);
        assert_string_equal(cfg->statuses.v[i].name, d->v[i].name);
        assert_string_equal(cfg->statuses.v[i].glyph, d->v[i].glyph);
        assert_string_equal(cfg->statuses.v[i].color, d->v[i].color);
        assert_int_equal(cfg->statuses.v[i].shortcut, d->v[i].shortcut);
        assert_int_equal(cfg->statuses.v[i].done, d->v[i].done);
    }
    assert_int_equal(cfg->nactions, NACTS);
    assert_int_equal(cfg->keys[0].n, 2);
    assert_int_equal(cfg->keys[0].key[1], KEYNAME_DOWN);
    assert_int_equal(config_key_action(cfg, 'q'), 5);
    assert_int_equal(config_key_action(cfg, '\r'), 2); /* Enter either way */
    assert_int_equal(config_key_action(cfg, 'x'), -1);
    config_color hdr;
    char bad[32];
    assert_int_equal(config_color_parse("bold white on blue", &hdr, bad, sizeof bad), 0);
    assert_memory_equal(&cfg->color[CONFIG_EL_HEADER], &hdr, sizeof hdr);
    config_free(cfg);
}

static void missing_file_given_explicitly_is_an_error(void **state)
{
    config_fixture *f = *state;
    duban_config *cfg = NULL;
    duban_error err = {0};
    char path[1100];
    snprintf(path, sizeof path, "%s/nope.ini", f->dir);
    assert_int_equal(config_load(path, &f->env, acts, NACTS, &cfg, &err), DUBAN_ECONFIG);
    assert_null(cfg);
    assert_non_null(strstr(err.msg, path));
}

static void user_file_is_merged_over_defaults(void **state)
{
    config_fixture *f = *state;
    duban_error err = {0};
    duban_config *cfg =
        load_text(f,
                  "# mine\n[general]\nambiguous_width = 2\n"
                  "[theme]\nname = high-contrast\nheader = color123 on bright-black\n"
                  "[keys]\nquit = Q, ^Q\n[presentation]\nspacing = 2\n",
                  &err);
    assert_non_null(cfg);
    assert_int_equal(cfg->user_file, 1);
    assert_int_equal(cfg->ambiguous_width, 2);
    assert_string_equal(cfg->date_format, "%Y-%m-%d"); /* kept */
    assert_int_equal(cfg->warn_days, 14);
    assert_int_equal(cfg->theme, THEME_HIGH_CONTRAST);
    assert_int_equal(cfg->color[CONFIG_EL_HEADER].fg, 123);
    assert_int_equal(cfg->color[CONFIG_EL_HEADER].bg, 8);
    config_color hc[CONFIG_EL_COUNT];
    config_theme_colors(THEME_HIGH_CONTRAST, hc);
    assert_memory_equal(&cfg->color[CONFIG_EL_SELECTION], &hc[CONFIG_EL_SELECTION], sizeof hc[0]);
    assert_int_equal(cfg->keys[5].n, 2);
    assert_int_equal(config_key_action(cfg, 'Q'), 5);
    assert_int_equal(config_key_action(cfg, 17), 5);
    assert_int_equal(config_key_action(cfg, 'q'), -1); /* replaced */
    assert_int_equal(config_key_action(cfg, 'j'), 0);  /* default kept */
    assert_int_equal(cfg->spacing, 2);
    assert_int_equal(cfg->statuses.n, 5);
    config_free(cfg);
}

static void unknown_keys_and_sections_are_warnings_with_lines(void **state)
{
    config_fixture *f = *state;
    duban_error err = {0};
    duban_config *cfg = load_text(
        f, "[general]\nwarn_days = 7\ncolour = red\n\n[fancy]\nx = 1\n[keys]\nfly = z\n", &err);
    assert_non_null(cfg);
    assert_int_equal(cfg->warn_days, 7);
    assert_int_equal(cfg->nwarnings, 3);
    char want[1200];
    snprintf(want, sizeof want, "%s:3: unknown key 'colour' in [general]", f->path);
    assert_string_equal(cfg->warnings[0], want);
    snprintf(want, sizeof want, "%s:5: unknown section [fancy]", f->path);
    assert_string_equal(cfg->warnings[1], want);
    snprintf(want, sizeof want, "%s:8: unknown key 'fly' in [keys]", f->path);
    assert_string_equal(cfg->warnings[2], want);
    config_free(cfg);
}

static void errors_name_file_line_and_value(void **state)
{
    config_fixture *f = *state;
    expect_error(f, "[theme]\n\nheader = purple\n", 3, "'purple'");
    expect_error(f, "[theme]\nname = neon\n", 2, "'neon'");
    expect_error(f, "[keys]\nquit = j\nmove_down = j\n", 3,
                 "key 'j' is bound to both quit and move_down");
    expect_error(f, "[keys]\nquit = n\nsearch_next = q\nmove_up = q\n", 4,
                 "key 'q' is bound to both search_next and move_up");
    expect_error(f, "[keys]\nquit = Hyper-Q\n", 2, "'Hyper-Q'");
    expect_error(f, "[status.todo]\nglyph = o\n[status.doing]\nglyph = >\n", 1,
                 "no status has done = yes");
    expect_error(f, "[general]\nambiguous_width = 3\n", 2, "'3'");
    expect_error(f, "[general]\nwarn_days = soon\n", 2, "'soon'");
    expect_error(f, "[general]\nwarn_days = -1\n", 2, "'-1'");
    expect_error(f, "[general]\ndate_format = %Y/%H\n", 2, "'%H'");
    expect_error(f, "[presentation]\nspacing = 4\n", 2, "'4'");
    expect_error(f, "[general]\n# fine\nthis is not ini\n", 3, "'this is not ini'");
    expect_error(f, "[general\nwarn_days = 1\n", 1, "[general");
    expect_error(f, "[status.a]\nglyph = *\ndone = yes\n[status.b]\nglyph = *\n", 4, "glyph '*'");
    expect_error(f, "[status.a]\nglyph = *\ndone = maybe\n", 3, "'maybe'");
    expect_error(f, "[status.a]\nglyph = *\ndone = yes\ncolour = mauve\n", 4, "'mauve'");
    expect_error(f, "[status.Bad-Key]\nglyph = *\ndone = yes\n", 1, "'bad-key'");
    expect_error(f, "[status.a]\nname = A\ndone = yes\n", 1, "no glyph");
    /* a status shortcut is a key binding too */
    expect_error(f, "[keys]\nquit = q\n[status.a]\nglyph = *\ndone = yes\nkey = q\n", 6,
                 "key 'q' is bound to both quit and status 'a'");
}

static int action_has_key(const duban_config *cfg, const char *action, int key)
{
    for (size_t i = 0; i < cfg->nactions; i++)
        if (!strcmp(cfg->actions[i].name, action))
            for (int k = 0; k < cfg->keys[i].n; k++)
                if (cfg->keys[i].key[k] == key)
                    return 1;
    return 0;
}

/* Binding a key another action has by default takes it from that action
 * (vi and tig do the same); losing every key is worth a warning. */
static void a_user_binding_takes_a_default_key(void **state)
{
    config_fixture *f = *state;
    duban_error err;
    duban_config *cfg = load_text(f, "[keys]\nquit = j\n", &err);
    assert_non_null(cfg);
    assert_true(action_has_key(cfg, "quit", 'j'));
    assert_false(action_has_key(cfg, "move_down", 'j'));
    assert_int_equal(cfg->nwarnings, 0); /* move_down keeps Down */
    config_free(cfg);
    cfg = load_text(f, "[keys]\nmove_down = q\n", &err);
    assert_non_null(cfg);
    assert_true(action_has_key(cfg, "move_down", 'q'));
    assert_false(action_has_key(cfg, "quit", 'q'));
    assert_int_equal(cfg->nwarnings, 1);
    assert_non_null(strstr(cfg->warnings[0], ":2: quit now has no key"));
    config_free(cfg);
    cfg = load_text(f, "[keys]\nmove_down = 1\n", &err); /* a default status key */
    assert_non_null(cfg);
    assert_int_equal(cfg->statuses.v[0].shortcut, 0);
    config_free(cfg);
}

static const char seven[] = "[status.wait]\nname = 待启动\nkey = 1\nglyph = \"[ ]\"\n"
                            "[status.plan]\nname = 已谋划\nkey = 2\nglyph = [~]\ncolour = blue\n"
                            "[status.go]\nname = 推进中\nkey = 3\nglyph = [>]\ncolour = cyan\n"
                            "[status.slow]\nname = 滞后\nkey = 4\nglyph = [!]\ncolour = yellow\n"
                            "[status.stop]\nname = 受阻\nkey = 5\nglyph = \"[#]\"\ncolour = red\n"
                            "[status.done]\nname = 已完成\nkey = 6\nglyph = [x]\n"
                            "colour = bright-green\ndone = yes\n"
                            "[status.closed]\nname = 已销号\nkey = 7\nglyph = [=]\n"
                            "colour = color34\ndone = yes\n";

static void seven_statuses_replace_the_default_set(void **state)
{
    config_fixture *f = *state;
    duban_error err = {0};
    duban_config *cfg = load_text(f, seven, &err);
    assert_non_null(cfg);
    assert_int_equal(cfg->statuses.n, 7);
    static const char *const keys[] = {"wait", "plan", "go", "slow", "stop", "done", "closed"};
    for (size_t i = 0; i < 7; i++) {
        assert_string_equal(cfg->statuses.v[i].key, keys[i]);
        assert_int_equal(cfg->statuses.v[i].shortcut, (int)('1' + i));
        assert_int_equal(cfg->statuses.v[i].done, i >= 5);
    }
    assert_string_equal(cfg->statuses.v[0].glyph, "[ ]");
    assert_string_equal(cfg->statuses.v[4].glyph, "[#]");
    assert_string_equal(cfg->statuses.v[0].color, "default");
    assert_string_equal(cfg->statuses.v[6].color, "color34");
    assert_non_null(status_lookup(&cfg->statuses, "已销号"));
    assert_true(status_is_done(&cfg->statuses, "closed"));
    assert_false(status_is_done(&cfg->statuses, "go"));
    assert_null(status_by_key(&cfg->statuses, "in_progress")); /* the defaults are gone */
    config_free(cfg);
}

/* Field-by-field equality of two configurations (not their file names). */
static void assert_config_equal(const duban_config *a, const duban_config *b)
{
    assert_string_equal(a->database, b->database);
    assert_int_equal(a->ambiguous_width, b->ambiguous_width);
    assert_string_equal(a->date_format, b->date_format);
    assert_int_equal(a->warn_days, b->warn_days);
    assert_int_equal(a->theme, b->theme);
    assert_memory_equal(a->color, b->color, sizeof a->color);
    assert_int_equal(a->statuses.n, b->statuses.n);
    for (size_t i = 0; i < a->statuses.n; i++)
        assert_memory_equal(&a->statuses.v[i], &b->statuses.v[i], sizeof a->statuses.v[i]);
    assert_int_equal(a->nactions, b->nactions);
    for (size_t i = 0; i < a->nactions; i++) {
        assert_int_equal(a->keys[i].n, b->keys[i].n);
        assert_memory_equal(a->keys[i].key, b->keys[i].key, sizeof(int) * (size_t)a->keys[i].n);
    }
    assert_int_equal(a->spacing, b->spacing);
    assert_int_equal(a->bar_width, b->bar_width);
}

/* Dumps cfg, loads the dump as a user file, expects an equal config. */
static void round_trip(config_fixture *f, const duban_config *cfg)
{
    strbuf sb = {0};
    assert_int_equal(config_dump(cfg, &sb), DUBAN_OK);
    char dumped[1100];
    snprintf(dumped, sizeof dumped, "%s/dumped.ini", f->dir);
    write_text(dumped, strbuf_str(&sb));
    duban_config *again = NULL;
    duban_error err = {0};
    if (config_load(dumped, &f->env, acts, NACTS, &again, &err))
        fail_msg("the dump does not load: %s\n%s", err.msg, strbuf_str(&sb));
    assert_int_equal(again->nwarnings, 0);
    assert_config_equal(cfg, again);
    config_free(again);
    strbuf_free(&sb);
}

/* The light's blocked and behind statuses are the set's roles: built-in
 * keys keep theirs, a renamed set names its own. */
static void status_roles_come_from_the_file(void **state)
{
    config_fixture *f = *state;
    duban_error err = {0};
    duban_config *cfg = load_text(f, "", &err);
    assert_non_null(cfg);
    assert_int_equal(status_role_of(&cfg->statuses, "blocked"), STATUS_ROLE_BLOCKED);
    assert_int_equal(status_role_of(&cfg->statuses, "behind"), STATUS_ROLE_BEHIND);
    assert_int_equal(status_role_of(&cfg->statuses, "in_progress"), STATUS_ROLE_NONE);
    config_free(cfg);
    /* the seven-status file has no role keys: slow and stop are plain */
    cfg = load_text(f, seven, &err);
    assert_non_null(cfg);
    for (size_t i = 0; i < cfg->statuses.n; i++)
        assert_int_equal(cfg->statuses.v[i].role, STATUS_ROLE_NONE);
    config_free(cfg);
    cfg = load_text(f,
                    "[status.not_started]\nglyph = a\n"
                    "[status.stuck]\nglyph = b\nrole = blocked\n"
                    "[status.late]\nglyph = c\nrole = behind\n"
                    "[status.blocked]\nglyph = d\nrole = none\n"
                    "[status.behind]\nglyph = e\n"
                    "[status.closed]\nglyph = f\ndone = yes\n",
                    &err);
    assert_non_null(cfg);
    const status_set *s = &cfg->statuses;
    assert_int_equal(status_role_of(s, "stuck"), STATUS_ROLE_BLOCKED);
    assert_int_equal(status_role_of(s, "late"), STATUS_ROLE_BEHIND);
    assert_int_equal(status_role_of(s, "blocked"), STATUS_ROLE_NONE);
    assert_int_equal(status_role_of(s, "behind"), STATUS_ROLE_BEHIND); /* the built-in default */
    long today = date_from_ymd(2021, 10, 1), later = date_from_ymd(2021, 12, 31);
    char due[DATE_LEN];
    date_format(later, due);
    assert_int_equal(light_of(s, NULL, "stuck", due, today), LIGHT_RED);
    assert_int_equal(light_of(s, NULL, "late", due, today), LIGHT_YELLOW);
    assert_int_equal(light_of(s, NULL, "blocked", due, today), LIGHT_GREEN);
    round_trip(f, cfg);
    config_free(cfg);
    expect_error(f, "[status.done]\nglyph = x\ndone = yes\nrole = red\n", 4,
                 "role of status 'done' must be none, behind or blocked, not 'red'");
}

static void dump_reparses_to_the_same_config(void **state)
{
    config_fixture *f = *state;
    duban_config *cfg = NULL;
    duban_error err = {0};
    assert_int_equal(config_load(NULL, &f->env, acts, NACTS, &cfg, &err), DUBAN_OK);
    round_trip(f, cfg);
    config_free(cfg);

    strbuf text = {0};
    strbuf_append(&text, seven);
    strbuf_append(&text, "[general]\ndatabase = plans/main.db\ndate_format = \"%-m月%-d日 ;\"\n"
                         "[theme]\nname = monochrome\nmatch = underline on color200\n"
                         "[keys]\nquit = Hash, Semicolon, Comma, Backslash, =\n"
                         "move_down = Space, ^J\ntoggle = Tab\nhelp =\n"
                         "[presentation]\nbar_width = 0\nspacing = 3\n");
    cfg = load_text(f, strbuf_str(&text), &err);
    assert_non_null(cfg);
    char want[1200];
    snprintf(want, sizeof want, "%s/plans/main.db", f->dir); /* relative to the file */
    assert_string_equal(cfg->database, want);
    assert_int_equal(config_key_action(cfg, '#'), 5);
    assert_int_equal(config_key_action(cfg, '='), 5);
    assert_int_equal(cfg->keys[4].n, 0);
    round_trip(f, cfg);
    config_free(cfg);
    strbuf_free(&text);
}

static void the_round_trip_check_can_fail(void **state)
{
    config_fixture *f = *state;
    duban_error err = {0};
    duban_config *a = load_text(f, "[presentation]\nspacing = 1\n", &err);
    duban_config *b = load_text(f, "[presentation]\nspacing = 2\n", &err);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_not_equal(a->spacing, b->spacing);
    assert_memory_equal(a->color, b->color, sizeof a->color);
    config_free(a);
    config_free(b);
}

/* iniparser (plain file) and duban's own reader (file with a byte-order
 * mark, which iniparser refuses) must read the same values. */
static void byte_order_mark_reads_like_iniparser(void **state)
{
    config_fixture *f = *state;
    static const char body[] =
        "[status.a]\nname = \"  spaced  \" ; comment\nglyph = '[#]'\ncolour = red # c\n"
        "done = yes\nkey = \"\"\n[status.b]\nname = two \\\n   lines\nglyph = \"#\"\n"
        "[general]\ndate_format = %Y年%m月 ; trailing\n";
    duban_error err = {0};
    duban_config *plain = load_text(f, body, &err);
    assert_non_null(plain);
    strbuf bom = {0};
    strbuf_append(&bom, "\xEF\xBB\xBF");
    strbuf_append(&bom, body);
    duban_config *marked = load_text(f, strbuf_str(&bom), &err);
    assert_non_null(marked);
    assert_string_equal(plain->statuses.v[0].name, "  spaced  ");
    assert_string_equal(plain->statuses.v[0].glyph, "[#]");
    assert_string_equal(plain->statuses.v[1].glyph, "#");
    assert_string_equal(plain->date_format, "%Y年%m月");
    assert_config_equal(plain, marked);
    config_free(plain);
    config_free(marked);
    strbuf_free(&bom);
}

static void database_path_expands_home(void **state)
{
    config_fixture *f = *state;
    duban_error err = {0};
    f->env.home = "/home/secretary";
    duban_config *cfg = load_text(f, "[general]\ndatabase = ~/duban/main.db\n", &err);
    assert_non_null(cfg);
    assert_string_equal(cfg->database, "/home/secretary/duban/main.db");
    config_free(cfg);
    f->env.home = NULL; /* no HOME: '~' cannot be expanded */
    assert_null(load_text(f, "[general]\ndatabase = ~/x.db\n", &err));
    assert_non_null(strstr(err.msg, "HOME is not set"));
    f->env.home = "/home/secretary";
    cfg = load_text(f, "[general]\ndatabase = /srv/duban.db\n", &err);
    assert_string_equal(cfg->database, "/srv/duban.db");
    config_free(cfg);
}

/* The default place comes from what the caller passes, not from the
 * environment of the test process. */
static void default_path_from_the_callers_directories(void **state)
{
    (void)state;
    char out[256];
    setenv("XDG_CONFIG_HOME", "/from/the/environment", 1);
    assert_int_equal(config_default_path("/xdg", "/home/a", out, sizeof out), DUBAN_OK);
    assert_string_equal(out, "/xdg/duban/config.ini");
    assert_int_equal(config_default_path("relative", "/home/a", out, sizeof out), DUBAN_OK);
    assert_string_equal(out, "/home/a/.config/duban/config.ini");
    assert_int_equal(config_default_path(NULL, "/home/a", out, sizeof out), DUBAN_OK);
    assert_string_equal(out, "/home/a/.config/duban/config.ini");
    assert_int_equal(config_default_path(NULL, "", out, sizeof out), DUBAN_ENOTFOUND);
    assert_int_equal(config_default_path("/xdg", NULL, out, 8), DUBAN_ENOTFOUND);
    unsetenv("XDG_CONFIG_HOME");
}

/* Every directive of date_format, a bad date kept as it is, and a cut at
 * the out buffer's end on a character boundary. */
static void dates_in_every_format(void **state)
{
    (void)state;
    static const struct {
        const char *fmt, *iso, *want;
    } cases[] = {
        {"%Y-%m-%d", "2021-07-05", "2021-07-05"},
        {"%y/%-m/%-d", "2021-07-05", "21/7/5"},
        {"%-m月%-d日", "2021-12-31", "12月31日"},
        {"%Y年%m月%d日", "2021-10-01", "2021年10月01日"},
        {"[%e]", "2021-10-01", "[ 1]"},
        {"[%e]", "2021-10-21", "[21]"},
        {"100%% %d", "2021-10-09", "100% 09"},
        {"%Y-%m-%d", "2021-13-45", "2021-13-45"},
        {"%Y-%m-%d", "", ""},
    };
    duban_config *cfg = calloc(1, sizeof *cfg); /* only date_format is read */
    assert_non_null(cfg);
    char out[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(cfg->date_format, sizeof cfg->date_format, "%s", cases[i].fmt);
        config_format_date(cfg, cases[i].iso, out, sizeof out);
        assert_string_equal(out, cases[i].want);
    }
    snprintf(cfg->date_format, sizeof cfg->date_format, "%s", "%Y年%m月%d日");
    char small[12]; /* "2021年10" and a half 月 would not fit: cut before it */
    config_format_date(cfg, "2021-10-01", small, sizeof small);
    assert_string_equal(small, "2021年10");
    free(cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_path_from_the_callers_directories),
        cmocka_unit_test(dates_in_every_format),
        cmocka_unit_test_setup_teardown(defaults_without_a_file, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_file_given_explicitly_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(user_file_is_merged_over_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(unknown_keys_and_sections_are_warnings_with_lines, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_user_binding_takes_a_default_key, setup, teardown),
        cmocka_unit_test_setup_teardown(errors_name_file_line_and_value, setup, teardown),
        cmocka_unit_test_setup_teardown(seven_statuses_replace_the_default_set, setup, teardown),
        cmocka_unit_test_setup_teardown(status_roles_come_from_the_file, setup, teardown),
        cmocka_unit_test_setup_teardown(dump_reparses_to_the_same_config, setup, teardown),
        cmocka_unit_test_setup_teardown(the_round_trip_check_can_fail, setup, teardown),
        cmocka_unit_test_setup_teardown(byte_order_mark_reads_like_iniparser, setup, teardown),
        cmocka_unit_test_setup_teardown(database_path_expands_home, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
