#!/bin/bash
# Golden captures of presentation mode: area 1's slide with progress
# notes, an extension and a status, at 80x24 and at 200x60 (there also
# the items' text and the note before the latest, rules between the
# items), and the summary at 200x60 (tests/golden/slide-*.txt,
# summary-200x60.txt).
# DUBAN_REGEN=1 rewrites them (look at the diff before committing them).
. "$(dirname "$0")/lib.sh"
tui_setup
G="${DUBAN_SRC:?}/tests/golden"
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
note='已与三家企业对接，其中两家签订框架协议，另一家正在洽谈落地条件，预计十月底前完成签约'
at() { DUBAN_NOW=$1 "$DUBAN" --db "$DB" "${@:2}" >/dev/null || fail "setup: ${*:2}"; }
at 2021-09-01T09:00:00Z note 1.2 '走访企业十二家，形成招商线索清单'
at 2021-09-20T09:00:00Z note 1.2 "$note"
at 2021-10-20T09:00:00Z set 1.1 in_progress --note '招商推介会已举办两场'
at 2021-10-21T09:00:00Z extend 1.3 2022-03-31 --reason 项目规划调整
at 2021-10-22T09:00:00Z unit 1.1 县商务局
at 2021-10-22T09:00:00Z set 5.2 done

# golden NAME: the screen, polled until it equals tests/golden/NAME
golden() {
    local i
    for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
        tui_screen >"$T/got"
        [ "${DUBAN_REGEN:-0}" = 1 ] && sleep 1 && tui_screen >"$T/got" && cp "$T/got" "$G/$1"
        cmp -s "$T/got" "$G/$1" && return 0
        sleep 0.05
    done
    diff -u "$G/$1" "$T/got" >&2
    fail "the screen differs from tests/golden/$1"
}

tui_start 80 24 -- --today 2021-10-25 present 1
tui_wait '方面 1/12'
golden slide-80x24.txt
tui_quit

tui_start 200 60 -- --today 2021-10-25 present 1
tui_wait '方面 1/12'
golden slide-200x60.txt
tui_keys Left
tui_wait 总览
golden summary-200x60.txt
tui_quit
