import type { CoworkerTimePassCreate } from '../../contract/nexudus-passes';
import type { Db } from './database';
import { coworkerTimePassesTable } from './nexudus-tables';
import { insertRow } from './table';

/** Issuing passes to a customer: a time pass starts with its product's minutes, at its product's price. */
export function createCoworkerTimePassesRepository(db: Db) {
  const product = db.prepare(
    'SELECT p.MinutesIncluded, p.PriceMinor, b.CurrencyCode FROM timepasses p JOIN businesses b ON b.Id = p.BusinessId WHERE p.Id = ?',
  );
  const issue = db.transaction(issueUnsafe);
  return {
    currencyOf: (timePassId: number): string => {
      const row = product.get(timePassId) as { CurrencyCode: string } | undefined;
      return row?.CurrencyCode ?? 'EUR';
    },
    /** Creates `CreateMultiple` passes in one transaction; returns the first id. */
    issue: (input: CoworkerTimePassCreate, actor: string): number => issue(input, actor),
  };
  function issueUnsafe(input: CoworkerTimePassCreate, actor: string): number {
    const p = product.get(input.TimePassId) as { MinutesIncluded: number | null; PriceMinor: number; CurrencyCode: string } | undefined;
    const ids: number[] = [];
    for (let i = 0; i < input.CreateMultiple; i += 1) {
      ids.push(
        insertRow(db, coworkerTimePassesTable, input, actor, p?.CurrencyCode ?? 'EUR', {
          RemainingUses: input.RemainingUses ?? p?.MinutesIncluded ?? null,
          TotalUses: p?.MinutesIncluded ?? null,
          ...(input.Price == null ? { PriceMinor: input.Free ? 0 : (p?.PriceMinor ?? null) } : {}),
        }),
      );
    }
    return ids[0] ?? 0;
  }
}
