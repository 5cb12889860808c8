-- Visitors at the desk. A location's visitor settings (Tapdesk's extension of the Business record,
-- as NexIO's settings have no published BusinessSetting keys): whether walk-ins wait for their
-- host's answer, whether an approved visitor is checked in at once, and the visitor terms.
ALTER TABLE businesses ADD COLUMN VisitorHostApproval INTEGER NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN VisitorAutoCheckIn INTEGER NOT NULL DEFAULT 1;
ALTER TABLE businesses ADD COLUMN VisitorTerms TEXT;

-- The gateway's walk-ins: one row per registration on a tablet, keyed by the tablet's clientId so a
-- resend creates one visitor. Ids only: the visitor's name and e-mail live in Nexudus, not here.
CREATE TABLE visitor_walk_ins (
  ClientId TEXT PRIMARY KEY,
  DeviceId INTEGER NOT NULL,
  BusinessId INTEGER NOT NULL,
  HostId INTEGER NOT NULL,
  VisitorId INTEGER,
  -- How the host hears: 'email' (Tapdesk's), 'staff' (admin page), 'nexudus' (Nexudus notifies), 'none'.
  Notice TEXT NOT NULL,
  CreatedAt TEXT NOT NULL,
  -- Set once, by the first answer (a host's link or staff): every other link is dead after it.
  Answer TEXT,
  AnsweredAt TEXT
);
-- One walk-in per visitor: an answer claims exactly one row.
CREATE UNIQUE INDEX visitor_walk_ins_visitor ON visitor_walk_ins (VisitorId);
CREATE INDEX visitor_walk_ins_open ON visitor_walk_ins (BusinessId) WHERE Answer IS NULL;
