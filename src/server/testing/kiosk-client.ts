import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PairResponseSchema, StaffSessionSchema, type SubmitCheckin } from '../../contract/kiosk-api';
import { createDevicesRepository } from '../db/devices-repository';
import type { Db } from '../db/database';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A tablet of one location, paired through the real pairing endpoint, and a staff session. */
export function kioskClient(app: FastifyInstance, db: Db) {
  const call = (method: Method, url: string, token?: string, payload?: object, remoteAddress?: string) =>
    app.inject({
      method,
      url: `/kiosk/v1${url}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload ? { payload } : {}),
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  return {
    call,
    async pair(businessId: number, name = 'Front desk', staffPin = '4321'): Promise<string> {
      const { code } = createDevicesRepository(db).createPairingCode(businessId, 'test');
      const res = await call('POST', '/pair', undefined, { code, deviceName: name, staffPin });
      return PairResponseSchema.parse(res.json()).deviceToken;
    },
    async staffSignIn(email: string, password: string, remoteAddress?: string) {
      const res = await call('POST', '/admin/session', undefined, { email, password }, remoteAddress);
      return { res, token: res.statusCode === 200 ? StaffSessionSchema.parse(res.json()).staffToken : undefined };
    },
  };
}

export function tapFor(coworkerId: number, overrides: Partial<SubmitCheckin> = {}): SubmitCheckin {
  const now = new Date().toISOString();
  return { clientId: randomUUID(), action: 'in', tappedAt: now, deviceNow: now, acceptedCharge: false, coworkerId, ...overrides };
}

/** A form-encoded /api/token request, as Nexudus requires. */
export function tokenRequest(
  app: FastifyInstance,
  fields: Record<string, string>,
  options: { remoteAddress?: string; clientId?: string } = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/token',
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.clientId ? { client_id: options.clientId } : {}) },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}
