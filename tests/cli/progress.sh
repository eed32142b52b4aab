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

on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- check
grep -qF "duban: 检查数据库 SQLite integrity 0/4 (0%)" <<<"$screen" && pass \
  || fail "check shows no progress on a terminal: $(cat -v <<<"$screen")"
grep -qF "核对进展记录 notes 3/4 (75%)" <<<"$screen" && pass || fail "check's last step not shown"
# the line is cleared, then the result is printed from the line's start
last=$(grep -v '^$' <<<"$screen" | tail -1)
[ "$last" = "${E}[K$DB: ok (SQLite integrity, items agree with their history)" ] && pass \
  || fail "the progress line was not cleared before the result: $(cat -v <<<"$last")"

on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- export --format xlsx -o "$T/l.xlsx"
grep -qF "duban: 写入台账 writing the ledger 0/38 (0%)" <<<"$screen" && pass \
  || fail "export shows no progress: $(cat -v <<<"$screen")"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- clone "$T/copy.db"
grep -qF "duban: 复制 copying…" <<<"$screen" && pass || fail "clone shows no progress: $(cat -v <<<"$screen")"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- sync export "$T/c.changes"
grep -qF "duban: 导出修改 exporting changes…" <<<"$screen" && pass \
  || fail "sync export shows no progress: $(cat -v <<<"$screen")"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- meeting start 调度会
grep -qF "duban: 整理修改 gathering the changes…" <<<"$screen" && pass \
  || fail "meeting start shows no progress: $(cat -v <<<"$screen")"
grep -qF "${E}[K0 changes since the last meeting" <<<"$screen" && pass \
  || fail "the line was not cleared before the briefing: $(cat -v <<<"$screen")"

# the whole history: core reads it, then the command formats it, one line
# throughout, cleared before the table
run --db "$DB" set 1.1 done
expect_rc 0 "an edit for the history"
run --db "$DB" note 1.1 进展
expect_rc 0 "a note for the history"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- history
grep -qF "duban: 读取修改记录 reading the history…" <<<"$screen" && pass \
  || fail "history shows no progress while reading: $(cat -v <<<"$screen")"
grep -qE "duban: 整理修改记录 formatting the history 0/[0-9]+ \(0%\)" <<<"$screen" && pass \
  || fail "history shows no progress while formatting: $(cat -v <<<"$screen")"
grep -qE "^${E}\[K *# +AT +ACTION" <<<"$screen" && pass \
  || fail "the line was not cleared before the history: $(cat -v <<<"$screen" | head -n 5)"

# an import: the plan's nodes written, counted; the line cleared before the result
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- import "$DUBAN_SRC/data/haiyan-2021-h2.plan"
grep -qE "duban: 写入计划 writing the plan 0/[0-9]+ \(0%\)" <<<"$screen" && pass \
  || fail "import shows no progress: $(cat -v <<<"$screen")"
grep -qF "${E}[Kimported plan 2 " <<<"$screen" && pass \
  || fail "the line was not cleared before the import's result: $(cat -v <<<"$screen")"

# deleting a plan (the one just imported): a line while the rows go
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- plans delete 2 --yes
grep -qF "duban: 删除计划 deleting the plan…" <<<"$screen" && pass \
  || fail "plans delete shows no progress: $(cat -v <<<"$screen")"
grep -qF "${E}[Kplan 2 deleted" <<<"$screen" && pass \
  || fail "the line was not cleared before the result: $(cat -v <<<"$screen")"

# renumbering an area (here after its first item moved out): counted
run --db "$DB" move 1.1 2
expect_rc 0 "move 1.1 out of area 1"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- renumber 1
grep -qE "duban: 重排编号 renumbering 0/[0-9]+ \(0%\)" <<<"$screen" && pass \
  || fail "renumber shows no progress: $(cat -v <<<"$screen")"
grep -qF "${E}[K1 renumbered" <<<"$screen" && pass \
  || fail "the line was not cleared before the result: $(cat -v <<<"$screen")"

# syncing with the clone made above, then through a folder
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- sync "$T/copy.db"
grep -qF "duban: 同步 syncing…" <<<"$screen" && pass \
  || fail "sync with a database shows no progress: $(cat -v <<<"$screen")"
mkdir -p "$T/shared"
on_pty TERM=xterm DUBAN_PROGRESS_MS=0 -- sync "$T/shared"
grep -qF "duban: 同步 syncing…" <<<"$screen" && pass \
  || fail "sync through a folder shows no progress: $(cat -v <<<"$screen")"

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
