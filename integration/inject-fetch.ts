import type { FastifyInstance } from 'fastify';

/** fetch over the app's own request handling: the real gateway, no socket. `override` answers (or fails) a request first. */
export function injectFetch(app: FastifyInstance, override?: (url: string) => Response | undefined) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const forced = override?.(url);
    if (forced) return forced;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const res = await app.inject({ method: 'POST', url, headers, payload: String(init.body) });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': 'application/json' } });
  };
}
