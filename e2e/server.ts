import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
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
  port: number;
  dbPath: string;
  start: () => Promise<void>;
  /** SIGKILL: the process dies with no chance to finish anything. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
  cleanup: () => void;
  /** What the server process printed (for diagnosing a failure). */
  output: () => string;
}

/** A self-signed certificate for a LAN host name, and its SPKI hash for Chromium to trust it. */
export function selfSignedCertificate(dir: string, host: string): { cert: string; key: string; spki: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host}`,
    ],
    { stdio: 'ignore' },
  );
  const publicKey = createPublicKey(readFileSync(cert)).export({ type: 'spki', format: 'der' });
  return { cert, key, spki: createHash('sha256').update(publicKey).digest('base64') };
}

export async function createTapdeskServer(options: { tls?: { cert: string; key: string } } = {}): Promise<TapdeskServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tapdesk-e2e-'));
  const port = await freePort();
  const scheme = options.tls ? 'https' : 'http';
  const dbPath = join(dir, 'tapdesk.db');
  let child: ChildProcess | undefined;
  let output = '';

  const healthy = () =>
    options.tls
      ? new Promise<boolean>((resolve) => {
          const req = httpsRequest(
            {
              host: '127.0.0.1',
              port,
              path: '/health',
              ca: readFileSync(options.tls?.cert ?? ''),
              servername: undefined,
              rejectUnauthorized: false,
            },
            (res) => {
              res.resume();
              resolve(res.statusCode === 200);
            },
          );
          req.on('error', () => resolve(false));
          req.end();
        })
      : fetch(`http://127.0.0.1:${port}/health`).then((res) => res.ok);
  const waitForHealth = async () => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        if (await healthy()) return;
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
    url: `${scheme}://127.0.0.1:${port}`,
    port,
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
          ...(options.tls ? { TLS_CERT: options.tls.cert, TLS_KEY: options.tls.key, HOST: '127.0.0.1' } : {}),
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
