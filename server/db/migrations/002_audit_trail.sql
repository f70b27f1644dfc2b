-- The verified end of each audit chain (one chain per app profile, named by the entries' deviceId) and
-- the enrolled device that pushes it: the next entries of the chain are verified against this head.
CREATE TABLE audit_chain_heads (
  chain_device_id text PRIMARY KEY,
  county text NOT NULL REFERENCES counties (code),
  seq bigint NOT NULL,
  hash text NOT NULL,
  pushed_by text NOT NULL REFERENCES devices (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Problems found while verifying audit chains on arrival. The entries concerned are stored all the same;
-- `entry_id` marks the stored entry at that position of the chain, when one arrived.
CREATE TABLE audit_problems (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county text NOT NULL REFERENCES counties (code),
  chain_device_id text NOT NULL,
  seq bigint NOT NULL,
  code text NOT NULL,
  params jsonb NOT NULL,
  entry_id text,
  pushed_by text NOT NULL REFERENCES devices (id),
  detected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_problems_county ON audit_problems (county, id);
