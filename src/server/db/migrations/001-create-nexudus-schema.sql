-- The Nexudus API subset. Column names are the wire names, so the API layer maps little.
-- Money: integer minor units (…Minor). Instants: UTC ISO-8601 with Z.

CREATE TABLE users (
  Id INTEGER PRIMARY KEY,
  Email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  PasswordHash TEXT NOT NULL,
  IsAdmin INTEGER NOT NULL DEFAULT 0,
  Roles TEXT NOT NULL DEFAULT '[]',
  CreatedOn TEXT NOT NULL
);

CREATE TABLE access_tokens (
  TokenHash TEXT PRIMARY KEY,
  UserId INTEGER NOT NULL REFERENCES users(Id) ON DELETE CASCADE,
  ExpiresAt TEXT NOT NULL
);

CREATE TABLE refresh_tokens (
  TokenHash TEXT PRIMARY KEY,
  UserId INTEGER NOT NULL REFERENCES users(Id) ON DELETE CASCADE,
  ClientId TEXT NOT NULL,
  ExpiresAt TEXT NOT NULL,
  UsedAt TEXT
);
CREATE INDEX refresh_tokens_client ON refresh_tokens (UserId, ClientId);

CREATE TABLE businesses (
  Id INTEGER PRIMARY KEY,
  UniqueId TEXT NOT NULL UNIQUE,
  Name TEXT NOT NULL,
  TimeZone TEXT NOT NULL DEFAULT 'UTC',
  CurrencyCode TEXT NOT NULL DEFAULT 'EUR',
  DailyCutoffMinutes INTEGER NOT NULL DEFAULT 0,
  PaygDailyMinimumMinor INTEGER,
  PaygDailyMaximumMinor INTEGER,
  RootLocationId INTEGER REFERENCES businesses(Id),
  KioskPinBeforeCharge INTEGER NOT NULL DEFAULT 0,
  CreatedOn TEXT NOT NULL,
  UpdatedOn TEXT NOT NULL,
  UpdatedBy TEXT NOT NULL
);

CREATE TABLE coworkers (
  Id INTEGER PRIMARY KEY,
  UniqueId TEXT NOT NULL UNIQUE,
  FullName TEXT NOT NULL,
  Email TEXT NOT NULL,
  CountryId INTEGER NOT NULL,
  SimpleTimeZoneId INTEGER NOT NULL,
  CompanyName TEXT,
  InvoicingBusinessId INTEGER REFERENCES businesses(Id),
  Businesses TEXT NOT NULL DEFAULT '[]',
  Active INTEGER NOT NULL DEFAULT 1,
  Archived INTEGER NOT NULL DEFAULT 0,
  AccessPincode TEXT,
  AccessCardId TEXT,
  TariffName TEXT,
  AvatarUrl TEXT,
  CreatedOn TEXT NOT NULL,
  UpdatedOn TEXT NOT NULL,
  UpdatedBy TEXT NOT NULL
);
CREATE INDEX coworkers_pin ON coworkers (AccessPincode);
CREATE INDEX coworkers_card ON coworkers (AccessCardId);

CREATE TABLE timepasses (
  Id INTEGER PRIMARY KEY,
  UniqueId TEXT NOT NULL UNIQUE,
  BusinessId INTEGER NOT NULL REFERENCES businesses(Id),
  Name TEXT NOT NULL,
  PriceMinor INTEGER NOT NULL,
  CurrencyId INTEGER NOT NULL,
  MinutesIncluded INTEGER,
  CountsTowardsPlanLimits INTEGER NOT NULL DEFAULT 0,
  UseAsPayAsYouGoForMembers INTEGER NOT NULL DEFAULT 0,
  UseAsPayAsYouGoForContacts INTEGER NOT NULL DEFAULT 0,
  UsePriority INTEGER NOT NULL DEFAULT 2,
  Businesses TEXT NOT NULL DEFAULT '[]',
  OnlyForMembers INTEGER NOT NULL DEFAULT 0,
  OnlyForContacts INTEGER NOT NULL DEFAULT 0,
  Archived INTEGER NOT NULL DEFAULT 0,
  CreatedOn TEXT NOT NULL,
  UpdatedOn TEXT NOT NULL,
  UpdatedBy TEXT NOT NULL
);

CREATE TABLE timepasstimeslots (
  Id INTEGER PRIMARY KEY,
  UniqueId TEXT NOT NULL UNIQUE,
  TimePassId INTEGER NOT NULL REFERENCES timepasses(Id) ON DELETE CASCADE,
  DayOfWeek INTEGER NOT NULL,
  FromMinutes INTEGER NOT NULL,
  ToMinutes INTEGER NOT NULL,
  CreatedOn TEXT NOT NULL,
  UpdatedOn TEXT NOT NULL,
  UpdatedBy TEXT NOT NULL
);
CREATE INDEX timepasstimeslots_pass ON timepasstimeslots (TimePassId);

CREATE TABLE coworkertimepasses (
  Id INTEGER PRIMARY KEY,
  UniqueId TEXT NOT NULL UNIQUE,
  CoworkerId INTEGER NOT NULL REFERENCES coworkers(Id),
  BusinessId INTEGER NOT NULL REFERENCES businesses(Id),
  TimePassId INTEGER NOT NULL REFERENCES timepasses(Id),
  Notes TEXT,
  PurchaseOrder TEXT,
  Used INTEGER NOT NULL DEFAULT 0,
  CheckedIn INTEGER NOT NULL DEFAULT 0,
  UsedDate TEXT,
  RemainingUses INTEGER,
  TotalUses INTEGER,
  Free INTEGER NOT NULL DEFAULT 0,
  PriceMinor INTEGER,
  ExpireDate TEXT,
  Invoiced INTEGER NOT NULL DEFAULT 0,
  IsFromTariff INTEGER NOT NULL DEFAULT 0,
  IsPayAsYouGo INTEGER NOT NULL DEFAULT 0,
  CreatedOn TEXT NOT NULL,
  UpdatedOn TEXT NOT NULL,
  UpdatedBy TEXT NOT NULL
);
CREATE INDEX coworkertimepasses_coworker ON coworkertimepasses (CoworkerId);

CREATE TABLE checkins (
  Id INTEGER PRIMARY KEY,
  UniqueId TEXT NOT NULL UNIQUE,
  BusinessId INTEGER NOT NULL REFERENCES businesses(Id),
  CoworkerId INTEGER REFERENCES coworkers(Id),
  Source INTEGER NOT NULL,
  FromTime TEXT NOT NULL,
  ToTime TEXT,
  CountsTowardsPlanLimits INTEGER NOT NULL DEFAULT 0,
  CoworkerTimePassGuid TEXT,
  AutoCheckout INTEGER NOT NULL DEFAULT 0,
  LastActivity TEXT,
  MacAddresses TEXT,
  TeamsAtTheTimeOfCheckin TEXT,
  TariffAtTheTimeOfCheckin TEXT,
  ValidateCheckinJobId TEXT,
  FromTimeLocal TEXT,
  ToTimeLocal TEXT,
  CreatedOn TEXT NOT NULL,
  UpdatedOn TEXT NOT NULL,
  UpdatedBy TEXT NOT NULL
);
CREATE INDEX checkins_coworker ON checkins (CoworkerId, BusinessId, ToTime);
CREATE INDEX checkins_from ON checkins (FromTime);
-- One open check-in per customer and location: the kiosk's toggle relies on it.
CREATE UNIQUE INDEX checkins_one_open ON checkins (CoworkerId, BusinessId) WHERE ToTime IS NULL AND CoworkerId IS NOT NULL;

-- What a PAYG pass charged, per session (a check-in). Amount is recomputed at check-out.
CREATE TABLE payg_charges (
  Id INTEGER PRIMARY KEY,
  CheckinId INTEGER NOT NULL UNIQUE REFERENCES checkins(Id) ON DELETE CASCADE,
  CoworkerTimePassId INTEGER NOT NULL REFERENCES coworkertimepasses(Id),
  CoworkerId INTEGER NOT NULL,
  BusinessId INTEGER NOT NULL,
  CheckinDay TEXT NOT NULL,
  AmountMinor INTEGER NOT NULL,
  CurrencyCode TEXT NOT NULL,
  CreatedOn TEXT NOT NULL,
  UpdatedOn TEXT NOT NULL
);
CREATE INDEX payg_charges_day ON payg_charges (CoworkerId, BusinessId, CheckinDay);

CREATE TABLE failedcheckins (
  Id INTEGER PRIMARY KEY,
  UniqueId TEXT NOT NULL UNIQUE,
  BusinessId INTEGER NOT NULL REFERENCES businesses(Id),
  CoworkerId INTEGER REFERENCES coworkers(Id),
  CheckinAttemptTime TEXT NOT NULL,
  CheckinAttemptTimeLocal TEXT,
  Source INTEGER,
  MacAddresses TEXT,
  TeamsAtTheTimeOfCheckin TEXT,
  TariffAtTheTimeOfCheckin TEXT,
  Description TEXT,
  CreatedOn TEXT NOT NULL,
  UpdatedOn TEXT NOT NULL,
  UpdatedBy TEXT NOT NULL
);
