import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_ADMIN = { email: 'admin@tapdesk.test', password: 'e2e-admin-password' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A real Tapdesk server process (production build, demo seed, its own database file). */
export interface TapdeskServer {
  url: string;
  dbPath: string;
  start: () => Promise<void>;
  /** SIGKILL: the process dies with no chance to finish anything. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
  cleanup: () => void;
  /** What the server process printed (for diagnosing a failure). */
  output: () => string;
}

export async function createTapdeskServer(): Promise<TapdeskServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tapdesk-e2e-'));
  const port = await freePort();
  const dbPath = join(dir, 'tapdesk.db');
  let child: ChildProcess | undefined;
  let output = '';

  const waitForHealth = async () => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`server exited: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become healthy: ${output}`);
  };

  const exited = () =>
    new Promise<void>((resolve) =>
      child && child.exitCode === null && child.signalCode === null ? child.once('exit', () => resolve()) : resolve(),
    );

  return {
    url: `http://127.0.0.1:${port}`,
    dbPath,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DB_PATH: dbPath,
          SEED: 'demo',
          ADMIN_EMAIL: E2E_ADMIN.email,
          ADMIN_PASSWORD: E2E_ADMIN.password,
          LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      await waitForHealth();
    },
    async kill() {
      const done = exited();
      child?.kill('SIGKILL');
      await done;
    },
    async stop() {
      const done = exited();
      child?.kill('SIGTERM');
      await done;
    },
    output: () => output,
    cleanup() {
      child?.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
