#!/bin/bash
# Hostile text (ESC/CSI/OSC/DCS sequences, C1 controls, bidi controls, CR,
# BEL, BS, HTML, spreadsheet formulas) put into a plan by an import and by
# every edit, then read back through every subcommand in every format it
# writes, and through the front end (its raw terminal output recorded with
# tmux pipe-pane): none of it may come out raw.
#
#   DUBAN=build-ci/tui/duban DUBAN_SRC=. bash tests/inject/run.sh
set -u
: "${DUBAN:?DUBAN must name the duban binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/duban-inject.XXXXXX")
SOCK="duban-inject-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT
export DUBAN_TODAY=2021-10-01 DUBAN_NOW=2021-10-01T09:00:00Z
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" HOME="$T/home"
DB="$T/i.db"
checks=0 failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

OSC52=$'\e]52;c;ZXZpbA==\a' OSC0=$'\e]0;pwned\e\\' CSI6N=$'\e[6n' DCS=$'\eP1$qm\e\\'
C1CSI=$'\xc2\x9b6n' C1OSC=$'\xc2\x9d0;x\xc2\x9c' NEL=$'\xc2\x85'
RLO=$'\xe2\x80\xae' LRI=$'\xe2\x81\xa6' PDI=$'\xe2\x81\xa9'
HTML='<script>alert(1)</script><img src=x onerror=alert(2)>'
FORMULA='=HYPERLINK("http://evil.example","x")'
ALL="${OSC52}${OSC0}${CSI6N}${DCS}${C1CSI}${C1OSC}${NEL}${RLO}${LRI}x${PDI}A"$'\r'"B"$'\a\b'"${HTML}"

# has FILE PCRE: the bytes of FILE match (C locale: byte by byte)
has() { LC_ALL=C grep -qaP "$2" "$1"; }

# The controls that must never come out raw, each with its name.
RAW_NAMES=(ESC BEL BS CR C1 bidi)
RAW_PCRES=('\x1b' '\x07' '\x08' '\r' '\xc2[\x80-\x9f]' '\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]')
RAW_ANY=$(IFS='|'; echo "${RAW_PCRES[*]}")

# raw_check WHAT FORMAT FILE: what must never come out of duban raw (one
# grep for all of them; each named only when one is there)
raw_check() {
  local what=$1 fmt=$2 f=$3 bad="" body=$3 i
  checks=$((checks + 1))
  if [ "$fmt" = csv ]; then sed 's/\r$//' "$f" >"$T/body" && body=$T/body; fi
  if has "$body" "$RAW_ANY"; then
    for i in "${!RAW_PCRES[@]}"; do
      has "$body" "${RAW_PCRES[$i]}" && bad="$bad ${RAW_NAMES[$i]}"
    done
  fi
  if [ "$fmt" = md ] || [ "$fmt" = html ]; then
    grep -q -e '<script' -e '<img' "$f" && bad="$bad HTML"
  fi
  if [ "$fmt" = csv ] && has "$f" '(^|,|")[=+@]|(^|,)-[^0-9]'; then
    bad="$bad formula" # a cell a spreadsheet would run: it must start with '
  fi
  [ -z "$bad" ] || fail "$what ($fmt): raw$bad: $(cat -v "$f" | head -c 300)"
}

# every FORMAT ARGS...: runs duban in each format the command writes
every_format() {
  local f
  for f in text md json csv html; do
    "$DUBAN" --db "$DB" --format "$f" "$@" >"$T/out" 2>"$T/err" </dev/null
    local rc=$?
    if [ "$rc" -eq 2 ] && grep -q -e "does not write" -e "writes text" -e "(it writes" "$T/err"; then
      continue # a format the command refuses, in one line (checked elsewhere)
    fi
    raw_check "$*" "$f" "$T/out"
    raw_check "$* (stderr)" text "$T/err"
  done
}
step() { # an edit: its own output line is checked too
  "$DUBAN" --db "$DB" "$@" >"$T/out" 2>"$T/err" </dev/null || fail "step $*: $(cat "$T/err")"
  raw_check "$1" text "$T/out"
  raw_check "$1 (stderr)" text "$T/err"
}

# A plan whose title, areas and items carry everything.
{
  printf -- '---\ntitle: 2021年%s重点工作\nyear: 2021\n---\n' "$ALL"
  printf '一、扎实推进%s\n' "$ALL"
  printf '（一）%s加快项目建设。全年新开工项目30个，9月底前完成。%s\n' "$FORMULA" "$ALL"
  printf '（二）优化营商环境%s。年底前完成。\n' "$OSC52"
  printf '二、%s持续改善民生\n' "$FORMULA"
  printf '（一）办好民生实事%s。三季度完成。\n' "$HTML"
} >"$T/hostile.txt"
step import "$T/hostile.txt" --year 2021
step meeting start "推进会$ALL"
step set 1.1 behind --note "说明$ALL"
step unit 1.1 "$FORMULA$ALL"
step leader 1.1 "领导$C1CSI$RLO$OSC0"
step note 1.2 "进展$ALL"
step due 1.2 2021-09-01
step extend 1.2 2021-12-31 --reason "理由$ALL"
step progress 1.1 新开工项目 12 --note "填报$ALL"
step set 2.1 done
step undo
step redo
step unit 2.1 "+cmd|' /C calc'!A0"
step leader 2.1 "@SUM(1+1)*cmd|' /C calc'!A0"

for args in list "show 1.1" "show 1.2" "show 1" "show 2.1" overdue history "history 1.1" \
  "search 营商" "search 项目" plans "meeting list" "meeting current" changes "changes --since-last" \
  minutes "minutes 1" report "report --by unit" "report --by leader" present check; do
  # shellcheck disable=SC2086
  every_format $args
done
step meeting end
every_format minutes
every_format changes

# The front end: record every byte it writes while walking every view.
if command -v tmux >/dev/null; then
  tmx() { tmux -L "$SOCK" "$@"; }
  tmx -f /dev/null new-session -d -s i -x 100 -y 30 \
    "env TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC DUBAN_TODAY=2021-10-01 HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME $DUBAN --db $DB; sleep 30"
  tmx pipe-pane -o -t i "cat >>$T/raw"
  sleep 0.5
  keys() { for k in "$@"; do tmx send-keys -t i "$k"; sleep 0.05; done; }
  keys E j j j v ']' ']' j j j j '[' v w Escape a Escape c Escape o t t o m m p l l l h p '/' 营商 Enter n Escape '?' q
  keys G k k u U M
  sleep 0.3
  keys Escape q
  sleep 0.5
  tmx pipe-pane -t i
  checks=$((checks + 1))
  bad=""
  for seq in "$OSC52" "$OSC0" "$CSI6N" "$DCS" "$C1CSI" "$C1OSC" "$NEL" "$RLO" "$LRI" "$PDI" $'pwned\a'; do
    LC_ALL=C grep -qaF -- "$seq" "$T/raw" && bad="$bad $(printf '%s' "$seq" | cat -v)"
  done
  [ -s "$T/raw" ] || bad="$bad (nothing recorded)"
  [ -z "$bad" ] || fail "front end wrote raw:$bad"
fi

echo "$checks outputs checked, $failures failed"
[ -n "${DUBAN_INJECT_KEEP:-}" ] && cp "$T/raw" "$DUBAN_INJECT_KEEP"
[ "$failures" -eq 0 ]
