# Where the database lives, and databases duban must not touch.
. "$(dirname "$0")/lib.sh"

run list
expect_rc 0 "default database"
[ -f "$XDG_DATA_HOME/duban/duban.db" ] && pass || fail "created under XDG_DATA_HOME"
expect_err "$XDG_DATA_HOME/duban/duban.db" "says where"
run list
[ -z "$errout" ] && pass || fail "second run is quiet: $errout"
(unset XDG_DATA_HOME; run list; [ -f "$HOME/.local/share/duban/duban.db" ]) && pass \
  || fail "default under ~/.local/share"

run --db "$T/no/such/dir/x.db" list
expect_rc 5 "missing database directory"
expect_one_line_err "missing directory"
expect_err "$T/no/such/dir" "names the directory"
[ ! -e "$T/no" ] && pass || fail "nothing created"

sqlite3 "$T/future.db" "CREATE TABLE plan(id INTEGER PRIMARY KEY); PRAGMA user_version=99;"
before=$(db_sum "$T/future.db")
run --db "$T/future.db" list
expect_rc 7 "newer database"
expect_err "newer" "says newer"
expect_one_line_err "newer"
[ "$(db_sum "$T/future.db")" = "$before" ] && pass || fail "newer database touched"

printf 'not a database at all, just some text that goes on and on\n%.0s' $(seq 50) >"$T/junk.db"
run --db "$T/junk.db" list
expect_rc 6 "not a database"
expect_err "junk.db" "names the file"

if [ "$(id -u)" -ne 0 ]; then
  "$DUBAN" --db "$T/ro.db" list >/dev/null 2>&1
  chmod a-w "$T/ro.db"
  run --db "$T/ro.db" set 1.1 done
  [ "$rc" -ne 0 ] && pass || fail "read-only database accepted an edit"
  expect_err "read-only" "says read-only"
fi
finish
