import { Agent, request } from 'node:http';
import type { LoadPlan, LoadResult } from './load';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const plan = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadPlan;
const agent = new Agent({ keepAlive: true, maxSockets: plan.clients });
const url = new URL(plan.base);
const START = Date.UTC(2026, 0, 1);

function body(i: number): { path: string; json: string } {
  if (plan.kind === 'bare') return { path: '/bench/bare', json: '{"x":1}' };
  const members = plan.members ?? [];
  // Closed one-minute visits on past minutes: every create runs the whole pass rule.
  return {
    path: '/api/spaces/checkins',
    json: JSON.stringify({
      BusinessId: plan.businessId,
      CoworkerId: members[i % members.length],
      FromTime: new Date(START + i * 120_000).toISOString(),
      ToTime: new Date(START + i * 120_000 + 60_000).toISOString(),
      Source: 4,
    }),
  };
}

function send(i: number): Promise<number> {
  const { path, json } = body(i);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.token}`, 'content-length': Buffer.byteLength(json) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

const latencies: number[] = [];
const statuses = new Map<number, number>();
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: plan.clients }, async () => {
    while (next < plan.total) {
      const i = next;
      next += 1;
      const t0 = performance.now();
      const status = await send(i);
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
const result: LoadResult = {
  count: plan.total,
  seconds,
  perSecond: plan.total / seconds,
  p50: at(0.5),
  p99: at(0.99),
  statuses: [...statuses],
};
agent.destroy();
process.stdout.write(`${JSON.stringify(result)}\n`);
