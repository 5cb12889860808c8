import type { LocationInfo } from '../../contract/kiosk-api';
import type { BusinessRecord } from '../../contract/nexudus-businesses';

/** Shown when a location has not written its own visitor terms. */
export const DEFAULT_VISITOR_TERMS =
  'While you are here, please follow the directions of staff and your host, keep to the areas your host shows you, and leave the building by the nearest exit if the alarm sounds. Your name, e-mail and company are kept to let your host know you are here and to know who is in the building, and are deleted afterwards.';

/** What the tablet is told about its location (the kiosk API's shape, not a rule's). */
export function toLocationInfo(b: BusinessRecord): LocationInfo {
  return {
    id: b.Id,
    name: b.Name,
    timeZone: b.TimeZone,
    currency: b.CurrencyCode,
    pinBeforeCharge: b.KioskPinBeforeCharge,
    visitorHostApproval: b.VisitorHostApproval,
    visitorTerms: b.VisitorTerms ?? DEFAULT_VISITOR_TERMS,
  };
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}
