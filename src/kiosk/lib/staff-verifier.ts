/**
 * The staff PIN, checked on the tablet while the server cannot be reached (an evacuation roll-call
 * and the outbox must open offline). After every PIN the server accepted, the tablet keeps a
 * salted PBKDF2 digest of it — never the PIN. Offline, a PIN is compared with that digest, and
 * wrong ones are bounded on the tablet: after 5, none is checked for 5 minutes, doubling each
 * time, kept across reloads. What the panel shows offline is what the tablet already stores (its
 * member list, snapshot and outbox), so the digest guards the screen, not new data.
 */
/** Removed by name in device-store's forgetDevice too (unpaired, the digest goes with the pairing). */
const VERIFIER_KEY = 'tapdesk.staff-verifier';
const FAILURES_KEY = 'tapdesk.staff-offline-failures';
const ITERATIONS = 300_000;
const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 5 * 60_000;
const MAX_LOCK_MS = 24 * 3600_000;

interface Verifier {
  /** The pairing it belongs to: a tablet paired again (another location, another PIN) has none. */
  deviceId: number;
  salt: string;
  hash: string;
  iterations: number;
}
interface Failures {
  count: number;
  lockedUntil: number;
  lockMs: number;
}

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function digest(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return toBase64(bits);
}

function read<T>(key: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
const isVerifier = (v: unknown): v is Verifier =>
  typeof v === 'object' &&
  v !== null &&
  'deviceId' in v &&
  'salt' in v &&
  typeof v.salt === 'string' &&
  'hash' in v &&
  typeof v.hash === 'string' &&
  'iterations' in v &&
  typeof v.iterations === 'number';
const isFailures = (v: unknown): v is Failures =>
  typeof v === 'object' && v !== null && 'count' in v && 'lockedUntil' in v && 'lockMs' in v && typeof v.count === 'number';

/** After the server accepted `pin` for the tablet paired as `deviceId`: keep its digest for offline checks. */
export async function rememberStaffPin(pin: string, deviceId: number): Promise<void> {
  if (!globalThis.crypto?.subtle) return;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const verifier: Verifier = { deviceId, salt: toBase64(salt), hash: await digest(pin, salt, ITERATIONS), iterations: ITERATIONS };
  localStorage.setItem(VERIFIER_KEY, JSON.stringify(verifier));
  localStorage.removeItem(FAILURES_KEY);
}

export type OfflineCheck = { kind: 'ok' } | { kind: 'wrong' } | { kind: 'locked'; retryAfterSeconds: number } | { kind: 'unknown' };

/** `unknown`: no PIN was accepted online on this tablet yet, so there is nothing to compare with. */
export async function checkStaffPinOffline(pin: string, deviceId: number, now = Date.now()): Promise<OfflineCheck> {
  const verifier = read(VERIFIER_KEY, isVerifier);
  if (!verifier || verifier.deviceId !== deviceId || !globalThis.crypto?.subtle) return { kind: 'unknown' };
  const failures = read(FAILURES_KEY, isFailures) ?? { count: 0, lockedUntil: 0, lockMs: 0 };
  if (failures.lockedUntil > now) return { kind: 'locked', retryAfterSeconds: Math.ceil((failures.lockedUntil - now) / 1000) };
  if ((await digest(pin, fromBase64(verifier.salt), verifier.iterations)) === verifier.hash) {
    localStorage.removeItem(FAILURES_KEY);
    return { kind: 'ok' };
  }
  const count = failures.count + 1;
  const locks = count >= FREE_FAILURES;
  const lockMs = locks ? Math.min(MAX_LOCK_MS, failures.lockMs ? failures.lockMs * 2 : FIRST_LOCK_MS) : failures.lockMs;
  const next: Failures = { count: locks ? 0 : count, lockedUntil: locks ? now + lockMs : 0, lockMs };
  localStorage.setItem(FAILURES_KEY, JSON.stringify(next));
  return locks ? { kind: 'locked', retryAfterSeconds: Math.ceil(lockMs / 1000) } : { kind: 'wrong' };
}
