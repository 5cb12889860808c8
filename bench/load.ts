import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What a closed-loop load run measured. */
export interface LoadResult {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: [number, number][];
}

export interface LoadPlan {
  base: string;
  token: string;
  total: number;
  clients: number;
  /** Builds request i: path and JSON body. */
  kind: 'bare' | 'checkin';
  businessId?: number;
  members?: number[];
}

/**
 * Runs the load in a separate process, so the generator has its own core and event loop and does
 * not steal time from the server it measures. The plan goes in on stdin, the result comes back as
 * the last line of stdout.
 */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./load-worker.ts', import.meta.url))], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as LoadResult);
    });
    child.stdin.end(JSON.stringify(plan));
  });
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
