import { CoworkerRecordSchema, type CoworkerRecord } from '../../contract/nexudus-coworkers';
import type { Device } from '../db/devices-repository';
import type { GuardKey } from '../lib/guard';
import { UpstreamRefused, type UpstreamClient } from './upstream-client';
import { linkedTo } from '../../domain/nexudus-records';

export type SecretKind = 'pin' | 'card';

/**
 * The one way the gateway finds a member by PIN or card: an exact match that Nexudus makes on its
 * side (the embedded API compares keyed digests), kept to active members of this location, and
 * only when exactly one matches. The value goes nowhere else: not in a log line, not in an answer.
 */
export function createMemberLookup(upstream: UpstreamClient) {
  return async (kind: SecretKind, value: string, businessId: number): Promise<CoworkerRecord | undefined> => {
    const field = kind === 'pin' ? 'Coworker_AccessPincode' : 'Coworker_AccessCardId';
    let found: CoworkerRecord[];
    try {
      found = await upstream.firstPage('/api/spaces/coworkers', CoworkerRecordSchema, { [field]: value });
    } catch (error) {
      // Nexudus refusing the value (too long, not a PIN) means nobody has it.
      if (error instanceof UpstreamRefused) return undefined;
      throw error;
    }
    const matches = found.filter((c) => linkedTo(c, businessId) && c.Active && !c.Archived);
    return matches.length === 1 ? matches[0] : undefined;
  };
}
export type MemberLookup = ReturnType<typeof createMemberLookup>;

/** A PIN or card tried at the desk counts on the tablet and on its location (all its tablets together). */
export function deskGuessKeys(device: Device): GuardKey[] {
  return [
    { policy: 'identify:tablet', subject: String(device.Id), businessId: device.BusinessId, label: device.Name },
    { policy: 'identify:location', subject: String(device.BusinessId), businessId: device.BusinessId, label: '' },
  ];
}
