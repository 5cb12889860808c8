/**
 * A location's brand colour made into the kiosk's theme, readable whatever colour was chosen:
 * WCAG 2.2 contrast (relative luminance) decides, and a colour that fails is darkened (its hue
 * kept) until it passes.
 */
export type Rgb = readonly [number, number, number];

export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

export function parseHex(hex: string): Rgb | undefined {
  if (!HEX_COLOUR.test(hex)) return undefined;
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(rgb: Rgb): number {
  const [r = 0, g = 0, b = 0] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 … 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
/** The kiosk's light screen background (Tailwind slate-50). */
const PAGE: Rgb = [248, 250, 252];
/** Buttons and links: white text on the colour, and the colour as text on the light background (AA, 4.5:1). */
export const TEXT_CONTRAST = 4.5;
/** The attract screen's background and the headings: well beyond AA, like the default theme's. */
const DEEP_CONTRAST = 10;

/** The colour scaled toward black (hue kept) just enough to reach `ratio` against white and the page. */
function darkenedTo(rgb: Rgb, ratio: number): Rgb {
  const passes = (c: Rgb) => contrastRatio(c, WHITE) >= ratio && contrastRatio(c, PAGE) >= ratio;
  if (passes(rgb)) return rgb;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 20; i += 1) {
    const mid = (lo + hi) / 2;
    if (passes(rgb.map((c) => Math.floor(c * mid)) as unknown as Rgb)) lo = mid;
    else hi = mid;
  }
  return rgb.map((c) => Math.floor(c * lo)) as unknown as Rgb;
}

const mix = (a: Rgb, b: Rgb, share: number): Rgb => a.map((c, i) => c * (1 - share) + (b[i] ?? 0) * share) as unknown as Rgb;

export interface KioskTheme {
  brand900: string;
  brand700: string;
  brand600: string;
  brand100: string;
}

export interface ThemeChoice {
  theme: KioskTheme;
  /** The colour the tablet uses for buttons: the chosen one, or the nearest darker one that is readable. */
  applied: string;
  /** The chosen colour failed 4.5:1 against white or the light background and was darkened. */
  adjusted: boolean;
  /** Contrast of white text on the applied colour (and of the chosen colour, for the admin page). */
  contrast: number;
  chosenContrast: number;
}

export function themeFor(accent: string): ThemeChoice | undefined {
  const chosen = parseHex(accent);
  if (!chosen) return undefined;
  const c700 = darkenedTo(chosen, TEXT_CONTRAST);
  const c900 = darkenedTo(c700, DEEP_CONTRAST);
  const applied = toHex(c700);
  return {
    theme: { brand900: toHex(c900), brand700: applied, brand600: toHex(mix(c700, c900, 0.5)), brand100: toHex(mix(WHITE, c700, 0.1)) },
    applied,
    adjusted: applied !== accent.toLowerCase(),
    contrast: Math.floor(contrastRatio(c700, WHITE) * 10) / 10,
    chosenContrast: Math.floor(contrastRatio(chosen, WHITE) * 10) / 10,
  };
}

/** How much of the deep tone lies over a location's picture on the attract screen (the kiosk's `bg-brand-900/80`). */
export const PICTURE_SCRIM = 0.8;

/**
 * White text over the picture under the scrim, where the picture is at its lightest (white):
 * the worst case, since a lighter pixel only ever lightens the mix (browsers blend in sRGB).
 */
export function overPicture(deep: Rgb, scrim = PICTURE_SCRIM): number {
  return contrastRatio(mix(WHITE, deep, scrim), WHITE);
}
