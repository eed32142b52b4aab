# The scripted meetings behind the golden files (sourced by tests/cli/
# minutes.sh and report.sh after lib.sh).  Today is 2021-10-01 and every
# timestamp is 2021-10-01T09:00:00Z, so the output is reproducible.
# To rewrite the golden files after an intended change:
#   DUBAN_UPDATE_GOLDEN=1 ctest -R 'cli.(minutes|report)'   (then review the diff)
export DUBAN_TODAY=2021-10-01 DUBAN_NOW=2021-10-01T09:00:00Z
G="$DUBAN_SRC/tests/golden"

scenario_step() {
  "$DUBAN" --db "$DB" "$@" >/dev/null 2>"$T/step-stderr" \
    || { echo "scenario step failed: duban $*: $(cat "$T/step-stderr")" >&2; exit 1; }
}

# Between meetings, on the laptop: units, leaders, dates.
scenario_step list
scenario_step unit 3.1 县发改局
scenario_step unit 5.1 县商务局
scenario_step unit 6.1 县交通运输局
scenario_step unit 7.2 县住建局
scenario_step unit 10.2 县卫健局
scenario_step unit 11.2 县公安局
scenario_step leader 5.1 王副县长
scenario_step leader 6.1 李副县长
scenario_step leader 11.2 李副县长
scenario_step due 6.1 2021-09-15
scenario_step due 9.1 2021-09-20
scenario_step due 3.1 2021-10-10
scenario_step due 9.2 2021-08-31
scenario_step unit 9.2 县生态环境分局
scenario_step set 4.1 behind --note "人才引进进度偏慢"

# The first meeting: one progress note.
scenario_step meeting start 第二次推进会 --date 2021-09-15
scenario_step note 1.1 "招商引资立功竞赛已启动"
scenario_step meeting end

# The meeting the minutes are about.
scenario_step meeting start 第三次推进会
scenario_step set 5.1 done --note "开元森泊已开工"
scenario_step set 2.2 in_progress --note "良信电器设备调试"
scenario_step progress 8.2 美丽乡村 9
scenario_step progress 10.1 失业率 1.8
scenario_step extend 10.2 2021-12-31 --reason "设备到货推迟"
scenario_step extend 9.2 2021-09-25 --reason "整改方案调整"
scenario_step set 11.2 blocked --note "信访积案化解受阻"
scenario_step set 3.2 done
scenario_step undo
scenario_step note 7.2 "管网<一期>已铺设&验收"
scenario_step set 12.1 done
scenario_step decide "由县发改局牵头制定招商专班方案" --unit 县发改局 --due 2021-11-30 --item 3.1
scenario_step decide "加快审批流程" --item 6.1
scenario_step meeting end

# golden NAME ARGS...: runs duban ARGS and compares stdout with $G/NAME.
golden() {
  local name=$1; shift
  "$DUBAN" --db "$DB" "$@" >"$T/$name" 2>"$T/stderr"; rc=$?
  [ "$rc" -eq 0 ] && pass || fail "$name: exit $rc: $(cat "$T/stderr")"
  [ -n "${DUBAN_UPDATE_GOLDEN:-}" ] && cp "$T/$name" "$G/$name"
  if diff -u "$G/$name" "$T/$name" >"$T/diff" 2>&1; then
    pass
  else
    fail "$name differs from $G/$name:"$'\n'"$(head -60 "$T/diff")"
  fi
}
