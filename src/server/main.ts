import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildApp } from './app';
import { createHostMailer } from './lib/host-mailer';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { createUsersRepository } from './db/users-repository';
import { seedDemo } from './seed/demo-seed';

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  let https: { cert: Buffer; key: Buffer } | undefined;
  try {
    https = config.TLS_CERT && config.TLS_KEY ? { cert: readFileSync(config.TLS_CERT), key: readFileSync(config.TLS_KEY) } : undefined;
  } catch (error) {
    console.error(`Invalid configuration:\n  TLS_CERT / TLS_KEY: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const db = openDatabase(config.DB_PATH);
  const embedded = config.UPSTREAM === 'embedded';
  // The API users and the demo network belong to the embedded Nexudus; against a real one there are neither.
  if (embedded) {
    const users = createUsersRepository(db);
    if (users.count() === 0) {
      const password = config.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
      await users.create(config.ADMIN_EMAIL, password, true, []);
      // Printed once, to the terminal only (never to the structured log).
      if (!config.ADMIN_PASSWORD) console.log(`\nFirst administrator: ${config.ADMIN_EMAIL}\nPassword (shown once): ${password}\n`);
    }
    if (config.SEED === 'demo') seedDemo(db);
  }

  const upstream = embedded
    ? undefined
    : { url: config.UPSTREAM, username: config.NEXUDUS_USERNAME ?? '', password: config.NEXUDUS_PASSWORD ?? '' };
  const app = await buildApp({
    db,
    logLevel: config.LOG_LEVEL,
    staticDir: 'dist',
    upstream,
    trustProxy: config.TRUST_PROXY,
    embeddedLimits: config.EMBEDDED_LIMITS === 'published',
    upstreamBudget: config.UPSTREAM_BUDGET === 'off' ? false : undefined,
    syncIntervalMs: config.SYNC_INTERVAL_SECONDS * 1000,
    https,
    hostMail:
      config.SMTP_URL && config.PUBLIC_URL
        ? { mailer: createHostMailer(config.SMTP_URL, config.SMTP_FROM), publicUrl: config.PUBLIC_URL }
        : undefined,
    visitorRetentionDays: config.VISITOR_RETENTION_DAYS,
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // close() stops accepting connections and waits for in-flight requests; every write is a
    // synchronous SQLite transaction, so an acknowledged check-in is already on disk.
    await app.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.PORT, host: config.HOST });
}

void main();
