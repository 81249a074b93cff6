-- Question: what did each run do, and does every entry it saw add up
-- (entries seen + dead letters retried = articles written + duplicates skipped + dead letters;
-- feeds that could not be read are counted apart: their entries were never seen)?
SELECT
  run_id,
  mode,
  started_at,
  TIMESTAMP_DIFF(finished_at, started_at, SECOND) AS seconds,
  feeds,
  feeds_failed,
  entries_seen,
  retried,
  articles_written,
  duplicates_skipped,
  dead_letters,
  feed_dead_letters,
  entries_seen + COALESCE(retried, 0)
    = articles_written + duplicates_skipped + dead_letters AS adds_up
FROM runs
ORDER BY started_at DESC, run_id;
