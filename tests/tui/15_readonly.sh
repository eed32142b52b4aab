#!/bin/bash
# A database on a read-only directory (a projector reading from a share):
# the front end opens it, folds and moves work, an edit says why it
# cannot be made, and nothing is written.
. "$(dirname "$0")/lib.sh"
tui_setup
chmod 755 "$T"
mkdir "$T/share"
DB="$T/share/duban.db"
"$DUBAN" --db "$DB" list >/dev/null 2>&1 || fail "cannot create the database"
sum=$(md5sum <"$DB")
if [ "$(id -u)" -eq 0 ]; then # root writes anyway: run duban as nobody
    chown -R 65534 "$T/share"
    printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups %q "$@"\n' "$DUBAN" >"$T/duban-nobody"
    chmod 755 "$T/duban-nobody"
    DUBAN="$T/duban-nobody"
fi
chmod 555 "$T/share"
tui_start 140 24 -- --today 2021-10-01
tui_wait 筑巢引凤壮三产
tui_keys j j j j Enter
tui_wait '5.1 '
assert_contains '只读 read-only' # the top line says so from the start
tui_keys j 5
tui_wait 'read-only, cannot edit'
tui_status_line | grep -qF 'read-only, cannot edit: its directory is not writable' || fail "the status line does not say why"
# a key that asks first (M: a meeting's title) says it at once, asking nothing
tui_keys M
sleep 0.3
assert_not_contains '开始会议 meeting title'
tui_status_line | grep -qF 'read-only, cannot edit' || fail "M asked before saying read-only"
assert_line_contains '5.1   (!)' '[ ] 未启动'
tui_quit
chmod 755 "$T/share"
[ "$(md5sum <"$DB")" = "$sum" ] || fail "the read-only database changed"
ls "$T/share" | grep -q -- '-wal\|-shm' && fail "files left in the read-only directory"
echo "ok"
