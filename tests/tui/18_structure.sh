#!/bin/bash
# Structural edits from the keyboard: add below the cursor, rename in place
# with Chinese input, cancel (with a reason) and restore, a milestone done;
# each reaches the store and undo takes it back.
. "$(dirname "$0")/lib.sh"
tui_setup
tui_start 100 30 -- --today 2021-10-01
tui_wait 筑巢引凤壮三产
tui_keys j j j j Enter
tui_wait '5.1 '
tui_keys j
tui_wait_selected '5.1 '

# i: a new item after 5.1, numbered next
tui_keys i
tui_wait '新增事项'
tui_type 数字乡村试点
tui_keys Enter
tui_wait '5.4 新增 added: 数字乡村试点'
tui_wait_selected '5.4 '
"$DUBAN" --db "$DB" show 5.4 | grep -qF 数字乡村试点 || fail "the added item is not in the store"
tui_screen | grep -n '5\.[14] ' | head -2 | tail -1 | grep -qF '5.4 ' ||
    fail "5.4 is not right below 5.1"

# r: rename in place; the line editor moves by whole Chinese characters
tui_keys r
tui_wait '名称 title'
tui_keys C-u
tui_type 数字乡村X
tui_keys BSpace Left
tui_type 建设
tui_keys End
tui_type 试点
tui_keys Enter
tui_wait '数字乡建设村试点'
"$DUBAN" --db "$DB" show 5.4 | grep -qF 数字乡建设村试点 || fail "rename did not reach the store"
tui_keys u
tui_wait '已撤销'
tui_wait '数字乡村试点'

# X: cancel asks the reason; the row is marked; X again restores
tui_keys X
tui_wait '取消理由'
tui_type 并入5.1
tui_keys Enter
tui_wait '已取消 cancelled'
assert_line_contains '5.4 ' '[-] 已取消'
"$DUBAN" --db "$DB" overdue --today 2021-12-31 --format csv | grep -q '^5\.4,' &&
    fail "a cancelled item is overdue"
tui_keys X
tui_wait '5.4 已恢复 restored'
assert_line_contains '5.4 ' '未启动'

# D: a milestone of 5.1 done (5.1 has two: asks which)
tui_keys k
tui_wait_selected '5.1 '
tui_keys D
tui_wait '节点 milestone N'
tui_keys C-u
tui_type 2
tui_keys Enter
tui_wait '5.1 节点 2 完成 done'
"$DUBAN" --db "$DB" milestone 5.1 list | grep -q 'done 2021-10-01' ||
    fail "the milestone is not done in the store"
tui_keys u
tui_wait '已撤销: 5.1 milestone 2 done'
# D with "N DATE" re-dates, "N -" deletes; a bad date changes nothing
tui_keys D C-u
tui_type '1 2021-13-45'
tui_keys Enter
tui_wait 'invalid date'
tui_keys D C-u
tui_type '1 2021-11-30'
tui_keys Enter
tui_wait '5.1 milestone 1 due: 2021-12-31 → 2021-11-30'
tui_keys D C-u
tui_type '1 -'
tui_keys Enter
tui_wait '5.1 milestone 1 deleted'
"$DUBAN" --db "$DB" milestone 5.1 list | grep -q '2021-11-30' && fail "milestone 1 not deleted"
tui_keys u u
tui_wait '已撤销: 5.1 milestone 1 due'

# > moves 5.4 down one place (its number stays); T moves it to area 6
tui_keys j
tui_wait_selected '5.4 '
tui_keys '>'
tui_wait '5.4 下移 moved down'
tui_screen | grep -n '5\.[24] ' | head -1 | grep -qF '5.2 ' || fail "5.2 is not above 5.4"
tui_keys T
tui_wait '移到 move to'
tui_type 6
tui_keys Enter
tui_wait '现为 now 6.4'
"$DUBAN" --db "$DB" show 5.4 2>&1 | grep -qF 'it is now 6.4' || fail "the old ref does not lead to 6.4"
tui_keys u
tui_wait '已撤销: 5.4 moved'
tui_keys u
tui_wait '已撤销'

# undo the restore, the cancel and the addition: 5.4 is gone
tui_keys u u u
tui_wait '已撤销: 5.4 added'
tui_wait_gone '数字乡村试点'
tui_quit
"$DUBAN" --db "$DB" show 5.4 >/dev/null 2>&1 && fail "5.4 still exists after undo"

# b: the body in $VISUAL; the screen comes back after the editor
printf '#!/bin/sh\nprintf "编辑器写的正文\\n" >"$1"\n' >"$T/ed"
chmod +x "$T/ed"
tui_start 100 30 VISUAL="$T/ed" -- --today 2021-10-01
tui_wait '5.1 '
tui_keys j j j j j
tui_wait_selected '5.1 '
tui_keys b
tui_wait '5.1 body changed'
tui_wait 筑巢引凤壮三产
"$DUBAN" --db "$DB" show 5.1 | grep -qF 编辑器写的正文 || fail "the editor's body is not stored"
tui_quit
echo ok
