-- Security (issue 9): guessing limits that survive restarts, secret fields stored as keyed
-- digests, what a submission is about to do before it calls Nexudus, revocable staff sessions,
-- and the user fields the read-only users entity serves.

-- rate-limiter-flexible's SQLite store (one row per counted key; `expire` in ms since the epoch).
CREATE TABLE guard_counters (
  key TEXT PRIMARY KEY,
  points INTEGER NOT NULL DEFAULT 0,
  expire INTEGER
);

-- PINs and card ids are write-only and compared only for equality: keep an HMAC of each, never the value.
UPDATE coworkers SET AccessPincode = tapdesk_secret_digest(AccessPincode) WHERE AccessPincode IS NOT NULL;
UPDATE coworkers SET AccessCardId = tapdesk_secret_digest(AccessCardId) WHERE AccessCardId IS NOT NULL;

-- The write a claimed tap is about to make, recorded before the upstream call so that recovery
-- after a crash looks for exactly that write: the check-in a check-out closes and its ToTime, or
-- the exact FromTime (and ToTime) of a new check-in.
ALTER TABLE kiosk_submissions ADD COLUMN IntentCheckinId INTEGER;
ALTER TABLE kiosk_submissions ADD COLUMN IntentFromTime TEXT;
ALTER TABLE kiosk_submissions ADD COLUMN IntentToTime TEXT;

-- Staff sessions: absolute expiry plus an idle limit; signing out revokes.
ALTER TABLE staff_sessions ADD COLUMN CreatedAt TEXT NOT NULL DEFAULT '1970-01-01T00:00:00.000Z';
ALTER TABLE staff_sessions ADD COLUMN LastSeenAt TEXT NOT NULL DEFAULT '1970-01-01T00:00:00.000Z';

ALTER TABLE users ADD COLUMN FullName TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN APIAccess INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN UpdatedOn TEXT;

-- Who a guard key counts, in words, for the admin page and the staff panel.
CREATE TABLE guard_labels (
  key TEXT PRIMARY KEY,
  BusinessId INTEGER,
  Label TEXT NOT NULL
);
