import { OPENING_DAYS } from '../../contract/nexudus-businesses';
import { field, readOnly, secret, serverKept, type FieldSpec, type TableSpec } from './table';

const base = (): FieldSpec[] => [
  field('Id', 'int'),
  serverKept('UniqueId'),
  serverKept('CreatedOn', 'instant'),
  serverKept('UpdatedOn', 'instant'),
  serverKept('UpdatedBy'),
];

export const businessesTable: TableSpec = {
  entity: 'Business',
  table: 'businesses',
  select: 'SELECT t.* FROM businesses t',
  fields: [
    ...base(),
    field('Name'),
    field('TimeZone'),
    field('CurrencyCode'),
    field('DailyCutoffTime', 'time-of-day', 'DailyCutoffMinutes'),
    field('PaygDailyMinimum', 'money', 'PaygDailyMinimumMinor'),
    field('PaygDailyMaximum', 'money', 'PaygDailyMaximumMinor'),
    field('RootLocationId', 'int'),
    field('KioskPinBeforeCharge', 'bool'),
    field('VisitorHostApproval', 'bool'),
    field('VisitorAutoCheckIn', 'bool'),
    field('VisitorTerms'),
    ...OPENING_DAYS.flatMap((day) => [field(`${day}Open`, 'int'), field(`${day}Close`, 'int'), field(`${day}Closed`, 'bool')]),
  ],
  defaultOrder: { field: 'Id', dir: 1 },
};

export const coworkersTable: TableSpec = {
  entity: 'Coworker',
  table: 'coworkers',
  select: `SELECT t.*, (t.AccessPincode IS NOT NULL) AS HasAccessPincode, (t.AccessCardId IS NOT NULL) AS HasAccessCardId,
    (t.TariffName IS NOT NULL) AS IsMember FROM coworkers t`,
  fields: [
    ...base(),
    field('FullName'),
    field('Email'),
    field('CountryId', 'int'),
    field('SimpleTimeZoneId', 'int'),
    field('CompanyName'),
    field('InvoicingBusinessId', 'int'),
    field('Businesses', 'ids'),
    field('Active', 'bool'),
    field('Archived', 'bool'),
    // Written, matched exactly by digest, never returned: see CoworkerRecordSchema.
    secret('AccessPincode'),
    secret('AccessCardId'),
    field('TariffName'),
    field('AvatarUrl'),
    readOnly('HasAccessPincode', 'bool'),
    readOnly('HasAccessCardId', 'bool'),
    readOnly('IsMember', 'bool'),
  ],
  defaultOrder: { field: 'Id', dir: 1 },
};

export const timePassesTable: TableSpec = {
  entity: 'TimePass',
  table: 'timepasses',
  select: `SELECT t.*, b.Name AS BusinessName, b.CurrencyCode AS CurrencyCode FROM timepasses t JOIN businesses b ON b.Id = t.BusinessId`,
  fields: [
    ...base(),
    field('BusinessId', 'int'),
    readOnly('BusinessName'),
    field('Name'),
    field('Price', 'money', 'PriceMinor'),
    field('CurrencyId', 'int'),
    readOnly('CurrencyCode'),
    field('MinutesIncluded', 'int'),
    field('CountsTowardsPlanLimits', 'bool'),
    field('UseAsPayAsYouGoForMembers', 'bool'),
    field('UseAsPayAsYouGoForContacts', 'bool'),
    field('UsePriority', 'int'),
    field('Businesses', 'ids'),
    field('OnlyForMembers', 'bool'),
    field('OnlyForContacts', 'bool'),
    field('Archived', 'bool'),
  ],
  defaultOrder: { field: 'Id', dir: 1 },
};

export const timeSlotsTable: TableSpec = {
  entity: 'TimePassTimeSlot',
  table: 'timepasstimeslots',
  select: 'SELECT t.* FROM timepasstimeslots t',
  fields: [
    ...base(),
    field('TimePassId', 'int'),
    field('DayOfWeek', 'int'),
    field('FromTime', 'time-of-day', 'FromMinutes'),
    field('ToTime', 'time-of-day', 'ToMinutes'),
  ],
  defaultOrder: { field: 'Id', dir: 1 },
};

export const coworkerTimePassesTable: TableSpec = {
  entity: 'CoworkerTimePass',
  table: 'coworkertimepasses',
  select: `SELECT t.*, p.Name AS TimePassName, b.CurrencyCode AS TimePassCurrencyCode, b.CurrencyCode AS CurrencyCode
    FROM coworkertimepasses t JOIN timepasses p ON p.Id = t.TimePassId JOIN businesses b ON b.Id = p.BusinessId`,
  fields: [
    ...base(),
    field('CoworkerId', 'int'),
    field('BusinessId', 'int'),
    field('TimePassId', 'int'),
    readOnly('TimePassName'),
    readOnly('TimePassCurrencyCode'),
    field('Notes'),
    field('PurchaseOrder'),
    field('Used', 'bool'),
    readOnly('CheckedIn', 'bool'),
    field('UsedDate', 'instant'),
    field('RemainingUses', 'int'),
    readOnly('TotalUses', 'int'),
    field('Free', 'bool'),
    field('Price', 'money', 'PriceMinor'),
    field('ExpireDate', 'instant'),
    readOnly('Invoiced', 'bool'),
    field('IsFromTariff', 'bool'),
    readOnly('IsPayAsYouGo', 'bool'),
  ],
  defaultOrder: { field: 'Id', dir: 1 },
};

export const checkinsTable: TableSpec = {
  entity: 'Checkin',
  table: 'checkins',
  select: `SELECT t.*, b.Name AS BusinessName, c.FullName AS CoworkerFullName, 0 AS IsNew, NULL AS SystemId
    FROM checkins t JOIN businesses b ON b.Id = t.BusinessId LEFT JOIN coworkers c ON c.Id = t.CoworkerId`,
  fields: [
    ...base(),
    field('BusinessId', 'int'),
    readOnly('BusinessName'),
    field('CoworkerId', 'int'),
    readOnly('CoworkerFullName'),
    field('Source', 'int'),
    field('FromTime', 'instant'),
    field('ToTime', 'instant'),
    field('CountsTowardsPlanLimits', 'bool'),
    field('CoworkerTimePassGuid'),
    field('AutoCheckout', 'bool'),
    field('LastActivity', 'instant'),
    field('MacAddresses'),
    field('TeamsAtTheTimeOfCheckin'),
    field('TariffAtTheTimeOfCheckin'),
    field('ValidateCheckinJobId'),
    readOnly('FromTimeLocal', 'text', 'FromTimeLocal'),
    readOnly('ToTimeLocal', 'text', 'ToTimeLocal'),
    readOnly('IsNew', 'bool'),
    readOnly('SystemId'),
  ],
  defaultOrder: { field: 'FromTime', dir: -1 },
};

export const failedCheckinsTable: TableSpec = {
  entity: 'FailedCheckin',
  table: 'failedcheckins',
  select: 'SELECT t.* FROM failedcheckins t',
  fields: [
    ...base(),
    field('BusinessId', 'int'),
    field('CoworkerId', 'int'),
    field('CheckinAttemptTime', 'instant'),
    readOnly('CheckinAttemptTimeLocal'),
    field('Source', 'int'),
    field('MacAddresses'),
    field('TeamsAtTheTimeOfCheckin'),
    field('TariffAtTheTimeOfCheckin'),
    field('Description'),
  ],
  defaultOrder: { field: 'CheckinAttemptTime', dir: -1 },
};

/** Staff accounts, served read-only; the password hash is not a field and never leaves the table. */
export const usersTable: TableSpec = {
  entity: 'User',
  table: 'users',
  select: `SELECT t.Id, t.Email, t.FullName, t.IsAdmin, t.APIAccess, t.Roles, t.CreatedOn,
    COALESCE(t.UpdatedOn, t.CreatedOn) AS UpdatedOn, NULL AS UniqueId, NULL AS UpdatedBy FROM users t`,
  fields: [
    field('Id', 'int'),
    readOnly('UniqueId'),
    field('CreatedOn', 'instant'),
    readOnly('UpdatedOn', 'instant'),
    readOnly('UpdatedBy'),
    field('Email'),
    field('FullName'),
    field('IsAdmin', 'bool'),
    field('APIAccess', 'bool'),
    field('Roles', 'ids'),
  ],
  defaultOrder: { field: 'Id', dir: 1 },
};

export const visitorsTable: TableSpec = {
  entity: 'Visitor',
  table: 'visitors',
  select: `SELECT t.*, c.FullName AS CoworkerFullName, c.Email AS CoworkerEmail, c.CompanyName AS CoworkerCompanyName
    FROM visitors t LEFT JOIN coworkers c ON c.Id = t.CoworkerId`,
  fields: [
    ...base(),
    field('BusinessId', 'int'),
    field('FullName'),
    field('Email'),
    field('ExpectedArrival', 'instant'),
    field('VisitorSource', 'int'),
    field('HostApprovalStatus', 'int'),
    // Returned to API users who may read visitors (staff hand it to the visitor), but a guess: matched exactly, counted, never sorted.
    { ...readOnly('VisitorCode'), guessable: true },
    field('CoworkerId', 'int'),
    readOnly('CoworkerFullName'),
    readOnly('CoworkerEmail'),
    readOnly('CoworkerCompanyName'),
    field('CompanyName'),
    field('PhoneNumber'),
    field('VisitReason'),
    field('Notes'),
    field('CheckedInAt'),
    field('IsTour', 'bool'),
    field('HasAgreedTerms', 'bool'),
    field('TourConfirmed', 'bool'),
    field('Notified', 'bool'),
    field('Arrived', 'bool'),
    field('ArrivalDate', 'instant'),
    field('DepartureDate', 'instant'),
    field('CheckInNow', 'bool'),
  ],
  defaultOrder: { field: 'ExpectedArrival', dir: 1 },
};
