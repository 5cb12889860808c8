import { z } from 'zod';

const port = z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535);

const ADDRESS = /^[0-9a-fA-F.:]+(\/\d{1,3})?$/;

/**
 * Which reverse proxies may say who the client is (X-Forwarded-For/-Proto): `false` (none, the
 * default), a number of hops, or a comma-separated list of addresses/CIDRs such as `127.0.0.1`.
 * Never `true`: then anyone could claim any address and walk around the guessing limits.
 */
const trustProxy = z
  .string()
  .transform((raw, ctx): false | number | string[] => {
    const value = raw.trim().toLowerCase();
    if (value === 'false' || value === '0' || value === '') return false;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    const list = value.split(',').map((part) => part.trim());
    if (list.every((part) => ADDRESS.test(part))) return list;
    ctx.addIssue({ code: 'custom', message: 'must be false, a number of proxy hops, or a comma-separated list of proxy addresses' });
    return z.NEVER;
  })
  .or(z.literal(false));

/** Every environment variable the server reads, parsed once at start. */
export const ConfigSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DB_PATH: z.string().min(1).default('./data/tapdesk.db'),
  SEED: z.enum(['demo', 'none'], { error: 'must be "demo" or "none"' }).default('demo'),
  ADMIN_EMAIL: z.email({ error: 'must be an email address' }).default('admin@tapdesk.local'),
  ADMIN_PASSWORD: z.string().min(8, { error: 'must be at least 8 characters' }).optional(),
  UPSTREAM: z
    .union([z.literal('embedded'), z.url({ protocol: /^https?$/, error: 'must be "embedded" or an http(s) URL' })])
    .default('embedded'),
  NEXUDUS_USERNAME: z.string().optional(),
  NEXUDUS_PASSWORD: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy.default(false),
  SYNC_INTERVAL_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(5).max(3600).default(60),
  UPSTREAM_BUDGET: z.enum(['published', 'off'], { error: 'must be "published" or "off"' }).default('published'),
  EMBEDDED_LIMITS: z.enum(['off', 'published'], { error: 'must be "off" or "published"' }).default('off'),
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  /** Where Tapdesk sends hosts their visitors' approval e-mails (embedded mode), e.g. smtp://user:pass@mail:587. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  SMTP_FROM: z.string().min(3).max(254).default('Tapdesk <tapdesk@localhost>'),
  /** The address hosts' links open (this server as their browsers reach it), e.g. https://desk.example.com. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** Days after a visit (its departure, else its expected arrival) that the embedded store deletes a visitor. */
  VISITOR_RETENTION_DAYS: z.coerce.number({ error: 'must be a number of days' }).int().min(1).max(3650).default(30),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; a bad value names the variable and what it must be. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const relevant = Object.fromEntries(Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]));
  const parsed = ConfigSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.UPSTREAM !== 'embedded' && (!parsed.data.NEXUDUS_USERNAME || !parsed.data.NEXUDUS_PASSWORD)) {
    throw new Error('Invalid configuration:\n  NEXUDUS_USERNAME and NEXUDUS_PASSWORD are required when UPSTREAM is a URL');
  }
  if (parsed.data.SMTP_URL && !parsed.data.PUBLIC_URL) {
    throw new Error("Invalid configuration:\n  PUBLIC_URL is required with SMTP_URL: the links in hosts' e-mails open it");
  }
  if (!parsed.data.TLS_CERT !== !parsed.data.TLS_KEY) {
    throw new Error('Invalid configuration:\n  TLS_CERT and TLS_KEY: set both (PEM files) for HTTPS, or neither');
  }
  return parsed.data;
}
