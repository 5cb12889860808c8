import { z } from 'zod';
import { boolField, dateTimeField, idField, requiredText, textField } from './nexudus-fields';

/** eVisitorSource: how the visitor was registered. */
export const VisitorSource = { Administrator: 1, NexIO: 2, Customer: 3 } as const;
/** eVisitorHostApprovalStatus. */
export const HostApprovalStatus = { NotRequired: 1, Requested: 2, Rejected: 3, AcceptedAndHold: 4, AcceptedAndGrant: 5 } as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const enumField = (values: Record<string, number>, label: string) => {
  const allowed = Object.values(values);
  const words = Object.entries(values)
    .map(([name, value]) => `${value} (${name})`)
    .join(', ');
  return z
    .number({ error: `must be one of ${words}` })
    .int({ error: `must be one of ${words}` })
    .refine((n) => allowed.includes(n), { error: `must be one of ${words}` })
    .describe(label);
};

/**
 * Required as developers.nexudus.com documents: BusinessId, FullName, Email, ExpectedArrival;
 * VisitorSource and HostApprovalStatus default to 1 (Administrator, NotRequired). VisitorCode is
 * generated and read-only. Arrival, departure and terms are accepted on PUT (the developers page
 * lists them) so a stand-in workflow can set them.
 */
const visitorFields = {
  BusinessId: idField(),
  FullName: requiredText(200),
  Email: textField(254).regex(EMAIL, { error: 'must be an email address' }),
  ExpectedArrival: dateTimeField(),
  VisitorSource: enumField(VisitorSource, 'VisitorSource').default(VisitorSource.Administrator),
  HostApprovalStatus: enumField(HostApprovalStatus, 'HostApprovalStatus').default(HostApprovalStatus.NotRequired),
  CoworkerId: idField().nullish(),
  CompanyName: textField(200).nullish(),
  PhoneNumber: textField(50).nullish(),
  VisitReason: textField(500).nullish(),
  Notes: textField(1024).nullish(),
  CheckedInAt: textField(200).nullish(),
  IsTour: boolField().nullish(),
  HasAgreedTerms: boolField().nullish(),
  TourConfirmed: boolField().nullish(),
  Notified: boolField().nullish(),
  Arrived: boolField().nullish(),
  ArrivalDate: dateTimeField().nullish(),
  DepartureDate: dateTimeField().nullish(),
};

export const VisitorCreateSchema = z.object({ ...visitorFields, CheckInNow: boolField().nullish() });
export type VisitorCreate = z.infer<typeof VisitorCreateSchema>;
export const VisitorUpdateSchema = z.object({ Id: idField(), ...visitorFields });
export type VisitorUpdate = z.infer<typeof VisitorUpdateSchema>;

export const VisitorRecordSchema = z.object({
  Id: z.number().int(),
  UniqueId: z.string(),
  CreatedOn: z.string(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string().nullable(),
  BusinessId: z.number().int(),
  FullName: z.string(),
  Email: z.string(),
  ExpectedArrival: z.string(),
  VisitorSource: z.number().int(),
  HostApprovalStatus: z.number().int(),
  VisitorCode: z.string(),
  CoworkerId: z.number().int().nullable(),
  CoworkerFullName: z.string().nullable(),
  CoworkerEmail: z.string().nullable(),
  CoworkerCompanyName: z.string().nullable(),
  CompanyName: z.string().nullable(),
  PhoneNumber: z.string().nullable(),
  VisitReason: z.string().nullable(),
  Notes: z.string().nullable(),
  CheckedInAt: z.string().nullable(),
  IsTour: z.boolean(),
  HasAgreedTerms: z.boolean(),
  TourConfirmed: z.boolean(),
  Notified: z.boolean(),
  Arrived: z.boolean(),
  ArrivalDate: z.string().nullable(),
  DepartureDate: z.string().nullable(),
  CheckInNow: z.boolean(),
});
export type VisitorRecord = z.infer<typeof VisitorRecordSchema>;
