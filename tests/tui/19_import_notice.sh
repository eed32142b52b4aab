#!/bin/bash
# After `duban import`, the front end opens on the plan just imported and
# its status line says, once, how many warnings the import gave and how
# to see them again; a clean import says it had none.
. "$(dirname "$0")/lib.sh"
tui_setup
src="$T/plan.txt"
cp "$DUBAN_SRC/tests/data/import/counts-truncated-web.txt" "$src"
n=$(cd "$T" && "$DUBAN" --db "$DB" import "$src" --dry-run 2>&1 >/dev/null | grep -c ': ')
[ "$n" -gt 0 ] || fail "the fixture gives no warnings"
"$DUBAN" --db "$DB" import "$src" >/dev/null 2>&1 || fail "import failed"
tui_start 80 24
tui_wait "导入有 $n 处警告"
assert_contains "duban import plan.txt --dry-run"
assert_not_contains '…'
tui_quit
# Said once: the next start is quiet.
tui_start 80 24
tui_wait '帮助'
assert_not_contains '导入有'
tui_quit
"$DUBAN" --db "$DB" import "$DUBAN_SRC/tests/data/plan-paren.txt" >/dev/null 2>&1 || fail "import failed"
tui_start 80 24
tui_wait '已导入计划，没有警告'
assert_contains 保障民生
tui_quit
echo "ok"
