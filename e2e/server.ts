import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_ROLES } from '../src/server/app';

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

/** A real Tapdesk server (production build, demo seed, its own database files): the tablet's server. */
export interface TapdeskServer {
  /** Where the tablet (and the admin page) reach Tapdesk. */
  url: string;
  /** Where the Nexudus API answers: the same process, or the stand-in of a two-process setup. */
  apiUrl: string;
  port: number;
  /** The database holding the Nexudus records (check-ins, passes). */
  dbPath: string;
  /** The tablet's server (the gateway): started, killed with SIGKILL, or stopped. */
  start: () => Promise<void>;
  /** SIGKILL: the process dies with no chance to finish anything. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
  /** The stand-in Nexudus of a two-process setup. */
  upstream: { start: () => Promise<void>; kill: () => Promise<void>; stop: () => Promise<void> } | undefined;
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

/** One server process: started, killed or stopped, and its output kept for a failure's message. */
function serverProcess(port: number, env: Record<string, string>, tls?: { cert: string; key: string }) {
  let child: ChildProcess | undefined;
  let output = '';
  const healthy = () =>
    tls
      ? new Promise<boolean>((resolve) => {
          const req = httpsRequest(
            { host: '127.0.0.1', port, path: '/health', ca: readFileSync(tls.cert), servername: undefined, rejectUnauthorized: false },
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
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'warn',
          ...env,
          ...(tls ? { TLS_CERT: tls.cert, TLS_KEY: tls.key } : {}),
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
    dispose: () => child?.kill('SIGKILL'),
  };
}

/**
 * How the tablet's server is set up. `one-process`: the embedded Nexudus and the gateway in one
 * process (the demo). `two-process`: production's shape — a stand-in Nexudus enforcing Nexudus's
 * published request limits, and a gateway pointed at it over HTTP with its own API user.
 */
export type Topology = 'one-process' | 'two-process';
export const GATEWAY_USER = { email: 'kiosk-gateway@tapdesk.test', password: 'e2e-gateway-password' };

export async function createTapdeskServer(
  options: { tls?: { cert: string; key: string }; topology?: Topology; smtpUrl?: string } = {},
): Promise<TapdeskServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tapdesk-e2e-'));
  const port = await freePort();
  const scheme = options.tls ? 'https' : 'http';
  const dbPath = join(dir, 'tapdesk.db');
  const nexudusEnv = { DB_PATH: dbPath, SEED: 'demo', ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password };
  if (options.topology !== 'two-process') {
    // Hosts' e-mails go to the test's own SMTP server; their links open this server.
    const mail: Record<string, string> = options.smtpUrl ? { SMTP_URL: options.smtpUrl, PUBLIC_URL: `${scheme}://127.0.0.1:${port}` } : {};
    const server = serverProcess(port, { ...nexudusEnv, ...mail }, options.tls);
    return {
      url: `${scheme}://127.0.0.1:${port}`,
      apiUrl: `${scheme}://127.0.0.1:${port}`,
      port,
      dbPath,
      start: server.start,
      kill: server.kill,
      stop: server.stop,
      upstream: undefined,
      output: server.output,
      cleanup() {
        server.dispose();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const nexudusPort = await freePort();
  const nexudus = serverProcess(nexudusPort, { ...nexudusEnv, EMBEDDED_LIMITS: 'published' });
  const gateway = serverProcess(port, {
    DB_PATH: join(dir, 'gateway.db'),
    SEED: 'none',
    UPSTREAM: `http://127.0.0.1:${nexudusPort}`,
    NEXUDUS_USERNAME: GATEWAY_USER.email,
    NEXUDUS_PASSWORD: GATEWAY_USER.password,
    SYNC_INTERVAL_SECONDS: '5',
  });
  let prepared = false;
  return {
    url: `http://127.0.0.1:${port}`,
    apiUrl: `http://127.0.0.1:${nexudusPort}`,
    port,
    dbPath,
    async start() {
      if (!prepared) {
        await nexudus.start();
        // The operator gives the kiosk its own Nexudus API user with the roles the gateway needs.
        execFileSync(
          process.execPath,
          [
            '--import',
            'tsx',
            'scripts/user-add.ts',
            '--email',
            GATEWAY_USER.email,
            '--password',
            GATEWAY_USER.password,
            '--roles',
            GATEWAY_ROLES.join(','),
          ],
          { env: { ...process.env, DB_PATH: dbPath }, stdio: 'ignore' },
        );
        prepared = true;
      }
      await gateway.start();
    },
    kill: gateway.kill,
    stop: gateway.stop,
    upstream: { start: nexudus.start, kill: nexudus.kill, stop: nexudus.stop },
    output: () => `gateway:\n${gateway.output()}\nnexudus:\n${nexudus.output()}`,
    cleanup() {
      gateway.dispose();
      nexudus.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
