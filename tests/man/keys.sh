# duban(1) agrees with the program: every action of tui/screen/actions.def is in
# the KEYS section with its default keys (and nothing else is), the keys
# match `duban config --dump`, and every command and option of
# `duban --help` is in COMMANDS / OPTIONS (and nothing else is).
set -u
: "${DUBAN:?DUBAN must name the duban binary}" "${DUBAN_SRC:?DUBAN_SRC must name the source tree}"
DEF="$DUBAN_SRC/tui/screen/actions.def"
MAN="$DUBAN_SRC/man/duban.1"
T=$(mktemp -d "${TMPDIR:-/tmp}/duban-man.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

trim() { local s=$1; s=${s#"${s%%[! ]*}"}; s=${s%"${s##*[! ]}"}; printf '%s\n' "$s"; }

# Splits the arguments of ACTION(...) at top-level commas (not inside
# quotes or parentheses); prints one per line, trimmed.
split_args() {
  local s=$1 out="" c q="" depth=0 i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    if [ -n "$q" ]; then
      out+=$c
      if [ "$c" = "\\" ]; then out+=${s:i+1:1}; i=$((i + 1));
      elif [ "$c" = "$q" ]; then q=""; fi
    elif [ "$c" = "'" ] || [ "$c" = '"' ]; then q=$c; out+=$c
    elif [ "$c" = "(" ]; then depth=$((depth + 1)); out+=$c
    elif [ "$c" = ")" ]; then depth=$((depth - 1)); out+=$c
    elif [ "$c" = "," ] && [ "$depth" -eq 0 ]; then trim "$out"; out=""
    else out+=$c; fi
  done
  trim "$out"
}

# The name duban gives a key written in actions.def (C syntax, curses codes).
key_name() {
  local k=$1
  case "$k" in
    0) echo "" ;;
    "'\\t'") echo Tab ;;
    "'\\n'" | KEY_ENTER) echo Enter ;;
    "' '") echo Space ;;
    "','") echo Comma ;;
    "'#'") echo Hash ;;
    "';'") echo Semicolon ;;
    "'\\\\'") echo Backslash ;;
    27 | "'\\033'" | "'\\x1b'") echo Esc ;;
    127 | KEY_BACKSPACE) echo Backspace ;;
    \'?\') echo "${k:1:1}" ;;
    KEY_UP) echo Up ;; KEY_DOWN) echo Down ;; KEY_LEFT) echo Left ;; KEY_RIGHT) echo Right ;;
    KEY_PPAGE) echo PgUp ;; KEY_NPAGE) echo PgDn ;; KEY_HOME) echo Home ;; KEY_END) echo End ;;
    KEY_IC) echo Insert ;; KEY_DC) echo Delete ;; KEY_BTAB) echo BackTab ;;
    KEY_F\(*\)) echo "F${k:6:${#k}-7}" ;;
    CTRL\(\'?\'\)) echo "^$(echo "${k:6:1}" | tr a-z A-Z)" ;;
    *) echo "UNKNOWN:$k" ;;
  esac
}

# actions.def -> "name<TAB>key, key" lines.
while IFS= read -r line; do
  [[ $line =~ ^ACTION\((.*)\)[[:space:]]*$ ]] || continue
  mapfile -t args < <(split_args "${BASH_REMATCH[1]}")
  keys=""
  for k in "${args[1]}" "${args[2]}"; do
    n=$(key_name "$k")
    [[ $n == UNKNOWN:* ]] && fail "actions.def: ${args[0]}: cannot name key $k"
    [ -n "$n" ] && keys+="${keys:+, }$n"
  done
  printf '%s\t%s\n' "${args[0]}" "$keys"
done <"$DEF" >"$T/def"
[ "$(wc -l <"$T/def")" -ge 10 ] || fail "found only $(wc -l <"$T/def") actions in $DEF"

# duban(1) KEYS section -> the same form: ".B name" then "Keys: \fBk\fR, ...".
sed -n '/^\.SH KEYS/,/^\.SH /p' "$MAN" | awk '
  /^\.B [a-z_0-9]+$/ { name = $2; next }
  name != "" && /^Keys: / {
    keys = ""; s = $0
    while (match(s, /\\fB[^\\]*(\\[-e][^\\]*)*\\fR/)) {
      k = substr(s, RSTART + 3, RLENGTH - 6); s = substr(s, RSTART + RLENGTH)
      gsub(/\\-/, "-", k); gsub(/\\e/, "\\", k)
      keys = keys (keys == "" ? "" : ", ") k
    }
    printf "%s\t%s\n", name, keys; name = ""; next
  }
  { name = "" }' >"$T/man"

# Both tables read once into the shell (a process a lookup cost more than the rest).
declare -A man_keys def_keys
while IFS=$'\t' read -r name keys; do
  [ -z "${man_keys[$name]+set}" ] || fail "duban(1) KEYS lists $name twice"
  man_keys[$name]=$keys
done <"$T/man"
while IFS=$'\t' read -r name keys; do
  def_keys[$name]=$keys
  if [ -z "${man_keys[$name]+set}" ]; then fail "duban(1) KEYS lacks action $name ($keys)"
  elif [ "${man_keys[$name]}" != "$keys" ]; then
    fail "duban(1): $name has keys '${man_keys[$name]}', actions.def '$keys'"
  fi
done <"$T/def"
for name in "${!man_keys[@]}"; do
  [ -n "${def_keys[$name]+set}" ] || fail "duban(1) KEYS has $name, which actions.def lacks"
done

# The program's own view of the defaults (actions.def via tui/screen/keymap.c).
"$DUBAN" config --dump >"$T/dump" || fail "duban config --dump failed"
sed -n '/^\[keys\]/,/^\[/p' "$T/dump" | grep ' = ' | sed 's/ = /\t/; s/^\([^\t]*\t\)""$/\1/' >"$T/dumpkeys"
diff <(sort "$T/def") <(sort "$T/dumpkeys") >"$T/diff" || fail "config --dump keys differ from actions.def:
$(cat "$T/diff")"

# Commands: duban --help vs the COMMANDS section.
"$DUBAN" --help | awk '/^Commands:/ { f = 1; next } /^$/ { f = 0 } f { print $1 }' >"$T/cmds"
[ "$(wc -l <"$T/cmds")" -ge 10 ] || fail "duban --help lists only $(wc -l <"$T/cmds") commands"
sed -n '/^\.SH COMMANDS/,/^\.SH /p' "$MAN" | grep -A1 '^\.TP' |
  sed -n 's/^\.B[IR]* "\{0,1\}\([a-z][a-z-]*\).*/\1/p' >"$T/mancmds"
while read -r c; do
  grep -qx "$c" "$T/mancmds" || fail "duban(1) COMMANDS lacks '$c'"
done <"$T/cmds"
while read -r c; do
  grep -qx "$c" "$T/cmds" || fail "duban(1) COMMANDS has '$c', which duban --help lacks"
done <"$T/mancmds"

# Options: duban --help vs the OPTIONS section.
"$DUBAN" --help | awk '/^Options:/ { f = 1; next } /^$/ { f = 0 } f' | grep -o -- '--[a-z-]*' | sort -u >"$T/opts"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$MAN" | grep '^\.B' | sed 's/\\-/-/g' | grep -o -- '--[a-z-]*' | sort -u >"$T/manopts"
diff "$T/opts" "$T/manopts" >"$T/diff" || fail "options of duban --help and duban(1) differ:
$(cat "$T/diff")"

# Each command's options: the head line of its COMMANDS entry vs the
# program's table (`duban __options CMD`, less the global options).
"$DUBAN" __options | cut -f1 | sed '/^--version$/q' >"$T/globals"
sed -n '/^\.SH COMMANDS/,/^\.SH /p' "$MAN" | grep -A1 '^\.TP' | grep -v '^\.TP\|^--' >"$T/heads"
while read -r c; do
  want=$("$DUBAN" __options "$c" | cut -f1 | grep -vxF -f "$T/globals" | sort | tr '\n' ' ')
  head=$(awk -v c="$c" '{ s = $0; sub(/^\.B[IR]* "?/, "", s); split(s, w, /[ "]/) } w[1] == c' "$T/heads")
  got=$(sed 's/\\-/-/g' <<<"$head" | grep -o -- '--[a-z-]*' | sort -u | tr '\n' ' ')
  [ "$got" = "$want" ] || fail "duban(1) COMMANDS: '$c' shows options '$got', the program takes '$want'"
done <"$T/cmds"

echo "$(wc -l <"$T/def") actions, $(wc -l <"$T/cmds") commands, $(wc -l <"$T/opts") options checked; $failures failed"
[ "$failures" -eq 0 ]
