# The front end's layers call downward only (issue 8, DESIGN.md):
#
#   input   the loop: keys, mouse, resize, live reload    tui
#   action  what an action does                           dispatch
#   app     edits, prompts, undo, meetings, structure     app_edit app_flow app_struct
#   view    the registry, the views and the frame         view view_* present present_* layout
#   model   the state the views show, search              app vmodel vm_stats search
#   base    vocabulary (actions, fields, keys, views.def)
#           and drawing primitives                        actions keymap fields views draw flow lineedit
#
# A file of tui/screen/ may include a header of its own layer or of a lower
# one, never of a higher one; every file must belong to a layer (a new
# view_NAME.c is in "view" by its name).  With DUBAN_BUILD set, the objects
# are checked too: no object calls a function defined in a higher layer.
set -u
cd "${DUBAN_SRC:?}"
status=0
bad() {
    echo "tui_layers: $*"
    status=1
}

LAYERS=(
    "input:tui"
    "action:dispatch"
    "app:app_edit app_flow app_struct"
    "view:view view_* present present_* layout"
    "model:app vmodel vm_stats vm_filter vm_items search"
    "base:actions keymap fields views draw flow lineedit"
)

# layer_of MODULE: sets L_RANK (0 = top) and L_NAME, both empty when the
# module belongs to no layer (no subshell: it runs once a symbol).
layer_of() {
    local rank=0 entry pat
    L_RANK= L_NAME=
    for entry in "${LAYERS[@]}"; do
        for pat in ${entry#*:}; do
            # shellcheck disable=SC2053
            if [[ $1 == $pat ]]; then
                L_RANK=$rank L_NAME=${entry%%:*}
                return
            fi
        done
        rank=$((rank + 1))
    done
}

module() { # tui/screen/view_help.c -> view_help, in M
    M=${1##*/}
    M=${M%.*}
}

for f in tui/screen/*; do
    module "$f"
    layer_of "$M"
    rank=$L_RANK name=$L_NAME
    if [ -z "$rank" ]; then
        bad "$f belongs to no layer (add it to LAYERS in tests/arch/tui_layers.sh)"
        continue
    fi
    while read -r inc; do
        [ -n "$inc" ] || continue
        module "$inc"
        layer_of "$M"
        irank=$L_RANK iname=$L_NAME
        if [ -z "$irank" ]; then
            bad "$f includes $inc, which belongs to no layer"
        elif [ "$irank" -lt "$rank" ]; then
            bad "$f ($name) includes $inc ($iname): a lower layer includes a higher one"
        fi
    done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"screen\/\([^"]*\)".*/\1/p' "$f")
done

# The objects: every undefined function must be defined at the same layer
# or below (or outside tui/screen: core, the command line, libraries).
if [ -n "${DUBAN_BUILD:-}" ] && command -v nm >/dev/null; then
    dir=$(find "$DUBAN_BUILD/tui" -type d -path '*duban.dir/screen' 2>/dev/null | head -n 1)
    if [ -n "$dir" ]; then
        # two nm runs over all the objects, not two an object
        declare -A owner
        while read -r file _ sym; do
            file=${file%:*}
            file=${file##*/}
            owner[$sym]=${file%.c.o}
        done < <(nm -A --defined-only -g "$dir"/*.o | awk '$(NF - 1) ~ /^[TDBR]$/ {print $1, $2, $NF}')
        while read -r file sym; do
            file=${file%:}
            file=${file##*/}
            m=${file%.c.o}
            layer_of "$m"
            rank=$L_RANK name=$L_NAME
            [ -n "$rank" ] || continue
            def=${owner[$sym]:-}
            [ -n "$def" ] || continue
            layer_of "$def"
            if [ -n "$L_RANK" ] && [ "$L_RANK" -lt "$rank" ]; then
                bad "$m.c ($name) calls $sym of $def.c ($L_NAME): a call upward"
            fi
        done < <(nm -A -u "$dir"/*.o | awk '{print $1, $NF}')
    fi
fi
exit $status
