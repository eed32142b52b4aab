# The built-in sample plan alone, without --today or DUBAN_TODAY, is shown
# as of 2021-10-25 (CLI_SAMPLE_TODAY, inside its period), and the commands
# whose output depends on the day say so; any given day, or a database
# with another plan, uses that day or the real one.
. "$(dirname "$0")/lib.sh"
unset DUBAN_TODAY
note="sample plan as of 2021-10-25"

run --db "$DB" overdue --format csv
expect_rc 0 "overdue on the sample"
[ "$(tail -n +2 <<<"$out" | cut -d, -f1-3)" = "5.1,2021-09-30,25" ] && pass \
  || fail "on 2021-10-25 only 5.1 is overdue, by 25 days: $out"
expect_err "$note" "overdue says which day it is"
# the first run's lines fit in 80 columns with a usual default database
long=$(sed "s|$DB|/home/alice/.local/share/duban/duban.db|" <<<"$errout" | awk 'length($0) > 79')
[ -z "$long" ] && pass || fail "first-run messages too long for 80 columns: $long"
run --db "$DB" report
expect_out "截至 2021-10-25" "report as of the sample day"
[ "$(grep -c "$note" <<<"$errout")" -eq 1 ] && pass || fail "the note is one line: $errout"
run --db "$DB" list
[ -z "$errout" ] && pass || fail "list does not depend on the day, says: $errout"
run --db "$DB" show 10.2
expect_out "(~)" "10.2, due 2021-10-31, is yellow on the sample day"

run --db "$DB" --today 2021-12-01 report
expect_out "截至 2021-12-01" "--today wins"
expect_no_out "2021-10-25" "--today: no sample day"
[ -z "$errout" ] && pass || fail "--today: no note, got: $errout"
DUBAN_TODAY=2021-11-05 run --db "$DB" report
expect_out "截至 2021-11-05" "DUBAN_TODAY wins"
[ -z "$errout" ] && pass || fail "DUBAN_TODAY: no note, got: $errout"

# A plan of one's own: the real date, also for the sample plan beside it.
today=$(date +%F)
"$DUBAN" --db "$DB" import "$DUBAN_SRC/tests/data/plan-headings.txt" >/dev/null 2>&1
run --db "$DB" --plan 1 report
expect_out "截至 $today" "with two plans, today is today ($today)"
[ -z "$errout" ] && pass || fail "with two plans: no note, got: $errout"

# Another database holding another plan only.
run --db "$T/other.db" import "$DUBAN_SRC/tests/data/plan-headings.txt"
run --db "$T/other.db" report
expect_out "截至 $today" "an imported plan alone: today"
finish
