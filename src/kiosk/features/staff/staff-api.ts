import { useMutation } from '@tanstack/react-query';
import { StaffCheckResultSchema, type StaffCheckResult } from '../../../contract/kiosk-api';
import { isWalkInView } from '../../../contract/outbox';
import { OnSiteSchema, type OnSite } from '../../../contract/visitors-api';
import { KioskApiError, kioskRequest } from '../../lib/api-client';
import { readDevice } from '../../lib/device-store';
import { keepOnSite, tabletOnSite } from '../../lib/on-site-offline';
import { outboxSummary } from '../../lib/outbox-summary';
import { checkStaffPinOffline, rememberStaffPin } from '../../lib/staff-verifier';

/**
 * Nothing of the gateway answered: no connection, or a proxy in front of it saying it is down
 * (502/503/504 without the gateway's own error body). Never an answer of the gateway itself: a
 * wrong or locked PIN, or the gateway saying it is busy, is not for the tablet to overrule.
 */
const unreachable = (error: unknown): error is KioskApiError =>
  error instanceof KioskApiError &&
  (error.code === 'NETWORK' || ([502, 503, 504].includes(error.status) && error.message === `HTTP ${error.status}`));

/** The panel opened by the tablet's own check of the PIN: the server's lockouts and connection are not known. */
export interface OfflineStaffCheck {
  offline: true;
}

/**
 * The staff PIN is checked by the server; a right PIN answers the lockouts in force here and how
 * the server's connection to Nexudus is doing, and is remembered (as a digest) for offline. When
 * nothing answers, the tablet checks it against that digest with its own limits (staff-verifier).
 * networkMode 'always': offline, the check must run (and fall back), not wait for the network.
 */
export const useStaffCheck = () =>
  useMutation({
    mutationKey: ['staff-check'],
    networkMode: 'always',
    mutationFn: async (staffPin: string): Promise<StaffCheckResult | OfflineStaffCheck> => {
      try {
        const result = await kioskRequest('/device/staff-check', StaffCheckResultSchema, { method: 'POST', body: { staffPin } });
        const deviceId = readDevice()?.device.id;
        // In the background: the digest takes a moment on a slow tablet, the panel opens now.
        if (deviceId !== undefined) void rememberStaffPin(staffPin, deviceId).catch(() => undefined);
        return result;
      } catch (error) {
        if (!unreachable(error)) throw error;
        const deviceId = readDevice()?.device.id;
        if (deviceId === undefined) throw error;
        const local = await checkStaffPinOffline(staffPin, deviceId);
        if (local.kind === 'ok') return { offline: true };
        if (local.kind === 'wrong') throw new KioskApiError('UNKNOWN_CREDENTIAL', 'That staff PIN is not right.', 0);
        if (local.kind === 'locked')
          throw new KioskApiError('LOCKED_OUT', 'Too many wrong staff PINs on this tablet.', 0, local.retryAfterSeconds);
        throw error;
      }
    },
  });

export interface TabletCopy {
  /** Nothing answered (true), or the server answered that it could not say now (false). */
  offline: boolean;
  membersAsOf: string;
  visitorsAsOf: string | null;
  unsentVisitors: number;
}
/** The server's answer, or the tablet's copy and how fresh it is. */
export interface OnSiteView {
  onSite: OnSite;
  tabletCopy: TabletCopy | null;
}

/**
 * Worth the tablet's copy: nothing answered, or the server could not answer now (Nexudus away,
 * throttled, the server failing). Never a refusal: a wrong or locked staff PIN, an unpaired tablet.
 */
const couldNotAnswer = (error: unknown): error is KioskApiError =>
  error instanceof KioskApiError &&
  (error.code === 'NETWORK' || error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'RATE_LIMITED' || error.status >= 500);

/** The tablet's copy in place of the server's answer, or the request's own error when there is none. */
async function fromTablet(error: unknown): Promise<OnSiteView> {
  const place = readDevice()?.device.location;
  if (!couldNotAnswer(error) || !place) throw error;
  const unsent = (outboxSummary()?.entries ?? []).filter(isWalkInView).map((e) => ({
    seq: e.seq,
    name: e.memberName ?? '',
    hostId: e.hostId,
    queuedAt: e.queuedAt,
  }));
  const copy = await tabletOnSite(place, new Date(), unsent);
  if (!copy) throw error;
  const { onSite, ...fresh } = copy;
  return { onSite, tabletCopy: { offline: error.code === 'NETWORK', ...fresh } };
}

async function readOnSite(staffPin: string): Promise<OnSiteView> {
  let onSite: OnSite;
  try {
    onSite = await kioskRequest('/device/on-site', OnSiteSchema, { method: 'POST', body: { staffPin } });
  } catch (error) {
    return fromTablet(error);
  }
  await keepOnSite(onSite);
  return { onSite, tabletCopy: null };
}

/**
 * Who is in now at this tablet's location: asked with the staff PIN just entered (the device token
 * alone is not enough), and kept for when the server cannot answer. Then the tablet's copy stands
 * in without asking the server for the PIN: this runs only on the staff panel, which opens only
 * after the server accepted that PIN (staff-screen.tsx).
 */
export const useOnSite = () =>
  useMutation({
    mutationKey: ['on-site'],
    mutationFn: readOnSite,
    networkMode: 'always',
    retry: false,
  });
