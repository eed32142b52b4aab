# Schema 16 (issue 15): `duban list` reads the covering index
# node_listing, which leaves removed (deleted) nodes out.  A schema 15
# database upgrades with the same listing in every format; edits after the
# upgrade (a status, a title, a restore, a deletion, an added item) show
# in the listing; the index holds exactly the plan's live nodes.
. "$(dirname "$0")/lib.sh"
A="$T/a.db"

run --db "$A" list; expect_rc 0 "create"
run --db "$A" set 1.1 done; run --db "$A" rename 1.2 改过的标题
run --db "$A" cancel 2.1 --reason 合并; run --db "$A" add 1 临时一项
run --db "$A" delete "${out%% *}"; expect_rc 0 "edits before the upgrade"
listings() { # DB
  for f in text csv json md; do "$DUBAN" --db "$1" list --format "$f"; done
  "$DUBAN" --db "$1" list --status done
}
before=$(listings "$A" 2>&1)

sqlite3 "$A" "DROP INDEX node_listing; PRAGMA user_version = 15;" || fail "making a schema 15 database"
after=$(listings "$A" 2>&1)
[ "$before" = "$after" ] && pass || fail "the listing differs after the upgrade:
$(diff <(echo "$before") <(echo "$after"))"
[ "$(sqlite3 "$A" "PRAGMA user_version")" -ge 16 ] && pass || fail "not upgraded"
[ "$(sqlite3 "$A" "SELECT sql FROM sqlite_schema WHERE name = 'node_listing'")" = \
  "CREATE INDEX node_listing ON node(plan_id, sort_key, depth, ref, status, due, unit, leader, state, title) WHERE state <> 'removed'" ] \
  && pass || fail "node_listing is not schema 16's"

# edits after the upgrade reach the listing
run --db "$A" set 1.3 blocked; run --db "$A" rename 1.3 "新 标题"
run --db "$A" restore 2.1; run --db "$A" add 2 又一项; run --db "$A" delete "${out%% *}"
run --db "$A" add 1 新增的一项; expect_rc 0 "edits after the upgrade"
run --db "$A" list --format csv
expect_out "1.3,item,blocked,受阻" "a status edit"
expect_out ",新 标题" "a new title"
expect_out "2.1,item,not_started" "a restored item"
expect_no_out "又一项" "a deleted item"
expect_out ",新增的一项" "an added item"
[ "$(sqlite3 "$A" "PRAGMA integrity_check")" = ok ] && pass || fail "integrity"
[ "$(sqlite3 "$A" "SELECT (SELECT count(*) FROM node INDEXED BY node_listing
  WHERE plan_id = 1 AND state <> 'removed') = (SELECT count(*) FROM node NOT INDEXED
  WHERE state <> 'removed')")" = 1 ] && pass || fail "node_listing does not hold the live nodes"
sqlite3 "$A" "EXPLAIN QUERY PLAN SELECT id, depth, ref, title, status, due, unit, leader, state
  FROM node WHERE plan_id = 1 AND state <> 'removed' ORDER BY sort_key" \
  | grep -q "COVERING INDEX node_listing" && pass || fail "the listing does not read node_listing alone"
finish
