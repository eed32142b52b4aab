/* Dates: strict parsing, day arithmetic, and local display of timestamps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "plan/date.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static void parse_is_strict(void **state)
{
    (void)state;
    long d;
    duban_error err;
    assert_int_equal(date_parse("2021-10-01", &d, &err), DUBAN_OK);
    assert_int_equal(d, date_from_ymd(2021, 10, 1));
    assert_int_equal(date_parse("2021-13-45", &d, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "month must be 01-12"));
    assert_int_equal(date_parse("2021-02-29", &d, &err), DUBAN_EINVAL);
    assert_non_null(strstr(err.msg, "has 28 days"));
    assert_int_equal(date_parse("2024-02-29", &d, &err), DUBAN_OK);
    assert_int_equal(date_parse("2021-1-01", &d, &err), DUBAN_EINVAL);
    assert_int_equal(date_parse("2021-10-01x", &d, &err), DUBAN_EINVAL);
    assert_int_equal(date_parse("20a1-10-01", &d, &err), DUBAN_EINVAL);
    assert_int_equal(date_parse("", &d, &err), DUBAN_EINVAL);
    assert_int_equal(date_parse("1899-12-31", &d, &err), DUBAN_EINVAL);
}

static void days_round_trip(void **state)
{
    (void)state;
    assert_int_equal(date_from_ymd(1970, 1, 1), 0);
    for (long day = date_from_ymd(1999, 12, 25); day < date_from_ymd(2031, 1, 5); day += 3) {
        int y, m, d;
        date_to_ymd(day, &y, &m, &d);
        assert_true(date_valid_ymd(y, m, d));
        assert_int_equal(date_from_ymd(y, m, d), day);
    }
    char out[DATE_LEN];
    date_format(date_end_of_month(2021, 2), out);
    assert_string_equal(out, "2021-02-28");
    date_format(date_end_of_month(2020, 2), out);
    assert_string_equal(out, "2020-02-29");
    date_format(date_from_ymd(2021, 9, 30) + 1, out);
    assert_string_equal(out, "2021-10-01");
}

/* Core's today is the clock's: DUBAN_TODAY is the executable's business
 * (tests/cli/overdue.sh checks it end to end). */
static void today_is_the_clocks_not_the_environments(void **state)
{
    (void)state;
    long d;
    duban_error err;
    setenv("DUBAN_TODAY", "2001-01-01", 1);
    assert_int_equal(date_local_today(&d, &err), DUBAN_OK);
    assert_true(d > date_from_ymd(2021, 1, 1));
    setenv("DUBAN_TODAY", "2021-13-45", 1);
    assert_int_equal(date_local_today(&d, &err), DUBAN_OK);
    unsetenv("DUBAN_TODAY");
}

static void timestamps_show_in_local_time(void **state)
{
    (void)state;
    char out[TIMESTAMP_LEN];
    setenv("TZ", "CST-8", 1); /* China Standard Time, no tzdata needed */
    tzset();
    date_local_time("2021-10-01T09:00:00Z", out);
    assert_string_equal(out, "2021-10-01 17:00");
    date_local_time("2021-12-31T20:30:00Z", out);
    assert_string_equal(out, "2022-01-01 04:30");
    setenv("TZ", "UTC0", 1);
    tzset();
    date_local_time("2021-10-01T09:00:00Z", out);
    assert_string_equal(out, "2021-10-01 09:00");
    date_local_time("not a time", out);
    assert_string_equal(out, "not a time");
    date_local_time("2021-13-01T09:00:00Z", out);
    assert_string_equal(out, "2021-13-01T09:00"); /* copied, cut to fit */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_is_strict),
        cmocka_unit_test(days_round_trip),
        cmocka_unit_test(today_is_the_clocks_not_the_environments),
        cmocka_unit_test(timestamps_show_in_local_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
