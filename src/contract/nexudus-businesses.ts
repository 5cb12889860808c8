import { z } from 'zod';
import { idField, moneyField, requiredText, textField, timeOfDayField } from './nexudus-fields';

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
};

const minNotAboveMax = (
  value: { PaygDailyMinimum?: number | null | undefined; PaygDailyMaximum?: number | null | undefined },
  ctx: z.RefinementCtx,
) => {
  if (value.PaygDailyMinimum != null && value.PaygDailyMaximum != null && value.PaygDailyMinimum > value.PaygDailyMaximum) {
    ctx.addIssue({ code: 'custom', path: ['PaygDailyMaximum'], message: 'must not be less than PaygDailyMinimum' });
  }
};

export const BusinessCreateSchema = z.object(businessFields).superRefine(minNotAboveMax);
export type BusinessCreate = z.infer<typeof BusinessCreateSchema>;
export const BusinessUpdateSchema = z.object({ Id: idField(), ...businessFields }).superRefine(minNotAboveMax);

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
  CreatedOn: z.string(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string(),
});
export type BusinessRecord = z.infer<typeof BusinessRecordSchema>;
