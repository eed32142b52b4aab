# cmake --install: the binary, man pages, shipped data and bash completion
# land under the prefix, and the installed duban works from elsewhere.
. "$(dirname "$0")/lib.sh"
: "${DUBAN_BUILD:?DUBAN_BUILD must name the build directory}"
P="$T/prefix"
if ! "${CMAKE:-cmake}" --install "$DUBAN_BUILD" --prefix "$P" >"$T/install.log" 2>&1; then
  fail "cmake --install failed: $(cat "$T/install.log")"
  finish
  exit 1
fi

for f in bin/duban share/man/man1/duban.1 share/man/man5/duban.ini.5 share/duban/duban.ini \
  share/duban/haiyan-2021-h2.plan share/bash-completion/completions/duban; do
  [ -s "$P/$f" ] && pass || fail "not installed: $f"
done
[ -x "$P/bin/duban" ] && pass || fail "bin/duban is not executable"
cmp -s "$P/share/duban/duban.ini" "$DUBAN_SRC/data/duban.ini" && pass || fail "installed duban.ini differs"

# From another directory, with nothing but the binary: everything is compiled in.
out=$(cd / && "$P/bin/duban" --version 2>&1); rc=$?
expect_rc 0 "installed --version"
[[ $out == "duban "[0-9]* ]] && pass || fail "installed --version says '$out'"
out=$(cd / && "$P/bin/duban" --db "$T/x.db" list 2>"$T/stderr"); rc=$?; errout=$(cat "$T/stderr")
expect_rc 0 "installed list"
[ "$(grep -cE '^[0-9]+\.[0-9]+ ' <<<"$out")" -eq 38 ] && pass || fail "installed list has 38 items"
out=$(cd / && "$P/bin/duban" config --dump 2>&1); rc=$?
expect_rc 0 "installed config --dump"
expect_out "[status.done]" "installed duban has the built-in configuration"
if command -v man >/dev/null; then
  MANPATH="$P/share/man" man -P cat duban 2>/dev/null | grep -q "review meetings" && pass \
    || fail "man -M PREFIX duban does not find the page"
  # As the README says: with PREFIX/bin on the PATH, man finds the page
  # without MANPATH (man-db derives PREFIX/share/man from the PATH).
  got=$(env -u MANPATH PATH="$P/bin:$PATH" man -w duban 2>&1)
  [ "$got" = "$P/share/man/man1/duban.1" ] && pass || fail "man -w duban with PREFIX/bin on PATH: $got"
fi
# The README's line for ~/.bashrc names where the completion is installed,
# and sourcing that file alone (no bash-completion package) completes.
grep -qF '. ~/.local/share/bash-completion/completions/duban' "$DUBAN_SRC/README.md" && pass \
  || fail "README lacks the ~/.bashrc line for completion"
got=$(bash --norc --noprofile -c '. "$1" && complete -p duban' _ "$P/share/bash-completion/completions/duban")
[ "$got" = "complete -F _duban duban" ] && pass || fail "sourcing the completion: '$got'"

# Bash completion: commands (dynamic via duban --help, and the fallback
# list when duban is not on PATH), options, refs of the --db given.
COMPLETION="$P/share/bash-completion/completions/duban"
complete_words() { # PATH-for-duban WORDS... -> the offers
  local path=$1; shift
  PATH="$path" bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _duban
    echo "${COMPREPLY[@]}"' _ "$COMPLETION" "$@"
}
for path in "$P/bin:$PATH" "$PATH"; do
  offers=$(complete_words "$path" duban s)
  for c in set search show; do
    grep -qw "$c" <<<"$offers" && pass || fail "completing 'duban s' (PATH=$path) lacks $c: $offers"
  done
  grep -qw list <<<"$offers" && fail "'duban s' offers list" || pass
done
offers=$(complete_words "$PATH" duban se)
[ "$offers" = "set search" ] && pass || fail "completing 'duban se' offers '$offers'"
# The fallback list is the program's list of commands.
fallback=$(sed -n 's/^_duban_commands_fallback="\(.*\)"$/\1/p' "$COMPLETION" | tr ' ' '\n' | sort)
actual=$("$DUBAN" --help | awk '/^Commands:/ { f = 1; next } /^$/ { f = 0 } f { print $1 }' | sort)
[ "$fallback" = "$actual" ] && pass || fail "the completion's fallback commands differ from duban --help:
$(diff <(echo "$fallback") <(echo "$actual"))"
offers=$(complete_words "$P/bin:$PATH" duban --db "$T/x.db" show 10.)
[ "$offers" = "10.1 10.2 10.3" ] && pass || fail "ref completion offers '$offers'"
offers=$(complete_words "$P/bin:$PATH" duban --db "$T/x.db" set 1.1 in)
[ "$offers" = "in_progress" ] && pass || fail "status completion offers '$offers'"
offers=$(complete_words "$P/bin:$PATH" duban --format "")
[ "$offers" = "text csv json md html xlsx" ] && pass || fail "format completion offers '$offers'"
offers=$(complete_words "$P/bin:$PATH" duban set --not)
[ "$offers" = "--note" ] && pass || fail "option completion offers '$offers'"
complete_words "$P/bin:$PATH" duban --db "$T/none.db" show "" >/dev/null
[ ! -e "$T/none.db" ] && pass || fail "completing refs created a database"

finish
