import { randomInt } from 'node:crypto';
import type { VisitorCreate } from '../../contract/nexudus-visitors';
import type { Db } from './database';
import { visitorsTable } from './nexudus-tables';
import { insertRow, type SqlValue } from './table';

/** Six digits, as in Nexudus's example (`"012345"`). */
const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Visitors: each gets a fresh, unique VisitorCode; `CheckInNow` checks them in at once. */
export function createVisitorsRepository(db: Db, clock: () => Date = () => new Date()) {
  const codeTaken = db.prepare('SELECT 1 FROM visitors WHERE VisitorCode = ?').pluck();
  return {
    create(input: VisitorCreate, actor: string): number {
      let code = newCode();
      for (let tries = 0; codeTaken.get(code) !== undefined; tries += 1) {
        if (tries > 50) throw new Error('no free visitor code');
        code = newCode();
      }
      const now = clock()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
      const extra: Record<string, SqlValue> = { VisitorCode: code };
      if (input.CheckInNow) Object.assign(extra, { Arrived: 1, ArrivalDate: now, DepartureDate: null, CheckInNow: 1 });
      return insertRow(db, visitorsTable, input, actor, 'EUR', extra);
    },
    /**
     * Deletes visitors whose visit is more than `days` past: by departure, else arrival, else the
     * expected arrival (an invitation nobody used). Returns how many went.
     */
    purge(days: number): number {
      const before = new Date(clock().getTime() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return db.prepare('DELETE FROM visitors WHERE COALESCE(DepartureDate, ArrivalDate, ExpectedArrival) < ?').run(before).changes;
    },
  };
}
