import type { FastifyInstance } from 'fastify';
import { BusinessCreateSchema, BusinessRecordSchema, BusinessUpdateSchema } from '../../contract/nexudus-businesses';
import {
  CheckinCreateSchema,
  CheckinRecordSchema,
  CheckinUpdateSchema,
  FailedCheckinCreateSchema,
  FailedCheckinRecordSchema,
  FailedCheckinUpdateSchema,
} from '../../contract/nexudus-checkins';
import { CoworkerCreateSchema, CoworkerRecordSchema, CoworkerUpdateSchema } from '../../contract/nexudus-coworkers';
import {
  CoworkerTimePassCreateSchema,
  CoworkerTimePassRecordSchema,
  CoworkerTimePassUpdateSchema,
  TimePassCreateSchema,
  TimePassRecordSchema,
  TimePassUpdateSchema,
  TimeSlotCreateSchema,
  TimeSlotRecordSchema,
  TimeSlotUpdateSchema,
} from '../../contract/nexudus-passes';
import { createCheckinsRepository } from '../db/checkins-repository';
import { createCoworkerTimePassesRepository } from '../db/coworker-timepasses-repository';
import type { Db } from '../db/database';
import {
  businessesTable,
  checkinsTable,
  coworkerTimePassesTable,
  coworkersTable,
  failedCheckinsTable,
  timePassesTable,
  timeSlotsTable,
  usersTable,
  visitorsTable,
} from '../db/nexudus-tables';
import { createRulesRepository } from '../db/rules-repository';
import { getRow, updateRow } from '../db/table';
import type { UsersRepository } from '../db/users-repository';
import { UserRecordSchema } from '../../contract/nexudus-users';
import { VisitorCreateSchema, VisitorRecordSchema, VisitorUpdateSchema } from '../../contract/nexudus-visitors';
import { createVisitorsRepository } from '../db/visitors-repository';
import type { Guard } from '../lib/guard';
import { apiAuthenticator, createPasswordChecker, registerTokenRoute } from './auth';
import { enforcePublishedLimits, type LimitRules } from './published-limits';
import { createCheckinService } from './checkin-service';
import { failure } from './envelopes';
import { registerResource } from './resource';

export interface NexudusApiOptions {
  db: Db;
  users: UsersRepository;
  tokenTtlSeconds: number;
  guard: Guard;
  clock?: () => Date;
  /** Enforce Nexudus's published request limits (429 + Retry-After), for rehearsing production. */
  publishedLimits?: boolean | LimitRules;
  /** Days after a visit that a visitor's record is deleted (VISITOR_RETENTION_DAYS); none when omitted. */
  visitorRetentionDays?: number;
}

/** The Nexudus API subset, mounted under /api. */
export async function nexudusApi(app: FastifyInstance, options: NexudusApiOptions) {
  const { db, users, guard } = options;
  const checkPassword = createPasswordChecker(users, guard);
  registerTokenRoute(app, users, checkPassword, options.tokenTtlSeconds);
  app.authenticators.api = apiAuthenticator(users, checkPassword);
  if (options.publishedLimits) enforcePublishedLimits(app, options.publishedLimits === true ? undefined : options.publishedLimits);

  const businessCurrency = db.prepare('SELECT CurrencyCode FROM businesses WHERE Id = ?').pluck();
  const currencyOfBusiness = (id: number) => String(businessCurrency.get(id) ?? 'EUR');
  const passes = createCoworkerTimePassesRepository(db);

  registerResource(app, db, guard, {
    spec: businessesTable,
    path: '/sys/businesses',
    record: BusinessRecordSchema,
    createSchema: BusinessCreateSchema,
    updateSchema: BusinessUpdateSchema,
    references: [{ wire: 'RootLocationId', table: 'businesses' }],
    currencyOf: (input) => input.CurrencyCode ?? 'EUR',
    update: (input, actor) => {
      if (input.RootLocationId === input.Id) return failure(400, 'RootLocationId', 'must not be the business itself', input.RootLocationId);
      updateRow(db, businessesTable, input.Id, input, actor, input.CurrencyCode ?? 'EUR', {
        TimeZone: 'UTC',
        CurrencyCode: 'EUR',
        DailyCutoffMinutes: 0,
      });
      return { ok: true, id: input.Id };
    },
  });

  registerResource(app, db, guard, {
    spec: coworkersTable,
    path: '/spaces/coworkers',
    record: CoworkerRecordSchema,
    createSchema: CoworkerCreateSchema,
    updateSchema: CoworkerUpdateSchema,
    references: [{ wire: 'InvoicingBusinessId', table: 'businesses' }],
    update: (input, actor) => {
      updateRow(db, coworkersTable, input.Id, input, actor, 'EUR', { Active: 1 });
      return { ok: true, id: input.Id };
    },
  });

  registerResource(app, db, guard, {
    spec: timePassesTable,
    path: '/billing/timepasses',
    record: TimePassRecordSchema,
    createSchema: TimePassCreateSchema,
    updateSchema: TimePassUpdateSchema,
    references: [{ wire: 'BusinessId', table: 'businesses' }],
    currencyOf: (input) => currencyOfBusiness(input.BusinessId),
    update: (input, actor) => {
      updateRow(db, timePassesTable, input.Id, input, actor, currencyOfBusiness(input.BusinessId), { UsePriority: 2 });
      return { ok: true, id: input.Id };
    },
  });

  registerResource(app, db, guard, {
    spec: timeSlotsTable,
    path: '/billing/timepasstimeslots',
    record: TimeSlotRecordSchema,
    createSchema: TimeSlotCreateSchema,
    updateSchema: TimeSlotUpdateSchema,
    references: [{ wire: 'TimePassId', table: 'timepasses' }],
  });

  const writes = createCheckinsRepository(db);
  registerResource(app, db, guard, {
    spec: coworkerTimePassesTable,
    path: '/billing/coworkertimepasses',
    record: CoworkerTimePassRecordSchema,
    createSchema: CoworkerTimePassCreateSchema,
    updateSchema: CoworkerTimePassUpdateSchema,
    references: [
      { wire: 'CoworkerId', table: 'coworkers' },
      { wire: 'BusinessId', table: 'businesses' },
      { wire: 'TimePassId', table: 'timepasses' },
    ],
    currencyOf: (input) => passes.currencyOf(input.TimePassId),
    create: (input, actor) => ({ ok: true, id: passes.issue(input, actor) }),
    update: (input, actor) => {
      updateRow(db, coworkerTimePassesTable, input.Id, input, actor, passes.currencyOf(input.TimePassId));
      return { ok: true, id: input.Id };
    },
    remove: (id) => {
      if (writes.passUsedByCheckin(id)) return failure(400, 'Id', 'is used by a check-in; delete the check-in first', id);
      writes.deletePass(id);
      return { ok: true, id };
    },
  });

  const checkins = createCheckinService(db, createRulesRepository(db), writes, options.clock);
  registerResource(app, db, guard, {
    spec: checkinsTable,
    path: '/spaces/checkins',
    record: CheckinRecordSchema,
    createSchema: CheckinCreateSchema,
    updateSchema: CheckinUpdateSchema,
    references: [
      { wire: 'BusinessId', table: 'businesses' },
      { wire: 'CoworkerId', table: 'coworkers' },
    ],
    create: (input, actor) => checkins.create(input, actor),
    remove: (id) => {
      writes.deleteCheckin(id);
      return { ok: true, id };
    },
    update: (input, actor) => {
      const before = getRow(db, checkinsTable, input.Id);
      return checkins.update(
        input,
        {
          ToTime: typeof before?.ToTime === 'string' ? before.ToTime : null,
          CoworkerTimePassGuid: typeof before?.CoworkerTimePassGuid === 'string' ? before.CoworkerTimePassGuid : null,
        },
        actor,
      );
    },
  });

  registerResource(app, db, guard, {
    spec: failedCheckinsTable,
    path: '/spaces/failedcheckins',
    record: FailedCheckinRecordSchema,
    createSchema: FailedCheckinCreateSchema,
    updateSchema: FailedCheckinUpdateSchema,
    references: [
      { wire: 'BusinessId', table: 'businesses' },
      { wire: 'CoworkerId', table: 'coworkers' },
    ],
  });

  registerResource(app, db, guard, { spec: usersTable, path: '/spaces/users', record: UserRecordSchema });

  const visitors = createVisitorsRepository(db, options.clock);
  registerResource(app, db, guard, {
    spec: visitorsTable,
    path: '/spaces/visitors',
    record: VisitorRecordSchema,
    createSchema: VisitorCreateSchema,
    updateSchema: VisitorUpdateSchema,
    references: [
      { wire: 'BusinessId', table: 'businesses' },
      { wire: 'CoworkerId', table: 'coworkers' },
    ],
    create: (input, actor) => ({ ok: true, id: visitors.create(input, actor) }),
  });

  // Visitor data is personal data: deleted once the visit is that many days past (hourly, and at start).
  const retentionDays = options.visitorRetentionDays;
  if (retentionDays !== undefined) {
    const purge = () => {
      const removed = visitors.purge(retentionDays);
      if (removed > 0) app.log.info({ removed, retentionDays }, 'visitors past retention deleted');
    };
    purge();
    const timer = setInterval(purge, 3600_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
}
