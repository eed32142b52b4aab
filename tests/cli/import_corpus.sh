# The import corpus: every tests/data/import/NAME.txt is previewed with
# `duban import NAME.txt --dry-run` (stdout, then the warnings on stderr)
# and compared with NAME.tree.  DUBAN_REGEN=1 rewrites the goldens (look at
# the diff before committing them).
. "$(dirname "$0")/lib.sh"
DIR=${DUBAN_SRC:?}/tests/data/import
cd "$DIR" || exit 1
n=0
for txt in *.txt; do
  n=$((n + 1))
  name=${txt%.txt}
  "$DUBAN" --db "$T/never.db" import "$txt" --dry-run >"$T/got" 2>"$T/err"
  echo "exit $?" >>"$T/got"
  cat "$T/err" >>"$T/got"
  if [ "${DUBAN_REGEN:-0}" = 1 ]; then
    cp "$T/got" "$name.tree"
  fi
  if diff -u "$name.tree" "$T/got" >"$T/diff" 2>&1; then pass; else
    fail "$txt differs from $name.tree:"$'\n'"$(head -40 "$T/diff")"
  fi
done
[ "$n" -ge 25 ] && pass || fail "only $n documents in the corpus (at least 25)"
[ -e "$T/never.db" ] && fail "a dry run created the database" || pass
finish
