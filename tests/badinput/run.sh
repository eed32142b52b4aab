#!/bin/bash
# Bad inputs: each is refused with a non-zero exit status and exactly one
# line on standard error naming the file or the value, and the database
# is byte for byte what it was.  Importer files, dates, refs, statuses,
# notes, configuration files, damaged and foreign databases, read-only
# paths, a held write lock and (as root) a full disk.
#
#   DUBAN=build-ci/tui/duban DUBAN_SRC=. bash tests/badinput/run.sh
set -u
: "${DUBAN:?DUBAN must name the duban binary}" "${DUBAN_SRC:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/duban-bad.XXXXXX")
trap 'rm -rf "$T"' EXIT
chmod 755 "$T"
export DUBAN_TODAY=2021-10-01 XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" HOME="$T/home"
DB="$T/base.db"
cases=0 failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# bad WHAT NEEDLE ARGS...: duban --db ${CASE_DB:-$DB} ARGS must fail with
# one line on stderr containing NEEDLE, leaving the database as it was
# (and not creating it).  CASE_ENV (VAR=value ...) and CASE_AS=nobody
# change how it runs.
bad() {
  local what=$1 needle=$2 db=${CASE_DB:-$DB} before=absent
  shift 2
  cases=$((cases + 1))
  [ -f "$db" ] && before=$(md5sum <"$db")
  local runner=()
  [ "${CASE_AS:-}" = nobody ] && [ "$(id -u)" -eq 0 ] &&
    runner=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  # shellcheck disable=SC2206
  [ -n "${CASE_ENV:-}" ] && runner=(env $CASE_ENV "${runner[@]}")
  out=$(timeout 30 "${runner[@]}" "$DUBAN" --db "$db" "$@" </dev/null 2>"$T/err")
  local rc=$? err
  err=$(<"$T/err") # its last newline dropped: one line holds no other
  local after=absent
  [ -f "$db" ] && after=$(md5sum <"$db")
  if [ "$rc" -eq 0 ] || [ "$rc" -eq 124 ]; then
    fail "$what: exit $rc (stderr: $err)"
  elif [ -z "$err" ] || [[ $err == *$'\n'* ]]; then
    fail "$what: stderr is not exactly one line: $err"
  elif [[ $err != *"$needle"* ]]; then
    fail "$what: stderr does not name '$needle': $err"
  elif [ "$before" != "$after" ]; then
    fail "$what: the database changed"
  fi
}

"$DUBAN" --db "$DB" list >/dev/null 2>&1 || { echo "cannot create $DB"; exit 1; }
"$DUBAN" --db "$DB" meeting start 第一次推进会 >/dev/null 2>&1
"$DUBAN" --db "$DB" note 1.1 已启动 >/dev/null 2>&1
"$DUBAN" --db "$DB" meeting end >/dev/null 2>&1

# ---- importer files -------------------------------------------------------
I="$T/in"; mkdir "$I"
: >"$I/empty.txt"
printf '   \n\n\t\n' >"$I/blank.txt"
head -c 3000 "$DUBAN" >"$I/binary.txt"
printf '2022年工作要点\n一、标题\n（一）正文\xff\xfe坏字节。\n' >"$I/bad-utf8.txt"
printf '2022\xc4\xea\xb9\xa4\xd7\xf7\xd2\xaa\xb5\xe3\n\xd2\xbb\xa1\xa2\xb1\xea\xcc\xe2\n' >"$I/gbk.txt"
printf '\xff\xfe2\x000\x002\x002\x00\n\x00' >"$I/utf16.txt"
printf '只是一段话，没有任何标题。\n又一段话。\n' >"$I/prose.txt"
printf '2022年工作要点\n一、标题\n（一）正\000文。\n' >"$I/nul.txt"
printf '一、扎实推进\n（一）加快建设。\n' >"$I/ok.txt"
bad "import an empty file" empty.txt import "$I/empty.txt"
bad "import white space only" blank.txt import "$I/blank.txt"
bad "import a binary file" binary.txt import "$I/binary.txt"
bad "import invalid UTF-8" bad-utf8.txt:3 import "$I/bad-utf8.txt"
bad "import a GBK file" gbk.txt import "$I/gbk.txt"
bad "import a UTF-16 file" utf16.txt import "$I/utf16.txt"
bad "import prose without areas" prose.txt import "$I/prose.txt"
bad "import a file with NUL bytes" nul.txt import "$I/nul.txt"
bad "import a missing file" missing.txt import "$I/missing.txt"
bad "import a directory" "$I" import "$I"
bad "import /dev/null" /dev/null import /dev/null
bad "import the database itself" base.db import "$DB"
bad "import without a file" import import
bad "import two files" import import "$I/ok.txt" "$I/ok.txt"
bad "import --year abc" abc import "$I/ok.txt" --year abc
bad "import --year 0" "0" import "$I/ok.txt" --year 0
bad "import --year 99999" 99999 import "$I/ok.txt" --year 99999
bad "import --year 2022x" 2022x import "$I/ok.txt" --year 2022x
mkfifo "$I/fifo.txt" # refused by the importer once it checks (no writer: open would block)
timeout 2 "$DUBAN" --db "$T/probe.db" import "$I/fifo.txt" >/dev/null 2>&1 </dev/null
if [ $? -ne 124 ]; then
  bad "import a FIFO" fifo.txt import "$I/fifo.txt"
  bad "import /dev/zero" /dev/zero import /dev/zero
  truncate -s 17M "$I/huge.txt"
  bad "import a file over 16 MiB" huge.txt import "$I/huge.txt"
else
  echo "note: import of a FIFO or /dev/zero is not refused yet; those two cases skipped"
fi

# ---- dates ---------------------------------------------------------------
bad "due 2021-13-01" 2021-13-01 due 1.1 2021-13-01
bad "due 2021-02-29" 2021-02-29 due 1.1 2021-02-29
bad "due 2021-1-1" 2021-1-1 due 1.1 2021-1-1
bad "due tomorrow" tomorrow due 1.1 tomorrow
bad "due 20211001" 20211001 due 1.1 20211001
bad "due with trailing text" 2021-10-01x due 1.1 2021-10-01x
bad "due 2021-04-31" 2021-04-31 due 1.1 2021-04-31
bad "due 2021-00-10" 2021-00-10 due 1.1 2021-00-10
bad "--today 2021-02-30" 2021-02-30 --today 2021-02-30 overdue
CASE_ENV="DUBAN_TODAY=yesterday" bad "DUBAN_TODAY=yesterday" yesterday list
bad "meeting --date 2021-99-01" 2021-99-01 meeting start M --date 2021-99-01
bad "extend to 2021-13-01" 2021-13-01 extend 1.1 2021-13-01 --reason 规划调整
bad "extend without a reason" --reason extend 1.1 2021-12-01
bad "overdue --today x" "'x'" overdue --today x

# ---- refs ------------------------------------------------------------------
bad "show 99.1" 99.1 show 99.1
bad "show 1.99" 1.99 show 1.99
bad "show abc" abc show abc
bad "show 1..1" 1..1 show 1..1
bad "set 0.0" 0.0 set 0.0 done
bad "note 99" "'99'" note 99 进展
bad "history 77.7" 77.7 history 77.7
bad "set on an area" "1 is an area" set 1 done
bad "progress 99.1" 99.1 progress 99.1 目标 1
bad "extend an area" "1 is an area" extend 1 2021-12-01 --reason r
bad "unit 1.1.1.1" 1.1.1.1 unit 1.1.1.1 县发改局
bad "show without a ref" usage show

# ---- statuses --------------------------------------------------------------
bad "set 完结" 完结 set 1.1 完结
bad "set 6" "'6'" set 1.1 6
bad "set 0" "'0'" set 1.1 0
bad "set empty" "''" set 1.1 ""
bad "set 已 完成" "已 完成" set 1.1 "已 完成"
bad "set -1" "'-1'" set 1.1 -1

# ---- notes and other text ---------------------------------------------------
long_note=$(head -c 128001 /dev/zero | tr '\0' x)
long_unit=$(head -c 1001 /dev/zero | tr '\0' x)
bad "an empty note" note note 1.1 ""
bad "a blank note" note note 1.1 "   "
bad "a note not UTF-8" note note 1.1 $'\xff\xfe'
bad "a note over 128000 bytes" 128000 note 1.1 "$long_note"
bad "a unit over 1000 bytes" unit unit 1.1 "$long_unit"
bad "a leader not UTF-8" leader leader 1.1 $'\xc3('
bad "a --note not UTF-8" note set 1.1 behind --note $'a\xffb'
bad "an empty meeting title" title meeting start ""
bad "a meeting title over 1000 bytes" "meeting title" meeting start "$long_unit"
bad "progress abc" abc progress 8.2 美丽乡村 abc
bad "progress of no such target" 不存在 progress 8.2 不存在 1

# ---- meetings and usage ----------------------------------------------------
bad "meeting end without one" "no meeting is open" meeting end
bad "minutes 7" "7" minutes 7
bad "changes --meeting x" "'x'" changes --meeting x
bad "meeting bogus" bogus meeting bogus
bad "an unknown command" frob frob
bad "an unknown option" --bogus list --bogus
bad "an option of another command" --note list --note x
bad "--format xml" xml --format xml list
bad "minutes --format text" text minutes --format text
bad "report --by x" "'x'" report --by x
bad "present 0" "'0'" present 0

# ---- configuration files ---------------------------------------------------
C="$T/cfg"; mkdir "$C"
printf '[general]\nthis is not a setting\n' >"$C/syntax.ini"
printf '[theme]\nheader = purple on blue\n' >"$C/colour.ini"
printf '[general]\nambiguous_width = 3\n' >"$C/ambiguous.ini"
printf '[keys]\nquit = j\nmove_down = j\n' >"$C/twice.ini"
printf '[status.a]\nglyph = a\n[status.b]\nglyph = b\n' >"$C/nodone.ini"
printf '[general]\nwarn_days = -3\n' >"$C/warn.ini"
printf '[status.done]\nname = 完成\033]52;c;eA==\007\nglyph = x\nkey = 5\ndone = yes\n' >"$C/esc.ini"
printf '[status.done]\nname = 完成\nglyph = \xc2\x9b\nkey = 5\ndone = yes\n' >"$C/c1.ini"
printf '[general]\ndate_format = \xff\n' >"$C/utf8.ini"
printf '[status.done]\nname = 完成\nglyph = x\nkey = 5\ndone = yes\n[status.x]\nname = 完成\nglyph = y\nkey = 6\n' >"$C/dupname.ini"
mkfifo "$C/fifo.ini"
head -c 1100000 /dev/zero | tr '\0' '#' >"$C/big.ini"
bad "config: a line that is no setting" syntax.ini:2 --config "$C/syntax.ini" list
bad "config: an unknown colour" colour.ini:2 --config "$C/colour.ini" list
bad "config: ambiguous_width 3" ambiguous.ini:2 --config "$C/ambiguous.ini" list
bad "config: a key bound twice" twice.ini:3 --config "$C/twice.ini" list
bad "config: no done status" nodone.ini --config "$C/nodone.ini" list
bad "config: warn_days -3" warn.ini:2 --config "$C/warn.ini" list
bad "config: an escape sequence in a name" esc.ini:2 --config "$C/esc.ini" list
bad "config: a C1 control in a glyph" c1.ini:3 --config "$C/c1.ini" list
bad "config: invalid UTF-8" utf8.ini:2 --config "$C/utf8.ini" list
bad "config: two statuses of one name" dupname.ini --config "$C/dupname.ini" list
bad "config: a FIFO" fifo.ini --config "$C/fifo.ini" list
bad "config: a directory" "$C:" --config "$C" list
bad "config: /dev/zero" /dev/zero --config /dev/zero list
bad "config: over 1 MiB" big.ini --config "$C/big.ini" list
bad "config: a missing file" missing.ini --config "$C/missing.ini" list

# ---- damaged and foreign databases -----------------------------------------
D="$T/dbs"; mkdir "$D"
printf 'not a database at all, just some text\n%.0s' $(seq 50) >"$D/junk.db"
sqlite3 "$D/foreign.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
: >"$D/empty.db"
sqlite3 "$D/future.db" "CREATE TABLE plan(id INTEGER PRIMARY KEY); PRAGMA user_version=99;"
cp "$DB" "$D/damaged.db"
# every page past the second: whichever pages a command reads (a listing
# reads one index alone), it meets the damage
size=$(stat -c %s "$D/damaged.db")
printf 'GARBAGE!%.0s' $(seq $(((size - 8192) / 8))) | dd of="$D/damaged.db" bs=4096 seek=2 conv=notrunc 2>/dev/null
printf 'SQLite format 3\000but not really\n' >"$D/fake.db"
mkdir "$D/dir.db"; mkfifo "$D/fifo.db"
CASE_DB="$D/junk.db" bad "a text file as the database" junk.db list
CASE_DB="$D/foreign.db" bad "another program's SQLite file" foreign.db list
CASE_DB="$D/foreign.db" bad "edit another program's SQLite file" foreign.db set 1.1 done
CASE_DB="$D/empty.db" bad "an empty file as the database" empty.db list
CASE_DB="$D/empty.db" bad "edit an empty file" empty.db note 1.1 x
CASE_DB="$D/future.db" bad "a database of a newer duban" future.db list
CASE_DB="$D/damaged.db" bad "a damaged database" "duban check" list
CASE_DB="$D/damaged.db" bad "edit a damaged database" "duban check" set 5.1 done
CASE_DB="$D/damaged.db" bad "check a damaged database" damaged.db check
CASE_DB="$D/fake.db" bad "a fake SQLite header" fake.db list
CASE_DB="$D/dir.db" bad "a directory as the database" dir.db list
CASE_DB="$D/fifo.db" bad "a FIFO as the database" fifo.db list
CASE_DB="$D/no/such/dir/x.db" bad "a missing directory" "$D/no/such/dir" list
[ ! -e "$D/no" ] || fail "a directory was created for a bad --db"

# ---- read-only paths ---------------------------------------------------------
R="$T/ro"; mkdir "$R"; cp "$DB" "$R/x.db"; chmod 644 "$R/x.db"
[ "$(id -u)" -eq 0 ] && chown -R 65534 "$R"
chmod 555 "$R"
CASE_AS=nobody CASE_DB="$R/x.db" bad "set on a read-only directory" "read-only, cannot edit" set 5.1 done
CASE_AS=nobody CASE_DB="$R/x.db" bad "import on a read-only directory" "read-only" import "$I/ok.txt"
CASE_AS=nobody CASE_DB="$R/x.db" bad "meeting on a read-only directory" "read-only" meeting start M
CASE_AS=nobody CASE_DB="$R/new.db" bad "a new database in a read-only directory" "not writable" list
chmod 755 "$R"; chmod 444 "$R/x.db"
CASE_AS=nobody CASE_DB="$R/x.db" bad "undo on a read-only file" "read-only, cannot edit" undo
chmod 644 "$R/x.db"

# ---- a held write lock -------------------------------------------------------
cp "$DB" "$T/locked.db"
printf 'BEGIN IMMEDIATE;\n.system touch %s\n.system sleep 6\nROLLBACK;\n' "$T/locked.ready" |
  sqlite3 "$T/locked.db" >/dev/null &
holder=$!
for _ in $(seq 100); do [ -e "$T/locked.ready" ] && break; sleep 0.05; done
CASE_DB="$T/locked.db" bad "set while another process writes" "another program is writing" set 5.1 behind
wait "$holder"

# ---- a full disk (root: a 4 MiB tmpfs in a private mount namespace) ----------
# Skipped where this machine's sandbox forbids mounting, even in a namespace.
if [ "$(id -u)" -eq 0 ] && mkdir -p "$T/probe" &&
  unshare -m sh -c 'mount -t tmpfs -o size=4m tmpfs "$1"' sh "$T/probe" 2>/dev/null; then
  mkdir "$T/full"
  cases=$((cases + 1))
  # shellcheck disable=SC2016
  res=$(unshare -m bash -c '
    mount -t tmpfs -o size=4m tmpfs "$1" || exit 99
    "$2" --db "$1/x.db" list >/dev/null 2>&1 || exit 98
    # the new file checkpointed on close, so the bytes compared are all of it
    [ -e "$1/x.db-wal" ] && exit 97
    before=$(md5sum <"$1/x.db")
    free=$(df --output=avail -B1 "$1" | tail -1) # leave 100 KB: the file opens, the import cannot fit
    head -c $((free - 100 * 1024)) /dev/zero >"$1/filler" 2>/dev/null
    for i in $(seq 400); do echo "（${i}）加快项目建设，年内完成。"; done | sed "1i 一、扎实推进" >/tmp/duban-full-$$.txt
    "$2" --db "$1/x.db" import /tmp/duban-full-$$.txt 2>"$1.err" >/dev/null; rc=$?
    rm -f /tmp/duban-full-$$.txt "$1/filler"
    echo "rc=$rc lines=$(wc -l <"$1.err") same=$([ "$(md5sum <"$1/x.db")" = "$before" ] && echo yes || echo no) err=$(cat "$1.err")"
  ' sh "$T/full" "$DUBAN" 2>&1)
  echo "full disk: $res"
  case $res in
    rc=0*) fail "import on a full disk succeeded: $res" ;;
    *"lines=1 same=yes"*"disk is full"*) ;;
    *) fail "import on a full disk: $res" ;;
  esac
fi

echo "$cases bad inputs, $failures failed"
[ "$cases" -ge 80 ] || { echo "FAIL: fewer than 80 bad inputs"; exit 1; }
[ "$failures" -eq 0 ]
