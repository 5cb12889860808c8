-- The kiosk gateway: paired tablets, pairing codes, staff sessions, and the submission ledger.

CREATE TABLE kiosk_pairing_codes (
  CodeHash TEXT PRIMARY KEY,
  BusinessId INTEGER NOT NULL,
  CreatedBy TEXT NOT NULL,
  ExpiresAt TEXT NOT NULL,
  UsedAt TEXT
);

CREATE TABLE kiosk_devices (
  Id INTEGER PRIMARY KEY,
  Name TEXT NOT NULL,
  BusinessId INTEGER NOT NULL,
  TokenHash TEXT NOT NULL UNIQUE,
  StaffPinHash TEXT NOT NULL,
  PairedAt TEXT NOT NULL,
  LastSeenAt TEXT,
  RevokedAt TEXT,
  OutboxPending INTEGER NOT NULL DEFAULT 0,
  OutboxRejected INTEGER NOT NULL DEFAULT 0,
  OutboxOldestAt TEXT,
  AppVersion TEXT
);

CREATE TABLE staff_sessions (
  TokenHash TEXT PRIMARY KEY,
  Email TEXT NOT NULL,
  ExpiresAt TEXT NOT NULL
);

-- One row per tap, keyed by the id the tablet made at the tap: a repeat returns the first result.
CREATE TABLE kiosk_submissions (
  ClientId TEXT PRIMARY KEY,
  DeviceId INTEGER NOT NULL REFERENCES kiosk_devices(Id),
  BusinessId INTEGER NOT NULL,
  CoworkerId INTEGER NOT NULL,
  Action TEXT NOT NULL CHECK (Action IN ('in', 'out')),
  TappedAt TEXT NOT NULL,
  DeviceNow TEXT NOT NULL,
  ReceivedAt TEXT NOT NULL,
  EffectiveAt TEXT NOT NULL,
  SkewSeconds INTEGER NOT NULL,
  State TEXT NOT NULL CHECK (State IN ('processing', 'done', 'refused')),
  CheckinId INTEGER,
  Result TEXT,
  UpdatedAt TEXT NOT NULL
);
CREATE INDEX kiosk_submissions_device ON kiosk_submissions (DeviceId, ReceivedAt);

-- Server-held secrets that must survive restarts (e.g. the key that signs identity tokens).
CREATE TABLE settings (
  Key TEXT PRIMARY KEY,
  Value TEXT NOT NULL
);
