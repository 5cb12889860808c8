-- The gateway's mirror of what its tablets need from Nexudus, per paired location: the customers
-- linked to it, their passes, today's check-ins there, and the network's businesses, pass
-- products and time slots. Records are kept as Nexudus sent them (JSON), keyed by entity and id.
CREATE TABLE mirror_records (
  Entity TEXT NOT NULL,
  Id INTEGER NOT NULL,
  UpdatedOn TEXT,
  Record TEXT NOT NULL,
  PRIMARY KEY (Entity, Id)
);

-- One row per synced scope ('reference', or 'location:<id>'): how far the sync has got.
CREATE TABLE mirror_sync (
  Scope TEXT PRIMARY KEY,
  FullAt TEXT,
  SyncedAt TEXT,
  -- The newest UpdatedOn seen, for the next incremental pass.
  Cursor TEXT,
  Records INTEGER NOT NULL DEFAULT 0,
  LastError TEXT,
  LastErrorAt TEXT
);
