# Convergence through the command line: three replicas make random edits
# (set, due, unit, leader, note, extend; add, move, rename, cancel,
# restore, milestones; undo, redo) and exchange them in
# random order (databases, change files, old files again), then end with
# the same `duban --format json list`, history and conflicts.  The larger
# property test is tests/unit/test_sync.c; SYNC_CLI_OPS makes this longer.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 1
RANDOM=${SYNC_CLI_SEED:-42}
OPS=${SYNC_CLI_OPS:-300}

R=("$T/a.db" "$T/b.db" "$T/c.db")
export DUBAN_NOW=2021-10-01T08:00:00Z
"$DUBAN" --db "${R[0]}" list >/dev/null 2>&1
"$DUBAN" --db "${R[0]}" clone "${R[1]}" --name b >/dev/null || fail "clone b"
"$DUBAN" --db "${R[0]}" clone "${R[2]}" --name c >/dev/null || fail "clone c"
refs=(1.1 1.2 2.1 3.1 1.3 2.2 2.3 3.2)
statuses=(1 2 3 4 5)
dates=(2021-10-31 2021-11-30 2021-12-31)
words=(县发改局 县住建局 张三 李四 '')
files=()
clock=(0 0 0)

tick() { # a clock per replica, drifting and sometimes going back
  local r=$1
  clock[r]=$((clock[r] + RANDOM % 3 - (RANDOM % 10 == 0 ? 15 : 0)))
  [ "${clock[r]}" -ge 0 ] || clock[r]=0
  DUBAN_NOW=$(printf '2021-10-01T09:%02d:%02dZ' $((clock[r] / 60 % 60)) $((clock[r] % 60)))
}

edit() {
  local r=$1 db=${R[$1]} ref=${refs[RANDOM % 8]}
  tick "$r"
  case $((RANDOM % 14)) in
    9) "$DUBAN" --db "$db" add $((1 + RANDOM % 3)) "新增 $RANDOM" ;;
    10) "$DUBAN" --db "$db" move "$ref" $((1 + RANDOM % 3)) ;;
    11) "$DUBAN" --db "$db" rename "$ref" "改名 $RANDOM" ;;
    12) if [ $((RANDOM % 2)) = 0 ]; then "$DUBAN" --db "$db" cancel "$ref" --reason 理由
        else "$DUBAN" --db "$db" restore "$ref"; fi ;;
    13) if [ $((RANDOM % 2)) = 0 ]; then "$DUBAN" --db "$db" milestone "$ref" add "节点 $RANDOM" "${dates[RANDOM % 3]}"
        else "$DUBAN" --db "$db" milestone "$ref" done 1; fi ;;
    0 | 1) "$DUBAN" --db "$db" set "$ref" "${statuses[RANDOM % 5]}" ;;
    2) "$DUBAN" --db "$db" due "$ref" "${dates[RANDOM % 3]}" ;;
    3) "$DUBAN" --db "$db" unit "$ref" "${words[RANDOM % 5]}" ;;
    4) "$DUBAN" --db "$db" leader "$ref" "${words[RANDOM % 5]}" ;;
    5) "$DUBAN" --db "$db" note "$ref" "进展 $RANDOM" ;;
    6) "$DUBAN" --db "$db" extend "$ref" "${dates[RANDOM % 3]}" --reason "理由 $RANDOM" ;;
    7) "$DUBAN" --db "$db" undo ;;
    8) "$DUBAN" --db "$db" redo ;;
  esac >/dev/null 2>&1
}

exchange() {
  local a=$((RANDOM % 3)) b f
  b=$(((a + 1 + RANDOM % 2) % 3))
  tick "$a"
  case $((RANDOM % 4)) in
    0) "$DUBAN" --db "${R[a]}" sync "${R[b]}" >/dev/null 2>"$T/err" || fail "sync: $(cat "$T/err")" ;;
    1 | 2)
      f="$T/f${#files[@]}.changes"
      "$DUBAN" --db "${R[a]}" sync export "$f" $([ $((RANDOM % 2)) = 0 ] && echo --all) >/dev/null
      files+=("$f")
      "$DUBAN" --db "${R[b]}" sync import "$f" >/dev/null 2>&1
      ;;
    3) [ ${#files[@]} -gt 0 ] && "$DUBAN" --db "${R[b]}" sync import "${files[RANDOM % ${#files[@]}]}" >/dev/null 2>&1 ;;
  esac
  # a refused import is fine (out of order, its own file); a broken one is not
  if grep -q "corrupted\|truncated" "$T/err" 2>/dev/null; then fail "import: $(cat "$T/err")"; fi
  : >"$T/err"
}

for ((i = 0; i < OPS; i++)); do
  if [ $((RANDOM % 5)) = 0 ]; then exchange; else edit $((RANDOM % 3)); fi
done
for round in 1 2; do
  for a in 0 1 2; do
    "$DUBAN" --db "${R[a]}" sync "${R[$(((a + 1) % 3))]}" >/dev/null 2>"$T/err" || fail "final sync: $(cat "$T/err")"
  done
done

state() {
  "$DUBAN" --db "$1" --format json list
  # places and milestone numbers are in local ids (the unit test compares them as they travel)
  sqlite3 "$1" "SELECT g.gid, g.origin, g.seq, g.hlc, h.action, n.gid,
    CASE WHEN h.field LIKE 'ms.%' THEN 'ms' || substr(h.field, instr(substr(h.field, 4), '.') + 3)
    ELSE h.field END, CASE WHEN h.field IN ('place', 'order') THEN '' ELSE h.old_value || '|'
    || h.new_value END, h.note, h.at FROM history h JOIN history_gid g ON g.history_id = h.id
    JOIN node n ON n.id = h.node_id ORDER BY g.gid;
    SELECT gid, ref, title, state, sort_key FROM node ORDER BY gid;
    SELECT n.gid, m.phrase, m.due, m.done, m.state FROM milestone m JOIN node n ON n.id = m.node_id
    ORDER BY 1, 2, 3, 4, 5;
    SELECT g.gid, n.text FROM note n JOIN history_gid g ON g.history_id = n.history_id ORDER BY 1, 2"
  "$DUBAN" --db "$1" --format csv conflicts | cut -d, -f2-
}
state "${R[0]}" >"$T/s0"
for r in 1 2; do
  state "${R[r]}" >"$T/s$r"
  cmp -s "$T/s0" "$T/s$r" && pass || fail "replica $r differs: $(diff "$T/s0" "$T/s$r" | head -5)"
done
[ "$(grep -c '"ref"' "$T/s0")" -gt 10 ] && pass || fail "json list is empty"
rows=$(sqlite3 "${R[0]}" "SELECT count(*) FROM history")
[ "$rows" -gt $((OPS / 3)) ] && pass || fail "only $rows history rows"
finish
