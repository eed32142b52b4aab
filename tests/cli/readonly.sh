# Read-only databases (a projector reading the plan from a read-only
# share): read commands work, edits say why they cannot be made, nothing
# is written.  A read command never turns an empty or foreign file into a
# database.  --config must be a bounded regular file with clean values.
. "$(dirname "$0")/lib.sh"

as_user() { if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
runas() { out=$(as_user "$DUBAN" "$@" 2>"$T/stderr"); rc=$?; errout=$(<"$T/stderr"); }
bytes() { md5sum <"$1"; }
chmod 755 "$T"
mkdir "$T/ro" && "$DUBAN" --db "$T/ro/x.db" list >/dev/null 2>&1
chmod 755 "$T/ro"; chmod 644 "$T/ro/x.db"
[ "$(id -u)" -eq 0 ] && chown -R 65534 "$T/ro" # the file is nobody's: only the directory is read-only
before=$(bytes "$T/ro/x.db")

# a read-only directory (no -shm beside the file: SQLite's immutable mode)
chmod 555 "$T/ro"
for c in list "show 5.1" overdue report plans history "search 招商" "meeting list"; do
  # shellcheck disable=SC2086
  runas --db "$T/ro/x.db" $c
  expect_rc 0 "$c on a read-only directory"
done
runas --db "$T/ro/x.db" minutes
[ "$rc" -eq 3 ] && pass || fail "minutes without a meeting: exit $rc ($errout)"
runas --db "$T/ro/x.db" --format json list
expect_out '"ref": "5.1"' "json list on a read-only directory"
for c in "set 5.1 done" "note 5.1 x" "due 5.1 2021-12-01" "undo" "meeting start M" \
  "extend 5.1 2022-01-01 --reason r" "import $DUBAN_SRC/tests/data/plan-shi.txt"; do
  # shellcheck disable=SC2086
  runas --db "$T/ro/x.db" $c
  expect_rc 5 "$c on a read-only directory"
  expect_one_line_err "$c read-only"
  expect_err "$T/ro/x.db: read-only, cannot edit: its directory is not writable" "$c says why"
done
ls "$T/ro" | grep -q -- '-shm\|-wal' && fail "files left in a read-only directory" || pass
chmod 755 "$T/ro"
[ "$(bytes "$T/ro/x.db")" = "$before" ] && pass || fail "read-only database changed"

# a read-only file in a writable directory
chmod 444 "$T/ro/x.db"
runas --db "$T/ro/x.db" list
expect_rc 0 "list of a read-only file"
runas --db "$T/ro/x.db" set 5.1 done
expect_rc 5 "set on a read-only file"
expect_err "read-only, cannot edit: the file is not writable" "says the file is read-only"
[ "$(bytes "$T/ro/x.db")" = "$before" ] && pass || fail "read-only file changed"
chmod 644 "$T/ro/x.db"

# a read-only file system, when we may mount one (root): a real share
# (skipped where this machine's sandbox forbids mounting, even in a namespace)
if [ "$(id -u)" -eq 0 ] && mkdir -p "$T/probe" &&
  unshare -m sh -c 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1"' sh "$T/probe" 2>/dev/null; then
  # shellcheck disable=SC2016
  out=$(unshare -m sh -c 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" &&
    "$2" --db "$1/x.db" list; "$2" --db "$1/x.db" set 5.1 done' sh "$T/ro" "$DUBAN" 2>&1)
  grep -qF "5.1" <<<"$out" && pass || fail "list on a read-only file system: $out"
  grep -qF "read-only, cannot edit: the file is not writable (Read-only file system)" <<<"$out" && pass \
    || fail "set on a read-only file system says why: $out"
  [ "$(bytes "$T/ro/x.db")" = "$before" ] && pass || fail "read-only file system: file changed"
fi

# an empty file is not a database for a read or an edit; import makes it one
: >"$T/empty.db"
for c in list "set 1.1 done" overdue; do
  # shellcheck disable=SC2086
  run --db "$T/empty.db" $c
  expect_rc 6 "$c on an empty file"
  expect_one_line_err "$c empty"
  expect_err "$T/empty.db: an empty file, not a duban database" "$c names the file"
  [ ! -s "$T/empty.db" ] && pass || fail "$c wrote into an empty file"
done
run --db "$T/empty.db" import "$DUBAN_SRC/tests/data/plan-shi.txt"
expect_rc 0 "import into an empty file"
run --db "$T/empty.db" list
expect_out "稳增长" "the empty file became the imported plan's database"

# foreign SQLite files and other files are refused and left byte for byte
sqlite3 "$T/foreign.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
sqlite3 "$T/blank.db" "CREATE TABLE x(a); DROP TABLE x;" # SQLite, no tables: import may fill it
printf 'SQLite format 3\000but not really\n' >"$T/fake.db"
for f in foreign blank fake; do
  b=$(bytes "$T/$f.db")
  for c in list "set 1.1 done" import; do
    [ "$f$c" = blankimport ] && continue
    args=$c; [ "$c" = import ] && args="import $DUBAN_SRC/tests/data/plan-shi.txt"
    # shellcheck disable=SC2086
    run --db "$T/$f.db" $args
    [ "$rc" -ne 0 ] && pass || fail "$c on $f.db succeeded"
    expect_one_line_err "$c $f"
    expect_err "$T/$f.db" "$c on $f.db names the file"
    [ "$(bytes "$T/$f.db")" = "$b" ] && pass || fail "$c changed $f.db"
  done
done
ls "$T" | grep -q 'foreign.db-\|fake.db-' && fail "files left beside a foreign database" || pass
mkfifo "$T/fifo.db"
run --db "$T/fifo.db" list
expect_rc 5 "a FIFO as the database"; expect_err "not a regular file" "says so"

# --config: regular files of at most 1 MiB, values without controls
mkfifo "$T/fifo.ini"
for f in "$T/fifo.ini" /dev/zero "$T"; do
  out=$(timeout 10 "$DUBAN" --db "$DB" --config "$f" list 2>"$T/stderr"); rc=$?; errout=$(cat "$T/stderr")
  expect_rc 9 "--config $f"; expect_one_line_err "--config $f"; expect_err "config file $f:" "names $f"
done
head -c 1100000 /dev/zero | tr '\0' '#' >"$T/big.ini"
run --db "$DB" --config "$T/big.ini" list
expect_rc 9 "--config over 1 MiB"; expect_err "larger than 1 MiB" "says how large"
printf '[status.done]\nname = 完成\033]52;c;eA==\007\nglyph = x\nkey = 5\ndone = yes\n' >"$T/esc.ini"
run --db "$DB" --config "$T/esc.ini" config --dump
expect_rc 9 "an escape sequence in a status name"
expect_err "$T/esc.ini:2: value of 'name' has a control character (U+001B)" "FILE:LINE"
grep -q $'\033' <<<"$out$errout" && fail "the sequence came out raw" || pass
printf '[general]\ndate_format = "%%Y\xc2\x9b"\n' >"$T/c1.ini"
run --db "$DB" --config "$T/c1.ini" list
expect_rc 9 "a C1 control in a value"; expect_err "c1.ini:2:" "FILE:LINE"
printf '[general]\ndate_format = \xff\xfe\n' >"$T/utf.ini"
run --db "$DB" --config "$T/utf.ini" list
expect_rc 9 "invalid UTF-8 in a value"; expect_err "utf.ini:2: value of 'date_format' is not valid UTF-8" "FILE:LINE"
finish
