import { z } from 'zod';
import { boolField, idField, idListField, requiredText, textField } from './nexudus-fields';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Required as Nexudus documents: FullName, Email, CountryId, SimpleTimeZoneId (reference ids taken as given). */
const coworkerFields = {
  FullName: requiredText(200),
  Email: textField(254).regex(EMAIL, { error: 'must be an email address' }),
  CountryId: idField(),
  SimpleTimeZoneId: idField(),
  CompanyName: textField(200).nullish(),
  InvoicingBusinessId: idField().nullish(),
  Businesses: idListField().nullish(),
  Active: boolField().nullish(),
  Archived: boolField().nullish(),
  AccessPincode: textField(12)
    .regex(/^\d{4,12}$/, { error: 'must be 4 to 12 digits' })
    .nullish(),
  AccessCardId: textField(64)
    .regex(/^[\x21-\x7e]+$/, { error: 'must be printable characters without spaces' })
    .nullish(),
  TariffName: textField(200).nullish(),
  AvatarUrl: textField(500)
    .regex(/^(https?:\/\/|\/)/, { error: 'must be an http(s) or site-relative URL' })
    .nullish(),
};

export const CoworkerCreateSchema = z.object(coworkerFields);
export type CoworkerCreate = z.infer<typeof CoworkerCreateSchema>;
export const CoworkerUpdateSchema = z.object({ Id: idField(), ...coworkerFields });

/** PIN and card id are never returned: the record says only whether one is set. */
export const CoworkerRecordSchema = z.object({
  Id: z.number().int(),
  UniqueId: z.string(),
  FullName: z.string(),
  Email: z.string(),
  CountryId: z.number().int(),
  SimpleTimeZoneId: z.number().int(),
  CompanyName: z.string().nullable(),
  InvoicingBusinessId: z.number().int().nullable(),
  Businesses: z.array(z.number().int()),
  Active: z.boolean(),
  Archived: z.boolean(),
  HasAccessPincode: z.boolean(),
  HasAccessCardId: z.boolean(),
  TariffName: z.string().nullable(),
  IsMember: z.boolean(),
  AvatarUrl: z.string().nullable(),
  CreatedOn: z.string(),
  UpdatedOn: z.string(),
  UpdatedBy: z.string(),
});
export type CoworkerRecord = z.infer<typeof CoworkerRecordSchema>;
