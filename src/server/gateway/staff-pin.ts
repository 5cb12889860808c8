import type { FastifyReply } from 'fastify';
import type { Device } from '../db/devices-repository';
import type { Guard } from '../lib/guard';
import { verifyPassword } from '../lib/passwords';
import { sendKioskError } from './kiosk-errors';

/**
 * The tablet's staff PIN, checked by the server and counted per tablet and per location (across
 * restarts). True when it is right; otherwise the refusal is already sent.
 */
export async function checkStaffPin(guard: Guard, device: Device, staffPin: string, reply: FastifyReply): Promise<boolean> {
  const attempt = await guard.attempt([
    { policy: 'staff-pin:tablet', subject: String(device.Id), businessId: device.BusinessId, label: device.Name },
    { policy: 'staff-pin:location', subject: String(device.BusinessId), businessId: device.BusinessId, label: '' },
  ]);
  if (!attempt.allowed) {
    await sendKioskError(reply, 'LOCKED_OUT', 'Too many wrong staff PINs. Try again later.', attempt.retryAfterSeconds);
    return false;
  }
  if (!(await verifyPassword(staffPin, device.StaffPinHash))) {
    await attempt.fail();
    await sendKioskError(reply, 'UNKNOWN_CREDENTIAL', 'That staff PIN is not right.');
    return false;
  }
  await attempt.succeed();
  return true;
}
