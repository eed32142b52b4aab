#!/bin/bash
# kill -9 trials: edits, notes, imports, undo and redo are killed at random
# moments (0-9 ms after they start, most of them mid-run).  After every
# trial the database must pass `duban check` (SQLite integrity; every
# field equals its last history row; notes match their edits: no half
# edit), and at the end every acknowledged edit (exit 0 before the kill)
# must be there.
#
#   DUBAN=build-ci/tui/duban bash tests/crash/run.sh            # 100 trials (CI)
#   DUBAN_CRASH_TRIALS=2000 DUBAN=build-ci/tui/duban bash tests/crash/run.sh   # the long run
set -u
: "${DUBAN:?DUBAN must name the duban binary}"
TRIALS=${DUBAN_CRASH_TRIALS:-100}
T=$(mktemp -d "${TMPDIR:-/tmp}/duban-crash.XXXXXX")
trap 'rm -rf "$T"' EXIT
export DUBAN_TODAY=2021-10-01 XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" HOME="$T/home"
DB="$T/c.db"
failures=0 acked=0 killed=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$DUBAN" --db "$DB" list >/dev/null 2>&1 || { echo "cannot create $DB"; exit 1; }
printf '%s\n' '2022年重点工作' '一、扎实推进经济发展' '（一）加快项目建设。6月底前完成。' \
  '（二）优化营商环境。三季度完成。' '二、持续改善民生' '（一）办好民生实事。年底前完成。' >"$T/plan.txt"
statuses=(not_started in_progress behind blocked done)
refs=(1.1 1.2 2.1 3.1 5.1 5.2 7.2 8.2 10.1 12.1)
: >"$T/acked-notes"; : >"$T/acked-units"
acked_imports=0 acked_undos=0

for i in $(seq "$TRIALS"); do
  ref=${refs[$((RANDOM % ${#refs[@]}))]}
  case $((i % 6)) in
    0) op=(--plan 1 note "$ref" "crash-note-$i") ;;
    1) op=(--plan 1 unit "$ref" "crash-unit-$i") ;;
    2) op=(--plan 1 set "$ref" "${statuses[$((RANDOM % 5))]}" --note "crash-set-$i") ;;
    3) op=(import "$T/plan.txt" --year 2022) ;;
    4) op=(--plan 1 undo) ;;
    5) op=(--plan 1 extend "$ref" 2022-0$((RANDOM % 9 + 1))-15 --reason "crash-ext-$i") ;;
  esac
  "$DUBAN" --db "$DB" "${op[@]}" >/dev/null 2>"$T/err" &
  pid=$!
  sleep "0.00$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rc=$?
  if [ "$rc" -eq 0 ]; then
    acked=$((acked + 1))
    case $((i % 6)) in
      0) echo "crash-note-$i" >>"$T/acked-notes" ;;
      1) echo "crash-unit-$i" >>"$T/acked-units" ;;
      3) acked_imports=$((acked_imports + 1)) ;;
      4) acked_undos=$((acked_undos + 1)) ;;
    esac
  elif [ "$rc" -eq 137 ]; then
    killed=$((killed + 1))
  elif [ "$rc" -ne 8 ]; then # 8: nothing to undo
    fail "trial $i (${op[*]}): exit $rc: $(cat "$T/err")"
  fi
  if ! "$DUBAN" --db "$DB" check >"$T/check" 2>&1; then
    fail "trial $i (${op[*]}, exit $rc): check: $(head -5 "$T/check")"
    break
  fi
done

# Every acknowledged edit is there.
"$DUBAN" --db "$DB" --plan 1 --format csv history >"$T/history"
while read -r note; do
  grep -qF "$note" "$T/history" || fail "acknowledged note $note is lost"
done <"$T/acked-notes"
while read -r unit; do
  grep -qF "$unit" "$T/history" || fail "acknowledged unit $unit is lost"
done <"$T/acked-units"
undos=$(grep -c '^[0-9]*,[^,]*,undo,' "$T/history")
[ "$undos" -ge "$acked_undos" ] || fail "$acked_undos undos acknowledged, $undos recorded"
plans=$(("$("$DUBAN" --db "$DB" --format csv plans | wc -l)" - 2))
[ "$plans" -ge "$acked_imports" ] || fail "$acked_imports imports acknowledged, $plans recorded"
# every imported plan is whole: 2 areas, 3 items
"$DUBAN" --db "$DB" --format csv plans | tail -n +2 | while IFS=, read -r id _ _ _ _ areas items _; do
  [ "$id" = 1 ] && continue
  [ "$areas,$items" = "2,3" ] || echo "plan $id has $areas areas and $items items" >>"$T/partial"
done
[ ! -s "$T/partial" ] || fail "a half import: $(cat "$T/partial")"

echo "$TRIALS trials: $killed killed mid-run, $acked acknowledged, $failures failed"
[ "$failures" -eq 0 ]
