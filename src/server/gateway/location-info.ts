import type { LocationInfo, LocationLook } from '../../contract/kiosk-api';
import type { AdminLocationLook } from '../../contract/location-looks';
import type { BusinessRecord } from '../../contract/nexudus-businesses';
import { themeFor } from '../../domain/contrast';
import { openingHoursOf } from '../../domain/opening-hours';
import type { StoredLook } from '../db/looks-repository';
export { initials } from '../../domain/initials';

/** Shown when a location has not written its own visitor terms. */
export const DEFAULT_VISITOR_TERMS =
  'While you are here, please follow the directions of staff and your host, keep to the areas your host shows you, and leave the building by the nearest exit if the alarm sounds. Your name, e-mail and company are kept to let your host know you are here and to know who is in the building, and are deleted afterwards.';

/** What the tablet is told about its location (the kiosk API's shape, not a rule's); its look where it has one. */
export function toLocationInfo(b: BusinessRecord, look?: LocationLook): LocationInfo {
  return {
    id: b.Id,
    name: b.Name,
    timeZone: b.TimeZone,
    currency: b.CurrencyCode,
    pinBeforeCharge: b.KioskPinBeforeCharge,
    visitorHostApproval: b.VisitorHostApproval,
    visitorTerms: b.VisitorTerms ?? DEFAULT_VISITOR_TERMS,
    openingHours: openingHoursOf(b),
    ...(look ? { look } : {}),
  };
}

/** A location's look as the tablet applies it: the colour made readable, the pictures as set. Undefined: Tapdesk's own. */
export function lookForTablet(stored: StoredLook): LocationLook | undefined {
  const theme = stored.accent ? (themeFor(stored.accent)?.theme ?? null) : null;
  return theme || stored.logoUrl || stored.bannerUrl ? { theme, logoUrl: stored.logoUrl, bannerUrl: stored.bannerUrl } : undefined;
}

/** The same for the admin page, with what was chosen and whether (and why) the colour was changed. */
export function lookForAdmin(businessId: number, stored: StoredLook): AdminLocationLook {
  const choice = stored.accent ? themeFor(stored.accent) : undefined;
  return {
    businessId,
    accent: stored.accent,
    logoUrl: stored.logoUrl,
    bannerUrl: stored.bannerUrl,
    applied: choice
      ? {
          colour: choice.applied,
          adjusted: choice.adjusted,
          contrast: choice.contrast,
          chosenContrast: choice.chosenContrast,
          theme: choice.theme,
        }
      : null,
  };
}
