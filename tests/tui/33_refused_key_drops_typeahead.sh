#!/bin/bash
# A key that would ask a question but refuses (D on an item with no
# milestone) drops what was typed after it, meant as the answer: a fast
# "D2" set 1.1's status to 推进中 (2 in the outline is a status key).
. "$(dirname "$0")/lib.sh"
tui_setup
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
tui_start 100 30 -- --today 2021-10-01
tui_wait 持之以恒抓招商
tui_keys Enter
tui_wait '1.1 '
tui_keys j
tui_wait_selected '1.1 '
tmx send-keys -t "$TUI_SESSION" D2
tui_wait 'milestone'
sleep 0.3
assert_line_contains '1.1 ' '[ ] 未启动'
"$DUBAN" --db "$DB" show 1.1 | grep -q '未启动' || fail "1.1's status changed: $("$DUBAN" --db "$DB" show 1.1 | grep status)"
# after the refusal, keys work again
tui_keys 2
tui_wait '推进中'
tui_quit
echo ok
