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

# Read-only files and directories: root writes anyway, so drop to nobody.
as_user() { if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
chmod 755 "$T"
mkdir "$T/ro" && "$DUBAN" --db "$T/ro/x.db" list >/dev/null 2>&1
[ "$(id -u)" -eq 0 ] && chown -R 65534 "$T/ro"
before=$(db_sum "$T/ro/x.db")
chmod 555 "$T/ro"
out=$(as_user "$DUBAN" --db "$T/ro/x.db" set 1.1 done 2>"$T/stderr"); rc=$?; errout=$(cat "$T/stderr")
expect_rc 5 "read-only directory"; expect_err "read-only" "says read-only"; expect_one_line_err "ro dir"
chmod 755 "$T/ro"; chmod 444 "$T/ro/x.db"
out=$(as_user "$DUBAN" --db "$T/ro/x.db" set 1.1 done 2>"$T/stderr"); rc=$?; errout=$(cat "$T/stderr")
expect_rc 5 "read-only file"; expect_err "read-only" "says read-only"
chmod 644 "$T/ro/x.db"
[ "$(db_sum "$T/ro/x.db")" = "$before" ] && pass || fail "read-only database changed"
mkdir "$T/rodir" && chmod 555 "$T/rodir"
out=$(as_user "$DUBAN" --db "$T/rodir/x.db" list 2>"$T/stderr"); rc=$?; errout=$(cat "$T/stderr")
expect_rc 5 "read-only directory for a new database"; expect_err "not writable" "says not writable"
finish
