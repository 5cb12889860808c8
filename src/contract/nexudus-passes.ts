import { z } from 'zod';
import { boolField, dateTimeField, idField, idListField, moneyField, requiredText, textField, timeOfDayField } from './nexudus-fields';

/** UsePriority: Nexudus shows High/Normal/Low without numbers; Tapdesk uses 1 High, 2 Normal, 3 Low. */
export const UsePriority = { High: 1, Normal: 2, Low: 3 } as const;

const minutesField = () =>
  z
    .number({ error: 'must be a whole number of minutes' })
    .int({ error: 'must be a whole number of minutes' })
    .min(1, { error: 'must be at least 1 minute' })
    .max(1_000_000, { error: 'is too large' });

const timePassFields = {
  BusinessId: idField(),
  Name: requiredText(200),
  Price: moneyField(),
  CurrencyId: idField(),
  MinutesIncluded: minutesField().nullish(),
  CountsTowardsPlanLimits: boolField().nullish(),
  UseAsPayAsYouGoForMembers: boolField().nullish(),
  UseAsPayAsYouGoForContacts: boolField().nullish(),
  UsePriority: z
    .number({ error: 'must be 1 (High), 2 (Normal) or 3 (Low)' })
    .int({ error: 'must be 1 (High), 2 (Normal) or 3 (Low)' })
    .min(1, { error: 'must be 1 (High), 2 (Normal) or 3 (Low)' })
    .max(3, { error: 'must be 1 (High), 2 (Normal) or 3 (Low)' })
    .nullish(),
  Businesses: idListField().nullish(),
  OnlyForMembers: boolField().nullish(),
  OnlyForContacts: boolField().nullish(),
  Archived: boolField().nullish(),
};

export const TimePassCreateSchema = z.object(timePassFields);
export type TimePassCreate = z.infer<typeof TimePassCreateSchema>;
export const TimePassUpdateSchema = z.object({ Id: idField(), ...timePassFields });

export const TimePassRecordSchema = z.object({
  Id: z.number().int(),
  UniqueId: z.string(),
  BusinessId: z.number().int(),
  BusinessName: z.string().nullable(),
  Name: z.string(),
  Price: z.number(),
  CurrencyId: z.number().int(),
  CurrencyCode: z.string(),
  MinutesIncluded: z.number().int().nullable(),
  CountsTowardsPlanLimits: z.boolean(),
  UseAsPayAsYouGoForMembers: z.boolean(),
  UseAsPayAsYouGoForContacts: z.boolean(),
  UsePriority: z.number().int(),
  Businesses: z.array(z.number().int()),
  OnlyForMembers: z.boolean(),
  OnlyForContacts: z.boolean(),
  Archived: z.boolean(),
  CreatedOn: z.string(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string(),
});
export type TimePassRecord = z.infer<typeof TimePassRecordSchema>;

/** DayOfWeek as .NET counts it: 0 Sunday … 6 Saturday. Times are the location's wall clock. */
const timeSlotFields = {
  TimePassId: idField(),
  DayOfWeek: z
    .number({ error: 'must be 0 (Sunday) to 6 (Saturday)' })
    .int({ error: 'must be 0 (Sunday) to 6 (Saturday)' })
    .min(0, { error: 'must be 0 (Sunday) to 6 (Saturday)' })
    .max(6, { error: 'must be 0 (Sunday) to 6 (Saturday)' }),
  FromTime: timeOfDayField(),
  ToTime: timeOfDayField(),
};
const slotOrder = (value: { FromTime: string; ToTime: string }, ctx: z.RefinementCtx) => {
  if (value.ToTime <= value.FromTime) ctx.addIssue({ code: 'custom', path: ['ToTime'], message: 'must be later than FromTime' });
};
export const TimeSlotCreateSchema = z.object(timeSlotFields).superRefine(slotOrder);
export type TimeSlotCreate = z.infer<typeof TimeSlotCreateSchema>;
export const TimeSlotUpdateSchema = z.object({ Id: idField(), ...timeSlotFields }).superRefine(slotOrder);

export const TimeSlotRecordSchema = z.object({
  Id: z.number().int(),
  UniqueId: z.string(),
  TimePassId: z.number().int(),
  DayOfWeek: z.number().int(),
  FromTime: z.string(),
  ToTime: z.string(),
  CreatedOn: z.string(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string(),
});
export type TimeSlotRecord = z.infer<typeof TimeSlotRecordSchema>;

const coworkerTimePassFields = {
  CoworkerId: idField(),
  BusinessId: idField(),
  TimePassId: idField(),
  Notes: textField(2000).nullish(),
  PurchaseOrder: textField(200).nullish(),
  ExpireDate: dateTimeField().nullish(),
  Free: boolField().nullish(),
  Price: moneyField().nullish(),
  IsFromTariff: boolField().nullish(),
  RemainingUses: z
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must not be negative' })
    .max(10_000_000, { error: 'is too large' })
    .nullish(),
  Used: boolField().nullish(),
  UsedDate: dateTimeField().nullish(),
};

export const CoworkerTimePassCreateSchema = z.object({
  ...coworkerTimePassFields,
  CreateMultiple: z
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be between 1 and 100' })
    .max(100, { error: 'must be between 1 and 100' }),
});
export type CoworkerTimePassCreate = z.infer<typeof CoworkerTimePassCreateSchema>;
export const CoworkerTimePassUpdateSchema = z.object({ Id: idField(), ...coworkerTimePassFields });
export type CoworkerTimePassUpdate = z.infer<typeof CoworkerTimePassUpdateSchema>;

export const CoworkerTimePassRecordSchema = z.object({
  Id: z.number().int(),
  UniqueId: z.string(),
  CoworkerId: z.number().int(),
  BusinessId: z.number().int(),
  TimePassId: z.number().int(),
  TimePassName: z.string(),
  TimePassCurrencyCode: z.string(),
  Notes: z.string().nullable(),
  PurchaseOrder: z.string().nullable(),
  Used: z.boolean(),
  CheckedIn: z.boolean(),
  UsedDate: z.string().nullable(),
  RemainingUses: z.number().int().nullable(),
  TotalUses: z.number().int().nullable(),
  Free: z.boolean(),
  Price: z.number().nullable(),
  ExpireDate: z.string().nullable(),
  Invoiced: z.boolean(),
  IsFromTariff: z.boolean(),
  IsPayAsYouGo: z.boolean(),
  CreatedOn: z.string(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string(),
});
export type CoworkerTimePassRecord = z.infer<typeof CoworkerTimePassRecordSchema>;
