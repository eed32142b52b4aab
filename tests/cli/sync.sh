# duban clone / sync / conflicts: replicas exchange their edits and converge.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 1

A="$T/office.db" B="$T/laptop.db"
at() { export DUBAN_NOW="2021-10-01T$1Z"; }
on() { local db=$1; shift; run --db "$db" "$@"; }
# plan_sum DB: the plan as people see it, and the history rows by identity
plan_sum() {
  { "$DUBAN" --db "$1" --format json list
    sqlite3 "$1" "SELECT g.gid, g.origin, g.seq, g.hlc, h.action, h.field, h.old_value,
      h.new_value, h.note, h.at FROM history h JOIN history_gid g ON g.history_id = h.id
      ORDER BY g.gid; SELECT h.at, n.text, g.gid FROM note n JOIN history_gid g
      ON g.history_id = n.history_id JOIN history h ON h.id = n.history_id ORDER BY g.gid;"
  } | md5sum
}
notes_of() { run --db "$1" show "$2"; out=$(sed -n '/^notes:/,/^history:/p' <<<"$out"); }
conflicts_sum() { "$DUBAN" --db "$1" --format csv conflicts | cut -d, -f2- | md5sum; }

at 08:00:00
on "$A" list; expect_rc 0 "office created"
on "$A" sync name 办公室; expect_rc 0 "sync name"
on "$A" clone "$B" --name 笔记本; expect_rc 0 "clone"
expect_out "named 笔记本" "clone names the copy"
on "$A" clone "$B"; expect_rc 2 "clone onto an existing file"
expect_err "already exists" "clone refuses"

# --- edits on both sides merge; a conflict is listed on both ---
at 09:00:01; on "$A" note 1.3 "办公室的记录"
at 09:00:02; on "$A" set 1.1 done --note "办公室的进展"
at 09:00:05; on "$B" set 1.1 blocked
at 09:00:06; on "$B" unit 1.2 "县发改局"
at 09:00:07; on "$B" note 1.3 "笔记本的进展"
at 09:10:00
on "$A" sync "$B"; expect_rc 0 "sync both ways"
expect_out "从 笔记本 收到 3 处修改，1 处冲突" "what came in"
expect_out "向 笔记本 发出 2 处修改" "what went out"
[ "$(plan_sum "$A")" = "$(plan_sum "$B")" ] && pass || fail "replicas differ after sync"
on "$A" show 1.1; expect_out "受阻" "the later edit wins (laptop 09:00:05)"
on "$A" show 1.2; expect_out "县发改局" "edits of other fields merge"
notes_of "$A" 1.3; expect_out "笔记本的进展" "the laptop's note is kept"
expect_out "办公室的记录" "the office's note is kept"
on "$A" conflicts; expect_rc 0 "conflicts"
expect_out "已完成" "the losing value is listed"
[ "$(conflicts_sum "$A")" = "$(conflicts_sum "$B")" ] && pass || fail "conflict lists differ"
on "$A" history 1.1; expect_out "已完成" "the losing value stays in history"
# On the laptop its own edit won, and the office's losing one arrived after
# it: the value is the winner's, for check and for the changes a meeting
# is shown (they read the last row of a field, which was the loser's).
for db in "$A" "$B"; do
  on "$db" check; expect_rc 0 "check after a conflict ($db)"
  on "$db" changes --since-last
  expect_out "1.1  status  未启动  受阻" "changes show the value kept ($db)"
  expect_no_out "已完成" "changes do not show the losing value ($db)"
done
cp "$B" "$T/tampered.db"
sqlite3 "$T/tampered.db" "UPDATE node SET status = 'done' WHERE ref = '1.1'"
on "$T/tampered.db" check; expect_rc 6 "check still finds a field its winning row does not set"
expect_out "1.1 status is 'done' but the history row that set it" "and names it"
rm -f "$T/tampered.db"

# --- idempotence: again, nothing changes ---
before=$(plan_sum "$A")
on "$A" sync "$B"; expect_rc 0 "sync again"
expect_out "收到 0 处修改" "nothing new the second time"
[ "$(plan_sum "$A")" = "$before" ] && pass || fail "a second sync changed the plan"

# --- ack ---
id=$("$DUBAN" --db "$A" --format csv conflicts | sed -n 2p | cut -d, -f1)
on "$A" conflicts ack "$id"; expect_rc 0 "ack"
on "$A" conflicts; expect_no_out "已完成" "acknowledged conflict is gone"
on "$A" conflicts ack "$id"; expect_rc 3 "ack twice"
on "$A" conflicts ack x; expect_rc 2 "ack needs a number"

# --- undo after a sync reverts only this replica's own edit ---
at 09:20:00; on "$A" undo; expect_rc 0 "undo on the office"
expect_out "1.1 status" "the office undoes its own last edit"
expect_out "keeps another replica's later value" "and says the laptop's value stays"
on "$A" show 1.1; expect_out "受阻" "undo leaves the laptop's value alone"
notes_of "$A" 1.1; expect_no_out "办公室的进展" "the undone edit's note is gone"
at 09:21:00; on "$B" undo; expect_rc 0 "undo on the laptop"
expect_out "笔记本的进展" "the laptop undoes its own last edit (the note)"
notes_of "$B" 1.3; expect_no_out "笔记本的进展" "its note is gone"
at 09:22:00; on "$A" sync "$B"; expect_rc 0 "sync after undo"
notes_of "$A" 1.3; expect_no_out "笔记本的进展" "the undone note is gone on the office too"
expect_out "办公室的记录" "the office's note stays"
[ "$(plan_sum "$A")" = "$(plan_sum "$B")" ] && pass || fail "replicas differ after undo"

# --- change files: export, import, import twice ---
at 10:00:00; on "$B" due 2.1 2021-11-30
on "$B" sync export "$T/c1.changes"; expect_rc 0 "export"
expect_out "1 changes" "export writes what the office lacks"
on "$B" sync export "$T/c1.changes"; expect_rc 0 "export again over the earlier change file"
sum=$(db_sum "$A")
on "$B" sync export "$A"; expect_rc 2 "export onto a database"
expect_err "$A: a database (a plan?), not replaced" "export onto a database says so"
expect_one_line_err "export onto a database"
[ "$(db_sum "$A")" = "$sum" ] && pass || fail "sync export replaced a database"
printf 'minutes draft\n' >"$T/draft.txt"
on "$B" sync export "$T/draft.txt"; expect_rc 2 "export onto another file"
expect_err "draft.txt: exists and is not a change file, not replaced" "export onto a file says so"
[ "$(cat "$T/draft.txt")" = "minutes draft" ] && pass || fail "sync export replaced a text file"
on "$A" sync import "$T/c1.changes"; expect_rc 0 "import"
expect_out "从 笔记本 收到 1 处修改，0 处冲突" "import says what came"
on "$A" show 2.1; expect_out "2021-11-30" "imported edit applied"
sum=$(db_sum "$A")
on "$A" sync import "$T/c1.changes"; expect_rc 0 "import twice"
expect_out "收到 0 处修改" "the second import brings nothing"
[ "$(db_sum "$A")" = "$sum" ] && pass || fail "the second import changed the database"
[ "$(plan_sum "$A")" = "$(plan_sum "$B")" ] && pass || fail "replicas differ after import"

# --- refusals: one line, nothing changed ---
refuse() { # refuse RC WHAT MESSAGE FILE
  sum=$(db_sum "$A")
  on "$A" sync import "$4"; expect_rc "$1" "$2"
  expect_err "$3" "$2"; expect_one_line_err "$2"
  [ "$(db_sum "$A")" = "$sum" ] && pass || fail "$2 changed the database"
}
on "$B" sync export "$T/all.changes" --all; expect_rc 0 "export --all"
size=$(stat -c %s "$T/all.changes")
head -c $((size - 20)) "$T/all.changes" >"$T/trunc.changes"
refuse 4 "truncated file" "truncated" "$T/trunc.changes"
cp "$T/all.changes" "$T/bad.changes"
printf 'X' | dd of="$T/bad.changes" bs=1 seek=$((size - 40)) conv=notrunc 2>/dev/null
refuse 4 "corrupted file" "corrupted" "$T/bad.changes"
printf 'hello\nworld\n' >"$T/text.changes"
refuse 4 "not a change file" "not a duban change file" "$T/text.changes"
sed '1s/duban-changes [0-9]*/duban-changes 9/' "$T/all.changes" >"$T/newer.changes"
refuse 7 "newer format" "newer than this duban" "$T/newer.changes"
run --db "$T/other.db" list
run --db "$T/other.db" sync export "$T/other.changes"
refuse 2 "another plan" "another plan" "$T/other.changes"
on "$A" sync export "$T/own.changes" --all
refuse 8 "own file" "written by this replica (办公室) itself" "$T/own.changes"
: >"$T/empty.changes"
refuse 4 "empty file" "not a duban change file" "$T/empty.changes"
sum=$(db_sum "$A")
on "$A" sync "$A"; expect_rc 2 "sync with itself"
expect_err "is this database itself" "self-sync"
on "$A" sync "$T/other.db"; expect_rc 2 "sync with another plan"
expect_err "does not hold this plan" "another plan"
[ "$(db_sum "$A")" = "$sum" ] && pass || fail "refused syncs changed the database"

# --- out of order: a file that starts after what the reader holds ---
cp "$A" "$T/a0.db" # the office as it is now
at 10:30:00; on "$B" due 2.2 2021-11-29
on "$B" sync export "$T/o1.changes"
on "$A" sync import "$T/o1.changes"
on "$A" sync export "$T/back.changes"
on "$B" sync import "$T/back.changes" # the laptop learns the office has o1
at 10:31:00; on "$B" due 2.3 2021-11-28
on "$B" sync export "$T/o2.changes" --to 办公室; expect_out "1 changes" "--to: only what it lacks"
sum=$(db_sum "$T/a0.db")
on "$T/a0.db" sync import "$T/o2.changes"; expect_rc 2 "file out of order"
expect_err "import the earlier file first" "out of order"
[ "$(db_sum "$T/a0.db")" = "$sum" ] && pass || fail "out of order changed the database"
on "$T/a0.db" sync import "$T/o1.changes"; expect_rc 0 "the earlier file"
on "$T/a0.db" sync import "$T/o2.changes"; expect_rc 0 "then the later one"
on "$T/a0.db" show 2.3; expect_out "2021-11-28" "both applied"

# --- a copy made with cp is recognised, and the command fixes it ---
cp "$B" "$T/stick.db"
at 11:00:00; on "$B" leader 3.1 "张三"
at 11:00:01; on "$T/stick.db" leader 3.2 "李四"
sum=$(db_sum "$A")
on "$T/stick.db" sync "$B"; expect_rc 2 "cp copy refused"
expect_err "made with cp" "cp copy"; expect_one_line_err "cp copy"
cmd=$(printf '%s' "$errout" | sed 's/.*run: //')
on "$T/stick.db" sync export "$T/stick.changes"
on "$B" sync import "$T/stick.changes"; expect_rc 2 "cp copy's file refused"
expect_err "duban sync reidentify" "cp copy's file"
set -- $cmd
[ "$1 $4 $5" = "duban sync reidentify" ] && pass || fail "fix command: $cmd"
run "${@:2}" --name U盘; expect_rc 0 "reidentify: $cmd"
on "$T/stick.db" sync "$B"; expect_rc 0 "the copy syncs once it has its own identity"
on "$A" sync "$B"; expect_rc 0 "office catches up"
on "$A" sync "$T/stick.db"; expect_rc 0 "office and stick"
for db in "$B" "$T/stick.db"; do
  [ "$(plan_sum "$A")" = "$(plan_sum "$db")" ] && pass || fail "$db differs after reidentify"
done
on "$A" show 3.2; expect_out "李四" "the copy's edit arrived"
on "$A" show 3.1; expect_out "张三" "the laptop's edit arrived"

# --- a shared folder, three replicas ---
mkdir "$T/share"
C="$T/unit.db"
on "$A" clone "$C" --name 住建局
at 12:00:00; on "$A" set 4.1 in_progress
at 12:00:01; on "$B" set 4.2 behind
at 12:00:02; on "$C" set 4.3 done --note "住建局已完成"
for round in 1 2; do
  for db in "$A" "$B" "$C"; do on "$db" sync "$T/share"; expect_rc 0 "folder sync $round"; done
done
ls "$T/share" | grep -c '\.duban-changes$' | grep -qx 3 && pass || fail "one file per replica"
for db in "$B" "$C"; do
  [ "$(plan_sum "$A")" = "$(plan_sum "$db")" ] && pass || fail "$db differs after folder sync"
done
on "$C" sync status; expect_rc 0 "status"
expect_out "办公室" "status lists the office"; expect_out "笔记本" "and the laptop"
expect_out "U盘" "and the stick"
run --db "$T/other.db" sync "$T/share"; expect_rc 0 "another plan's replica in the same folder"
on "$A" sync "$T/share"; expect_rc 0 "its file is left alone"
[ -z "$errout" ] && pass || fail "another plan's file was reported: $errout"
ls "$T/share" | grep -c '\.duban-changes$' | grep -qx 4 && pass || fail "one file per replica and plan"
printf 'junk' >"$T/share/zz.duban-changes"
on "$A" sync "$T/share"; expect_rc 0 "a bad file in the folder is skipped"
expect_err "skipped" "bad file in the folder"

# --- the first file in an empty folder: what the replicas it knows lack ---
E="$T/e-office.db" F="$T/e-unit.db"
run --db "$E" list >/dev/null
at 12:10:00; on "$E" set 1.1 in_progress
at 12:10:01; on "$E" set 1.2 behind
on "$E" clone "$F" --name 统计局; expect_rc 0 "clone for a fresh folder"
at 12:10:02; on "$F" set 1.3 done
on "$F" sync status --format csv; expect_rc 0 "status of a fresh clone"
expect_out ",,2,1," "the source made 2 edits and lacks the clone's one"
mkdir "$T/fresh"
on "$F" sync "$T/fresh"; expect_rc 0 "the first sync into an empty folder"
expect_out "写出 1 处修改" "its file holds the edit its source lacks, not the history they share"
on "$E" sync "$T/fresh"; expect_rc 0 "the source syncs with the folder"
expect_out "收到 1 处修改" "and receives that edit"
on "$E" show 1.3; expect_out "已完成" "the clone's edit arrived"

# --- an edit made after seeing another wins, whatever the clocks say ---
export DUBAN_NOW=2030-01-01T00:00:00Z # the laptop's clock is years ahead
on "$B" unit 5.2 "快钟单位"
at 12:20:00; on "$A" sync "$B"; expect_rc 0 "sync from the fast clock"
at 12:20:01; on "$A" unit 5.2 "办公室单位"; expect_rc 0 "edit after seeing it"
at 12:20:02; on "$A" sync "$B"; expect_rc 0 "sync back"
on "$B" show 5.2; expect_out "办公室单位" "the later edit (in causal order) wins on the laptop"
on "$A" conflicts; expect_no_out "快钟单位" "an edit that replaced another knowingly is no conflict"
on "$B" sync export "$T/since.changes" --since 2030-01-01; expect_out "1 changes" "--since: from a day on"
on "$B" sync export "$T/since.changes" --since 2030-13-01; expect_rc 2 "--since needs a date"

# --- the plan's structure travels (format 2) ---
at 12:24:00; on "$A" add 5 "办公室新增的事项"; expect_rc 0 "add an item in the office"
at 12:24:01; on "$A" unit 3.3 "办公室单位33"; expect_rc 0 "edit 3.3 in the office"
at 12:25:00; on "$B" add 5 "笔记本新增的事项"; expect_rc 0 "add an item on the laptop"
newref=$(grep -o '5\.[0-9]*' <<<"$out" | head -1)
at 12:25:01; on "$B" unit "$newref" "新事项单位"; expect_rc 0 "edit the added item"
at 12:25:02; on "$B" rename 6.1 "笔记本改的标题"; expect_rc 0 "rename on the laptop"
at 12:25:02; on "$B" move 5.3 6; expect_rc 0 "move on the laptop"
at 12:25:02; on "$B" milestone 6.1 add "笔记本的里程碑" 2021-11-20; expect_rc 0 "milestone on the laptop"
at 12:25:02; on "$B" cancel 3.3 --reason "笔记本取消"; expect_rc 0 "cancel on the laptop"
at 12:25:03; on "$B" leader 6.2 "赵六"
at 12:25:04; on "$A" sync "$B"; expect_rc 0 "sync after structural edits"
expect_no_out "本副本没有的事项" "nothing is left out"
on "$A" show 6.2; expect_out "赵六" "plain edits still travel"
on "$A" show 6.1; expect_out "笔记本改的标题" "a rename travels"
expect_out "笔记本的里程碑" "a milestone travels"
on "$A" list; expect_out "笔记本新增的事项" "an item added on the laptop arrives"
expect_out "办公室新增的事项" "and the office's stays"
grep -q '^6\.[0-9]* .*培育消费新业态' <<<"$out" && pass || fail "a move travels: $out"
on "$A" show 5.3; expect_out "培育消费新业态" "the old ref leads to the moved item"
expect_err "has moved" "and says so"
on "$A" show 3.3; expect_out "已取消" "a cancel travels"
expect_out "办公室单位33" "the edit of the item cancelled meanwhile is kept"
expect_out "conflicts (冲突" "show lists the item's conflict"
on "$B" show 3.3; expect_out "同时取消了此事项" "and so does the laptop"
on "$B" --format json show 3.3; expect_out '"lost": "办公室单位33", "lost_by": "办公室"' "show's json lists it"
expect_out '"cancelled": true}]}' "as an edit of a cancelled item"
on "$B" --format json show 3.2; expect_out '"conflicts": []}' "an item without conflicts"
on "$A" conflicts; expect_out "unit (已取消的事项)" "duban conflicts lists the edit of a cancelled item"
"$DUBAN" --db "$A" --format json list >"$T/la.json"; "$DUBAN" --db "$B" --format json list >"$T/lb.json"
cmp -s "$T/la.json" "$T/lb.json" && pass || fail "the plans differ after structural edits: $(diff "$T/la.json" "$T/lb.json" | head -5)"
on "$A" list
[ "$(grep -c '^5\.[0-9]* .*新增的事项' <<<"$out")" = 2 ] && pass || fail "both added items kept: $out"
grep -q '新事项单位 .*笔记本新增的事项' <<<"$out" && pass || fail "the laptop's item and its unit: $out"
on "$A" sync "$B"; expect_rc 0 "and the next sync is quiet"
expect_out "收到 0 处修改" "nothing new the second time"
at 12:25:05; on "$B" undo; expect_rc 0 "undo of the laptop's last edit after sync"
on "$B" show 6.2; out=$(grep '^leader:' <<<"$out"); expect_no_out "赵六" "undo reverts it"
at 12:26:00; on "$B" rename 6.3 "笔记本的标题"; expect_rc 0 "rename on the laptop"
at 12:26:01; on "$A" sync "$B"; expect_rc 0 "sync the rename"
at 12:26:02; on "$A" rename 6.3 "办公室的标题"; expect_rc 0 "a later rename in the office"
at 12:26:03; on "$A" sync "$B"; expect_rc 0 "sync it back"
at 12:26:04; on "$B" undo; expect_rc 0 "undo the laptop's rename"
on "$B" show 6.3; expect_out "办公室的标题" "undo leaves a title another replica replaced"

# --- concurrent moves and renames of one item: the later wins, the other is listed ---
at 12:27:00; on "$A" rename 3.2 "办公室的改名"; expect_rc 0 "rename in the office"
at 12:27:01; on "$B" rename 3.2 "笔记本的改名"; expect_rc 0 "rename on the laptop meanwhile"
at 12:27:02; on "$A" move 3.1 1; expect_rc 0 "move in the office"
moved_a=$(grep -o '1\.[0-9]*' <<<"$out" | tail -1)
at 12:27:03; on "$B" move 3.1 2; expect_rc 0 "move on the laptop meanwhile"
at 12:27:05; on "$A" sync "$B"; expect_rc 0 "sync the concurrent moves"
expect_out "2 处冲突" "both count as conflicts"
on "$A" conflicts; expect_out "place" "the losing move is listed"
grep -q "place .*$moved_a .*办公室" <<<"$out" && pass || fail "as the ref it asked for ($moved_a): $out"
expect_out "办公室的改名" "the losing rename is listed"
moves_of() { "$DUBAN" --db "$1" --format csv conflicts | grep -E ',(place|title),' | cut -d, -f2-; }
[ "$(moves_of "$A")" = "$(moves_of "$B")" ] && pass || fail "conflict lists differ after moves"
grep -q "^3.2,title,笔记本的改名,.*,办公室的改名,办公室," <<<"$(moves_of "$B")" && pass ||
  fail "the laptop lists the same: $(moves_of "$B")"

# --- an undo of a move whose old number an item from elsewhere took: popped, the item stays ---
at 12:28:00; on "$A" leader 8.1 "办公室的负责人"; expect_rc 0 "an edit before the move"
at 12:28:01; on "$A" move 7.1 8; expect_rc 0 "move 7.1 away"
at 12:28:02; on "$A" sync "$B"; expect_rc 0 "sync the move"
at 12:28:03; on "$B" renumber 7; expect_rc 0 "the laptop renumbers 7"
at 12:28:04; on "$A" sync "$B"; expect_rc 0 "sync the renumbering"
on "$A" show 7.1; expect_rc 0 "7.1 is taken again"
at 12:28:05; on "$A" undo; expect_rc 0 "undo of the move is not refused"
expect_out "the item stays: an item from another replica holds its old number" "and says why"
on "$A" show 8.4; expect_rc 0 "the moved item stays"
expect_no_out "→ 7.1" "and it is not put back"
at 12:28:06; on "$A" undo; expect_rc 0 "the next undo goes past it"
expect_out "8.1 leader" "to the edit before the move"
on "$A" show 8.1; out=$(grep '^leader:' <<<"$out"); expect_no_out "办公室的负责人" "which is reverted"
at 12:28:07; on "$A" sync "$B"; expect_rc 0 "sync the undos"
"$DUBAN" --db "$A" --format json list >"$T/la.json"; "$DUBAN" --db "$B" --format json list >"$T/lb.json"
cmp -s "$T/la.json" "$T/lb.json" && pass || fail "the plans differ after the undos"

# --- edits that arrive during a meeting belong to it ---
at 12:30:00; on "$A" meeting start "第三次推进会"; expect_rc 0 "meeting start"
at 12:30:01; on "$B" leader 4.1 "王五"
at 12:31:00; on "$A" sync "$B"; expect_rc 0 "sync during the meeting"
on "$A" changes; expect_out "王五" "the meeting's changes show the synced edit"
on "$A" meeting end; expect_rc 0 "meeting end"

# --- a database made before sync (schema 6) gets its identities ---
O="$T/old.db"
at 13:00:00; run --db "$O" list
at 13:00:01; run --db "$O" set 1.1 done
at 13:00:02; run --db "$O" set 1.1 blocked
at 13:00:03; run --db "$O" undo
sqlite3 "$O" "DROP TRIGGER sync_added_stamp; DROP TABLE sync_added;
  DROP TRIGGER IF EXISTS history_stamp; DROP TRIGGER history_unstamp; DROP TRIGGER plan_gid;
  DROP TRIGGER node_gid; DROP TABLE history_gid; DROP TABLE replica; DROP TABLE sync_peer_seen;
  DROP TABLE sync_log; DROP TABLE conflict_ack; DROP INDEX plan_by_gid; DROP INDEX node_by_gid;
  ALTER TABLE plan DROP COLUMN gid; ALTER TABLE node DROP COLUMN gid;
  DROP TABLE decision; DROP TABLE meeting_minutes; ALTER TABLE meeting DROP COLUMN attendees;
  DROP TRIGGER milestone_hkey; DROP INDEX milestone_by_hkey; ALTER TABLE milestone DROP COLUMN hkey;
  PRAGMA user_version = 6;"
run --db "$O" list; expect_rc 0 "migration 7 on an old database"
[ "$(sqlite3 "$O" "SELECT count(*) FROM history_gid")" = 3 ] && pass || fail "old rows got no identity"
run --db "$O" conflicts; expect_no_out "1.1" "old edits are not conflicts"
at 13:00:04; run --db "$O" clone "$T/old2.db"; expect_rc 0 "clone of a migrated database"
at 13:00:05; run --db "$O" redo; expect_rc 0 "redo after migration"
run --db "$T/old2.db" sync "$O"; expect_rc 0 "sync of a migrated database"
run --db "$T/old2.db" show 1.1; expect_out "受阻" "the redo arrived"

# --- completion ---
mkdir "$T/empty"
offers() { # the offers, from a folder without files
  (cd "$T/empty" && bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _duban
    echo "${COMPREPLY[@]}"' _ "$DUBAN_SRC/data/duban.bash" "$DUBAN" "$@")
}
[ "$(offers sync st)" = status ] && pass || fail "completing sync st: $(offers sync st)"
[ "$(offers sync re)" = reidentify ] && pass || fail "completing sync re"
[ "$(offers sync "$T/sha")" = "$T/share" ] && pass || fail "sync completes a folder"
[ "$(offers sync export "$T/o1.ch")" = "$T/o1.changes" ] && pass || fail "export completes a file"
[ "$(offers conflicts "")" = ack ] && pass || fail "completing conflicts"
[[ "$(offers sync --)" == *" --help --name --to --all --since" ]] && pass || fail "sync's options: $(offers sync --)"

# --- usage ---
on "$A" sync; expect_rc 2 "sync without arguments"
on "$A" sync export; expect_rc 2 "export without a file"
on "$A" sync import "$T/none"; expect_rc 3 "import of a missing file (not found)"
on "$A" sync "$T/none.db"; expect_rc 3 "sync with a missing file"
on "$A" sync name ""; expect_rc 2 "empty name"
# Both replicas add an item 1.N at once: the earlier keeps the number, and
# the replica whose own item took the next one is told (it may have just
# announced the number in a meeting).
# (clocks past the 2030 above, or the two clocks tie and the replicas'
# identities, random, decide which keeps the number)
export DUBAN_NOW=2031-01-01T00:00:00Z
on "$A" sync "$B"; expect_rc 0 "sync before both add"
export DUBAN_NOW=2031-01-01T00:00:01Z
on "$B" add 9 笔记本新增
bref=$(sed -n 's/^\([0-9.]*\) added: .*/\1/p' <<<"$out")
export DUBAN_NOW=2031-01-01T00:00:02Z
on "$A" add 9 办公室新增
aref=$(sed -n 's/^\([0-9.]*\) added: .*/\1/p' <<<"$out")
[ -n "$aref" ] && [ "$aref" = "$bref" ] && pass || fail "both should add the same number: $aref, $bref"
export DUBAN_NOW=2031-01-01T00:00:03Z
on "$A" sync "$B"; expect_rc 0 "sync two additions of one number"
next="${aref%.*}.$((${aref##*.} + 1))"
expect_out "编号变动 refs changed here: $aref → $next" "the office is told its item is now $next"
on "$A" list; grep -q "^$next .*办公室新增" <<<"$out" && pass || fail "the office's item is not $next: $out"
finish
