-- A member may undo a mistaken check-in on the tablet for a short while.
ALTER TABLE kiosk_submissions ADD COLUMN UndoneAt TEXT;
