# History and the summary at a meeting's start say an item's state in
# words: 新增, 已取消, 正常 (not the stored keys), and a cancellation with
# its reason rather than "— -> —".
. "$(dirname "$0")/lib.sh"
run --db "$DB" cancel 1.2 --reason 并入1.1; expect_rc 0 "cancel"
run --db "$DB" add 1 新增的事项; expect_rc 0 "add"
run --db "$DB" restore 1.2; expect_rc 0 "restore"
run --db "$DB" history
expect_out "1.2  state  正常    已取消  并入1.1" "a cancellation reads 正常 -> 已取消"
expect_out "1.4  state  —       新增" "an addition reads 新增"
expect_out "1.2  state  已取消  正常" "a restore reads 已取消 -> 正常"
expect_no_out "cancelled" "no stored key in the text"
run --db "$DB" history --format csv
expect_out ",1.2,state,,cancelled,并入1.1" "csv keeps the stored values"
run --db "$DB" show 1.2
expect_out "state: 正常 → 已取消  (并入1.1)" "show's history too"
run --db "$DB" show 1.4
expect_out "state: — → 新增" "show's history says an addition as the history table does"
run --db "$DB" cancel 2.1 --reason 暂缓; expect_rc 0 "cancel another"
run --db "$DB" meeting start 第一次调度会
expect_out "  2.1 取消: 暂缓" "the meeting's start names a cancellation with its reason"
expect_no_out "— -> —" "and never an empty change"
finish
