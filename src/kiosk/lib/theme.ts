import type { LocationLook } from '../../contract/kiosk-api';

const TOKENS = {
  brand900: '--color-brand-900',
  brand700: '--color-brand-700',
  brand600: '--color-brand-600',
  brand100: '--color-brand-100',
} as const;

/**
 * The location's colours as the kiosk's theme tokens (Tailwind's --color-brand-*), on the root
 * element: every screen follows. Already made readable by the server; none: Tapdesk's own.
 */
export function applyTheme(theme: LocationLook['theme'] | undefined): void {
  const root = document.documentElement.style;
  for (const [key, token] of Object.entries(TOKENS) as [keyof typeof TOKENS, string][]) {
    const value = theme?.[key];
    if (value) root.setProperty(token, value);
    else root.removeProperty(token);
  }
}
