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
  declare -A home
  for o in "$objdir"/*/*.o; do
    d=${o%/*}
    d=${d##*/}
    for sym in $(nm --defined-only -g "$o" 2>/dev/null | awk '$2 ~ /[TDBR]/ {print $3}'); do
      home[$sym]=$d
    done
  done
  for o in "$objdir"/*/*.o; do
    d=${o%/*}
    d=${d##*/}
    r=${RANK[$d]}
    for sym in $(nm -u "$o" 2>/dev/null | awk '{print $2}'); do
      to=${home[$sym]:-}
      [ -z "$to" ] || [ "$to" = "$d" ] && continue
      t=${RANK[$to]}
      [ "$t" -lt "$r" ] || bad "${o#"$objdir"/}: $d (rank $r) calls $sym of $to (rank $t)"
    done
  done
fi
exit $status
