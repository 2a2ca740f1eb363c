-- Crawling state: per-source health, per-feed conditional-GET and adaptive-polling state, and
-- final failures kept for retry.

ALTER TABLE sources
  ADD COLUMN last_success_at      timestamptz,
  ADD COLUMN last_error_at        timestamptz,
  ADD COLUMN last_error_code      text,
  ADD COLUMN last_error           text,
  ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0,
  ADD COLUMN items_seen           bigint NOT NULL DEFAULT 0,
  ADD COLUMN next_poll_at         timestamptz;

CREATE TABLE feed_state (
  source_id        text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  feed_url         text NOT NULL,
  etag             text,
  last_modified    text,
  -- SHA-256 of the last body: a server without validators that sends the same feed again
  -- is recognised without parsing it.
  body_hash        text,
  last_polled_at   timestamptz,
  last_changed_at  timestamptz,
  -- Polls in a row that brought nothing new; drives the adaptive back-off.
  unchanged_polls  integer NOT NULL DEFAULT 0,
  next_poll_at     timestamptz,
  PRIMARY KEY (source_id, feed_url)
);

CREATE TABLE failures (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- What failed: an article URL ('article') or a feed ('discover').
  kind           text NOT NULL CHECK (kind IN ('article', 'discover')),
  url            text NOT NULL,
  source_id      text REFERENCES sources (id) ON DELETE CASCADE,
  code           text NOT NULL,
  message        text NOT NULL,
  attempts       integer NOT NULL DEFAULT 1,
  first_seen_at  timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  -- The job payload, so that the failure can be queued again as it was.
  payload        jsonb NOT NULL,
  UNIQUE (kind, url)
);

CREATE INDEX failures_last_seen_idx ON failures (last_seen_at DESC);
CREATE INDEX failures_source_idx ON failures (source_id, last_seen_at DESC);
