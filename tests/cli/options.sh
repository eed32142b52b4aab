# One table (tui/cli/cli_commands.def, cli_options.def) gives each command
# its options and formats: the parser refuses the others in one line,
# `duban CMD --help` and `duban __options CMD` list the same ones, and the
# bash completion offers them per command.
. "$(dirname "$0")/lib.sh"
"$DUBAN" --db "$DB" list >/dev/null 2>&1
sum=$(db_sum "$DB")

# Foreign options: refused with one line and the usage status, nothing done.
refuse() { # WHAT ARGS...
  local what=$1; shift
  run --db "$DB" "$@"
  expect_rc 2 "$what"
  expect_one_line_err "$what"
  [ -z "$out" ] && pass || fail "$what: printed '$out'"
}
refuse "history --by" history --by leader
expect_err "history does not take --by" "names the command and the option"
refuse "list --reason" list --reason x
expect_err "list does not take --reason" "list --reason"
refuse "show --note" show 5.1 --note x
refuse "note --note" note 5.1 text --note x
refuse "undo --year" undo --year 2021
refuse "report --meeting" report --meeting=1
refuse "config --note" config --note x
refuse "import --by" import "$DUBAN_SRC/data/haiyan-2021-h2.plan" --by unit
refuse "set --since-last" set 5.1 done --since-last
refuse "option before the command" --by unit history
refuse "command option without a command" --note x
refuse "unknown option" list --bogus
# options a command takes for one of its verbs only
refuse "plans --yes" plans --yes
expect_err "--yes goes with 'duban plans delete N'" "names the verb"
refuse "plans default --yes" plans default 1 --yes
refuse "sync status --to" sync status --to x
expect_err "--to, --all and --since go with 'duban sync export'" "names the verb"
refuse "sync import --all" sync import "$T/none.changes" --all
refuse "sync OTHER --since" sync "$T/other.db" --since 2021-10-01
refuse "sync status --name" sync status --name x
expect_err "--name goes with 'duban sync reidentify N'" "names the verb"
[ "$(db_sum "$DB")" = "$sum" ] && pass || fail "a refused command changed the database"
[ "$(sqlite3 "$DB" 'select count(*) from plan')" = 1 ] && pass || fail "import --by imported"

# Formats: a command honours --format or refuses it in one line.
refuse "--format json meeting current" --format json meeting current
expect_err "meeting current writes text" "meeting current names the format it writes"
refuse "--format json set" --format json set 5.1 done
expect_err "set does not write --format json (it writes text)" "set names its format"
refuse "--format csv import" import "$DUBAN_SRC/data/haiyan-2021-h2.plan" --format csv
refuse "--format md undo" undo --format md
refuse "minutes --format text" minutes --format text
expect_err "(it writes md, html, csv, json or xlsx)" "minutes lists its formats"
refuse "--format json meeting start" --format json meeting start X
[ "$(db_sum "$DB")" = "$sum" ] && pass || fail "a refused format changed the database"
run --db "$DB" --format text set 5.1 done
expect_rc 0 "--format text for a command that writes a line"
for c in list overdue plans history; do
  run --db "$DB" "$c" --format json
  expect_rc 0 "$c --format json"
done

# The table, three ways: what __options lists for a command is what its
# --help lists and what the parser takes; every other option is refused.
opt_names() { "$DUBAN" __options "$@" | cut -f1; }
globals=$(opt_names | sed '/^--version$/q')
all=$(opt_names | sed '1,/^--version$/d')
[ "$(wc -l <<<"$all")" -ge 8 ] && pass || fail "__options lists only: $all"
commands=$("$DUBAN" --help | awk '/^Commands:/ { f = 1; next } /^$/ { f = 0 } f { print $1 }')
# is_line LINE TEXT: TEXT has LINE as a whole line (grep -qxF, in the shell)
is_line() { [[ $'\n'$2$'\n' == *$'\n'"$1"$'\n'* ]]; }
declare -A takes_arg # option -> its argument's name ("" for a flag), read once
while IFS=$'\t' read -r o a _; do takes_arg[$o]=$a; done < <("$DUBAN" __options)
refused() { # COMMAND OPTION: the parser refuses it with the usage status
  if [ -n "${takes_arg[$2]:-}" ]; then run "$1" "$2" x --help; else run "$1" "$2" --help; fi
  [ "$rc" -eq 2 ] && pass || fail "$1 takes $2, which its table row does not name"
}
declare -A takes refused_by
for c in $commands; do
  mine=$(opt_names "$c" | grep -vxF -f <(echo "$globals"))
  "$DUBAN" "$c" --help >"$T/help" || fail "$c --help"
  helpopts=$(sed -n '/^Options:/,/^$/p' "$T/help" | grep -o '^  --[a-z-]*' | tr -d ' ')
  [ "$mine" = "$helpopts" ] && pass || fail "$c: --help lists '$helpopts', the table '$mine'"
  usage=$(head -1 "$T/help")
  for o in $mine; do
    text_has "$usage" "$o" && pass || fail "$c --help usage lacks $o"
  done
  # the parser takes all of its own options at once ...
  set --
  for o in $mine; do
    if [ -n "${takes_arg[$o]:-}" ]; then set -- "$@" "$o" x; else set -- "$@" "$o"; fi
  done
  run "$c" "$@" --help
  [ "$rc" -eq 0 ] && pass || fail "$c does not take one of '$(echo $mine)', which its table row names: $errout"
  # ... and refuses the first option it does not take
  for o in $all; do
    is_line "$o" "$mine" && continue
    refused_by[$o]=1
    refused "$c" "$o"
    break
  done
  takes[$c]=$mine
done
# every option is refused by the first command whose row does not name it
# (together: the parser reads the table for each command and each option,
# without a start for each of the ~1,600 pairs)
for o in $all; do
  [ -n "${refused_by[$o]:-}" ] && continue
  for c in $commands; do
    is_line "$o" "${takes[$c]}" && continue
    refused "$c" "$o"
    break
  done
done
run __options frobnicate
expect_rc 2 "__options of an unknown command"

# Completion (data/duban.bash), with duban reachable and not.
COMPLETION="$DUBAN_SRC/data/duban.bash"
offers() { # DUBAN-PATH WORDS... -> the offers
  local d=$1; shift
  bash -c 'source "$1"; d=$2; shift 2; COMP_WORDS=("$d" "$@"); COMP_CWORD=$#; _duban
    echo "${COMPREPLY[@]}"' _ "$COMPLETION" "$d" "$@"
}
expect_offers() { # WHAT EXPECTED WORDS...
  local what=$1 want=$2 got; shift 2
  got=$(offers "$DUBAN" "$@")
  [ "$got" = "$want" ] && pass || fail "completing $what offers '$got', expected '$want'"
}
g="--db --plan --today --format --config --no-bom --help"
expect_offers "report --" "$g --by --unit --leader --status --light --due-within" report --
expect_offers "changes --" "$g --meeting --since-last" changes --
expect_offers "set --" "$g --note" set 5.1 --
expect_offers "overdue --" "$g --by --unit --leader --status --light --due-within" overdue --
expect_offers "history --" "$g" history --
expect_offers "config --d" "--db --dump" config --d
expect_offers "report --by" "area unit leader" report --by ""
expect_offers "minutes --format" "csv json md html xlsx" minutes --format ""
expect_offers "set --format" "text" set --format ""
expect_offers "after an option's value" "start end reopen list current show withdraw" --today 2021-10-01 meeting ""
expect_offers "the command after a command option" "start end reopen list current show withdraw" --date 2021-10-01 meeting ""
expect_offers "a flag takes no value" "start end reopen list current show withdraw" --since-last meeting ""
# Arguments, named by the usage in the table (duban __usage CMD).
[ "$("$DUBAN" __usage extend | tr '\n' ' ')" = "REF DATE " ] && pass || fail "__usage extend"
[ "$("$DUBAN" __usage history)" = REF ] && pass || fail "__usage history: [REF] is a REF"
run __usage
expect_rc 2 "__usage needs a command"
expect_offers "extend's REF" "10.1 10.2 10.3" --db "$DB" extend 10.
expect_offers "progress's REF" "10.1 10.2 10.3" --db "$DB" progress --note x 10.
expect_offers "extend's DATE" "" --db "$DB" extend 10.1 ""
expect_offers "set's STATUS" "in_progress" --db "$DB" set 5.1 in
mkdir -p "$T/files" && touch "$T/files/plan-a.txt"
expect_offers "import's FILE" "$T/files/plan-a.txt" import "$T/files/plan-"
touch "$T/files/ledger.xlsx"
expect_offers "export --output" "$T/files/ledger.xlsx" export --output "$T/files/le"
expect_offers "export -o (its short form)" "$T/files/ledger.xlsx" export -o "$T/files/le"
# Without a runnable duban: the global options, the same as the program's.
got=$(offers /nonexistent/duban --)
[ "$got" = "$(echo $globals)" ] && pass || fail "fallback options '$got', the program's '$(echo $globals)'"
# text that starts with '-' is taken for an option: the error says how to give it
run --db "$DB" note 3.2 "-3 万元"
expect_rc 2 "a note starting with '-'"
expect_err "text that starts with '-' goes after '--'" "says to put it after --"
run --db "$DB" note 3.2 -- "-3 万元"
expect_rc 0 "after -- it is the note"
finish
