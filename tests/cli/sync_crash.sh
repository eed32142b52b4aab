# Crash safety: `duban sync OTHER.db` killed with SIGKILL at a random moment
# leaves each database as it was before or fully synced, never half, and
# intact (PRAGMA integrity_check).  SYNC_CRASH_TRIALS sets the number of
# trials (CI: 20; the figure in the report comes from 300), SYNC_CRASH_EDITS
# the edits each side makes first (150).
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 1
TRIALS=${SYNC_CRASH_TRIALS:-20}
: "${DUBAN_GEN:?DUBAN_GEN must name duban-gen}"
RANDOM=${SYNC_CRASH_SEED:-7}

"$DUBAN_GEN" --db "$T/a.db" --items 3000 >/dev/null || fail "duban-gen"
"$DUBAN" --db "$T/a.db" clone "$T/b.db" --name 笔记本 >/dev/null || fail "clone"
edits() { # edits DB N: N edits that change something
  local i ref
  for ((i = 0; i < $2; i++)); do
    ref="$((i % 12 + 1)).$((i / 12 % 20 + 1))"
    case $((i % 10)) in # the structure too: items added, renamed, moved
      4) "$DUBAN" --db "$1" add $((i % 12 + 1)) "新增$i$1" >/dev/null 2>&1; continue ;;
      7) "$DUBAN" --db "$1" rename "$ref" "改名$i$1" >/dev/null 2>&1; continue ;;
      9) "$DUBAN" --db "$1" move "$ref" $(((i + 5) % 12 + 1)) >/dev/null 2>&1; continue ;;
    esac
    case $((i % 3)) in
      0) "$DUBAN" --db "$1" due "$ref" "2021-$((10 + i % 3))-$((10 + i % 17))" ;;
      1) "$DUBAN" --db "$1" unit "$ref" "单位$i$1" ;;
      2) "$DUBAN" --db "$1" note "$ref" "进展 $i" ;;
    esac >/dev/null 2>&1
  done
}
EDITS=${SYNC_CRASH_EDITS:-150}
edits "$T/a.db" "$EDITS"
edits "$T/b.db" "$EDITS"
mkdir "$T/tpl" "$T/done"
cp "$T/a.db" "$T/b.db" "$T/tpl/"

state() {
  "$DUBAN" --db "$1" --format json list 2>/dev/null
  # a move names its parent by local id: its value is left out
  sqlite3 "$1" "SELECT g.gid, h.field, CASE WHEN h.field IN ('place', 'order') THEN ''
    ELSE h.new_value END FROM history h JOIN history_gid g ON g.history_id = h.id
    ORDER BY g.gid; SELECT history_id, text FROM note ORDER BY 1, 2;
    SELECT count(*) FROM note; SELECT gid, ref, title, sort_key FROM node ORDER BY gid" 2>&1
}
state "$T/tpl/a.db" | md5sum >"$T/a.before"
state "$T/tpl/b.db" | md5sum >"$T/b.before"
cp "$T/tpl/a.db" "$T/tpl/b.db" "$T/done/"
start=$(date +%s%N)
"$DUBAN" --db "$T/done/a.db" sync "$T/done/b.db" >/dev/null || fail "clean sync"
took=$((($(date +%s%N) - start) / 1000000))
state "$T/done/a.db" | md5sum >"$T/a.after"
state "$T/done/b.db" | md5sum >"$T/b.after"
cmp -s "$T/a.after" "$T/b.after" && pass || fail "a clean sync does not converge"
cmp -s "$T/a.before" "$T/a.after" && fail "the sync changes nothing: no test" || pass

killed=0 outcomes=""
for ((t = 0; t < TRIALS; t++)); do
  rm -rf "$T/run" && mkdir "$T/run" && cp "$T/tpl/a.db" "$T/tpl/b.db" "$T/run/"
  "$DUBAN" --db "$T/run/a.db" sync "$T/run/b.db" >/dev/null 2>&1 &
  pid=$!
  # anywhere from before the start to past the end of a clean run
  sleep "$(printf '0.%03d' $((RANDOM % (took + took / 2 + 5) % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [ $? -eq 137 ] && killed=$((killed + 1))
  for db in a b; do
    ok=$(sqlite3 "$T/run/$db.db" "PRAGMA integrity_check" 2>&1)
    [ "$ok" = ok ] && pass || fail "trial $t: $db.db is damaged: $ok"
    now=$(state "$T/run/$db.db" | md5sum)
    if [ "$now" = "$(<"$T/$db.before")" ]; then outcomes+="$db:before "
    elif [ "$now" = "$(<"$T/$db.after")" ]; then outcomes+="$db:after "
    else fail "trial $t: $db.db is half synced"; fi
  done
  # whatever the moment, syncing again finishes the job
  "$DUBAN" --db "$T/run/a.db" sync "$T/run/b.db" >/dev/null 2>&1 || fail "trial $t: sync after the kill"
  [ "$(state "$T/run/a.db" | md5sum)" = "$(<"$T/a.after")" ] && pass || fail "trial $t: not converged after a second sync"
done
counts=$(tr ' ' '\n' <<<"$outcomes" | grep . | sort | uniq -c | tr -s ' \n' ' ')
echo "sync of $EDITS+$EDITS edits takes ${took} ms; $TRIALS trials, $killed killed mid-run; outcomes: $counts"
finish
