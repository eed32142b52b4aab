#!/bin/bash
# Area slides carry the latest progress note of each item (its day and
# text, wrapped to the width, never cut) and "N 天未报进展" for an item
# not done without a report for silent_days (default 30; a change of
# unit is not a report); at 80x24 and at 200x60.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
note='已与三家企业对接，其中两家签订框架协议，另一家正在洽谈落地条件，预计十月底前完成签约'
DUBAN_NOW=2021-09-20T09:00:00Z "$DUBAN" --db "$DB" note 1.2 "$note" >/dev/null || fail "note"
DUBAN_NOW=2021-10-20T09:00:00Z "$DUBAN" --db "$DB" set 1.3 in_progress >/dev/null || fail "set"
DUBAN_NOW=2021-10-21T09:00:00Z "$DUBAN" --db "$DB" unit 1.1 县发改局 >/dev/null || fail "unit"

tui_start 80 24 -- --today 2021-10-25 present 1
tui_wait '方面 1/12'
tui_wait '进展 2021-09-20'
assert_contains '已与三家企业对接'
assert_contains '预计十月底前完成签约' # wrapped onto the next line, not cut
tui_screen | grep -qF '…' && fail "the note was cut"
assert_contains '35 天未报进展'  # 1.2: the note of 09-20
assert_contains '116 天未报进展' # 1.1: a unit is not a report; since the plan began
# 1.3 reported on 10-20: nothing to say
[ "$(tui_screen | grep -c '天未报进展')" -eq 2 ] || fail "1.3 reported 5 days ago"
tui_quit

tui_start 200 60 -- --today 2021-10-25 present 1
tui_wait '方面 1/12'
tui_wait "进展 2021-09-20  $note" # one line at this width
assert_contains '35 天未报进展'
assert_contains '116 天未报进展'
tui_quit

# a longer silent_days: nothing is old enough
mkdir -p "$XDG_CONFIG_HOME/duban"
printf '[general]\nsilent_days = 200\n' >"$XDG_CONFIG_HOME/duban/config.ini"
tui_start 80 24 -- --today 2021-10-25 present 1
tui_wait '进展 2021-09-20'
assert_not_contains '天未报进展'
tui_quit
