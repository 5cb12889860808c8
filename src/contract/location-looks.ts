/**
 * What staff set on the admin page for a location's look, and what it shows them (apart from the
 * kiosk's own contract: the tablet's first screen needs none of it).
 */
import * as z from 'zod/mini';
import { hexColour, id, KioskThemeSchema } from './kiosk-api';

/**
 * An image the tablet loads: over HTTPS (the tablet's CSP), from a host that reads as it loads (a
 * plain name or IPv4 address and a port: no user@, no backslash a browser reads as a slash), not a
 * secret-bearing URL anyone could read off the screen, and nothing (quotes, brackets) that could
 * break out of where it is used.
 */
const imageUrl = (what: string) =>
  z.string().check(
    z.trim(),
    z.maxLength(500, { error: `Use a ${what} address of at most 500 characters.` }),
    z.regex(/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s?#"'()<>\\]*)?$/, {
      error: `Give the ${what} as an https:// address of an image (a plain host name), without ? or # parts, quotes or brackets.`,
    }),
  );

/** Staff set a location's look on the admin page: each null for Tapdesk's own, all three given (a PUT replaces the look). */
export const LocationLookInputSchema = z.object({
  accent: z.nullable(hexColour),
  logoUrl: z.nullable(imageUrl('logo')),
  bannerUrl: z.nullable(imageUrl('picture')),
});
export type LocationLookInput = z.infer<typeof LocationLookInputSchema>;

/** What the admin page shows: what was chosen, and what the tablet uses (with the contrast correction, if any). */
export const AdminLocationLookSchema = z.object({
  businessId: id,
  accent: z.nullable(z.string()),
  logoUrl: z.nullable(z.string()),
  bannerUrl: z.nullable(z.string()),
  applied: z.nullable(
    z.object({
      colour: z.string(),
      adjusted: z.boolean(),
      contrast: z.number(),
      chosenContrast: z.number(),
      theme: KioskThemeSchema,
    }),
  ),
});
export type AdminLocationLook = z.infer<typeof AdminLocationLookSchema>;
