# The layers hold: core/ has no curses, never prints, exits or reads the
# environment (the executable passes today, paths and settings in); the
# front end (tui/) calls no SQLite function.  DESIGN.md draws the flow.
set -u
cd "${DUBAN_SRC:?}"
status=0
bad() { echo "layers: $*"; status=1; }

# core/: no curses headers, no printing, no exiting, no environment.
hits=$(grep -rnE '#include <(n?curses|ncursesw/)' core || true)
[ -z "$hits" ] || bad "core includes curses:"$'\n'"$hits"
hits=$(grep -rnE '\b(printf|vprintf|puts|putchar|perror|exit|_Exit|abort|getenv|secure_getenv|system|popen)[[:space:]]*\(' core \
  | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(\*|/\*|//)' || true)
[ -z "$hits" ] || bad "core prints, exits or reads the environment:"$'\n'"$hits"
hits=$(grep -rnE '\b(stdout|stderr)\b' core | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(\*|/\*|//)' || true)
[ -z "$hits" ] || bad "core writes to stdout or stderr:"$'\n'"$hits"

# tui/: no SQL.  The sources name no sqlite3 symbol, and the objects of
# the executable (when a build directory is given) import none.
hits=$(grep -rnE 'sqlite3|<sqlite3\.h>' tui || true)
[ -z "$hits" ] || bad "tui names SQLite:"$'\n'"$hits"
if [ -n "${DUBAN_BUILD:-}" ] && command -v nm >/dev/null; then
  objs=$(find "$DUBAN_BUILD/tui" -name '*.o')
  if [ -n "$objs" ]; then
    hits=$(nm -u $objs 2>/dev/null | grep -E '\bsqlite3_' || true)
    [ -z "$hits" ] || bad "tui objects call SQLite:"$'\n'"$hits"
  fi
fi
exit $status
