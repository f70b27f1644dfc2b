-- Counties, operators, devices and enrollment codes: who may sync what.
CREATE TABLE counties (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Platform accounts. A county operator (county set) manages that county's devices; a city operator
-- (county null) manages every county.
CREATE TABLE operators (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  county text REFERENCES counties (code),
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- Enrolled devices; only the SHA-256 of the bearer token is kept.
CREATE TABLE devices (
  id text PRIMARY KEY,
  county text NOT NULL REFERENCES counties (code),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX devices_county ON devices (county);

-- One-time enrollment codes, kept as hashes; used_at and device_id are set when a device enrolls.
CREATE TABLE enrollment_codes (
  code_hash text PRIMARY KEY,
  county text NOT NULL REFERENCES counties (code),
  created_by bigint REFERENCES operators (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_id text REFERENCES devices (id)
);

-- The master state of every synced document. Each belongs to a feed: its county's code, or '*' for
-- city-scope collections, which every county follows. `sequence` orders a feed's writes for pulls;
-- writers of one collection and feed hold an advisory lock while they draw sequences and commit, so a
-- pull never sees sequence n+1 of a feed while n is still uncommitted. Every write draws a new sequence.
CREATE SEQUENCE document_sequence;

CREATE TABLE documents (
  collection text NOT NULL,
  id text NOT NULL,
  feed text NOT NULL,
  sequence bigint NOT NULL,
  deleted boolean NOT NULL,
  body jsonb NOT NULL,
  content_hash text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);
CREATE INDEX documents_feed ON documents (collection, feed, sequence);
-- Lookup of live documents by their identifying code (subjects' USCC or resident ID).
CREATE INDEX documents_live_code ON documents (collection, feed, (body ->> 'code')) WHERE NOT deleted;

-- Every accepted write: which device and user, when, and the SHA-256 of the written content.
CREATE TABLE write_log (
  sequence bigint PRIMARY KEY,
  collection text NOT NULL,
  document_id text NOT NULL,
  county text NOT NULL,
  device_id text REFERENCES devices (id),
  user_id text NOT NULL,
  deleted boolean NOT NULL,
  content_hash text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX write_log_document ON write_log (collection, document_id);

-- Which county holds which attachment blob (the bytes live in the BlobStore, once per hash).
CREATE TABLE blob_holders (
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  county text NOT NULL REFERENCES counties (code),
  size bigint NOT NULL,
  device_id text REFERENCES devices (id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sha256, county)
);
