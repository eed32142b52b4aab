# bash completion for duban(1): commands, options, refs, statuses, files.
# Installed as share/bash-completion/completions/duban.
#
# Commands come from `duban --help` (a fixed list when duban cannot be
# run); options, which take a value and what completes it, from the
# hidden `duban __options [CMD]`, which prints the program's own option
# table (tui/cli/cli_options.def; the global options when duban cannot
# be run); what an argument is (REF, STATUS, FILE, one of a|b|c) from the
# hidden `duban __usage CMD`, the command's usage in the same table; refs
# from `duban list --format csv` on the database the command line names
# (--db, --plan, --config), and only when that file exists, so completing
# never creates a database.

_duban_options_fallback=$'--db\tPATH\t@file\n--plan\tPLAN\t@plan\n--today\tDATE\t\n--format\tFORMAT\ttext csv json md html xlsx\n--config\tFILE\t@file\n--no-bom\t\t\n--help\t\t\n--version\t\t'
_duban_commands_fallback="list present show set due unit leader note undo redo overdue due-soon history search import export plans config meeting decide changes minutes report extend progress add rename body move renumber cancel restore delete milestone clone sync conflicts check compact"

# The value of a global option on the command line being completed.
_duban_opt() {
    local i w
    for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
        w=${COMP_WORDS[i]}
        if [[ $w == "$1" && $((i + 1)) -lt ${#COMP_WORDS[@]} && $i -ne $COMP_CWORD ]]; then
            printf '%s\n' "${COMP_WORDS[i + 1]}"
            return
        elif [[ $w == "$1="* ]]; then
            printf '%s\n' "${w#*=}"
            return
        fi
    done
}

# duban with the --db, --plan and --config of the command line.
_duban_run() {
    local args=() v
    for o in --db --plan --config; do
        v=$(_duban_opt "$o")
        [[ -n $v ]] && args+=("$o" "${v/#\~/$HOME}")
    done
    "${COMP_WORDS[0]/#\~/$HOME}" "${args[@]}" "$@" 2>/dev/null
}

_duban_commands() {
    local cmds
    cmds=$("${COMP_WORDS[0]/#\~/$HOME}" --help 2>/dev/null |
        awk '/^Commands:/ { f = 1; next } /^$/ { f = 0 } f { print $1 }')
    printf '%s\n' "${cmds:-$_duban_commands_fallback}"
}

# "NAME<TAB>ARG<TAB>WORDS" per option: CMD's (with the global ones), or
# every option without CMD.  ARG is empty for a flag; WORDS complete the
# value ("@file", "@plan", or words).
_duban_options() {
    "${COMP_WORDS[0]/#\~/$HOME}" __options "$@" 2>/dev/null || printf '%s\n' "$_duban_options_fallback"
}

# Reads _duban_options output into the caller's arrays arg[NAME],
# words[NAME] and names (in the program's order).
_duban_read_options() {
    local line name rest
    while IFS= read -r line; do
        [[ -n $line ]] || continue
        name=${line%%$'\t'*}
        rest=${line#*$'\t'}
        names+=("$name")
        arg[$name]=${rest%%$'\t'*}
        words[$name]=${rest#*$'\t'}
    done
}

# The database the command line would use, if it exists.
_duban_db() {
    local db
    db=$(_duban_opt --db)
    if [[ -z $db ]]; then
        db=$(_duban_run config --dump | sed -n 's/^database = //p' | tr -d "\"'")
    fi
    if [[ -z $db ]]; then
        db=${XDG_DATA_HOME:-$HOME/.local/share}/duban/duban.db
    fi
    db=${db/#\~/$HOME}
    [[ -f $db ]] && printf '%s\n' "$db"
}

_duban_refs() {
    local db
    db=$(_duban_db) || return
    [[ -n $db ]] || return
    _duban_run --db "$db" list --format csv | sed '1d; s/,.*//'
}

_duban_statuses() {
    _duban_run config --dump | sed -n 's/^\[status\.\(.*\)\]$/\1/p'
}

_duban() {
    local cur prev cmd="" npos=0 i w
    local -A arg=() words=()
    local names=()
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    [[ $prev == -o ]] && prev=--output # the one short option

    # The command and how many arguments it has before the cursor; every
    # option of every command, to skip the values of those that take one.
    _duban_read_options < <(_duban_options)
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        [[ $w == -o ]] && w=--output
        case $w in
        --*=* | -) ;;
        -*) [[ -n ${arg[$w]:-} ]] && ((i++)) ;;
        *) if [[ -z $cmd ]]; then cmd=$w; else ((npos++)); fi ;;
        esac
    done
    # Then only the command's own options (and the global ones).
    if [[ -n $cmd ]]; then
        arg=() words=() names=()
        _duban_read_options < <(_duban_options "$cmd")
    fi

    if [[ $prev == -* && -n ${arg[$prev]:-} ]]; then
        case ${words[$prev]} in
        @file) COMPREPLY=($(compgen -f -- "$cur")) ;;
        @plan)
            COMPREPLY=($(compgen -W "$(_duban_db >/dev/null && _duban_run plans --format csv | sed '1d; s/,.*//')" -- "$cur"))
            ;;
        *) COMPREPLY=($(compgen -W "${words[$prev]}" -- "$cur")) ;;
        esac
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "${names[*]}" -- "$cur"))
        return
    fi
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$(_duban_commands)" -- "$cur"))
        return
    fi
    # sync and conflicts: a subcommand word or a file (sync OTHER.db|DIR).
    if [[ $cmd == sync ]]; then
        if ((npos == 0)); then
            COMPREPLY=($(compgen -W "export import status name reidentify" -- "$cur") $(compgen -f -- "$cur"))
        elif ((npos == 1)) && [[ $prev == @(export|import) ]]; then
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        return
    fi
    if [[ $cmd == conflicts ]]; then
        ((npos == 0)) && COMPREPLY=($(compgen -W "ack" -- "$cur"))
        return
    fi
    # The argument at the cursor, named by the command's usage
    # (`duban __usage CMD`: REF, STATUS, FILE, start|end|list|current...).
    local kind
    kind=$("${COMP_WORDS[0]/#\~/$HOME}" __usage "$cmd" 2>/dev/null | sed -n "$((npos + 1))p")
    case $kind in
    REF) COMPREPLY=($(compgen -W "$(_duban_refs)" -- "$cur")) ;;
    STATUS) COMPREPLY=($(compgen -W "$(_duban_statuses)" -- "$cur")) ;;
    FILE) COMPREPLY=($(compgen -f -- "$cur")) ;;
    *'|'*) COMPREPLY=($(compgen -W "${kind//|/ }" -- "$cur")) ;;
    esac
}

complete -F _duban duban
