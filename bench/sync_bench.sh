#!/usr/bin/env bash
# sync_bench.sh BUILD_DIR [EDITS] - the cost of `duban sync` (issue 11).
#
# Two replicas of a 10,000-item plan (duban-gen, then duban clone); EDITS
# (default 1000) edits on the laptop (status, due, unit, leader, note in
# turn; with MIX=structure every tenth is a structural edit instead: an
# item added, moved, renamed, cancelled, or a milestone added); then,
# whole process each time, from fresh copies:
#   - duban sync OTHER.db carrying them (median of 5),
#   - the change file's size per edit (duban sync export),
#   - a sync with nothing new against duban list (median of 9 each).
set -eu
B=${1:?usage: sync_bench.sh BUILD_DIR [EDITS]}
N=${2:-1000}
DUBAN=$(realpath "$B/tui/duban")
GEN=$(realpath "$B/tests/duban-gen")
T=$(mktemp -d "${TMPDIR:-/tmp}/duban-syncbench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export DUBAN_TODAY=2021-10-01 LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$T/config"

ms() { # ms CMD...: wall time of one run, in milliseconds
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

"$GEN" --db "$T/office.db" --items 10000 >/dev/null
"$DUBAN" --db "$T/office.db" sync name 办公室 >/dev/null
"$DUBAN" --db "$T/office.db" clone "$T/laptop.db" --name 笔记本 >/dev/null
MIX=${MIX:-values}
for ((i = 0; i < N; i++)); do
  ref="$((i % 12 + 1)).$((i / 12 % 600 + 1))"
  if [ "$MIX" = structure ] && [ $((i % 10)) = 9 ]; then
    case $((i / 10 % 5)) in
      0) "$DUBAN" --db "$T/laptop.db" add $((i % 12 + 1)) "新增事项$i" ;;
      1) "$DUBAN" --db "$T/laptop.db" move "$ref" $(((i + 1) % 12 + 1)) ;;
      2) "$DUBAN" --db "$T/laptop.db" rename "$ref" "改名$i" ;;
      3) "$DUBAN" --db "$T/laptop.db" cancel "$ref" --reason "理由$i" ;;
      4) "$DUBAN" --db "$T/laptop.db" milestone "$ref" add "节点$i" 2021-12-01 ;;
    esac >/dev/null
    continue
  fi
  case $((i % 5)) in
    0) "$DUBAN" --db "$T/laptop.db" set "$ref" $((i % 4 + 2)) ;;
    1) "$DUBAN" --db "$T/laptop.db" due "$ref" "2021-12-$((10 + i % 19))" ;;
    2) "$DUBAN" --db "$T/laptop.db" unit "$ref" "单位$i" ;;
    3) "$DUBAN" --db "$T/laptop.db" leader "$ref" "领导$i" ;;
    4) "$DUBAN" --db "$T/laptop.db" note "$ref" "第 $i 条进展：已完成阶段性任务" ;;
  esac >/dev/null
done
edits=$(sqlite3 "$T/laptop.db" "SELECT count(*) FROM history")
echo "replicas: 10000 items each; $edits edits on the laptop ($MIX)"

times=()
for run in 1 2 3 4 5; do
  cp "$T/office.db" "$T/o.db"
  cp "$T/laptop.db" "$T/l.db"
  times+=("$(ms "$DUBAN" --db "$T/o.db" sync "$T/l.db")")
done
cp "$T/office.db" "$T/o2.db"
cp "$T/laptop.db" "$T/l2.db"
got=$("$DUBAN" --db "$T/o2.db" sync "$T/l2.db" | head -1)
echo "duban sync OTHER.db carrying $edits edits: median $(printf '%s\n' "${times[@]}" | median) ms (runs: ${times[*]} ms)"

"$DUBAN" --db "$T/laptop.db" sync export "$T/laptop.changes" --to 办公室 >/dev/null
bytes=$(stat -c %s "$T/laptop.changes")
echo "change file: $bytes bytes for $edits edits, $((bytes / edits)) bytes per edit"

noop=() list=()
for run in 1 2 3 4 5 6 7 8 9; do
  noop+=("$(ms "$DUBAN" --db "$T/o.db" sync "$T/l.db")")
  list+=("$(ms "$DUBAN" --db "$T/o.db" list)")
done
echo "sync with nothing new: median $(printf '%s\n' "${noop[@]}" | median) ms; duban list: median $(printf '%s\n' "${list[@]}" | median) ms"
echo "(the sync said: $got)"
