# The layers of core/, lowest first; a folder may use only folders of a
# lower rank (and itself).  Folders of one rank do not use each other.
#
#   0 base    errors, strbuf, the growth helper and list-free macro
#   1 text    UTF-8, display width, tables
#   2 plan    the model: dates, statuses, lights, targets, plan_doc
#   3 import  text -> plan_doc          3 store   SQLite, schema, migrations
#   4 edit    edits, undo, meetings     4 config  configuration
#   5 query   what the views and reports read   5 sync    replicas, change files
#   6 report  通报 and minutes
#
# Checked on the #include lines of the sources and, when DUBAN_BUILD names
# a build directory, on the objects: no folder's object may call a function
# defined in a folder of the same or a higher rank.
set -u
cd "${DUBAN_SRC:?}"
status=0
bad() { echo "core_layers: $*"; status=1; }

# (a table, not a function: a $(rank x) a line forked thousands of times)
declare -A RANK=([base]=0 [text]=1 [plan]=2 [import]=3 [store]=3 [edit]=4 [config]=4
  [query]=5 [sync]=5 [report]=6)

for dir in core/*/; do
  d=${dir%/}
  d=${d##*/}
  r=${RANK[$d]:-}
  [ -n "$r" ] || { bad "core/$d has no rank: add it to tests/arch/core_layers.sh"; continue; }
  while IFS=: read -r file line inc; do
    to=${inc#*\"}
    to=${to%%/*}
    [ "$to" = "$d" ] && continue
    t=${RANK[$to]:-}
    [ -z "$t" ] && continue # not a core folder (cmocka, system)
    [ "$t" -lt "$r" ] || bad "$file:$line: $d (rank $r) includes $to (rank $t): ${inc#\#include }"
  done < <(grep -nE '^#include "[a-z]+/' "$dir"*.[ch] /dev/null)
done

objdir=${DUBAN_BUILD:-}/core/CMakeFiles/duban_core.dir
if [ -n "${DUBAN_BUILD:-}" ] && [ -d "$objdir" ] && command -v nm >/dev/null; then
  # two nm runs over all the objects (not two a file: ~300 processes cost
  # 40 s on a slow VM), one awk: defined symbols first, then undefined ones
  ranks=$(for k in "${!RANK[@]}"; do printf '%s=%s ' "$k" "${RANK[$k]}"; done)
  while IFS= read -r line; do
    bad "$line"
  done < <({ nm -A --defined-only -g "$objdir"/*/*.o 2>/dev/null | sed 's/^/D /'
    nm -A -u "$objdir"/*/*.o 2>/dev/null | sed 's/^/U /'; } |
    awk -v ranks="$ranks" -v objdir="$objdir/" '
      BEGIN { n = split(ranks, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); rank[p[1]] = p[2] } }
      { file = $2; sub(/:.*/, "", file); d = file; sub(/\/[^\/]*$/, "", d); sub(/.*\//, "", d) }
      $1 == "D" && $(NF - 1) ~ /^[TDBR]$/ { home[$NF] = d; next }
      $1 == "U" { to = home[$NF]; if (to == "" || to == d) next
        if (!(rank[to] < rank[d])) { f = file; sub("^" objdir, "", f)
          printf "%s: %s (rank %s) calls %s of %s (rank %s)\n", f, d, rank[d], $NF, to, rank[to] } }')
fi
exit $status
