import type { OnSite } from '../../contract/visitors-api';

const HEADER = ['kind', 'name', 'company', 'host', 'since'] as const;

/**
 * One CSV field: quoted when it holds a quote, comma, semicolon, tab or line break (quotes doubled, RFC 4180), and
 * a value a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) is
 * made plain text with a leading apostrophe, then quoted.
 */
export function csvField(value: string | null): string {
  const text = value ?? '';
  const neutral = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  // A semicolon or tab also splits cells in some spreadsheets' settings: such a field is quoted too.
  return /[",;\t\r\n]/.test(neutral) || neutral !== text ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** Who is in, one row per person (members first), `since` as the UTC instant the server gave. */
export function onSiteCsv(onSite: OnSite): string {
  const rows: (string | null)[][] = [
    [...HEADER],
    ...onSite.members.map((m) => ['member', m.name, m.company, null, m.since]),
    ...onSite.visitors.map((v) => ['visitor', v.name, v.company, v.hostName, v.since]),
  ];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** "who-is-in-london-shoreditch-2026-11-23-1405.csv" */
export function onSiteFileName(onSite: OnSite): string {
  const place = onSite.locationName
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const stamp = onSite.at.slice(0, 16).replace('T', '-').replace(':', '');
  return `who-is-in-${place || 'location'}-${stamp}.csv`;
}

/** Saves the list as a CSV file (with a byte-order mark, so spreadsheets read accents right). */
export function downloadOnSiteCsv(onSite: OnSite): void {
  const blob = new Blob(['\uFEFF', onSiteCsv(onSite)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = onSiteFileName(onSite);
  link.click();
  URL.revokeObjectURL(url);
}
