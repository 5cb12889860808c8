import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../src/server/db/database';

const dir = mkdtempSync(join(tmpdir(), 'tapdesk-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function waitForHealth(url: string) {
  for (let i = 0; i < 300; i += 1) {
    if (
      await fetch(`${url}/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests on SIGTERM and loses no acknowledged check-in', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const dbPath = join(dir, 'tapdesk.db');
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DB_PATH: dbPath,
        SEED: 'demo',
        ADMIN_EMAIL: 'a@example.com',
        ADMIN_PASSWORD: 'shutdown-test',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitForHealth(url);
    const token = z.object({ access_token: z.string() }).parse(
      await (
        await fetch(`${url}/api/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'password', username: 'a@example.com', password: 'shutdown-test' }),
        })
      ).json(),
    ).access_token;

    const acknowledged: number[] = [];
    const sends = Array.from({ length: 300 }, async (_, i) => {
      const from = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
      try {
        const res = await fetch(`${url}/api/spaces/checkins`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ BusinessId: 2, FromTime: from, ToTime: from, Source: 1 }),
        });
        const body = z.object({ Value: z.object({ Id: z.number() }) }).safeParse(await res.json());
        if (res.status === 200 && body.success) acknowledged.push(body.data.Value.Id);
      } catch {
        // refused after shutdown began: never acknowledged, so nothing is owed
      }
    });
    setTimeout(() => child.kill('SIGTERM'), 30);
    await Promise.all(sends);
    expect(await exited).toBe(0);
    // Structured logs, and no secret in them: not the password, not the bearer token.
    expect(logs).toContain('"msg":"incoming request"');
    expect(logs).not.toContain('shutdown-test');
    expect(logs).not.toContain(token);

    expect(acknowledged.length).toBeGreaterThan(0);
    const db = openDatabase(dbPath);
    const stored = new Set(db.prepare('SELECT Id FROM checkins').pluck().all().map(Number));
    db.close();
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});
