import type { Lockout } from '../../contract/kiosk-api';
import type { Messages } from './messages';

/**
 * What a lockout stops, in words: "Member PIN and card entry at London Shoreditch". At the tablet's
 * own location (`hereBusinessId`) a location lockout reads "… at this location".
 */
export function lockoutWhat(lockout: Lockout, t: Messages, hereBusinessId?: number): string {
  const here = lockout.scope === 'location' && hereBusinessId !== undefined && lockout.businessId === hereBusinessId;
  return t.lockoutWhat(t.lockoutKinds[lockout.kind], here ? t.lockoutHere : t.lockoutWhere[lockout.scope](lockout.label));
}

/** Who a lockout is counted for: "Member: Amélie Laurent". */
export function lockoutWho(lockout: Lockout, t: Messages): string {
  const scope = t.lockoutScopes[lockout.scope];
  return lockout.label ? `${scope}: ${lockout.label}` : scope;
}
