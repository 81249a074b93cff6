-- Question: which feeds are failing or empty, for how many polls in a row, and why?
SELECT
  feed_url,
  last_status,
  consecutive_failures,
  entries_last_poll,
  last_polled_at,
  last_error
FROM feed_state
WHERE last_status != 'ok' OR consecutive_failures > 0
ORDER BY consecutive_failures DESC, feed_url;
