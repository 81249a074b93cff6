-- Question: which feeds and pipeline stages fail, how often, and is a retry worth it?
SELECT
  feed_url,
  stage,
  error_type,
  COUNT(*) AS failures,
  COUNTIF(retryable) AS retryable,
  MAX(failed_at) AS last_failed,
  MIN(error) AS example_error
FROM dead_letters
GROUP BY feed_url, stage, error_type
ORDER BY failures DESC, feed_url, stage, error_type;
