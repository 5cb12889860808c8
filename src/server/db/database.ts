import { createHmac, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/** The one place that imports better-sqlite3; everything else sees `Db`. */
export type Db = Database.Database;
export type Statement = Database.Statement;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement per SQL text and connection, so hot paths do not re-prepare. */
export function prepareCached(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

const digestKeys = new WeakMap<Db, Buffer>();

/**
 * The keyed digest a secret field (PIN, card id) is stored and compared as. The key lives in the
 * settings table, so a copied database file alone does not give the PINs away by brute force of
 * the digests, and equal values still find each other through an index.
 */
export function secretDigest(db: Db, value: string): string {
  let key = digestKeys.get(db);
  if (!key) {
    db.prepare('INSERT INTO settings (Key, Value) VALUES (?, ?) ON CONFLICT (Key) DO NOTHING').run(
      'secret-field-key',
      randomBytes(32).toString('base64url'),
    );
    key = Buffer.from(String(db.prepare("SELECT Value FROM settings WHERE Key = 'secret-field-key'").pluck().get()), 'base64url');
    digestKeys.set(db, key);
  }
  return `hmac:${createHmac('sha256', key).update(value, 'utf8').digest('base64url')}`;
}

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.function('tapdesk_secret_digest', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? secretDigest(db, value) : null,
  );
  migrate(db);
  return db;
}

/** Applies numbered migrations (`NNN-verb-object.sql`) not yet recorded, each in its own transaction. */
export function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_on TEXT NOT NULL)');
  const applied = new Set(
    db
      .prepare('SELECT name FROM schema_migrations')
      .pluck()
      .all()
      .map((name) => String(name)),
  );
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort();
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_on) VALUES (?, ?)').run(file, new Date().toISOString());
    })();
  }
}
