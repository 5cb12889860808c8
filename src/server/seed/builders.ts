import { BusinessCreateSchema, type BusinessCreate } from '../../contract/nexudus-businesses';
import { CheckinCreateSchema, CheckinSource, type CheckinCreate } from '../../contract/nexudus-checkins';
import { CoworkerCreateSchema, type CoworkerCreate } from '../../contract/nexudus-coworkers';
import {
  CoworkerTimePassCreateSchema,
  TimePassCreateSchema,
  TimeSlotCreateSchema,
  type CoworkerTimePassCreate,
  type TimePassCreate,
  type TimeSlotCreate,
} from '../../contract/nexudus-passes';

/**
 * Test and seed data builders. Each parses through the contract, so a builder can't produce a body
 * the API would refuse — a test that wants a bad body writes it out by hand.
 */
export const buildBusiness = (overrides: Partial<BusinessCreate> = {}): BusinessCreate =>
  BusinessCreateSchema.parse({
    Name: 'Test Location',
    TimeZone: 'Europe/London',
    CurrencyCode: 'GBP',
    DailyCutoffTime: '03:00',
    ...overrides,
  });

export const buildCoworker = (overrides: Partial<CoworkerCreate> = {}): CoworkerCreate =>
  CoworkerCreateSchema.parse({ FullName: 'Test Member', Email: 'member@example.com', CountryId: 1220, SimpleTimeZoneId: 1, ...overrides });

export const buildTimePass = (overrides: Partial<TimePassCreate> & { BusinessId: number }): TimePassCreate =>
  TimePassCreateSchema.parse({ Name: 'Day Pass', Price: 25, CurrencyId: 1, ...overrides });

export const buildTimeSlot = (overrides: Partial<TimeSlotCreate> & { TimePassId: number }): TimeSlotCreate =>
  TimeSlotCreateSchema.parse({ DayOfWeek: 1, FromTime: '09:00', ToTime: '17:00', ...overrides });

export const buildCoworkerTimePass = (
  overrides: Partial<CoworkerTimePassCreate> & { CoworkerId: number; BusinessId: number; TimePassId: number },
): CoworkerTimePassCreate => CoworkerTimePassCreateSchema.parse({ CreateMultiple: 1, ...overrides });

export const buildCheckin = (overrides: Partial<CheckinCreate> & { BusinessId: number }): CheckinCreate =>
  CheckinCreateSchema.parse({ FromTime: new Date().toISOString(), Source: CheckinSource.Tile, ...overrides });
