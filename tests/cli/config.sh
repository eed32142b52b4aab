# The configuration file: --dump, warnings, errors before the database is
# touched, a custom status set, the database path, --config and XDG.
. "$(dirname "$0")/lib.sh"
export XDG_CONFIG_HOME="$T/xdg-config"
CFG="$T/duban.ini"

# No configuration anywhere: the built-in defaults, and no database made.
run config --dump
expect_rc 0 "config --dump without a file"
expect_out "[general]" "dump has [general]"
expect_out "warn_days = 14" "dump has defaults"
expect_out "[status.done]" "dump has the statuses"
expect_out "move_down = j, Down" "dump has the key bindings from the front end"
expect_out "name = default" "dump has the theme"
[ ! -e "$XDG_DATA_HOME/duban/duban.db" ] && pass || fail "config --dump created the default database"
run config
expect_out "$XDG_CONFIG_HOME/duban/config.ini (not found" "config names the default place"

# The dump is a valid configuration that reads back to the same dump.
"$DUBAN" config --dump >"$CFG"
run --config "$CFG" config --dump
expect_rc 0 "the dump loads"
[ "$(grep -v '^#' <<<"$out")" = "$(grep -v '^#' "$CFG")" ] && pass || fail "dump of the dump differs"

# A broken configuration: exit 9, one line naming FILE:LINE and the value,
# before the database is created.
printf '[general]\nwarn_days = 7\n\n[theme]\nheader = purple on blue\n' >"$CFG"
run --config "$CFG" --db "$T/broken.db" list
expect_rc 9 "unknown colour"
expect_one_line_err "unknown colour"
expect_err "$CFG:5:" "error names file and line"
expect_err "'purple'" "error names the value"
[ ! -e "$T/broken.db" ] && pass || fail "a broken config created the database"

printf '[keys]\nquit = j\nmove_down = j\n' >"$CFG"
run --config "$CFG" --db "$T/broken.db" list
expect_rc 9 "key bound twice"
expect_err "$CFG:3: key 'j' is bound to both quit and move_down" "key bound twice message"
printf '[general]\nambiguous_width = 3\n' >"$CFG"
run --config "$CFG" --db "$T/broken.db"
expect_rc 9 "ambiguous_width 3 (front end)"
expect_err "$CFG:2: ambiguous_width must be 1 or 2, not '3'" "ambiguous message"
printf '[status.a]\nglyph = a\n[status.b]\nglyph = b\n' >"$CFG"
run --config "$CFG" --db "$T/broken.db" list
expect_rc 9 "no done status"
expect_err "$CFG:1: no status has done = yes" "no done status message"
printf '[general]\nwarn days: 7\n' >"$CFG"
run --config "$CFG" --db "$T/broken.db" list
expect_rc 9 "malformed line"
expect_one_line_err "malformed line"
expect_err "$CFG:2: " "malformed line names the line"
[ ! -e "$T/broken.db" ] && pass || fail "a broken config created the database"
run --config "$T/missing.ini" --db "$T/broken.db" list
expect_rc 9 "an explicit --config must exist"
expect_err "$T/missing.ini" "missing file named"
[ ! -e "$T/broken.db" ] && pass || fail "a missing config created the database"

# Unknown keys are warnings: the command still runs.
printf '[general]\nwarn_days = 7\ncolour = red\n' >"$CFG"
run --config "$CFG" --db "$DB" list
expect_rc 0 "unknown key is only a warning"
expect_err "duban: $CFG:3: unknown key 'colour' in [general]" "warning names file and line"
expect_out "持之以恒抓招商" "list ran"

# Seven statuses (another county's set) from the default config place.
mkdir -p "$XDG_CONFIG_HOME/duban"
cat >"$XDG_CONFIG_HOME/duban/config.ini" <<'EOF'
[status.not_started]
name = 待启动
key = 1
glyph = "[ ]"
[status.planned]
name = 已谋划
key = 2
glyph = [~]
colour = blue
[status.in_progress]
name = 推进中
key = 3
glyph = [>]
[status.behind]
name = 滞后
key = 4
glyph = [!]
[status.blocked]
name = 受阻
key = 5
glyph = "[#]"
[status.done]
name = 已完成
key = 6
glyph = [x]
done = yes
[status.closed]
name = 已销号
key = 7
glyph = [=]
done = yes
EOF
run --db "$DB" set 1.1 已谋划
expect_rc 0 "set a custom status by name"
expect_out "1.1 status: 待启动 → 已谋划" "custom names in the change"
run --db "$DB" set 1.2 closed
expect_rc 0 "set a custom status by key"
run --db "$DB" set 1.3 7
expect_rc 0 "set the 7th status by number"
run --db "$DB" list
expect_out "[~] 已谋划" "list shows the custom status"
expect_out "[=] 已销号" "list shows the 7th status"
run --db "$DB" overdue --today 2022-06-01
grep -q '^1\.2 ' <<<"$out" && fail "a custom done status is overdue" || pass
grep -q '^1\.3 ' <<<"$out" && fail "the 7th (done) status is overdue" || pass
grep -q '^2\.1 ' <<<"$out" && pass || fail "a not-done item is overdue"
run --db "$DB" set 1.1 in_progress_not
expect_rc 2 "unknown status is refused"
rm "$XDG_CONFIG_HOME/duban/config.ini"
# The plan keeps the status set it was used with: without the file (another
# machine) the statuses and counts still show right.
run --db "$DB" set 2.1 已谋划
expect_rc 0 "without the file the plan's own statuses still apply"
run --db "$DB" list
expect_out "[~] 已谋划" "list shows the stored custom status without the file"
# A configuration dropping a status that items use is refused, naming it.
printf '[status.not_started]\nname = 未启动\nglyph = [ ]\n[status.done]\nname = 已完成\nglyph = [x]\ndone = yes\n' \
    >"$XDG_CONFIG_HOME/duban/config.ini"
run --db "$DB" list
expect_rc 2 "dropping a used status is refused"
expect_err "status 'planned' (已谋划) is used by 2 items" "the refusal names the status and count"
rm "$XDG_CONFIG_HOME/duban/config.ini"

# The database path from the configuration (used when --db is absent).
printf '[general]\ndatabase = data/plan.db\n' >"$CFG"
mkdir -p "$T/data"
run --config "$CFG" list
expect_rc 0 "database from config"
[ -e "$T/data/plan.db" ] && pass || fail "database = is relative to the config file"
[ ! -e "$XDG_DATA_HOME/duban/duban.db" ] && pass || fail "the default database was used"
rm "$T/data/plan.db"
run --config "$CFG" --db "$DB" list
expect_rc 0 "--db with a configured database"
[ ! -e "$T/data/plan.db" ] && pass || fail "--db must beat the configured database"

# The lights' blocked and behind statuses come from the status set
# (role), not from the keys blocked and behind.
cat >"$T/roles.ini" <<'EOF'
[status.not_started]
name = 未启动
glyph = "[ ]"
[status.stuck]
name = 卡住
glyph = "[#]"
role = blocked
[status.blocked]
name = 待议
glyph = [?]
role = none
[status.done]
name = 已完成
glyph = [x]
done = yes
EOF
RDB="$T/roles.db"
"$DUBAN" --db "$RDB" list >/dev/null 2>&1
run --config "$T/roles.ini" --db "$RDB" set 5.2 stuck
run --config "$T/roles.ini" --db "$RDB" set 3.1 blocked
run --config "$T/roles.ini" --db "$RDB" report --format csv
expect_out "3,全力以赴推项目,3,0,0,0,0,3,0,0" "a status keyed blocked with role none is not red"
expect_out "5,筑巢引凤壮三产,3,0,0,2,0,1,0,0" "stuck (role = blocked) is red: 5.2, with 5.1 late"
run --config "$T/roles.ini" --db "$RDB" report
expect_out "逾期未完成或卡住；" "the legend names the blocked status"
run --config "$T/roles.ini" config --dump
expect_out "role = blocked" "the dump has the roles"

# ambiguous_width = 2 aligns the command line's tables too: “ ” take two
# columns, so the UNIT column is two wider.
printf '[general]\nambiguous_width = 2\n' >"$T/wide.ini"
WDB="$T/wide.db"
"$DUBAN" --db "$WDB" list >/dev/null 2>&1
run --db "$WDB" unit 1.1 '“招商”专班'
run --db "$WDB" list
expect_out "1.2   [ ] 未启动  2021-12-31                        创新招商方式" "narrow: 6+2 columns for the unit"
run --config "$T/wide.ini" --db "$WDB" list
expect_out "1.2   [ ] 未启动  2021-12-31                          创新招商方式" "wide: 8+2 columns for the unit"

finish
