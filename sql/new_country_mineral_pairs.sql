-- Question: which country-mineral links are new this week, unseen in the four weeks before?
-- "This week" is the week of the newest article (so the query also works on old data);
-- for the calendar week use DATE_TRUNC(CURRENT_DATE(), WEEK) instead.
WITH pairs AS (
  SELECT DISTINCT
    m.mineral,
    country,
    DATE_TRUNC(DATE(a.published_at), WEEK) AS week
  FROM articles AS a
  CROSS JOIN UNNEST(a.minerals) AS m
  CROSS JOIN UNNEST(m.countries) AS country
  WHERE a.published_at IS NOT NULL
),
anchor AS (
  SELECT MAX(week) AS this_week FROM pairs
),
this_week AS (
  SELECT p.mineral, p.country FROM pairs AS p JOIN anchor ON p.week = anchor.this_week
),
before AS (
  SELECT DISTINCT p.mineral, p.country
  FROM pairs AS p JOIN anchor
    ON p.week < anchor.this_week
   AND p.week >= DATE_SUB(anchor.this_week, INTERVAL 28 DAY)
)
SELECT t.mineral, t.country
FROM this_week AS t
LEFT JOIN before AS b ON b.mineral = t.mineral AND b.country = t.country
WHERE b.mineral IS NULL
ORDER BY t.mineral, t.country;
