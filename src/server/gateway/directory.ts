import { createHash } from 'node:crypto';
import type { Directory, DirectoryEntry } from '../../contract/kiosk-api';
import type { MirrorSync } from './mirror-sync';
import { initials, toLocationInfo } from './location-info';

/**
 * The member directory of a location: who can be found on its tablet, read from the gateway's
 * mirror (never an upstream call per tablet request). Never holds PINs or card ids, only whether a
 * member has one. Versioned by a hash of its content, so tablets revalidate with If-None-Match.
 */
export function createDirectoryService(sync: MirrorSync) {
  const cache = new Map<number, { directory: Directory; generation: number }>();

  function build(businessId: number): Directory {
    const business = sync.businesses().get(businessId);
    if (!business) throw new Error(`business ${businessId} is not in the mirror`);
    const members: DirectoryEntry[] = sync
      .customers(businessId)
      .filter((c) => c.Active && !c.Archived)
      .map((c) => ({
        id: c.Id,
        displayName: c.FullName,
        initials: initials(c.FullName),
        company: c.CompanyName,
        photoUrl: c.AvatarUrl,
        hasPin: c.HasAccessPincode,
        hasCard: c.HasAccessCardId,
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id - b.id);
    const location = toLocationInfo(business);
    const version = createHash('sha256').update(JSON.stringify({ location, members })).digest('base64url').slice(0, 22);
    return { location, version, generatedAt: new Date().toISOString(), members };
  }

  return {
    async forLocation(businessId: number): Promise<Directory> {
      await sync.ensure(businessId);
      const cached = cache.get(businessId);
      if (cached && cached.generation === sync.generation()) return cached.directory;
      const generation = sync.generation();
      const directory = build(businessId);
      cache.set(businessId, { directory, generation });
      return directory;
    },
  };
}
export type DirectoryService = ReturnType<typeof createDirectoryService>;
