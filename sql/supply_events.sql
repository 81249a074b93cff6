-- Question: which supply events did the news report, by mineral, type, country and week?
-- One row per article, mineral and event type (DESIGN.md "Supply events"): the week of
-- publication (weeks start on Sunday, BigQuery's WEEK), the direction stated (the
-- article's last mention that states one), the country (the acting government or the
-- place, when the sentence names it), the sentence that states it and the article's link.
-- Syndicated copies (duplicate_of) are left out: one row per story.
WITH mention_events AS (
  SELECT
    a.article_id,
    DATE_TRUNC(DATE(a.published_at), WEEK) AS week,
    m.mineral,
    e.type AS event_type,
    e.direction,
    e.country,
    m.sentence,
    a.title,
    a.url,
    ROW_NUMBER() OVER (PARTITION BY a.article_id, m.mineral, e.type
                       ORDER BY e.direction IS NULL, m.start DESC) AS latest
  FROM articles AS a
  CROSS JOIN UNNEST(a.minerals) AS m
  CROSS JOIN UNNEST(m.events) AS e
  WHERE a.duplicate_of IS NULL
)
SELECT week, mineral, event_type, direction, country, sentence, title, url
FROM mention_events
WHERE latest = 1
ORDER BY week DESC, mineral, event_type, url;
