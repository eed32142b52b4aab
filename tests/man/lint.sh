# The man pages format without a single groff warning.  Usage: lint.sh PAGE...
# The pages are UTF-8 with Chinese text, so groff reads them through
# preconv (-Kutf8) for a UTF-8 terminal (-Tutf8), as man(1) does; with the
# default PostScript device every CJK character would be a warning.
set -u
lint() { groff -Kutf8 -Tutf8 -man -ww -z "$1" 2>&1; }

# The check itself must be able to fail: a page with a bad macro warns.
T=$(mktemp -d "${TMPDIR:-/tmp}/duban-man.XXXXXX")
trap 'rm -rf "$T"' EXIT
printf '.TH X 1\n.SH NAME\nx \\- y\n.BOGUS z\n\\(zz\n' >"$T/bad.1"
if [ -z "$(lint "$T/bad.1")" ]; then
  echo "FAIL: groff reports nothing for a broken page; the lint cannot work" >&2
  exit 1
fi

status=0
for page in "$@"; do
  if [ ! -s "$page" ]; then
    echo "FAIL: $page is missing or empty" >&2
    status=1
    continue
  fi
  out=$(lint "$page")
  if [ -n "$out" ]; then
    echo "FAIL: $page:" >&2
    echo "$out" >&2
    status=1
  fi
  if ! iconv -f UTF-8 -t UTF-8 "$page" >/dev/null 2>&1; then
    echo "FAIL: $page is not valid UTF-8" >&2
    status=1
  fi
  grep -q '^\.TH ' "$page" || { echo "FAIL: $page has no .TH" >&2; status=1; }
done
[ "$status" -eq 0 ] && echo "$# pages clean"
exit "$status"
