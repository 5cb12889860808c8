import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { prepareCached, type Db } from '../db/database';
import { deleteRow, getRow, insertRow, isGuessable, listRows, rowToWire, updateRow, type TableSpec } from '../db/table';
import { apiRole, declareAccess } from '../lib/access';
import type { Guard } from '../lib/guard';
import { isInternalCall } from '../lib/internal-caller';
import { parseId } from '../lib/ids';
import { failure, parseBody, sendOutcome, sendValidation, type Outcome } from './envelopes';
import { parseIdList, parseListQuery } from './list-query';

export interface Reference {
  wire: string;
  table: string;
}

export interface ResourceDef<C, U extends { Id: number }> {
  spec: TableSpec;
  path: string;
  record: z.ZodType;
  /** Both omitted: a read-only entity (list and get only). */
  createSchema?: z.ZodType<C>;
  updateSchema?: z.ZodType<U>;
  references?: Reference[];
  /** Defaults to a plain insert after the reference checks. */
  create?: (input: C, actor: string) => Outcome;
  update?: (input: U, actor: string) => Outcome;
  remove?: (id: number) => Outcome;
  /** Currency for money fields of this input (the business's). */
  currencyOf?: (input: C | U) => string;
}

const IdParam = (raw: unknown) => parseId(raw);

/** 400 errors for ids in the input that name no row. */
export function missingReferences(db: Db, refs: Reference[], input: Record<string, unknown>) {
  return refs.flatMap((ref) => {
    const value = input[ref.wire];
    if (typeof value !== 'number') return [];
    const found = prepareCached(db, `SELECT 1 FROM ${ref.table} WHERE Id = ?`).get(value);
    return found ? [] : [{ PropertyName: ref.wire, Message: 'does not exist', AttemptedValue: value }];
  });
}

/**
 * A match by a secret field (PIN, card id) that finds nobody is a guess: counted per API user, so a
 * Coworker-List account cannot walk the PIN space. The embedded gateway's own calls are counted by
 * the gateway per tablet and location instead.
 */
async function secretLookup(guard: Guard, request: FastifyRequest, usesSecret: boolean) {
  if (!usesSecret || isInternalCall(request))
    return { allowed: true as const, found: async () => undefined, missed: async () => undefined };
  const user = request.apiUser;
  const attempt = await guard.attempt([{ policy: 'secret-lookup:account', subject: String(user?.Id ?? 0), label: user?.Email ?? '' }]);
  if (!attempt.allowed) return { allowed: false as const, retryAfterSeconds: attempt.retryAfterSeconds };
  return { allowed: true as const, found: attempt.succeed, missed: attempt.fail };
}

/** List, get, batch, create, update and delete for one entity, with Nexudus's roles and envelopes. */
export function registerResource<C extends object, U extends { Id: number }>(
  app: FastifyInstance,
  db: Db,
  guard: Guard,
  def: ResourceDef<C, U>,
) {
  const { spec } = def;
  const entity = spec.entity;
  const toRecord = (row: Record<string, unknown>) => def.record.parse(rowToWire(spec, row));
  const currency = (input: C | U) => def.currencyOf?.(input) ?? 'EUR';
  const { createSchema, updateSchema } = def;
  const readOnly = !createSchema || !updateSchema;

  app.register(async (routes) => {
    declareAccess(routes, {
      [`GET ${def.path}`]: apiRole(`${entity}-List`),
      [`GET ${def.path}/:id`]: apiRole(`${entity}-Read`),
      ...(readOnly
        ? {}
        : {
            [`POST ${def.path}`]: apiRole(`${entity}-Create`),
            [`PUT ${def.path}`]: apiRole(`${entity}-Edit`),
            [`DELETE ${def.path}/:id`]: apiRole(`${entity}-Delete`),
          }),
    });
    registerRoutes(routes);
  });

  function registerRoutes(app: FastifyInstance) {
    app.get(def.path, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      if (query.id !== undefined) {
        const ids = parseIdList(query.id);
        if (!ids)
          return sendValidation(reply, 400, [
            { PropertyName: 'id', Message: 'must be a list of ids such as [1,2,3]', AttemptedValue: query.id },
          ]);
        const { rows } = listRows(db, spec, { page: 1, size: ids.length, orderBy: spec.fields[0]!, dir: 1, where: [], ids });
        return rows.map(toRecord);
      }
      const parsed = parseListQuery(spec, query);
      if (!parsed.ok) return sendValidation(reply, 400, parsed.errors);
      const { page, size, orderBy, dir } = parsed.query;
      const lookup = await secretLookup(
        guard,
        request,
        parsed.query.where.some((c) => isGuessable(c.field)),
      );
      if (!lookup.allowed) {
        return sendValidation(reply.header('retry-after', String(lookup.retryAfterSeconds)), 429, [
          { PropertyName: 'Request', Message: 'too many lookups by PIN or card that found nobody; try again later', AttemptedValue: null },
        ]);
      }
      const { rows, total } = listRows(db, spec, parsed.query);
      await (total > 0 ? lookup.found() : lookup.missed());
      const totalPages = Math.ceil(total / size);
      return {
        Records: rows.map(toRecord),
        CurrentPage: page,
        CurrentPageSize: size,
        CurrentOrderField: orderBy.wire,
        CurrentSortDirection: dir,
        FirstItem: rows.length ? (page - 1) * size + 1 : 0,
        LastItem: rows.length ? (page - 1) * size + rows.length : 0,
        TotalItems: total,
        TotalPages: totalPages,
        HasNextPage: page < totalPages,
        HasPreviousPage: page > 1,
      };
    });

    app.get(`${def.path}/:id`, async (request, reply) => {
      const id = IdParam((request.params as { id?: unknown }).id);
      const row = id === undefined ? undefined : getRow(db, spec, id);
      if (!row)
        return sendValidation(reply, 404, [{ PropertyName: 'Id', Message: `no ${entity} has this id`, AttemptedValue: id ?? null }]);
      return toRecord(row);
    });

    if (!createSchema || !updateSchema) return;
    app.post(def.path, async (request, reply) => {
      const actor = request.apiUser?.Email ?? '';
      const parsed = parseBody(createSchema, request.body);
      if (!parsed.ok) return sendValidation(reply, 400, parsed.errors);
      const input = parsed.data;
      const missing = missingReferences(db, def.references ?? [], input as Record<string, unknown>);
      if (missing.length) return sendValidation(reply, 400, missing);
      const outcome = def.create
        ? def.create(input, actor)
        : { ok: true as const, id: insertRow(db, spec, input as Record<string, unknown>, actor, currency(input)) };
      return sendOutcome(reply, entity, 'created', outcome, actor);
    });

    app.put(def.path, async (request, reply) => {
      const actor = request.apiUser?.Email ?? '';
      const parsed = parseBody(updateSchema, request.body);
      if (!parsed.ok) return sendValidation(reply, 400, parsed.errors);
      const input = parsed.data;
      if (!getRow(db, spec, input.Id))
        return sendOutcome(reply, entity, 'updated', failure(404, 'Id', `no ${entity} has this id`, input.Id), actor);
      const missing = missingReferences(db, def.references ?? [], input as Record<string, unknown>);
      if (missing.length) return sendValidation(reply, 400, missing);
      const outcome = def.update
        ? def.update(input, actor)
        : (updateRow(db, spec, input.Id, input as Record<string, unknown>, actor, currency(input)), { ok: true as const, id: input.Id });
      return sendOutcome(reply, entity, 'updated', outcome, actor);
    });

    app.delete(`${def.path}/:id`, async (request, reply) => {
      const actor = request.apiUser?.Email ?? '';
      const id = IdParam((request.params as { id?: unknown }).id);
      if (id === undefined || !getRow(db, spec, id))
        return sendOutcome(reply, entity, 'deleted', failure(404, 'Id', `no ${entity} has this id`, id ?? null), actor);
      const outcome = def.remove ? def.remove(id) : (deleteRow(db, spec, id), { ok: true as const, id });
      return sendOutcome(reply, entity, 'deleted', outcome, actor);
    });
  }
}
