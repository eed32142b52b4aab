# duban compact: the database rewritten by VACUUM with the page size new
# files get (2,048 bytes), its rows the same, WAL mode kept; refused,
# with nothing changed, while another program has the file open.
. "$(dirname "$0")/lib.sh"
. "$DUBAN_SRC/tests/golden/meeting-scenario.bash"
scenario_step set 5.1 done --note 会上确认

# a file made by an older duban: 4,096-byte pages
sqlite3 "$DB" "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM;
  PRAGMA journal_mode = WAL;" >/dev/null || fail "making a 4 KiB-page file"
[ "$(sqlite3 "$DB" "PRAGMA page_size")" = 4096 ] && pass || fail "not 4096 to begin with"
rows() { sqlite3 "$DB" .dump | md5sum; }
before=$(rows)
version=$(sqlite3 "$DB" "PRAGMA user_version")

# another program reading: refused, nothing changed
mkfifo "$T/hold"
sqlite3 "$DB" <"$T/hold" >/dev/null &
holder=$!
exec 7>"$T/hold"
echo "BEGIN; SELECT count(*) FROM node;" >&7
sleep 0.3
run --db "$DB" compact
expect_rc 6 "compact while another program has the file open"
expect_err "another program has the database open" "says why"
expect_one_line_err "compact refused"
[ "$(sqlite3 "$DB" "PRAGMA page_size")" = 4096 ] && pass || fail "refused, yet the pages changed"
[ "$(sqlite3 "$DB" "PRAGMA journal_mode")" = wal ] && pass || fail "refused, and left WAL mode"
exec 7>&-
wait "$holder"
[ "$(rows)" = "$before" ] && pass || fail "refused, yet the rows changed"

run --db "$DB" compact
expect_rc 0 "compact"
expect_out "compacted" "says what it did"
expect_out "pages of 2048 bytes (were 4096)" "names the page sizes"
[ "$(sqlite3 "$DB" "PRAGMA page_size")" = 2048 ] && pass || fail "pages not 2,048 bytes"
[ "$(sqlite3 "$DB" "PRAGMA journal_mode")" = wal ] && pass || fail "not in WAL mode after"
[ "$(rows)" = "$before" ] && pass || fail "the rows changed"
[ "$(sqlite3 "$DB" "PRAGMA user_version")" = "$version" ] && pass || fail "schema version lost"
[ "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok ] && pass || fail "integrity"
run --db "$DB" show 5.1
expect_out "会上确认" "the item reads as before"
run --db "$DB" set 5.2 done
expect_rc 0 "an edit after compact"

# again: nothing to change but the free space
run --db "$DB" compact
expect_rc 0 "a second compact"
expect_out "(were 2048)" "already 2,048"

run --db "$DB" compact extra
expect_rc 2 "compact takes no arguments"
run --db "$T/missing.db" compact
expect_rc 3 "no such database"
[ ! -e "$T/missing.db" ] && pass || fail "compact created a file"
finish
