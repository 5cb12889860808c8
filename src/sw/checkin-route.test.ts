import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../contract/outbox';
import { handleCheckin, type CheckinRouteDeps } from './checkin-route';
import { cachedOutboxStore, createMemoryOutboxStore } from './outbox-store';
import { createReplayer, type EntryOutcome } from './replay';

const at = '2026-12-02T09:00:00.000Z';
const tapOf = (clientId: string, coworkerId: number) => ({
  clientId,
  coworkerId,
  action: 'in' as const,
  tappedAt: at,
  acceptedCharge: false,
});

describe("a member's tap in the service worker", () => {
  it('is answered as soon as the gateway answered it, while another member’s queued tap is still on its way', async () => {
    const store = cachedOutboxStore(createMemoryOutboxStore());
    // A tap from before, of another member, whose send the gateway is slow to answer.
    const older: OutboxEntry = {
      kind: 'tap',
      clientId: '00000000-0000-4000-8000-000000000001',
      seq: 1,
      tap: tapOf('00000000-0000-4000-8000-000000000001', 1),
      token: 'device-token',
      memberName: 'Ada',
      state: 'pending',
      attempts: 1,
      queuedAt: at,
      nextAttemptAt: 0,
      lastError: null,
      rejection: null,
    };
    await store.put(older);
    let releaseSlow: () => void = () => undefined;
    const awaited = new Map<string, (outcome: EntryOutcome) => void>();
    const replayer = createReplayer(store, {
      fetch: async (_url, init) => {
        const body = JSON.parse(String(init.body)) as { submissions: { clientId: string; coworkerId: number }[] };
        const results = body.submissions.map((s, i) => ({
          status: 'checked-in',
          clientId: s.clientId,
          checkinId: 100 + i,
          at,
          closedAt: null,
          passName: 'Day Pass',
          pass: null,
          payg: null,
          duplicate: false,
          clockSkewSeconds: 0,
          clockSkewFlagged: false,
        }));
        if (body.submissions.some((s) => s.coworkerId === 1)) await new Promise<void>((resolve) => (releaseSlow = resolve));
        return new Response(JSON.stringify({ results }), { status: 200, headers: { 'content-type': 'application/json' } });
      },
      onOutcome: (entry, outcome) => awaited.get(entry.clientId)?.(outcome),
    });
    const deps: CheckinRouteDeps = {
      store: async () => store,
      replayer: async () => replayer,
      awaited,
      nextSeq: () => 2,
      changed: () => undefined,
    };
    const clientId = '00000000-0000-4000-8000-000000000002';
    const request = new Request('http://tablet/kiosk/v1/checkins', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer device-token' },
      body: JSON.stringify({ ...tapOf(clientId, 2), deviceNow: at }),
    });
    const res = await handleCheckin(request, deps);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'checked-in', clientId });
    // The member's tap left the outbox; the older one is still being sent, and leaves when answered.
    expect((await store.all()).map((e) => e.clientId)).toEqual([older.clientId]);
    releaseSlow();
    await replayer.replay();
    expect(await store.all()).toEqual([]);
  });
});
