/* date.h - calendar dates as ISO strings and day numbers.
 *
 * Dates are proleptic Gregorian; a day number counts days since 1970-01-01.
 * Strings are "YYYY-MM-DD" (11 bytes with NUL).  Pure functions, no state.
 */
#ifndef DUBAN_DATE_H
#define DUBAN_DATE_H

#include "base/error.h"

#define DATE_LEN 11

/* Parses "YYYY-MM-DD" strictly (real month and day, years 1900..9999).
 * Returns DUBAN_OK and the day number, or DUBAN_EINVAL with a message
 * like "invalid date '2021-13-45': month must be 01-12". */
int date_parse(const char *s, long *day, duban_error *err);
int date_valid_ymd(int y, int m, int d);
long date_from_ymd(int y, int m, int d);
void date_to_ymd(long day, int *y, int *m, int *d);
void date_format(long day, char out[DATE_LEN]);
int date_days_in_month(int y, int m);
/* Last day of month m of year y as a day number. */
long date_end_of_month(int y, int m);

#define TIMESTAMP_LEN 17 /* "YYYY-MM-DD HH:MM" */

/* A stored timestamp ("YYYY-MM-DDTHH:MM:SSZ", UTC) as people read it: the
 * local date and time to the minute, "2021-10-01 17:00".  Anything that is
 * not such a timestamp is copied (cut to fit). */
void date_local_time(const char *iso_utc, char out[TIMESTAMP_LEN]);

/* Today's local date from the system clock.  Core never reads the
 * environment: the executable applies --today and DUBAN_TODAY itself and
 * passes today down. */
int date_local_today(long *day, duban_error *err);

#endif
