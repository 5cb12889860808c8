-- A location's opening hours, as Nexudus keeps them on the Business record: per weekday the minute
-- after local midnight it opens and closes (null: not given) and whether it is closed all day. The
-- tablet's screen sleeps outside them. And what each tablet last said about its screen's wake lock.
ALTER TABLE businesses ADD COLUMN MonOpen INTEGER;
ALTER TABLE businesses ADD COLUMN MonClose INTEGER;
ALTER TABLE businesses ADD COLUMN MonClosed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN TueOpen INTEGER;
ALTER TABLE businesses ADD COLUMN TueClose INTEGER;
ALTER TABLE businesses ADD COLUMN TueClosed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN WedOpen INTEGER;
ALTER TABLE businesses ADD COLUMN WedClose INTEGER;
ALTER TABLE businesses ADD COLUMN WedClosed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN ThuOpen INTEGER;
ALTER TABLE businesses ADD COLUMN ThuClose INTEGER;
ALTER TABLE businesses ADD COLUMN ThuClosed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN FriOpen INTEGER;
ALTER TABLE businesses ADD COLUMN FriClose INTEGER;
ALTER TABLE businesses ADD COLUMN FriClosed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN SatOpen INTEGER;
ALTER TABLE businesses ADD COLUMN SatClose INTEGER;
ALTER TABLE businesses ADD COLUMN SatClosed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE businesses ADD COLUMN SunOpen INTEGER;
ALTER TABLE businesses ADD COLUMN SunClose INTEGER;
ALTER TABLE businesses ADD COLUMN SunClosed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kiosk_devices ADD COLUMN WakeLock TEXT;
