# Long work's progress (tui/cli/cli_progress.c): one line on stderr, only
# when stderr is a terminal (here a pty, util-linux script(1)), once the
# work has run DUBAN_PROGRESS_MS (0 here: at once; -1: never), cleared
# before the command prints.  Nothing at all when stderr is a file or a
# pipe, or TERM is dumb.
. "$DUBAN_SRC/tests/cli/lib.sh"
command -v script >/dev/null || { fail "script(1) (util-linux, bsdutils) is needed"; finish; exit 1; }
run --db "$DB" list
expect_rc 0 "create"

# on_pty ENV... -- ARGS...: duban ARGS on a pty with ENV; its screen,
# carriage returns as newlines, in $screen
on_pty() {
  local envs=() cmd
  while [ "$1" != "--" ]; do envs+=("$1") && shift; done
  shift
  cmd=$(printf '%q ' env "${envs[@]}" "$DUBAN" --db "$DB" "$@")
  screen=$(script -qfec "$cmd" /dev/null </dev/null | tr '\r' '\n')
}
E=$'\033'
# expect_screen -F|-E PATTERN WHAT: $screen holds PATTERN (a fixed string
# or an extended regular expression, as grep takes it)
expect_screen() {
  grep -q"${1#-}" -- "$2" <<<"$screen" && pass || fail "$3: $(cat -v <<<"$screen")"
}

on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- check
expect_screen -F "duban: 检查数据库 SQLite integrity 0/4 (0%)" "check shows no progress on a terminal"
expect_screen -F "核对进展记录 notes 3/4 (75%)" "check's last step not shown"
# the line is cleared, then the result is printed from the line's start
last=$(grep -v '^$' <<<"$screen" | tail -1)
[ "$last" = "${E}[K$DB: ok (SQLite integrity, items agree with their history)" ] && pass \
  || fail "the progress line was not cleared before the result: $(cat -v <<<"$last")"

on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- export --format xlsx -o "$T/l.xlsx"
expect_screen -F "duban: 写入台账 writing the ledger 0/38 (0%)" "export shows no progress"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- clone "$T/copy.db"
expect_screen -F "duban: 复制 copying…" "clone shows no progress"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- sync export "$T/c.changes"
expect_screen -F "duban: 导出修改 exporting changes…" "sync export shows no progress"
# an edit before the meeting: changes to gather (an empty window has
# none, found at once)
run --db "$DB" set 1.2 推进中
expect_rc 0 "an edit before the meeting"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- meeting start 调度会
expect_screen -F "duban: 整理修改 gathering the changes…" "meeting start shows no progress"
expect_screen -F "${E}[K1 change since the last meeting" "the line was not cleared before the briefing"

# the whole history: core reads it, then the command formats it, one line
# throughout, cleared before the table
run --db "$DB" set 1.1 done
expect_rc 0 "an edit for the history"
run --db "$DB" note 1.1 进展
expect_rc 0 "a note for the history"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- history
expect_screen -F "duban: 读取修改记录 reading the history…" "history shows no progress while reading"
expect_screen -E "duban: 整理修改记录 formatting the history 0/[0-9]+ \(0%\)" "history shows no progress while formatting"
expect_screen -E "^${E}\[K *# +AT +ACTION" "the line was not cleared before the history"

# an import: the plan's nodes written, counted; the line cleared before the result
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- import "$DUBAN_SRC/data/haiyan-2021-h2.plan"
expect_screen -E "duban: 写入计划 writing the plan 0/[0-9]+ \(0%\)" "import shows no progress"
expect_screen -F "${E}[Kimported plan 2 " "the line was not cleared before the import's result"

# deleting a plan (the one just imported): a line while the rows go
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- plans delete 2 --yes
expect_screen -F "duban: 删除计划 deleting the plan…" "plans delete shows no progress"
expect_screen -F "${E}[Kplan 2 deleted" "the line was not cleared before the result"

# renumbering an area (here after its first item moved out): counted
run --db "$DB" move 1.1 2
expect_rc 0 "move 1.1 out of area 1"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- renumber 1
expect_screen -E "duban: 重排编号 renumbering 0/[0-9]+ \(0%\)" "renumber shows no progress"
expect_screen -F "${E}[K1 renumbered" "the line was not cleared before the result"

# syncing with the clone made above, then through a folder
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- sync "$T/copy.db"
expect_screen -F "duban: 同步 syncing…" "sync with a database shows no progress"
mkdir -p "$T/shared"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- sync "$T/shared"
expect_screen -F "duban: 同步 syncing…" "sync through a folder shows no progress"

# never: -1, a dumb terminal, the default second on a quick check
for envs in "TERM=xterm DUBAN_PROGRESS_MS=-1" "TERM=dumb DUBAN_PROGRESS_MS=0" "TERM=xterm"; do
  # shellcheck disable=SC2086
  on_pty $envs -- check
  grep -qF "duban: " <<<"$screen" && fail "progress shown with $envs: $(cat -v <<<"$screen")" || pass
done
# stderr a file: nothing but the result
DUBAN_PROGRESS_MS=0 run --db "$DB" check
expect_rc 0 "check, stderr a file"
[ -z "$errout" ] && pass || fail "progress written to a file: $(cat -v <<<"$errout")"

# a bad value: one line naming the variable, exit 2, nothing done
DUBAN_PROGRESS_MS=soon run --db "$DB" check
expect_rc 2 "a bad DUBAN_PROGRESS_MS"
expect_one_line_err "a bad DUBAN_PROGRESS_MS"
expect_err "DUBAN_PROGRESS_MS: 'soon' is not a number of milliseconds" "names the variable"
DUBAN_PROGRESS_MS=-2 run --db "$DB" check
expect_rc 2 "DUBAN_PROGRESS_MS below -1"
finish
