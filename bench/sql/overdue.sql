-- overdue.sql - the floor for `duban overdue --format csv` (plan 1, today
-- 2021-10-01, the default statuses): the same rows, by the same query on
-- the same schema, from the sqlite3 CLI (bench/table.sh checks the rows).
WITH late AS (
  SELECT n.ref, coalesce(nullif(n.extended_due, ''), n.due) AS due,
   CAST(julianday('2021-10-01') - julianday(coalesce(nullif(n.extended_due, ''), n.due)) AS INTEGER) AS days,
   n.status, n.unit, n.title, '' AS word, '' AS phrase, a.title AS atitle, n.sort_key, 0 AS mseq
  FROM node n JOIN node a ON a.id = CASE n.depth WHEN 1 THEN n.id WHEN 2 THEN n.parent_id
   ELSE (SELECT p.parent_id FROM node p WHERE p.id = n.parent_id) END
  WHERE n.plan_id = 1 AND n.depth >= 2 AND coalesce(nullif(n.extended_due, ''), n.due) <> ''
   AND coalesce(nullif(n.extended_due, ''), n.due) < '2021-10-01' AND n.status <> 'done'
  UNION ALL
  SELECT n.ref, m.due, CAST(julianday('2021-10-01') - julianday(m.due) AS INTEGER), n.status,
   n.unit, n.title, m.word, m.phrase, a.title, n.sort_key, m.seq
  FROM milestone m JOIN node n ON n.id = m.node_id JOIN node a ON a.id = CASE n.depth WHEN 1
   THEN n.id WHEN 2 THEN n.parent_id ELSE (SELECT p.parent_id FROM node p WHERE p.id = n.parent_id) END
  WHERE n.plan_id = 1 AND m.due < '2021-10-01' AND n.status <> 'done' AND n.extended_due = ''
   AND NOT (n.due <> '' AND n.due < '2021-10-01'))
SELECT ref, due, days,
 CASE status WHEN 'not_started' THEN '未启动' WHEN 'in_progress' THEN '推进中'
  WHEN 'behind' THEN '滞后' WHEN 'blocked' THEN '受阻' WHEN 'done' THEN '已完成' ELSE status END,
 unit, title, word, phrase, atitle
FROM late ORDER BY days DESC, sort_key, mseq;
