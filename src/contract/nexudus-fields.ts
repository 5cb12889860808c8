import { z } from 'zod';

/**
 * Field schemas in the Nexudus style: messages read as the tail of "<Property>: <message>",
 * because the API layer prefixes them with the property name (see nexudus-envelopes.ts).
 * A missing required value is reported as "is a required field" by the envelope mapper,
 * not here, so every schema only describes what a present-but-wrong value means.
 */

export const MAX_ID = 2_147_483_647;

export const idField = () =>
  z
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be a positive id' })
    .max(MAX_ID, { error: 'is too large' });

export const boolField = () => z.boolean({ error: 'must be true or false' });

export const textField = (max: number) => z.string({ error: 'must be text' }).max(max, { error: `must be at most ${max} characters` });

export const requiredText = (max: number) => textField(max).refine((s) => s.trim().length > 0, { error: 'is a required field' });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const guidField = () => z.string({ error: 'must be text' }).regex(GUID, { error: 'must be a GUID' });

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Whether y-m-d h:m:s names a real calendar moment (no 30 February, no 25:00). */
function isRealDateTime(match: RegExpExecArray): boolean {
  const [, y, mo, d, h, mi, s] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return false;
  if (year < 1900 || year > 2200) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCDate() === day && probe.getUTCMonth() === month - 1;
}

/** Formats an instant as Nexudus does: UTC, second precision, `Z`. */
export function toNexudusInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * An instant. Nexudus examples and integrators send UTC with `Z`; an explicit offset is
 * honoured, and a value with no zone at all is read as UTC (documented in the README).
 * Output is normalised to `YYYY-MM-DDTHH:mm:ssZ`.
 */
export const dateTimeField = () =>
  z
    .string({ error: 'must be a date and time (ISO 8601)' })
    .max(40, { error: 'must be a date and time (ISO 8601)' })
    .transform((value, ctx) => {
      const match = ISO.exec(value);
      if (!match || !isRealDateTime(match)) {
        ctx.addIssue({ code: 'custom', message: 'is not a valid date and time (ISO 8601)' });
        return z.NEVER;
      }
      const zoned = match[8] ? value : `${value}Z`;
      return toNexudusInstant(new Date(zoned));
    });

/** A local wall-clock time of day, "HH:mm", stored as minutes after midnight. */
export const timeOfDayField = () =>
  z
    .string({ error: 'must be a time of day (HH:mm)' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'must be a time of day (HH:mm)' });

/** A decimal amount of money as Nexudus sends it (e.g. 12.5); at most 2 decimals. */
export const moneyField = () =>
  z
    .number({ error: 'must be a number' })
    .min(0, { error: 'must not be negative' })
    .max(1_000_000, { error: 'is too large' })
    .refine((n) => Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
      error: 'must have at most 2 decimals',
    });

export const idListField = () => z.array(idField(), { error: 'must be a list of ids' }).max(200, { error: 'has too many ids' });
