import type { LocationInfo } from '../../contract/kiosk-api';
import type { BusinessRecord } from '../../contract/nexudus-businesses';

/** What the tablet is told about its location (the kiosk API's shape, not a rule's). */
export function toLocationInfo(b: BusinessRecord): LocationInfo {
  return { id: b.Id, name: b.Name, timeZone: b.TimeZone, currency: b.CurrencyCode, pinBeforeCharge: b.KioskPinBeforeCharge };
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}
