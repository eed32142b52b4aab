#include "plan/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int date_valid_ymd(int y, int m, int d)
{
    return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
long date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_to_ymd(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
    int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (mm <= 2));
    *m = mm;
    *d = dd;
}

void date_format(long day, char out[DATE_LEN])
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    /* Day numbers here come from valid dates, so the fields fit. */
    y = y < 0 ? 0 : y % 10000;
    m = m < 1 ? 1 : m % 100;
    d = d < 1 ? 1 : d % 100;
    snprintf(out, DATE_LEN, "%04d-%02d-%02d", y, m, d);
}

long date_end_of_month(int y, int m)
{
    return date_from_ymd(y, m, date_days_in_month(y, m));
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int date_parse(const char *s, long *day, duban_error *err)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return duban_fail(err, DUBAN_EINVAL, "invalid date '%s': expected YYYY-MM-DD", s ? s : "");
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return duban_fail(err, DUBAN_EINVAL, "invalid date '%s': expected YYYY-MM-DD", s);
    if (y < 1900)
        return duban_fail(err, DUBAN_EINVAL, "invalid date '%s': year must be 1900-9999", s);
    if (m < 1 || m > 12)
        return duban_fail(err, DUBAN_EINVAL, "invalid date '%s': month must be 01-12", s);
    if (d < 1 || d > date_days_in_month(y, m))
        return duban_fail(err, DUBAN_EINVAL, "invalid date '%s': %04d-%02d has %d days", s, y, m,
                          date_days_in_month(y, m));
    if (day)
        *day = date_from_ymd(y, m, d);
    return DUBAN_OK;
}

int date_local_today(long *day, duban_error *err)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return duban_fail(err, DUBAN_EIO, "cannot read the local date");
    *day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return DUBAN_OK;
}

void date_local_time(const char *iso, char out[TIMESTAMP_LEN])
{
    int y, mo, d, h, mi, sec;
    char z;
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec, &z) != 7 ||
        z != 'Z' || !date_valid_ymd(y, mo, d) || h > 23 || mi > 59 || sec > 60) {
        snprintf(out, TIMESTAMP_LEN, "%s", iso ? iso : "");
        return;
    }
    time_t t = (time_t)date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    struct tm tm;
    if (!localtime_r(&t, &tm)) {
        snprintf(out, TIMESTAMP_LEN, "%s", iso);
        return;
    }
    if (!strftime(out, TIMESTAMP_LEN, "%Y-%m-%d %H:%M", &tm))
        snprintf(out, TIMESTAMP_LEN, "%s", iso);
}
