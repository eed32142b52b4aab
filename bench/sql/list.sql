-- list.sql - the floor for `duban list --format csv` (plan 1, the default
-- statuses): every node in outline order, from the sqlite3 CLI.
SELECT ref, CASE depth WHEN 1 THEN 'area' WHEN 2 THEN 'item' ELSE 'subitem' END,
 CASE depth WHEN 1 THEN '' ELSE status END,
 CASE WHEN depth = 1 THEN '' WHEN status = 'not_started' THEN '未启动'
  WHEN status = 'in_progress' THEN '推进中' WHEN status = 'behind' THEN '滞后'
  WHEN status = 'blocked' THEN '受阻' WHEN status = 'done' THEN '已完成' ELSE status END,
 CASE depth WHEN 1 THEN '' ELSE due END, unit, leader, title
FROM node WHERE plan_id = 1 ORDER BY sort_key;
