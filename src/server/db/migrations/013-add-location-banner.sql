-- A picture of the space behind the attract screen, as an https address staff set on the admin
-- page (Nexudus keeps a NexIO banner image, but documents only how to upload one, not where it can
-- be read).
ALTER TABLE location_looks ADD COLUMN BannerUrl TEXT;
