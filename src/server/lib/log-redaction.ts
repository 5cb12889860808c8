/** Query parameters whose values are logged; every other value is replaced (allow-list, not deny-list). */
const LOGGED_QUERY = new Set(['page', 'size', 'orderby', 'dir']);

/** A URL fit for the log: the path, and query values only for paging and sorting. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url.slice(0, 300);
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return LOGGED_QUERY.has(name.toLowerCase()) ? pair.slice(0, 60) : `${name.slice(0, 60)}=[redacted]`;
    });
  return `${url.slice(0, Math.min(q, 300))}?${params.join('&')}`;
}

/** What a request and a response put in the log: named fields only, never headers or bodies. */
export const logSerializers = {
  req: (request: { id: string; method: string; url: string; ip: string }) => ({
    id: request.id,
    method: request.method,
    url: redactUrl(request.url),
    remoteAddress: request.ip,
  }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
};
