import type { LocationLookInput } from '../../contract/location-looks';
import type { Db } from './database';

export interface StoredLook {
  accent: string | null;
  logoUrl: string | null;
  bannerUrl: string | null;
}

/** Each location's look as staff set it on the admin page (none: Tapdesk's own). */
export function createLooksRepository(db: Db) {
  const read = db.prepare<[number], { Accent: string | null; LogoUrl: string | null; BannerUrl: string | null }>(
    'SELECT Accent, LogoUrl, BannerUrl FROM location_looks WHERE BusinessId = ?',
  );
  const write = db.prepare(
    `INSERT INTO location_looks (BusinessId, Accent, LogoUrl, BannerUrl, UpdatedAt, UpdatedBy) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (BusinessId) DO UPDATE SET Accent = excluded.Accent, LogoUrl = excluded.LogoUrl, BannerUrl = excluded.BannerUrl,
       UpdatedAt = excluded.UpdatedAt, UpdatedBy = excluded.UpdatedBy`,
  );
  return {
    get(businessId: number): StoredLook {
      const row = read.get(businessId);
      return { accent: row?.Accent ?? null, logoUrl: row?.LogoUrl ?? null, bannerUrl: row?.BannerUrl ?? null };
    },
    set(businessId: number, look: LocationLookInput, by: string): void {
      write.run(businessId, look.accent?.toLowerCase() ?? null, look.logoUrl, look.bannerUrl, new Date().toISOString(), by);
    },
  };
}
export type LooksRepository = ReturnType<typeof createLooksRepository>;
