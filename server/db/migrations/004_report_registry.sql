-- The city's signing key (Ed25519), made on first start; the private key never leaves the platform.
CREATE TABLE platform_signing_keys (
  name text PRIMARY KEY,
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Credit reports devices issued: code, SHA-256 of the PDF, issuer and the platform's signature.
CREATE TABLE report_registry (
  code text PRIMARY KEY,
  content_hash text NOT NULL UNIQUE,
  county text NOT NULL REFERENCES counties (code),
  subject_id text NOT NULL,
  report_number text NOT NULL,
  office_name text NOT NULL,
  issued_at timestamptz NOT NULL,
  registered_by text NOT NULL,
  signature text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now()
);
