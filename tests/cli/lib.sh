# Helpers for the command-line tests.  Source it; $DUBAN is the binary.
set -u
: "${DUBAN:?DUBAN must name the duban binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/duban-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
export DUBAN_TODAY=${DUBAN_TODAY:-2021-10-01}
export XDG_DATA_HOME="$T/xdg-data" XDG_CONFIG_HOME="$T/xdg-config" HOME="$T/home"
DB="$T/test.db"
failures=0
checks=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { checks=$((checks + 1)); }

# shellcheck source=../text_has.sh
. "$(dirname "${BASH_SOURCE[0]}")/../text_has.sh"

# run ARGS...: runs duban, leaving stdout in $out, stderr in $errout, status in $rc
# ($(<file) reads the file without a process)
run() {
  out=$("$DUBAN" "$@" 2>"$T/stderr"); rc=$?
  errout=$(<"$T/stderr")
}
expect_rc() { [ "$rc" -eq "$1" ] && pass || fail "$2: exit $rc, expected $1 (stderr: $errout)"; }
expect_out() { text_has "$out" "$1" && pass || fail "$2: output lacks '$1'"$'\n'"$out"; }
expect_no_out() { text_has "$out" "$1" && fail "$2: output has '$1'" || pass; }
expect_err() { text_has "$errout" "$1" && pass || fail "$2: stderr lacks '$1': $errout"; }
expect_one_line_err() { # $errout has lost its last newline: one line holds no other
  [[ -n $errout && $errout != *$'\n'* ]] && pass || fail "$1: stderr is not one line: $errout"
}
db_sum() { sqlite3 "$1" .dump | md5sum; }

finish() {
  echo "$checks passed, $failures failed"
  [ "$failures" -eq 0 ]
}
