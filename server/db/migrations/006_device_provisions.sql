-- Serial-number blocks for commitment letters (shared/commitments/numbering.ts): each block of a county
-- belongs to one device for good, so two devices never give the same number, online or not.
CREATE TABLE serial_blocks (
  county text NOT NULL REFERENCES counties (code),
  block_index integer NOT NULL CHECK (block_index >= 1),
  device_id text NOT NULL REFERENCES devices (id),
  allocated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county, block_index)
);
CREATE INDEX serial_blocks_device ON serial_blocks (device_id);

-- The platform's symmetric secrets, made on first start (e.g. the city's key for matching ID numbers).
CREATE TABLE platform_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
