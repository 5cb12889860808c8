import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

/**
 * Who may call a route. Every route declares one; a route without a declaration stops the server
 * at start (`onReady`), and the check runs before anything else the route does.
 * - anonymous: anyone (the static kiosk, health, pairing, sign-in endpoints; they guard their own secrets)
 * - device: a paired, unrevoked tablet; what it reads is its own location's (the handlers filter)
 * - staff: a signed-in staff session of a Tapdesk administrator (admin page)
 * - api: an API user holding the role (or a full administrator), as Nexudus does
 */
export type Access = { kind: 'anonymous' } | { kind: 'device' } | { kind: 'staff' } | { kind: 'api'; role: string };

export const ANONYMOUS: Access = { kind: 'anonymous' };
export const DEVICE: Access = { kind: 'device' };
export const STAFF: Access = { kind: 'staff' };
export const apiRole = (role: string): Access => ({ kind: 'api', role });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route with its declared caller, for the route-enumeration test and the README. */
    routeAccess: RouteAccess[];
    /** How each kind of caller is authenticated; filled by the routers that own the credentials. */
    authenticators: Partial<Record<Access['kind'], Authenticator>>;
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access | undefined;
}

/** Sends the router's own 401 and returns false, or returns true for an allowed caller. */
export type Authenticator = (request: FastifyRequest, reply: FastifyReply, access: Access) => Promise<boolean>;

/** Installs the rule on the root instance, before any route is registered. */
export function installAccessControl(app: FastifyInstance) {
  const routes: RouteAccess[] = [];
  app.decorate('routeAccess', routes);
  app.decorate('authenticators', {});
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat())
      routes.push({
        method,
        url: route.url,
        get access() {
          return route.config?.access;
        },
      });
  });
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    if (undeclared.length) throw new Error(`routes without an access declaration: ${undeclared.join(', ')}`);
  });
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    // Unknown URLs reach the not-found handler, which serves the kiosk shell or a 404.
    if (!request.routeOptions.url) return;
    if (!access) return reply.code(401).send({ error: { code: 'UNAUTHORIZED', message: 'This route declares no caller.' } });
    if (access.kind === 'anonymous') return;
    const authenticate = app.authenticators[access.kind];
    if (!authenticate) return reply.code(401).send({ error: { code: 'UNAUTHORIZED', message: 'Not available.' } });
    await authenticate(request, reply, access);
  });
}

/**
 * A router's routes and their callers in one table, keyed `METHOD /path` (the path inside the
 * router). Registering a route the table does not name fails at once.
 */
export function declareAccess(app: FastifyInstance, table: Record<string, Access>) {
  app.addHook('onRoute', (route) => {
    const path = route.routePath || '/';
    const method = [route.method].flat()[0] ?? '';
    const declared = table[`${method === 'HEAD' ? 'GET' : method} ${path}`];
    if (!declared) throw new Error(`${method} ${route.url} is not in its router's access table`);
    route.config = { ...route.config, access: declared };
  });
}
