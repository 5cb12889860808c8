-- Record ids are never reused (as in Nexudus): after the newest check-in or pass is deleted, the
-- next one still gets a new id, so nothing that remembers an old id (a tablet's undo, an
-- integrator's reference) can reach a different record.
CREATE TABLE id_sequences (
  name TEXT PRIMARY KEY,
  last INTEGER NOT NULL
);

-- A PIN proof (identity token) agrees to one charge only: the first tap that spends it.
CREATE TABLE spent_identity_tokens (
  TokenHash TEXT PRIMARY KEY,
  ClientId TEXT NOT NULL,
  SpentAt TEXT NOT NULL
);
