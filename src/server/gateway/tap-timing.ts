import type { SubmitCheckin } from '../../contract/kiosk-api';

/** Clock skew beyond which a submission is flagged for staff. */
export const SKEW_FLAG_SECONDS = 5 * 60;

export interface Timing {
  receivedAt: Date;
  effectiveAt: Date;
  skewSeconds: number;
}

/**
 * Below this, `deviceNow - receivedAt` is the request's time in transit (a busy tablet or a slow
 * network), not a wrong clock: correcting by it would move the tap later by that much.
 */
const TRANSIT_MS = 5_000;

/**
 * The tablet's clock may be wrong: `deviceNow - receivedAt` is its skew, and the tap happened at
 * `tappedAt - skew` on the server's clock (never later than now). A difference within a few
 * seconds is transit time and is not corrected.
 */
export function correctedTiming(input: Pick<SubmitCheckin, 'tappedAt' | 'deviceNow'>, receivedAt: Date): Timing {
  const measured = Date.parse(input.deviceNow) - receivedAt.getTime();
  const skewMs = Math.abs(measured) < TRANSIT_MS ? 0 : measured;
  const effective = Math.min(Date.parse(input.tappedAt) - skewMs, receivedAt.getTime());
  return { receivedAt, effectiveAt: new Date(Math.floor(effective / 1000) * 1000), skewSeconds: Math.round(skewMs / 1000) };
}
