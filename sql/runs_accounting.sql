-- Question: what did each run do, and does every entry it saw add up
-- (entries seen = articles written + duplicates skipped + dead letters)?
SELECT
  run_id,
  started_at,
  TIMESTAMP_DIFF(finished_at, started_at, SECOND) AS seconds,
  feeds,
  entries_seen,
  articles_written,
  duplicates_skipped,
  dead_letters,
  entries_seen = articles_written + duplicates_skipped + dead_letters AS adds_up
FROM runs
ORDER BY started_at DESC, run_id;
