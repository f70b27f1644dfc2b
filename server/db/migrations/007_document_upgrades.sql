-- Collections whose stored documents have had their capability's upgrade (server/sync/documentUpgrades.ts)
-- for a schema version. Every write accepted since carries what the upgrade fills in, so the pass runs
-- once per version rather than at every start.
CREATE TABLE document_upgrades (
  collection text NOT NULL,
  schema_version integer NOT NULL,
  written integer NOT NULL,
  upgraded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, schema_version)
);
