import { prepareCached, secretDigest, type Db } from './database';
import { fromMinor, toMinor } from '../../domain/money';
import { minutesToTimeOfDay, timeOfDayToMinutes } from '../../domain/time';

/**
 * How a wire field (Nexudus spelling) is stored. Tables use the wire names as column names except
 * where the storage differs (money in minor units, times of day in minutes, lists as JSON).
 */
export type FieldKind = 'int' | 'text' | 'bool' | 'instant' | 'ids' | 'money' | 'time-of-day' | 'secret';

export interface FieldSpec {
  wire: string;
  column: string;
  kind: FieldKind;
  /** Read-only fields come from a join or are computed; they are never written. */
  readOnly?: boolean;
  /** A code someone could guess (a visitor code): matched exactly only, never sorted or ranged, misses counted. */
  guessable?: boolean;
  /** Read-only but a column of the table itself (set by the server, e.g. UpdatedOn), not of a join. */
  stored?: boolean;
}

export interface TableSpec {
  entity: string;
  table: string;
  /** SELECT … FROM … (with joins), aliased `t` for the table itself, without WHERE. */
  select: string;
  fields: FieldSpec[];
  defaultOrder: { field: string; dir: 1 | -1 };
}

export const field = (wire: string, kind: FieldKind = 'text', column = wire): FieldSpec => ({ wire, column, kind });
/**
 * A secret (PIN, card id): written, matched exactly through its keyed digest, never returned,
 * sorted or compared by range. A PUT that leaves it out keeps it (it was never in the GET).
 */
export const secret = (wire: string): FieldSpec => ({ wire, column: wire, kind: 'secret' });
export const readOnly = (wire: string, kind: FieldKind = 'text', column = wire): FieldSpec => ({ wire, column, kind, readOnly: true });
/** Read-only to clients, kept by the server in the table itself (UniqueId, CreatedOn, UpdatedOn, UpdatedBy). */
export const serverKept = (wire: string, kind: FieldKind = 'text'): FieldSpec => ({ ...readOnly(wire, kind), stored: true });

export type SqlValue = string | number | null;
export interface Condition {
  field: FieldSpec;
  op: '=' | '>=' | '<=';
  value: SqlValue;
}
export interface ListQuery {
  page: number;
  size: number;
  orderBy: FieldSpec;
  dir: 1 | -1;
  where: Condition[];
  ids?: number[];
}
export interface ListResult {
  rows: Record<string, unknown>[];
  total: number;
}

export function qualified(spec: TableSpec, f: FieldSpec): string {
  return f.readOnly && !f.guessable && !f.stored ? `"${f.column}"` : `t."${f.column}"`;
}

/** PINs, cards and codes: exact match only, and a match that finds nobody is a counted guess. */
export const isGuessable = (f: FieldSpec) => f.kind === 'secret' || f.guessable === true;

function currencyOf(row: Record<string, unknown>): string {
  return typeof row.CurrencyCode === 'string' ? row.CurrencyCode : 'EUR';
}

/** A stored row in wire shape: booleans, id lists, money and times of day converted. */
export function rowToWire(spec: TableSpec, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (f.kind === 'secret') continue;
    const value = row[f.column];
    if (value === null || value === undefined) out[f.wire] = null;
    else if (f.kind === 'bool') out[f.wire] = value === 1 || value === true;
    else if (f.kind === 'ids') out[f.wire] = JSON.parse(String(value));
    else if (f.kind === 'money') out[f.wire] = fromMinor(Number(value), currencyOf(row));
    else if (f.kind === 'time-of-day') out[f.wire] = minutesToTimeOfDay(Number(value));
    else out[f.wire] = value;
  }
  return out;
}

/** A parsed wire value as stored. */
export function wireToSql(f: FieldSpec, value: unknown, currency: string): SqlValue {
  if (value === null || value === undefined) return null;
  switch (f.kind) {
    case 'bool':
      return value ? 1 : 0;
    case 'ids':
      return JSON.stringify(value);
    case 'money':
      return toMinor(Number(value), currency);
    case 'time-of-day':
      return timeOfDayToMinutes(String(value));
    case 'int':
      return Number(value);
    default:
      return String(value);
  }
}

function storedValue(db: Db, f: FieldSpec, value: unknown, currency: string): SqlValue {
  return f.kind === 'secret' ? secretDigest(db, String(value)) : wireToSql(f, value, currency);
}

export function listRows(db: Db, spec: TableSpec, query: ListQuery): ListResult {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  for (const c of query.where) {
    if (c.field.kind === 'ids') {
      clauses.push(`EXISTS (SELECT 1 FROM json_each(${qualified(spec, c.field)}) WHERE value = ?)`);
      params.push(c.value);
      continue;
    }
    clauses.push(`${qualified(spec, c.field)} ${c.op} ?`);
    // A secret is only ever compared as its digest, for equality (parseListQuery allows no other use).
    params.push(c.field.kind === 'secret' ? secretDigest(db, String(c.value)) : c.value);
  }
  if (query.ids) {
    clauses.push(`t.Id IN (${query.ids.map(() => '?').join(',')})`);
    params.push(...query.ids);
  }
  const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
  const from = `FROM (${spec.select}${where})`;
  const counted = prepareCached(db, `SELECT COUNT(*) AS n ${from}`).get(...params) as { n: number };
  const order = `ORDER BY "${query.orderBy.column}" ${query.dir === 1 ? 'ASC' : 'DESC'}, Id ${query.dir === 1 ? 'ASC' : 'DESC'}`;
  const rows = prepareCached(db, `SELECT * ${from} ${order} LIMIT ? OFFSET ?`).all(...params, query.size, (query.page - 1) * query.size);
  return { rows: rows as Record<string, unknown>[], total: counted.n };
}

export function getRow(db: Db, spec: TableSpec, id: number): Record<string, unknown> | undefined {
  return prepareCached(db, `${spec.select} WHERE t.Id = ?`).get(id) as Record<string, unknown> | undefined;
}

export function newUniqueId(): string {
  return crypto.randomUUID();
}

/** The next id of a table: above every id it ever handed out, even ones since deleted. */
function nextId(db: Db, table: string): number {
  const highest = `(SELECT COALESCE(MAX(Id), 0) + 1 FROM "${table}")`;
  return Number(
    prepareCached(
      db,
      `INSERT INTO id_sequences (name, last) VALUES (?, ${highest})
       ON CONFLICT (name) DO UPDATE SET last = MAX(id_sequences.last + 1, ${highest}) RETURNING last`,
    )
      .pluck()
      .get(table),
  );
}

/** Inserts the writable fields present in `input` plus bookkeeping; returns the new id. */
export function insertRow(
  db: Db,
  spec: TableSpec,
  input: Record<string, unknown>,
  actor: string,
  currency: string,
  extra: Record<string, SqlValue> = {},
): number {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const values: Record<string, SqlValue> = {
    Id: nextId(db, spec.table),
    UniqueId: newUniqueId(),
    CreatedOn: now,
    UpdatedOn: now,
    UpdatedBy: actor,
    ...extra,
  };
  for (const f of spec.fields) {
    if (f.readOnly || !(f.wire in input) || input[f.wire] === undefined || f.column in extra) continue;
    if (input[f.wire] === null) continue;
    values[f.column] = storedValue(db, f, input[f.wire], currency);
  }
  const columns = Object.keys(values);
  const sql = `INSERT INTO ${spec.table} (${columns.map((c) => `"${c}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`;
  return Number(prepareCached(db, sql).run(...Object.values(values)).lastInsertRowid);
}

/**
 * Replaces the writable fields with `input` (PUT takes the whole record: an absent optional
 * field becomes null, or its column default where the column is NOT NULL).
 */
export function updateRow(
  db: Db,
  spec: TableSpec,
  id: number,
  input: Record<string, unknown>,
  actor: string,
  currency: string,
  defaults: Record<string, SqlValue> = {},
): boolean {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const values: Record<string, SqlValue> = { UpdatedOn: now, UpdatedBy: actor };
  for (const f of spec.fields) {
    if (f.readOnly || f.wire === 'Id') continue;
    const value = input[f.wire];
    if (f.kind === 'secret' && value === undefined) continue;
    values[f.column] = value === undefined || value === null ? emptyValue(f, defaults) : storedValue(db, f, value, currency);
  }
  const sets = Object.keys(values).map((c) => `"${c}" = ?`);
  return prepareCached(db, `UPDATE ${spec.table} SET ${sets.join(', ')} WHERE Id = ?`).run(...Object.values(values), id).changes > 0;
}

function emptyValue(f: FieldSpec, defaults: Record<string, SqlValue>): SqlValue {
  if (f.column in defaults) return defaults[f.column] ?? null;
  if (f.kind === 'bool') return 0;
  if (f.kind === 'ids') return '[]';
  return null;
}

export function deleteRow(db: Db, spec: TableSpec, id: number): boolean {
  return prepareCached(db, `DELETE FROM ${spec.table} WHERE Id = ?`).run(id).changes > 0;
}
