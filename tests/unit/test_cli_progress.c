/* test_cli_progress.c - the command line's progress line
 * (tui/cli/cli_progress.c): when a line shows, and that a command's next
 * step continues the work before it rather than waiting again (duban
 * history: core reads, then the command formats).  No assertion needs a
 * sleep to be short: each waits longer than the rule it checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cli/cli_progress.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct shown {
    int lines, cleared;
    char last[256];
} shown;

static void record(void *arg, const char *line)
{
    shown *s = arg;
    if (line) {
        s->lines++;
        snprintf(s->last, sizeof s->last, "%s", line);
    } else {
        s->cleared++;
    }
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) && errno == EINTR)
        ;
}

/* A progress line with after_ms 200 whose lines are recorded, and its
 * first work begun: "读取 reading" told. */
typedef struct progress_fx {
    cli_progress cp;
    shown s;
    const progress_sink *p;
} progress_fx;

static void begin_reading(progress_fx *f)
{
    memset(f, 0, sizeof *f);
    cli_progress_to(&f->cp, 200, record, &f->s);
    f->p = cli_progress_get(&f->cp);
    progress_tell(f->p, "读取 reading", 0, 0);
}

static void a_line_waits_for_after_ms(void **state)
{
    (void)state;
    progress_fx f;
    begin_reading(&f);
    assert_int_equal(f.s.lines, 0);
    sleep_ms(250);
    progress_tell(f.p, "读取 reading", 0, 0);
    assert_int_equal(f.s.lines, 1);
    assert_string_equal(f.s.last, "读取 reading… 0 秒");
    progress_tell(f.p, NULL, 0, 0);
    assert_int_equal(f.s.cleared, 1);
}

/* The next step told at once after the end of one that ran past after_ms
 * shows at once, its time counted from the first step's start. */
static void a_step_that_follows_at_once_continues_the_work(void **state)
{
    (void)state;
    progress_fx f;
    begin_reading(&f);
    sleep_ms(250);
    progress_tell(f.p, NULL, 0, 0); /* nothing was shown: nothing to clear */
    assert_int_equal(f.s.cleared, 0);
    progress_tell(f.p, "整理 formatting", 0, 10);
    assert_int_equal(f.s.lines, 1);
    assert_string_equal(f.s.last, "整理 formatting 0/10 (0%) 0 秒");
    progress_tell(f.p, NULL, 0, 0);
    assert_int_equal(f.s.cleared, 1);
}

/* A work that starts well after the one before ended waits after_ms of
 * its own. */
static void a_later_work_waits_again(void **state)
{
    (void)state;
    progress_fx f;
    begin_reading(&f);
    sleep_ms(250);
    progress_tell(f.p, "读取 reading", 1, 2);
    assert_int_equal(f.s.lines, 1);
    progress_tell(f.p, NULL, 0, 0);
    sleep_ms(150);
    progress_tell(f.p, "整理 formatting", 0, 10);
    assert_int_equal(f.s.lines, 1);
}

/* after_ms -1: never a line, and nothing to hand on. */
static void never_when_after_is_negative(void **state)
{
    (void)state;
    cli_progress cp;
    shown s = {0};
    cli_progress_to(&cp, -1, record, &s);
    assert_null(cli_progress_get(&cp));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_line_waits_for_after_ms),
        cmocka_unit_test(a_step_that_follows_at_once_continues_the_work),
        cmocka_unit_test(a_later_work_waits_again),
        cmocka_unit_test(never_when_after_is_negative),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
