import type { SubmitCheckin } from '../../contract/kiosk-api';

/** Clock skew beyond which a submission is flagged for staff. */
export const SKEW_FLAG_SECONDS = 5 * 60;

export interface Timing {
  receivedAt: Date;
  effectiveAt: Date;
  skewSeconds: number;
}

/**
 * The tablet's clock may be wrong: `deviceNow - receivedAt` is its skew, and the tap happened at
 * `tappedAt - skew` on the server's clock (never later than now).
 */
export function correctedTiming(input: Pick<SubmitCheckin, 'tappedAt' | 'deviceNow'>, receivedAt: Date): Timing {
  const skewMs = Date.parse(input.deviceNow) - receivedAt.getTime();
  const effective = Math.min(Date.parse(input.tappedAt) - skewMs, receivedAt.getTime());
  return { receivedAt, effectiveAt: new Date(Math.floor(effective / 1000) * 1000), skewSeconds: Math.round(skewMs / 1000) };
}
