import { beforeEach, describe, expect, it } from 'vitest';
import { forgetDevice } from './device-store';
import { checkStaffPinOffline, rememberStaffPin } from './staff-verifier';

beforeEach(() => localStorage.clear());

describe('the staff PIN checked on the tablet', () => {
  it('knows nothing before the server accepted a PIN here, and never stores the PIN itself', async () => {
    expect(await checkStaffPinOffline('2468', 7)).toEqual({ kind: 'unknown' });
    await rememberStaffPin('2468', 7);
    expect(JSON.stringify({ ...localStorage })).not.toContain('2468');
    expect(await checkStaffPinOffline('2468', 7)).toEqual({ kind: 'ok' });
  });

  it('belongs to one pairing: the tablet paired again has nothing to compare with, and unpairing deletes it', async () => {
    await rememberStaffPin('2468', 7);
    expect(await checkStaffPinOffline('2468', 8)).toEqual({ kind: 'unknown' });
    forgetDevice();
    expect(await checkStaffPinOffline('2468', 7)).toEqual({ kind: 'unknown' });
  });

  it('locks after 5 wrong PINs, even the right one, for 5 minutes, then twice as long', async () => {
    await rememberStaffPin('2468', 7);
    const start = Date.now();
    for (let i = 0; i < 4; i += 1) expect(await checkStaffPinOffline('0000', 7, start)).toEqual({ kind: 'wrong' });
    expect(await checkStaffPinOffline('0000', 7, start)).toEqual({ kind: 'locked', retryAfterSeconds: 300 });
    expect(await checkStaffPinOffline('2468', 7, start + 60_000)).toEqual({ kind: 'locked', retryAfterSeconds: 240 });
    const later = start + 301_000;
    for (let i = 0; i < 4; i += 1) expect(await checkStaffPinOffline('1111', 7, later)).toEqual({ kind: 'wrong' });
    expect(await checkStaffPinOffline('1111', 7, later)).toEqual({ kind: 'locked', retryAfterSeconds: 600 });
    expect(await checkStaffPinOffline('2468', 7, later + 601_000)).toEqual({ kind: 'ok' });
  });
});
