-- How the tablet looks at a location, set on the admin page (Nexudus's API publishes no brand
-- colour, and its logo fields are not documented): the brand colour as chosen (the tablet gets it
-- made readable, src/domain/contrast.ts) and a logo's https address.
CREATE TABLE location_looks (
  BusinessId INTEGER PRIMARY KEY,
  Accent TEXT,
  LogoUrl TEXT,
  UpdatedAt TEXT NOT NULL,
  UpdatedBy TEXT NOT NULL
);
