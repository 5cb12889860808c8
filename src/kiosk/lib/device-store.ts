import * as z from 'zod/mini';
import { DeviceInfoSchema, type DeviceInfo } from '../../contract/kiosk-api';
import { IMAGE_CACHE_NAME } from '../../contract/caches';

const KEY = 'tapdesk.device';
const StoredDeviceSchema = z.object({ token: z.string().check(z.minLength(20)), device: DeviceInfoSchema });
export type StoredDevice = z.infer<typeof StoredDeviceSchema>;

type Listener = (device: StoredDevice | null) => void;
const listeners = new Set<Listener>();

/** The tablet's pairing: its device token (the only secret it holds) and what it was paired to. */
let cached: StoredDevice | null | undefined;

function load(): StoredDevice | null {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? z.safeParse(StoredDeviceSchema, JSON.parse(raw)) : undefined;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The same object until it changes, so React can subscribe to it. */
export function readDevice(): StoredDevice | null {
  if (cached === undefined) cached = load();
  return cached;
}

export function saveDevice(token: string, device: DeviceInfo): void {
  const stored = { token, device };
  localStorage.setItem(KEY, JSON.stringify(stored));
  cached = stored;
  listeners.forEach((l) => l(stored));
}

export function updateDeviceInfo(device: DeviceInfo): void {
  const current = readDevice();
  if (current) saveDevice(current.token, device);
}

let unpairedBecause: 'UNAUTHORIZED' | 'DEVICE_REVOKED' | null = null;

/** Why the tablet was last sent back to setup by the server, for the setup screen to say. */
export const unpairReason = () => unpairedBecause;

export function forgetDevice(reason: 'UNAUTHORIZED' | 'DEVICE_REVOKED' | null = null): void {
  unpairedBecause = reason;
  localStorage.removeItem(KEY);
  // The staff PIN's digest belongs to this pairing (lib/staff-verifier.ts keeps it).
  localStorage.removeItem('tapdesk.staff-verifier');
  // Members' photos and the logo kept for offline: not for whoever pairs the tablet next.
  void globalThis.caches?.delete(IMAGE_CACHE_NAME).catch(() => false);
  cached = null;
  listeners.forEach((l) => l(null));
}

export function onDeviceChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
