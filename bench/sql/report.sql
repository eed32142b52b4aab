-- report.sql - the floor for `duban report --format csv` (plan 1, by area,
-- today 2021-10-01, the default statuses and a 14-day yellow window): per
-- area its items (depth 2, not cancelled), done, rate, red / yellow /
-- green lights and numeric targets met, from the sqlite3 CLI.
WITH item AS (
  SELECT n.ref, n.status,
   CASE WHEN n.extended_due <> '' THEN n.extended_due
    ELSE coalesce(min(nullif(n.due, ''), ms.d), nullif(n.due, ''), ms.d, '') END AS deadline
  FROM node n LEFT JOIN (SELECT node_id, min(due) AS d FROM milestone
   WHERE done = '' AND state = '' GROUP BY node_id) ms ON ms.node_id = n.id
  WHERE n.plan_id = 1 AND n.depth = 2 AND n.state = ''
   AND (SELECT p.state FROM node p WHERE p.id = n.parent_id) = ''),
 lit AS (
  SELECT substr(ref, 1, instr(ref, '.') - 1) AS k, status = 'done' AS done,
   CASE WHEN status = 'done' THEN 0
    WHEN status = 'blocked' OR (deadline <> '' AND deadline < '2021-10-01') THEN 2
    WHEN status = 'behind' OR (deadline <> '' AND deadline <= '2021-10-15') THEN 1
    ELSE 0 END AS light
  FROM item),
 agg AS (
  SELECT k, count(*) AS total, sum(done) AS done, sum(light = 2) AS red,
   sum(light = 1) AS yellow, sum(light = 0) AS green FROM lit GROUP BY k),
 tg AS (
  SELECT substr(n.ref, 1, instr(n.ref || '.', '.') - 1) AS k, count(*) AS targets,
   sum(t.current IS NOT NULL AND CASE t.direction WHEN 'at_most' THEN t.current <= t.number
    ELSE t.current >= t.number END) AS met
  FROM target t JOIN node n ON n.id = t.node_id WHERE n.plan_id = 1 GROUP BY 1)
SELECT a.ref, a.title, coalesce(agg.total, 0), coalesce(agg.done, 0),
 CASE WHEN coalesce(agg.total, 0) = 0 THEN 0 ELSE (agg.done * 200 + agg.total) / (agg.total * 2) END,
 coalesce(agg.red, 0), coalesce(agg.yellow, 0), coalesce(agg.green, 0),
 coalesce(tg.targets, 0), coalesce(tg.met, 0)
FROM node a LEFT JOIN agg ON agg.k = a.ref LEFT JOIN tg ON tg.k = a.ref
WHERE a.plan_id = 1 AND a.parent_id IS NULL AND a.state <> 'removed' ORDER BY a.seq;
