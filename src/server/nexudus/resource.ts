import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { prepareCached, type Db } from '../db/database';
import { deleteRow, getRow, insertRow, listRows, rowToWire, updateRow, type TableSpec } from '../db/table';
import { hasRole, unauthorized, type RoleOp } from './auth';
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
  createSchema: z.ZodType<C>;
  updateSchema: z.ZodType<U>;
  references?: Reference[];
  /** Defaults to a plain insert after the reference checks. */
  create?: (input: C, actor: string) => Outcome;
  update?: (input: U, actor: string) => Outcome;
  remove?: (id: number) => Outcome;
  /** Currency for money fields of this input (the business's). */
  currencyOf?: (input: C | U) => string;
}

const IdParam = (raw: unknown) => (typeof raw === 'string' && /^\d{1,10}$/.test(raw) ? Number(raw) : undefined);

/** 400 errors for ids in the input that name no row. */
export function missingReferences(db: Db, refs: Reference[], input: Record<string, unknown>) {
  return refs.flatMap((ref) => {
    const value = input[ref.wire];
    if (typeof value !== 'number') return [];
    const found = prepareCached(db, `SELECT 1 FROM ${ref.table} WHERE Id = ?`).get(value);
    return found ? [] : [{ PropertyName: ref.wire, Message: 'does not exist', AttemptedValue: value }];
  });
}

/** List, get, batch, create, update and delete for one entity, with Nexudus's roles and envelopes. */
export function registerResource<C extends object, U extends { Id: number }>(app: FastifyInstance, db: Db, def: ResourceDef<C, U>) {
  const { spec } = def;
  const entity = spec.entity;
  const toRecord = (row: Record<string, unknown>) => def.record.parse(rowToWire(spec, row));
  const guard = (op: RoleOp) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (!hasRole(request.apiUser, entity, op)) return unauthorized(reply);
  };
  const currency = (input: C | U) => def.currencyOf?.(input) ?? 'EUR';

  app.get(def.path, { preHandler: guard('List') }, async (request, reply) => {
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
    const { rows, total } = listRows(db, spec, parsed.query);
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

  app.get(`${def.path}/:id`, { preHandler: guard('Read') }, async (request, reply) => {
    const id = IdParam((request.params as { id?: unknown }).id);
    const row = id === undefined ? undefined : getRow(db, spec, id);
    if (!row) return sendValidation(reply, 404, [{ PropertyName: 'Id', Message: `no ${entity} has this id`, AttemptedValue: id ?? null }]);
    return toRecord(row);
  });

  app.post(def.path, { preHandler: guard('Create') }, async (request, reply) => {
    const actor = request.apiUser?.Email ?? '';
    const parsed = parseBody(def.createSchema, request.body);
    if (!parsed.ok) return sendValidation(reply, 400, parsed.errors);
    const input = parsed.data;
    const missing = missingReferences(db, def.references ?? [], input as Record<string, unknown>);
    if (missing.length) return sendValidation(reply, 400, missing);
    const outcome = def.create
      ? def.create(input, actor)
      : { ok: true as const, id: insertRow(db, spec, input as Record<string, unknown>, actor, currency(input)) };
    return sendOutcome(reply, entity, 'created', outcome, actor);
  });

  app.put(def.path, { preHandler: guard('Edit') }, async (request, reply) => {
    const actor = request.apiUser?.Email ?? '';
    const parsed = parseBody(def.updateSchema, request.body);
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

  app.delete(`${def.path}/:id`, { preHandler: guard('Delete') }, async (request, reply) => {
    const actor = request.apiUser?.Email ?? '';
    const id = IdParam((request.params as { id?: unknown }).id);
    if (id === undefined || !getRow(db, spec, id))
      return sendOutcome(reply, entity, 'deleted', failure(404, 'Id', `no ${entity} has this id`, id ?? null), actor);
    const outcome = def.remove ? def.remove(id) : (deleteRow(db, spec, id), { ok: true as const, id });
    return sendOutcome(reply, entity, 'deleted', outcome, actor);
  });
}
