/**
 * Prints a pairing code for a location: `npm run kiosk:pair -- --business 2`. The code is
 * single-use and expires after 10 minutes; enter it on the tablet's setup screen.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { createDevicesRepository } from '../src/server/db/devices-repository';

try {
  const { values } = parseArgs({ options: { business: { type: 'string' } } });
  const businessId = z.coerce
    .number({ error: '--business must be a location id (see /api/sys/businesses)' })
    .int()
    .positive({ error: '--business must be a location id (see /api/sys/businesses)' })
    .parse(values.business);
  const config = loadConfig(process.env);
  const db = openDatabase(config.DB_PATH);
  const name = db.prepare('SELECT Name FROM businesses WHERE Id = ?').pluck().get(businessId);
  if (config.UPSTREAM === 'embedded' && typeof name !== 'string') throw new Error(`There is no location ${businessId}.`);
  const code = createDevicesRepository(db).createPairingCode(businessId, 'cli');
  db.close();
  console.log(`Pairing code for ${typeof name === 'string' ? name : `location ${businessId}`}: ${code.code}`);
  console.log(`Valid until ${new Date(code.expiresAt).toLocaleTimeString()} (10 minutes), once.`);
} catch (error) {
  console.error(
    error instanceof z.ZodError ? error.issues.map((i) => i.message).join('\n') : error instanceof Error ? error.message : String(error),
  );
  process.exit(2);
}
