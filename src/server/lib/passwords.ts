import { randomBytes, scrypt, timingSafeEqual, createHash } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** scrypt, stored as `scrypt$N$r$p$salt$key` (base64url) so the cost can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** More password checks waiting than this answers "busy" at once instead of queueing without bound. */
const MAX_WAITING = 32;
/** scrypt runs on libuv's thread pool (4 threads); two at a time leave the rest for files and SQLite. */
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** How many scrypt derivations ran (a known and an unknown account cost the same: one each). */
export const passwordStats = { derivations: 0 };

/** Too many password checks are waiting: the caller answers 503 with Retry-After. */
export class PasswordChecksBusy extends Error {}

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) throw new PasswordChecksBusy('too many password checks at once');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** A hash no password matches, checked for unknown accounts so that they take as long as known ones. */
const DUMMY = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;

/** Checks a password against a stored hash, or against nothing (an unknown account) in the same time. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = (stored ?? DUMMY).split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await slot(() => {
    passwordStats.derivations += 1;
    return derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  });
  return stored !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Opaque bearer secrets: random, shown once, stored only as a SHA-256 hash. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
