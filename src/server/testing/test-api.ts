import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { BusinessCreate } from '../../contract/nexudus-businesses';
import type { CheckinCreate } from '../../contract/nexudus-checkins';
import type { CoworkerCreate } from '../../contract/nexudus-coworkers';
import { SuccessEnvelopeSchema } from '../../contract/nexudus-envelopes';
import type { CoworkerTimePassCreate, TimePassCreate, TimeSlotCreate } from '../../contract/nexudus-passes';
import { buildApp, type AppOptions } from '../app';
import { openDatabase, type Db } from '../db/database';
import { createUsersRepository } from '../db/users-repository';
import { buildBusiness, buildCheckin, buildCoworker, buildCoworkerTimePass, buildTimePass, buildTimeSlot } from '../seed/builders';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

export interface TestApi {
  app: FastifyInstance;
  db: Db;
  token: string;
  request: (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => Promise<{ status: number; json: unknown }>;
  create: (path: string, body: unknown) => Promise<number>;
  business: (overrides?: Partial<BusinessCreate>) => Promise<number>;
  coworker: (overrides?: Partial<CoworkerCreate>) => Promise<number>;
  timePass: (overrides: Partial<TimePassCreate> & { BusinessId: number }) => Promise<number>;
  timeSlot: (overrides: Partial<TimeSlotCreate> & { TimePassId: number }) => Promise<number>;
  givePass: (
    overrides: Partial<CoworkerTimePassCreate> & { CoworkerId: number; BusinessId: number; TimePassId: number },
  ) => Promise<number>;
  checkin: (overrides: Partial<CheckinCreate> & { BusinessId: number }) => Promise<{ status: number; json: unknown }>;
  close: () => Promise<void>;
}

export async function tokenFor(app: FastifyInstance, email: string, password: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/token',
    payload: new URLSearchParams({ grant_type: 'password', username: email, password }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return z.object({ access_token: z.string() }).parse(res.json()).access_token;
}

/** The real app on in-memory SQLite with one administrator signed in; requests go through HTTP handling via inject. */
export async function createTestApi(
  options: { clock?: () => Date; dbPath?: string } & Pick<
    AppOptions,
    'staticDir' | 'trustProxy' | 'logStream' | 'logLevel' | 'syncIntervalMs' | 'hostMail' | 'visitorRetentionDays'
  > = {},
): Promise<TestApi> {
  const db = openDatabase(options.dbPath ?? ':memory:');
  const users = createUsersRepository(db);
  if (!users.findByEmail(ADMIN.email)) await users.create(ADMIN.email, ADMIN.password, true, []);
  const app = await buildApp({
    db,
    logLevel: options.logLevel ?? 'silent',
    clock: options.clock,
    staticDir: options.staticDir,
    trustProxy: options.trustProxy,
    logStream: options.logStream,
    syncIntervalMs: options.syncIntervalMs,
    hostMail: options.hostMail,
    visitorRetentionDays: options.visitorRetentionDays,
  });
  const token = await tokenFor(app, ADMIN.email, ADMIN.password);

  const request: TestApi['request'] = async (method, url, body) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, json: res.body ? res.json() : null };
  };
  const create = async (path: string, body: unknown) => {
    const res = await request('POST', `/api${path}`, body);
    const parsed = SuccessEnvelopeSchema.safeParse(res.json);
    if (!parsed.success) throw new Error(`create ${path} failed: ${res.status} ${JSON.stringify(res.json)}`);
    return parsed.data.Value.Id;
  };
  return {
    app,
    db,
    token,
    request,
    create,
    business: (o) => create('/sys/businesses', buildBusiness(o)),
    coworker: (o) => create('/spaces/coworkers', buildCoworker(o)),
    timePass: (o) => create('/billing/timepasses', buildTimePass(o)),
    timeSlot: (o) => create('/billing/timepasstimeslots', buildTimeSlot(o)),
    givePass: (o) => create('/billing/coworkertimepasses', buildCoworkerTimePass(o)),
    checkin: (o) => request('POST', '/api/spaces/checkins', buildCheckin(o)),
    close: async () => {
      await app.close();
      db.close();
    },
  };
}
