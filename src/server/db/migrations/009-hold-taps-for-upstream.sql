-- The gateway's upstream outbox: a tap accepted while Nexudus is down, slow or throttling is held
-- in the ledger (WaitingSince set, State still 'processing') and sent later, in tap order, within
-- the request budget. Request is the tap as the tablet sent it, kept until the tap is settled.
ALTER TABLE kiosk_submissions ADD COLUMN Request TEXT;
ALTER TABLE kiosk_submissions ADD COLUMN WaitingSince TEXT;
ALTER TABLE kiosk_submissions ADD COLUMN Attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kiosk_submissions ADD COLUMN LastError TEXT;
CREATE INDEX kiosk_submissions_waiting ON kiosk_submissions (EffectiveAt) WHERE State = 'processing';
