import type { ValidationError } from '../../contract/nexudus-envelopes';
import { dateTimeField } from '../../contract/nexudus-fields';
import { isGuessable, type Condition, type FieldSpec, type ListQuery, type SqlValue, type TableSpec } from '../db/table';

export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 25;

type Parsed = { ok: true; query: ListQuery } | { ok: false; errors: ValidationError[] };

function findField(spec: TableSpec, name: string): FieldSpec | undefined {
  const lower = name.toLowerCase();
  return spec.fields.find((f) => f.wire.toLowerCase() === lower) ?? spec.fields.find((f) => f.wire.toLowerCase() === `${lower}id`);
}

function filterValue(f: FieldSpec, raw: string): SqlValue | undefined {
  switch (f.kind) {
    case 'int':
      return /^-?\d{1,10}$/.test(raw) ? Number(raw) : undefined;
    case 'bool':
      return raw.toLowerCase() === 'true' ? 1 : raw.toLowerCase() === 'false' ? 0 : undefined;
    case 'instant': {
      const parsed = dateTimeField().safeParse(raw);
      return parsed.success ? parsed.data : undefined;
    }
    case 'secret':
      return raw.length >= 1 && raw.length <= 64 ? raw : undefined;
    case 'ids':
      // `Coworker_Businesses=3`: the records whose list holds that id (Nexudus's legacy filter).
      return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
    case 'money':
    case 'time-of-day':
      return undefined;
    default:
      return raw.length <= 500 ? raw : undefined;
  }
}

function parsePositive(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined) return fallback;
  return /^\d{1,9}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
}

/** 1 or 0 ascending and -1 descending (the two Nexudus copies disagree on 1; see the README); words accepted too. */
function parseDir(raw: string | undefined, fallback: 1 | -1): 1 | -1 | undefined {
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase();
  // 0 is ascending in the learn.nexudus.com copy and the CLI; 1 is ascending on developers.nexudus.com.
  if (value === '1' || value === '0' || value === 'asc' || value === 'ascending') return 1;
  if (value === '-1' || value === 'desc' || value === 'descending') return -1;
  return undefined;
}

/**
 * page, size, orderBy, dir, `{Entity}_{Field}` exact filters (`Checkin_Coworker` means CoworkerId)
 * and `from_/to_{Entity}_{Field}` ranges. Unknown parameters are ignored, as Nexudus ignores
 * PageNumber/PageSize; a known parameter with a bad value is a 400.
 */
export function parseListQuery(spec: TableSpec, query: Record<string, unknown>): Parsed {
  const errors: ValidationError[] = [];
  const bad = (name: string, value: unknown, message: string) =>
    errors.push({ PropertyName: name, AttemptedValue: value, Message: message });
  const text = (name: string) => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      bad(name, null, 'must be given once');
      return undefined;
    }
    return value;
  };

  const page = parsePositive(text('page'), 1);
  if (page === undefined) bad('page', query.page, 'must be a whole number from 1');
  const size = parsePositive(text('size'), DEFAULT_PAGE_SIZE);
  if (size === undefined || size > MAX_PAGE_SIZE) bad('size', query.size, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  const orderName = text('orderBy');
  const orderBy = orderName === undefined ? findField(spec, spec.defaultOrder.field) : findField(spec, orderName);
  if (!orderBy || orderBy.kind === 'ids') bad('orderBy', orderName ?? null, `is not a field of ${spec.entity}`);
  else if (isGuessable(orderBy)) bad('orderBy', orderName ?? null, 'cannot sort by a secret field');
  const dir = parseDir(text('dir'), spec.defaultOrder.dir);
  if (dir === undefined) bad('dir', query.dir, 'must be 1 or 0 (ascending) or -1 (descending)');

  const where: Condition[] = [];
  const prefix = `${spec.entity.toLowerCase()}_`;
  for (const name of Object.keys(query)) {
    const lower = name.toLowerCase();
    const op = lower.startsWith(`from_${prefix}`)
      ? '>='
      : lower.startsWith(`to_${prefix}`)
        ? '<='
        : lower.startsWith(prefix)
          ? '='
          : undefined;
    if (!op) continue;
    const fieldName = name.slice(op === '>=' ? 5 + prefix.length : op === '<=' ? 3 + prefix.length : prefix.length);
    const f = findField(spec, fieldName);
    if (!f) continue;
    const raw = text(name);
    if (raw === undefined) continue;
    if (f.kind === 'ids' && op !== '=') {
      bad(name, raw, 'a list field is matched by one id it holds, not by a range');
      continue;
    }
    if (isGuessable(f) && op !== '=') {
      // Never echo what was sent for a secret.
      bad(name, null, 'a secret field matches only exactly');
      continue;
    }
    const value = filterValue(f, raw);
    if (value === undefined)
      bad(name, f.kind === 'secret' ? null : raw, `is not a valid ${f.kind === 'instant' ? 'date and time' : f.kind} value`);
    else where.push({ field: f, op, value });
  }

  if (errors.length > 0 || !orderBy || page === undefined || size === undefined || dir === undefined) return { ok: false, errors };
  return { ok: true, query: { page, size, orderBy, dir, where } };
}

/** `?id=[1,2,3]` (or `?id=1,2`): the batch form. */
export function parseIdList(raw: unknown): number[] | undefined {
  if (typeof raw !== 'string') return undefined;
  const inner = raw.trim().replace(/^\[/, '').replace(/\]$/, '');
  const parts = inner.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.length > 200 || !parts.every((p) => /^\d{1,10}$/.test(p))) return undefined;
  return parts.map(Number);
}
