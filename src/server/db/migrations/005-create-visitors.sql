-- Nexudus Visitor records (/api/spaces/visitors): walk-in and expected visitors of a location.
CREATE TABLE visitors (
  Id INTEGER PRIMARY KEY,
  UniqueId TEXT NOT NULL UNIQUE,
  CreatedOn TEXT NOT NULL,
  UpdatedOn TEXT NOT NULL,
  UpdatedBy TEXT,
  BusinessId INTEGER NOT NULL REFERENCES businesses(Id),
  FullName TEXT NOT NULL,
  Email TEXT NOT NULL,
  ExpectedArrival TEXT NOT NULL,
  VisitorSource INTEGER NOT NULL DEFAULT 1,
  HostApprovalStatus INTEGER NOT NULL DEFAULT 1,
  -- Generated, unique, read-only: what the visitor types or shows as a QR code at the desk.
  VisitorCode TEXT NOT NULL UNIQUE,
  CoworkerId INTEGER REFERENCES coworkers(Id),
  CompanyName TEXT,
  PhoneNumber TEXT,
  VisitReason TEXT,
  Notes TEXT,
  CheckedInAt TEXT,
  IsTour INTEGER NOT NULL DEFAULT 0,
  HasAgreedTerms INTEGER NOT NULL DEFAULT 0,
  TourConfirmed INTEGER NOT NULL DEFAULT 0,
  Notified INTEGER NOT NULL DEFAULT 0,
  Arrived INTEGER NOT NULL DEFAULT 0,
  ArrivalDate TEXT,
  DepartureDate TEXT,
  CheckInNow INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visitors_business_arrival ON visitors (BusinessId, ExpectedArrival);
CREATE INDEX visitors_host ON visitors (CoworkerId);
