import { z } from 'zod';
import { boolField, dateTimeField, guidField, idField, textField } from './nexudus-fields';

/** eCheckinSource, as the Nexudus create-check-in page lists it. */
export const CheckinSource = { None: 0, Manual: 1, DoorAccess: 2, NetworkActivity: 3, Tile: 4, Sensor: 5 } as const;
export type CheckinSource = (typeof CheckinSource)[keyof typeof CheckinSource];

export const checkinSourceField = () =>
  z
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be one of 0 (None), 1 (Manual), 2 (DoorAccess), 3 (NetworkActivity), 4 (Tile), 5 (Sensor)' })
    .max(5, { error: 'must be one of 0 (None), 1 (Manual), 2 (DoorAccess), 3 (NetworkActivity), 4 (Tile), 5 (Sensor)' });

const checkinFields = {
  BusinessId: idField(),
  FromTime: dateTimeField(),
  Source: checkinSourceField(),
  CoworkerId: idField().nullish(),
  ToTime: dateTimeField().nullish(),
  CountsTowardsPlanLimits: boolField().nullish(),
  CoworkerTimePassGuid: guidField().nullish(),
  AutoCheckout: boolField().nullish(),
  LastActivity: dateTimeField().nullish(),
  MacAddresses: textField(2000).nullish(),
  TeamsAtTheTimeOfCheckin: textField(2000).nullish(),
  TariffAtTheTimeOfCheckin: textField(500).nullish(),
  ValidateCheckinJobId: textField(200).nullish(),
  FromTimeLocal: textField(40).nullish(),
  ToTimeLocal: textField(40).nullish(),
};

type TimeRange = { FromTime: string; ToTime?: string | null | undefined };
const toTimeAfterFromTime = (value: TimeRange, ctx: z.RefinementCtx) => {
  if (value.ToTime && value.ToTime < value.FromTime) {
    ctx.addIssue({ code: 'custom', path: ['ToTime'], message: 'must not be earlier than FromTime' });
  }
};

export const CheckinCreateSchema = z.object(checkinFields).superRefine(toTimeAfterFromTime);
export type CheckinCreate = z.infer<typeof CheckinCreateSchema>;

export const CheckinUpdateSchema = z.object({ Id: idField(), ...checkinFields }).superRefine(toTimeAfterFromTime);
export type CheckinUpdate = z.infer<typeof CheckinUpdateSchema>;

export const CheckinRecordSchema = z.object({
  Id: z.number().int(),
  UniqueId: z.string(),
  BusinessId: z.number().int(),
  BusinessName: z.string().nullable(),
  CoworkerId: z.number().int().nullable(),
  CoworkerFullName: z.string().nullable(),
  Source: z.number().int(),
  FromTime: z.string(),
  ToTime: z.string().nullable(),
  CountsTowardsPlanLimits: z.boolean(),
  CoworkerTimePassGuid: z.string().nullable(),
  AutoCheckout: z.boolean(),
  LastActivity: z.string().nullable(),
  MacAddresses: z.string().nullable(),
  TeamsAtTheTimeOfCheckin: z.string().nullable(),
  TariffAtTheTimeOfCheckin: z.string().nullable(),
  ValidateCheckinJobId: z.string().nullable(),
  FromTimeLocal: z.string().nullable(),
  ToTimeLocal: z.string().nullable(),
  CreatedOn: z.string(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string(),
  IsNew: z.boolean(),
  SystemId: z.string().nullable(),
});
export type CheckinRecord = z.infer<typeof CheckinRecordSchema>;

export const FailedCheckinCreateSchema = z.object({
  BusinessId: idField(),
  CheckinAttemptTime: dateTimeField(),
  CoworkerId: idField().nullish(),
  Source: checkinSourceField().nullish(),
  MacAddresses: textField(2000).nullish(),
  TeamsAtTheTimeOfCheckin: textField(2000).nullish(),
  TariffAtTheTimeOfCheckin: textField(500).nullish(),
  Description: textField(2000).nullish(),
});
export type FailedCheckinCreate = z.infer<typeof FailedCheckinCreateSchema>;
export const FailedCheckinUpdateSchema = z.object({ Id: idField(), ...FailedCheckinCreateSchema.shape });

export const FailedCheckinRecordSchema = z.object({
  Id: z.number().int(),
  UniqueId: z.string(),
  BusinessId: z.number().int(),
  CoworkerId: z.number().int().nullable(),
  CheckinAttemptTime: z.string(),
  CheckinAttemptTimeLocal: z.string().nullable(),
  Source: z.number().int().nullable(),
  MacAddresses: z.string().nullable(),
  TeamsAtTheTimeOfCheckin: z.string().nullable(),
  TariffAtTheTimeOfCheckin: z.string().nullable(),
  Description: z.string().nullable(),
  CreatedOn: z.string(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string(),
});
export type FailedCheckinRecord = z.infer<typeof FailedCheckinRecordSchema>;
