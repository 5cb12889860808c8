import type helmetPlugin from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The pages' content security policy: no inline script, no framing, connections to this server only. */
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The service worker fetches, and keeps for offline, the location's logo and members' photos from
 * other https origins (Nexudus, the operator's site): its fetches obey its own script's
 * connect-src. The pages keep connect-src 'self'.
 */
const WORKER_CSP = Object.entries({ ...DIRECTIVES, connectSrc: [...DIRECTIVES.connectSrc, 'https:'] })
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
  .join('; ');

/**
 * Headers on every answer (kiosk, admin page, /kiosk/v1, /api, errors): a CSP that allows no
 * inline script and no framing, nosniff, no referrer, the camera for the kiosk itself only, and
 * HSTS when the request came over HTTPS (directly or through a trusted proxy).
 */
export async function installSecurityHeaders(app: FastifyInstance, helmet: typeof helmetPlugin) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: DIRECTIVES,
    },
    // Tablets on a LAN may use plain HTTP; HSTS is added below only for HTTPS requests.
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header(
      'permissions-policy',
      'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=(), fullscreen=(self), screen-wake-lock=(self)',
    );
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.split('?')[0] === '/sw.js') reply.header('content-security-policy', WORKER_CSP);
  });
}
