import { randomBytes } from 'node:crypto';
import type { Db } from './database';

/** Server-held secrets that survive restarts; made on first use. */
export function createSettingsRepository(db: Db) {
  return {
    secret(key: string): string {
      db.prepare('INSERT INTO settings (Key, Value) VALUES (?, ?) ON CONFLICT (Key) DO NOTHING').run(
        key,
        randomBytes(32).toString('base64url'),
      );
      return String(db.prepare('SELECT Value FROM settings WHERE Key = ?').pluck().get(key));
    },
  };
}
