import { z } from 'zod';
import { boolField, idField, moneyField, requiredText, textField, timeOfDayField } from './nexudus-fields';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const isCurrency = (code: string) => {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return /^[A-Z]{3}$/.test(code);
  } catch {
    return false;
  }
};

/** Nexudus's weekday prefixes of a location's opening hours (`MonOpen`, `MonClose`, `MonClosed` …). */
export const OPENING_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type OpeningDay = (typeof OPENING_DAYS)[number];

const minuteOfDay = () =>
  z
    .number({ error: 'must be minutes after midnight (0 to 1440)' })
    .int({ error: 'must be minutes after midnight (0 to 1440)' })
    .min(0, { error: 'must be minutes after midnight (0 to 1440)' })
    .max(1440, { error: 'must be minutes after midnight (0 to 1440)' });

type HoursShape<M, F> = { [K in `${OpeningDay}${'Open' | 'Close'}`]: M } & { [K in `${OpeningDay}Closed`]: F };
/** The 21 hour fields of a business, each weekday's opening and closing minute and its closed-all-day flag. */
function hoursShape<M, F>(minute: () => M, flag: () => F): HoursShape<M, F> {
  const shape: Record<string, M | F> = {};
  for (const day of OPENING_DAYS) {
    shape[`${day}Open`] = minute();
    shape[`${day}Close`] = minute();
    shape[`${day}Closed`] = flag();
  }
  return shape as HoursShape<M, F>;
}

/** Opening hours as Nexudus keeps them: per weekday the minutes after local midnight it opens and closes, or closed all day. */
const hoursFields = hoursShape(
  () => minuteOfDay().nullish(),
  () => boolField().nullish(),
);

/**
 * Creating a business is Tapdesk's documented extension (Nexudus has no create): only `Name` is
 * required. `TimeZone` is an IANA zone, `DailyCutoffTime` the local "HH:mm" at which the check-in
 * day turns over, PAYG daily min/max are decimal amounts in `CurrencyCode`.
 */
const businessFields = {
  Name: requiredText(200),
  TimeZone: textField(64).refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/London' }).nullish(),
  CurrencyCode: textField(3).refine(isCurrency, { error: 'must be an ISO 4217 currency code such as EUR' }).nullish(),
  DailyCutoffTime: timeOfDayField().nullish(),
  PaygDailyMinimum: moneyField().nullish(),
  PaygDailyMaximum: moneyField().nullish(),
  RootLocationId: idField().nullish(),
  KioskPinBeforeCharge: z.boolean({ error: 'must be true or false' }).nullish(),
  VisitorHostApproval: z.boolean({ error: 'must be true or false' }).nullish(),
  VisitorAutoCheckIn: z.boolean({ error: 'must be true or false' }).nullish(),
  VisitorTerms: textField(4000).nullish(),
  ...hoursFields,
};

const minNotAboveMax = (
  value: { PaygDailyMinimum?: number | null | undefined; PaygDailyMaximum?: number | null | undefined },
  ctx: z.RefinementCtx,
) => {
  if (value.PaygDailyMinimum != null && value.PaygDailyMaximum != null && value.PaygDailyMinimum > value.PaygDailyMaximum) {
    ctx.addIssue({ code: 'custom', path: ['PaygDailyMaximum'], message: 'must not be less than PaygDailyMinimum' });
  }
};

/** A day's hours are both given or both left out, and it closes after it opens. */
const hoursMakeSense = (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const day of OPENING_DAYS) {
    const open = value[`${day}Open`];
    const close = value[`${day}Close`];
    if (typeof open === 'number' && typeof close === 'number') {
      if (close <= open) ctx.addIssue({ code: 'custom', path: [`${day}Close`], message: `must be later than ${day}Open` });
    } else if (typeof open === 'number' || typeof close === 'number') {
      const [given, missing] = typeof open === 'number' ? [`${day}Open`, `${day}Close`] : [`${day}Close`, `${day}Open`];
      ctx.addIssue({ code: 'custom', path: [missing], message: `must be given with ${given}` });
    }
  }
};

const businessRules = (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
  minNotAboveMax(value, ctx);
  hoursMakeSense(value, ctx);
};

export const BusinessCreateSchema = z.object(businessFields).superRefine(businessRules);
export type BusinessCreate = z.infer<typeof BusinessCreateSchema>;
export const BusinessUpdateSchema = z.object({ Id: idField(), ...businessFields }).superRefine(businessRules);

/**
 * How a business record's hours are read: leniently, because the production gateway reads real
 * Nexudus records whose hour fields are documented only loosely. A value that is not a minute of
 * the day is read as unknown (the tablet then stays awake), never as a failure of the whole list.
 */
const lenientMinute = () =>
  z
    .unknown()
    .optional()
    .transform((v) => {
      const minute = minuteOfDay().safeParse(v);
      return minute.success ? minute.data : null;
    });
const lenientFlag = () =>
  z
    .unknown()
    .optional()
    .transform((v) => v === true);

export const BusinessRecordSchema = z.object({
  Id: z.number().int(),
  UniqueId: z.string(),
  Name: z.string(),
  TimeZone: z.string(),
  CurrencyCode: z.string(),
  DailyCutoffTime: z.string(),
  PaygDailyMinimum: z.number().nullable(),
  PaygDailyMaximum: z.number().nullable(),
  RootLocationId: z.number().int().nullable(),
  KioskPinBeforeCharge: z.boolean(),
  /** Tapdesk's extension (NexIO's settings have no published keys): absent from a real Nexudus, so defaulted. */
  VisitorHostApproval: z.boolean().default(false),
  VisitorAutoCheckIn: z.boolean().default(true),
  VisitorTerms: z.string().nullable().default(null),
  ...hoursShape(lenientMinute, lenientFlag),
  CreatedOn: z.string(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string(),
});
export type BusinessRecord = z.infer<typeof BusinessRecordSchema>;
