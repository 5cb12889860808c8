-- A member's passes and check-ins are read from the mirror at every tap: index them by customer.
ALTER TABLE mirror_records ADD COLUMN Owner INTEGER;
CREATE INDEX mirror_records_owner ON mirror_records (Entity, Owner);
