# lib.sh - drive the real duban front end in a detached tmux session.
#
#   . "$(dirname "$0")/lib.sh"
#   tui_setup                    # temp dir $T, database $DB, own tmux socket, cleanup trap;
#                                # HOME and XDG_* point into $T (no developer config leaks in)
#   tui_start 80 24 [VAR=value ...] -- [duban args ...]
#   tui_keys j j Enter           # tmux send-keys names (Enter, Escape, C-r, ...)
#   tui_type '妇保院'             # literal text
#   tui_wait '5.1'               # until the screen contains the string (~5 s)
#   tui_wait_gone 'text'         # until it does not
#   assert_contains 'x' / assert_not_contains 'x'   # on the current screen
#   tui_quit                     # q, then wait for a clean exit (status 0)
#
# Environment (set by ctest): DUBAN (the binary), DUBAN_GEN, DUBAN_SRC.
# Every failure prints the screen and exits 1.

set -u
: "${DUBAN:?DUBAN must name the duban binary}"
# shellcheck source=../text_has.sh
. "$(dirname "${BASH_SOURCE[0]}")/../text_has.sh"
TUI_TIMEOUT_POLLS=${TUI_TIMEOUT_POLLS:-100} # x 50 ms

tui_setup() {
    T=$(mktemp -d "${TMPDIR:-/tmp}/duban-tui.XXXXXX")
    DB="$T/duban.db"
    export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
    mkdir -p "$HOME"
    TUI_SOCK="duban-test-$$-$RANDOM"
    TUI_SESSION=duban
    trap tui_cleanup EXIT
}

tui_cleanup() {
    tmux -L "$TUI_SOCK" kill-server 2>/dev/null
    rm -rf "$T"
}

tmx() {
    tmux -L "$TUI_SOCK" "$@"
}

fail() {
    echo "FAIL: $*" >&2
    if tmx has-session -t "$TUI_SESSION" 2>/dev/null; then
        echo "---- screen ----" >&2
        tmx capture-pane -p -t "$TUI_SESSION" >&2
        echo "----------------" >&2
    fi
    exit 1
}

# tui_start COLS ROWS [VAR=value ...] [-- duban args ...]
tui_start() {
    local cols=$1 rows=$2
    shift 2
    local envs=() args=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        envs+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    args=("$@")
    # The wrapper shell reports the exit status on the screen and keeps the
    # pane open so that tui_wait_exit can read it.
    local cmd
    cmd=$(printf '%q ' sh -c '"$@"; printf "\n[duban exit %d]\n" $?; exec sleep 600' sh \
        env TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
        XDG_DATA_HOME="$XDG_DATA_HOME" "${envs[@]}" \
        "$DUBAN" --db "$DB" "${args[@]}")
    # A tmux server starting while the machine is loaded now and then dies
    # before the client attaches ("server exited unexpectedly"): that is
    # tmux, not duban, so try again before calling it a failure.
    local try
    for try in 1 2 3 4 5; do
        tmx -f /dev/null new-session -d -s "$TUI_SESSION" -x "$cols" -y "$rows" "$cmd" && break
        tmx kill-server 2>/dev/null
        [ "$try" = 5 ] && fail "cannot start tmux"
        sleep 0.2
    done
    tmx set-option -g window-size manual >/dev/null
}

tui_screen() {
    tmx capture-pane -p -t "$TUI_SESSION"
}

tui_keys() {
    tmx send-keys -t "$TUI_SESSION" "$@"
}

tui_type() {
    tmx send-keys -t "$TUI_SESSION" -l "$1"
}

tui_resize() {
    tmx resize-window -t "$TUI_SESSION" -x "$1" -y "$2"
}

# screen_has NEEDLE: the screen holds NEEDLE (as grep -F would find it;
# tmux alone a poll, no grep)
screen_has() {
    text_has "$(tui_screen)" "$1"
}

tui_wait() {
    local i
    for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
        screen_has "$1" && return 0
        sleep 0.05
    done
    fail "timed out waiting for '$1'"
}

tui_wait_gone() {
    local i
    for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
        screen_has "$1" || return 0
        sleep 0.05
    done
    fail "timed out waiting for '$1' to go away"
}

# The screen line holding $1 (first match), for checks within one row.
tui_line() {
    tui_screen | grep -F -- "$1" | head -n 1
}

assert_contains() {
    screen_has "$1" || fail "screen does not contain '$1'"
}

assert_not_contains() {
    screen_has "$1" && fail "screen contains '$1'"
    return 0
}

# Checks that string $2 occurs on the screen line that contains $1.
assert_line_contains() {
    local line
    line=$(tui_line "$1")
    [ -n "$line" ] || fail "no line contains '$1'"
    case "$line" in
    *"$2"*) ;;
    *) fail "line with '$1' does not contain '$2': $line" ;;
    esac
}

# Waits until the screen line holding $1 contains $2: for a change to a
# row when the same text may already show on another row.
tui_wait_line() {
    local i
    for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
        case "$(tui_line "$1")" in
        *"$2"*) return 0 ;;
        esac
        sleep 0.05
    done
    assert_line_contains "$1" "$2"
}

# Waits until the program has exited and checks its exit status.
tui_wait_exit() {
    local i status
    for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
        status=$(tui_screen | sed -n 's/^\[duban exit \([0-9]*\)\]$/\1/p')
        case "$status" in
        0) return 0 ;;
        "") ;;
        *) fail "duban exited with status $status" ;;
        esac
        sleep 0.05
    done
    fail "duban did not exit"
}

tui_quit() {
    tui_keys q
    tui_wait_exit
    tmx kill-session -t "$TUI_SESSION" 2>/dev/null
    return 0
}

# The screen with attributes (escape sequences) as tmux records them.
tui_screen_attrs() {
    tmx capture-pane -e -p -t "$TUI_SESSION"
}

# Checks that the row holding $1 is the cursor row (drawn in reverse video).
assert_selected() {
    local raw n line
    raw=$(tui_screen_attrs)
    n=$(printf '%s\n' "$raw" | sed 's/\x1b\[[0-9;]*m//g' | grep -nF -- "$1" | head -n 1 | cut -d: -f1)
    [ -n "$n" ] || fail "no line contains '$1'"
    line=$(printf '%s\n' "$raw" | sed -n "${n}p")
    case "$line" in
    *$'\033[7m'* | *$'\033['*';7m'* | *$'\033[7;'*) ;;
    *) fail "the row with '$1' is not selected" ;;
    esac
}

# Waits until the cursor row contains $1.
tui_wait_selected() {
    local i
    for ((i = 0; i < TUI_TIMEOUT_POLLS; i++)); do
        (assert_selected "$1") 2>/dev/null && return 0
        sleep 0.05
    done
    assert_selected "$1"
}

# The last screen line (the status line).
tui_status_line() {
    tui_screen | tail -n 1
}

# Run directly (ctest registers every tests/tui/*.sh), check the tools.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    command -v tmux >/dev/null || { echo "tmux is required" >&2; exit 1; }
    [ -x "$DUBAN" ] || { echo "DUBAN is not executable: $DUBAN" >&2; exit 1; }
    exit 0
fi
