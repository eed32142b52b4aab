# bash completion for duban(1): commands, options, refs, statuses, files.
# Installed as share/bash-completion/completions/duban.
#
# Commands come from `duban --help` (a fixed list when duban cannot be
# run); refs from `duban list --format csv` on the database the command
# line names (--db, --plan, --config), and only when that file exists,
# so completing never creates a database.

_duban_commands_fallback="list present show set due unit leader note undo redo overdue history search import plans config meeting changes minutes report extend progress"

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
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

    case $prev in
    --db | --config)
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    --format)
        COMPREPLY=($(compgen -W "text csv json md html" -- "$cur"))
        return
        ;;
    --by)
        COMPREPLY=($(compgen -W "area unit leader" -- "$cur"))
        return
        ;;
    --plan)
        COMPREPLY=($(compgen -W "$(_duban_db >/dev/null && _duban_run plans --format csv | sed '1d; s/,.*//')" -- "$cur"))
        return
        ;;
    --today | --note | --year | --reason | --date | --meeting)
        return
        ;;
    esac

    # The command and how many arguments it has before the cursor.
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
        --db | --config | --format | --plan | --today | --note | --year | --reason | --by | \
            --date | --meeting) ((i++)) ;;
        -*) ;;
        *) if [[ -z $cmd ]]; then cmd=$w; else ((npos++)); fi ;;
        esac
    done

    if [[ $cur == -* ]]; then
        local opts="--db --plan --today --format --config --help --version"
        case $cmd in
        set | due | unit | leader | progress) opts+=" --note" ;;
        import) opts+=" --year --dry-run" ;;
        config) opts+=" --dump" ;;
        extend) opts+=" --reason" ;;
        report) opts+=" --by" ;;
        changes) opts+=" --meeting --since-last" ;;
        meeting) opts+=" --date" ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$(_duban_commands)" -- "$cur"))
        return
    fi
    case $cmd in
    show | set | due | unit | leader | note | history | extend | progress)
        if ((npos == 0)); then
            COMPREPLY=($(compgen -W "$(_duban_refs)" -- "$cur"))
        elif [[ $cmd == set && $npos -eq 1 ]]; then
            COMPREPLY=($(compgen -W "$(_duban_statuses)" -- "$cur"))
        fi
        ;;
    import)
        ((npos == 0)) && COMPREPLY=($(compgen -f -- "$cur"))
        ;;
    meeting)
        ((npos == 0)) && COMPREPLY=($(compgen -W "start end list current" -- "$cur"))
        ;;
    esac
}

complete -F _duban duban
