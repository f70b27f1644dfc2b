-- Each feed (a collection's county, or '*' for the city) numbers its own writes, so a device's
-- checkpoints move only with its own feed. The counters start at the feed's highest sequence drawn from
-- the former shared sequence: checkpoints stored by devices before this migration stay valid.
CREATE TABLE feed_sequences (
  collection text NOT NULL,
  feed text NOT NULL,
  last bigint NOT NULL,
  PRIMARY KEY (collection, feed)
);
INSERT INTO feed_sequences (collection, feed, last)
SELECT collection, feed, max(sequence) FROM documents GROUP BY collection, feed;

-- The write log is numbered per feed too.
ALTER TABLE write_log ADD COLUMN feed text;
UPDATE write_log w SET feed = d.feed FROM documents d
WHERE d.collection = w.collection AND d.id = w.document_id;
UPDATE write_log SET feed = coalesce(county, '*') WHERE feed IS NULL;
ALTER TABLE write_log ALTER COLUMN feed SET NOT NULL;
ALTER TABLE write_log DROP CONSTRAINT write_log_pkey;
ALTER TABLE write_log ADD PRIMARY KEY (collection, feed, sequence);
DROP SEQUENCE document_sequence;

-- Idempotent enrollment: the client's key for its attempt, kept as a hash with the code it used.
ALTER TABLE enrollment_codes ADD COLUMN request_key_hash text;

-- Failed sign-ins (operator passwords, enrollment codes) per account and per address: the platform
-- answers with growing delays, and locks an operator account until an operator lifts the lock.
CREATE TABLE sign_in_failures (
  kind text NOT NULL,
  key text NOT NULL,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  locked_at timestamptz,
  PRIMARY KEY (kind, key)
);

-- The platform's restore generation: raised after the database is restored from a backup, so that
-- devices holding checkpoints from before the restore sync again from the start.
CREATE TABLE platform_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  epoch integer NOT NULL
);
INSERT INTO platform_state (epoch) VALUES (1);
