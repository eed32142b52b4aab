# duban check: SQLite's integrity and the store's invariants (fields agree
# with the history row that set them, notes with the edits that made them); a
# damaged database makes every command say to run it.
. "$(dirname "$0")/lib.sh"
. "$DUBAN_SRC/tests/golden/meeting-scenario.bash"
scenario_step undo
scenario_step redo
scenario_step progress 8.2 美丽乡村 10 --note 再创一个
scenario_step undo
scenario_step extend 10.2 "" # withdraw

bytes() { md5sum <"$1"; }
before=$(bytes "$DB")
run --db "$DB" check
expect_rc 0 "a sound database"
expect_out "ok" "says ok"
[ "$(bytes "$DB")" = "$before" ] && pass || fail "check changed the file"
run --db "$DB" check extra
expect_rc 2 "check takes no arguments"

cp "$DB" "$T/bad.db"
sqlite3 "$T/bad.db" "UPDATE node SET status = 'behind' WHERE ref = '5.1' AND plan_id = 1;
  UPDATE node SET extended_due = '2030-01-01' WHERE ref = '9.2';
  UPDATE target SET current = 99 WHERE label LIKE '%美丽乡村%';
  DELETE FROM note WHERE text = '信访积案化解受阻';
  INSERT INTO note(node_id, history_id, at, text) VALUES (3, 1, 'x', '凭空多出');"
run --db "$T/bad.db" check
expect_rc 6 "problems found"
expect_out "5.1 status is 'behind' but the history row that set it" "a field that disagrees with history"
expect_out "9.2 extension is '2030-01-01'" "an extension that disagrees"
expect_out "8.2 target." "a target value that disagrees"
expect_out "11.2: the note of history row" "a missing note"
expect_out "belongs to no edit in effect (凭空多出)" "a stray note"
expect_one_line_err "check summary"
expect_err "5 problems found" "counts them"

# a damaged file: check says what SQLite found; other commands point to check
cp "$DB" "$T/damaged.db"
# the node table's first page, which every command reads (whatever the page size)
page=$(sqlite3 "$T/damaged.db" "SELECT page_size FROM pragma_page_size")
root=$(sqlite3 "$T/damaged.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'node'")
printf 'GARBAGE!%.0s' $(seq 256) | dd of="$T/damaged.db" bs="$page" seek=$((root - 1)) count=1 \
  conv=notrunc 2>/dev/null
sum=$(bytes "$T/damaged.db")
run --db "$T/damaged.db" check
expect_rc 6 "a damaged file"
expect_out "SQLite:" "SQLite's finding"
expect_err "restore a copy" "what to do"
hits=0
for c in list overdue "show 5.1" report history "set 5.1 done" "note 1.1 x" plans; do
  # shellcheck disable=SC2086
  run --db "$T/damaged.db" $c
  if [ "$rc" -ne 0 ]; then
    hits=$((hits + 1))
    expect_err "damaged: run 'duban check'" "$c on a damaged database says to run check"
    expect_one_line_err "$c damaged"
  fi
done
[ "$hits" -gt 0 ] && pass || fail "no command noticed the damage"
[ "$(bytes "$T/damaged.db")" = "$sum" ] && pass || fail "commands changed the damaged file"

run --db "$T/missing.db" check
expect_rc 3 "no such database"
[ ! -e "$T/missing.db" ] && pass || fail "check created a file"
finish
