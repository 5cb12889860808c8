/**
 * Intl formatters, made once per locale and options and then reused: building one costs far more
 * than formatting with it (at 4× CPU, milliseconds on every render of a kiosk screen). The keys
 * are few (the tablet's languages, its location's zone and currency); the cache is still bounded.
 */
const MAX_CACHED = 256;
const dateTimes = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  const hit = cache.get(key);
  if (hit) return hit;
  const made = make();
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, made);
  return made;
}

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateTimes, `${locale ?? ''}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numbers, `${locale ?? ''}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}
