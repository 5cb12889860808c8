import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskErrorSchema } from '../../contract/kiosk-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VisitorRecordSchema } from '../../contract/nexudus-visitors';
import {
  HostAnswerPreviewSchema,
  OnSiteSchema,
  PendingVisitorsSchema,
  VisitorCodeResultSchema,
  WalkInStatusSchema,
  type WalkInRequest,
} from '../../contract/visitors-api';
import { kioskClient } from '../testing/kiosk-client';
import { createHostMailer } from '../lib/host-mailer';
import { startSmtpInbox } from '../testing/smtp-inbox';
import { ADMIN, createTestApi, type TestApi } from '../testing/test-api';

let api: TestApi;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let london: number;
let berlin: number;
let ana: number;
let token: string;

let client: ReturnType<typeof kioskClient>;
const pair = (businessId: number) => client.pair(businessId);
const kiosk = (method: 'GET' | 'POST', url: string, payload?: object, bearer: string | undefined = token) =>
  client.call(method, url, bearer, payload);
const walkIn = (overrides: Partial<WalkInRequest> = {}): WalkInRequest => ({
  clientId: randomUUID(),
  fullName: 'Grace Hopper',
  email: 'grace@example.com',
  companyName: 'Navy',
  hostId: ana,
  acceptedTerms: true,
  ...overrides,
});
const visitorRecord = async (id: number) => VisitorRecordSchema.parse((await api.request('GET', `/api/spaces/visitors/${id}`)).json);
/** The host's three links, as the e-mail carries them: `<PUBLIC_URL>/host-answer#<token>`. */
const linksIn = (text: string) => {
  const found = [...text.matchAll(/(Approve, I'll collect them|Approve, send them to my desk|Decline): (\S+)/g)];
  return Object.fromEntries(found.map((m) => [m[1], new URL(m[2] ?? '').hash.slice(1)]));
};
async function staffSession(): Promise<string> {
  const { token: staff } = await client.staffSignIn(ADMIN.email, ADMIN.password);
  if (!staff) throw new Error('staff sign-in failed');
  return staff;
}

beforeEach(async () => {
  inbox = await startSmtpInbox();
  api = await createTestApi({
    hostMail: { mailer: createHostMailer(inbox.url, 'Tapdesk <desk@example.com>'), publicUrl: 'https://desk.example.com' },
  });
  client = kioskClient(api.app, api.db);
  london = await api.business({ Name: 'London', TimeZone: 'Europe/London', CurrencyCode: 'GBP', VisitorHostApproval: true });
  berlin = await api.business({ Name: 'Berlin', TimeZone: 'Europe/Berlin', CurrencyCode: 'EUR' });
  ana = await api.coworker({ FullName: 'Ana Souza', Email: 'ana@example.com', InvoicingBusinessId: london });
  token = await pair(london);
});
afterEach(async () => {
  await api.close();
  await inbox.close();
});

describe('walk-in visitors', () => {
  it('registers a walk-in once, e-mails the host three single-use links, and follows the answer', async () => {
    const body = walkIn();
    const first = await kiosk('POST', '/visitors', body);
    expect(first.statusCode).toBe(200);
    const status = WalkInStatusSchema.parse(first.json());
    expect(status).toMatchObject({ outcome: 'waiting', hostFirstName: 'Ana', notice: 'email' });
    // A resend (double tap, retry) answers the same registration and creates nothing.
    expect(WalkInStatusSchema.parse((await kiosk('POST', '/visitors', body)).json()).visitorId).toBe(status.visitorId);
    expect((await api.request('GET', '/api/spaces/visitors')).json).toMatchObject({ TotalItems: 1 });
    expect(await visitorRecord(status.visitorId)).toMatchObject({
      VisitorSource: 2,
      HostApprovalStatus: 2,
      HasAgreedTerms: true,
      Arrived: false,
      CoworkerId: ana,
    });

    const mail = await inbox.next();
    expect(mail.to).toEqual(['ana@example.com']);
    expect(mail.subject).toContain('Grace Hopper');
    const links = linksIn(mail.text);
    expect(Object.keys(links)).toHaveLength(3);
    // Opening a link (a mail scanner does) changes nothing.
    const preview = HostAnswerPreviewSchema.parse(
      (await kiosk('POST', '/host-answers/preview', { token: links["Approve, I'll collect them"] }, undefined)).json(),
    );
    expect(preview).toEqual({ visitorName: 'Grace Hopper', locationName: 'London', answer: 'collect', state: 'open' });
    expect((await visitorRecord(status.visitorId)).HostApprovalStatus).toBe(2);

    const answered = await kiosk('POST', '/host-answers', { token: links["Approve, I'll collect them"] }, undefined);
    expect(answered.statusCode).toBe(200);
    const record = await visitorRecord(status.visitorId);
    expect(record).toMatchObject({ HostApprovalStatus: 4, Arrived: true });
    expect(Date.parse(record.ArrivalDate ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(WalkInStatusSchema.parse((await kiosk('GET', `/visitors/${body.clientId}`)).json()).outcome).toBe('collect');

    // Every link is dead after the first answer: the same one again, and another one.
    for (const used of [links["Approve, I'll collect them"], links.Decline]) {
      const again = await kiosk('POST', '/host-answers', { token: used }, undefined);
      expect(again.statusCode).toBe(409);
      expect(KioskErrorSchema.parse(again.json()).error.code).toBe('ALREADY_ANSWERED');
    }
    expect((await visitorRecord(status.visitorId)).HostApprovalStatus).toBe(4);
    // A forwarded link no longer says whom it was about.
    expect(
      HostAnswerPreviewSchema.parse((await kiosk('POST', '/host-answers/preview', { token: links.Decline }, undefined)).json()),
    ).toMatchObject({
      visitorName: '',
      state: 'answered',
    });
  });

  it('refuses a forged or altered link, and the decline leaves the visitor out', async () => {
    const status = WalkInStatusSchema.parse((await kiosk('POST', '/visitors', walkIn())).json());
    const links = linksIn((await inbox.next()).text);
    const decline = links.Decline ?? '';
    const altered = decline.replace('.decline.', '.desk.');
    for (const bad of [altered, `${status.visitorId}.desk.99999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`]) {
      const res = await kiosk('POST', '/host-answers', { token: bad }, undefined);
      expect(res.statusCode).toBe(404);
    }
    expect((await kiosk('POST', '/host-answers', { token: decline }, undefined)).statusCode).toBe(200);
    expect(await visitorRecord(status.visitorId)).toMatchObject({ HostApprovalStatus: 3, Arrived: false });
    expect(
      WalkInStatusSchema.parse(
        (await kiosk('GET', `/visitors/${(await api.db.prepare('SELECT ClientId FROM visitor_walk_ins').pluck().get()) as string}`)).json(),
      ).outcome,
    ).toBe('declined');
  });

  it('checks a walk-in in at once where the location asks no approval, and tells nobody', async () => {
    const berlinToken = await pair(berlin);
    const host = await api.coworker({ FullName: 'Jonas Weber', Email: 'jonas@example.com', InvoicingBusinessId: berlin });
    const status = WalkInStatusSchema.parse((await kiosk('POST', '/visitors', walkIn({ hostId: host }), berlinToken)).json());
    expect(status).toMatchObject({ outcome: 'checked-in', notice: 'none' });
    expect(await visitorRecord(status.visitorId)).toMatchObject({ HostApprovalStatus: 1, Arrived: true });
    expect(inbox.messages).toHaveLength(0);
  });

  it('refuses a host from another location and bad bodies without creating anything', async () => {
    const other = await api.coworker({ FullName: 'Jonas Weber', InvoicingBusinessId: berlin });
    for (const [body, status] of [
      [walkIn({ hostId: other }), 400],
      [{ ...walkIn(), acceptedTerms: false }, 400],
      [{ ...walkIn(), email: 'not-an-email' }, 400],
      [{ ...walkIn(), fullName: '' }, 400],
      [{ ...walkIn(), clientId: 'x' }, 400],
    ] as const) {
      const res = await kiosk('POST', '/visitors', body);
      expect(res.statusCode).toBe(status);
      expect(KioskErrorSchema.parse(res.json()).error.code).toBe('VALIDATION');
    }
    expect((await api.request('GET', '/api/spaces/visitors')).json).toMatchObject({ TotalItems: 0 });
    // The form's e-mail is never echoed in an error.
    expect((await kiosk('POST', '/visitors', { ...walkIn(), email: 'secret-ish@@x' })).body).not.toContain('secret-ish');
  });

  it('lets staff answer for the host on the admin page, and lists who is in', async () => {
    const status = WalkInStatusSchema.parse((await kiosk('POST', '/visitors', walkIn())).json());
    await inbox.next();
    const staff = await staffSession();
    const asStaff = (method: 'GET' | 'POST', url: string, payload?: object) =>
      api.app.inject({
        method,
        url: `/kiosk/v1/admin${url}`,
        headers: { authorization: `Bearer ${staff}` },
        ...(payload ? { payload } : {}),
      });
    const pending = PendingVisitorsSchema.parse((await asStaff('GET', '/visitors/pending')).json()).visitors;
    expect(pending.map((p) => [p.visitorName, p.hostName])).toEqual([['Grace Hopper', 'Ana Souza']]);
    expect((await kiosk('GET', '/admin/visitors/pending')).statusCode).toBe(401); // a device token is not staff
    expect((await asStaff('POST', `/visitors/${status.visitorId}/answer`, { answer: 'desk' })).statusCode).toBe(204);
    expect((await visitorRecord(status.visitorId)).HostApprovalStatus).toBe(5);
    expect((await asStaff('POST', `/visitors/${status.visitorId}/answer`, { answer: 'decline' })).statusCode).toBe(409);
    expect(PendingVisitorsSchema.parse((await asStaff('GET', '/visitors/pending')).json()).visitors).toEqual([]);

    const onSite = OnSiteSchema.parse((await asStaff('GET', `/on-site?location=${london}`)).json());
    expect(onSite.visitors.map((v) => [v.name, v.hostName])).toEqual([['Grace Hopper', 'Ana Souza']]);
    expect((await asStaff('GET', '/on-site?location=abc')).statusCode).toBe(400);
    // A location no tablet was ever paired at is not mirrored for the asking (it would cost Nexudus requests forever).
    const elsewhere = await api.business({ Name: 'Elsewhere' });
    const refused = await asStaff('GET', `/on-site?location=${elsewhere}`);
    expect(refused.statusCode).toBe(404);
    expect(KioskErrorSchema.parse(refused.json()).error.message).toContain('No Tapdesk tablet has been paired at Elsewhere');
  });

  it('refuses a walk-in that waited on the tablet past its day, not one from a tablet whose clock runs ahead', async () => {
    const yesterday = new Date(Date.now() - 36 * 3600_000).toISOString();
    const late = await kiosk('POST', '/visitors', walkIn({ registeredAt: yesterday }));
    expect(late.statusCode).toBe(410);
    expect(KioskErrorSchema.parse(late.json()).error).toMatchObject({ code: 'EXPIRED' });
    expect((await api.request('GET', '/api/spaces/visitors')).json).toMatchObject({ TotalItems: 0 });
    expect(inbox.messages).toHaveLength(0);
    const ahead = await kiosk('POST', '/visitors', walkIn({ registeredAt: new Date(Date.now() + 3600_000).toISOString() }));
    expect(ahead.statusCode).toBe(200);
    await inbox.next();
    // Made a moment ago (after the outbox held it a while): registered as usual.
    expect((await kiosk('POST', '/visitors', walkIn({ registeredAt: new Date(Date.now() - 60_000).toISOString() }))).statusCode).toBe(200);
  });

  it('bounds how many walk-ins one tablet registers, refuses links in names, and answers only a waiting visitor', async () => {
    expect((await kiosk('POST', '/visitors', walkIn({ fullName: 'Win a prize at https://evil.example' }))).statusCode).toBe(400);
    expect((await kiosk('POST', '/visitors', walkIn({ companyName: 'Acme\u0007' }))).statusCode).toBe(400);
    const first = walkIn();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await kiosk('POST', '/visitors', i === 0 ? first : walkIn())).statusCode);
    expect(statuses.slice(0, 10).every((code) => code === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    // A resend of one already registered is answered, not counted.
    expect((await kiosk('POST', '/visitors', first)).statusCode).toBe(429);
    const answered = WalkInStatusSchema.parse((await kiosk('GET', `/visitors/${first.clientId}`)).json());
    const staff = await staffSession();
    const asStaff = (url: string, payload: object) =>
      api.app.inject({ method: 'POST', url: `/kiosk/v1/admin${url}`, headers: { authorization: `Bearer ${staff}` }, payload });
    // Checked in at the desk meanwhile (not waiting any more): a late answer changes nothing.
    const record = await visitorRecord(answered.visitorId);
    await api.request('PUT', '/api/spaces/visitors', { ...record, HostApprovalStatus: 1, Arrived: true });
    expect((await asStaff(`/visitors/${answered.visitorId}/answer`, { answer: 'decline' })).statusCode).toBe(409);
    expect((await visitorRecord(answered.visitorId)).HostApprovalStatus).toBe(1);
  });

  it('answers another tablet nothing about a walk-in', async () => {
    const body = walkIn();
    await kiosk('POST', '/visitors', body);
    const other = await pair(london);
    expect((await kiosk('GET', `/visitors/${body.clientId}`, undefined, other)).statusCode).toBe(404);
    expect((await kiosk('POST', '/visitors', body, other)).statusCode).toBe(400);
  });
});

describe('expected visitors by code', () => {
  const expected = async (overrides: Record<string, unknown> = {}) => {
    const id = await api.create('/spaces/visitors', {
      BusinessId: london,
      FullName: 'Katherine Johnson',
      Email: 'katherine@example.com',
      ExpectedArrival: new Date().toISOString(),
      CoworkerId: ana,
      ...overrides,
    });
    return { id, code: (await visitorRecord(id)).VisitorCode };
  };

  it('checks in with the code, and out with the same code', async () => {
    const { id, code } = await expected();
    const first = VisitorCodeResultSchema.parse((await kiosk('POST', '/visitors/code', { code })).json());
    expect(first).toEqual({ action: 'checked-in', firstName: 'Katherine', hostFirstName: 'Ana' });
    expect(await visitorRecord(id)).toMatchObject({ Arrived: true, DepartureDate: null });
    const onSite = OnSiteSchema.parse((await kiosk('POST', '/device/on-site', { staffPin: '4321' })).json());
    expect(onSite.visitors.map((v) => v.name)).toEqual(['Katherine Johnson']);
    expect((await kiosk('POST', '/device/on-site', { staffPin: '0000' })).statusCode).toBe(404);

    expect(VisitorCodeResultSchema.parse((await kiosk('POST', '/visitors/code', { code })).json()).action).toBe('checked-out');
    expect((await visitorRecord(id)).DepartureDate).not.toBeNull();
    expect(OnSiteSchema.parse((await kiosk('POST', '/device/on-site', { staffPin: '4321' })).json()).visitors).toEqual([]);
    // The visit has ended: the code does not start another.
    expect(KioskErrorSchema.parse((await kiosk('POST', '/visitors/code', { code })).json()).error.code).toBe('NOT_APPROVED');
  });

  it('says not found for a wrong code or another location’s, refuses a visit waiting for approval, and bounds guessing', async () => {
    const { code: berlinCode } = await expected({ BusinessId: berlin, CoworkerId: null });
    expect((await kiosk('POST', '/visitors/code', { code: berlinCode })).statusCode).toBe(404);
    const { code: waiting } = await expected({ HostApprovalStatus: 2 });
    const refused = await kiosk('POST', '/visitors/code', { code: waiting });
    expect(refused.statusCode).toBe(409);
    expect(KioskErrorSchema.parse(refused.json()).error.message).toContain('Ana has not approved');
    expect((await kiosk('POST', '/visitors/code', { code: '12' })).statusCode).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const guess = String((Number(berlinCode) + 1 + i) % 1_000_000).padStart(6, '0');
      statuses.push((await kiosk('POST', '/visitors/code', { code: guess })).statusCode);
    }
    expect(statuses).toContain(429);
    // Locked: even the right code waits now (a guesser learns nothing from a hit).
    expect((await kiosk('POST', '/visitors/code', { code: waiting })).statusCode).toBe(429);
  });
});

describe('retention', () => {
  it('deletes visitors past VISITOR_RETENTION_DAYS when the server starts, keeping recent ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapdesk-retention-'));
    try {
      const first = await createTestApi({ dbPath: join(dir, 'db.sqlite') });
      const business = await first.business({ Name: 'London' });
      const make = (name: string, daysAgo: number) =>
        first.create('/spaces/visitors', {
          BusinessId: business,
          FullName: name,
          Email: 'someone@example.com',
          ExpectedArrival: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        });
      const old = await make('Old Visitor', 40);
      const recent = await make('Recent Visitor', 2);
      await first.close();
      const second = await createTestApi({ dbPath: join(dir, 'db.sqlite'), visitorRetentionDays: 30 });
      expect((await second.request('GET', `/api/spaces/visitors/${old}`)).status).toBe(404);
      expect((await second.request('GET', `/api/spaces/visitors/${recent}`)).status).toBe(200);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
