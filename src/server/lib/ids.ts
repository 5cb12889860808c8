/**
 * A record id from a URL or query: digits only, at most 15 of them, so it is always a safe integer
 * (`1e308`, `9007199254740993`, `-1` and `0x10` are not ids). The one parser for every router.
 */
export function parseId(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw)) return undefined;
  return Number(raw);
}
