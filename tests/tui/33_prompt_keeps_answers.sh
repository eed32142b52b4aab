#!/bin/bash
# A bad answer keeps its prompt open with what was typed and says why: a
# decision's bad due date loses neither its text nor its unit (they were
# all thrown away, in front of the room), an extension with no reason
# keeps its date, a due prompt keeps the bad date to be fixed.
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
"$DUBAN" --db "$DB" --today 2021-10-01 meeting start 第三次推进会 >/dev/null || fail "start"
tui_start 100 30 -- --today 2021-10-01
tui_wait '● 会议中: 第三次推进会'
tui_keys Enter
tui_wait '1.1 '
tui_keys j
tui_wait_selected '1.1 '

# Y: text, unit, then a date that is no date
tui_keys Y
tui_wait '议定事项 decision:'
tui_type '专班周报进展'
tui_keys Enter
tui_wait '责任单位 unit'
tui_type '县发改局'
tui_keys Enter
tui_wait '时限 due'
tui_type '2021-13-45'
tui_keys Enter
tui_wait 'month must be 01-12'
assert_contains '2021-13-45'
assert_contains '时限 due'
tui_keys C-u
tui_type '2021-11-30'
tui_keys Enter
tui_wait '列入督办 1.1.1'
"$DUBAN" --db "$DB" meeting show | grep -q '专班周报进展.*县发改局.*2021-11-30' ||
    fail "the decision lost its text or unit: $("$DUBAN" --db "$DB" meeting show)"

# x on 1.1: a date, then no reason: the reason is asked again, the date kept
tui_keys x
tui_wait '1.1 延期至 new due'
tui_keys C-u
tui_type '2022-01-31'
tui_keys Enter
tui_wait '延期理由 reason (至 2022-01-31)'
tui_keys Enter
tui_wait 'a reason is required'
assert_contains '延期理由 reason'
tui_type '专班协调'
tui_keys Enter
tui_wait '2022-01-31'
"$DUBAN" --db "$DB" show 1.1 | grep -q '2022-01-31' || fail "the extension was not made"

# d: a bad due date stays in the prompt to be fixed; Esc gives up
tui_keys d
tui_wait '时限'
tui_keys C-u
tui_type '2021-02-30'
tui_keys Enter
tui_wait '2021-02-30'
assert_contains '时限'
tui_keys Escape
tui_wait '已取消 cancelled'
tui_quit
echo ok
