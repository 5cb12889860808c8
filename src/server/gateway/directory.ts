import type { Directory, DirectoryDelta, DirectoryEntry } from '../../contract/kiosk-api';
import { createFeed } from './feed';
import type { MirrorSync } from './mirror-sync';
import { initials, toLocationInfo } from './location-info';

/**
 * The member directory of a location: who can be found on its tablet, read from the gateway's
 * mirror (never an upstream call per tablet request). Never holds PINs or card ids, only whether a
 * member has one. Versioned by its content: tablets revalidate with If-None-Match and, when it
 * changed, get only the changes since their version.
 */
export function createDirectoryService(sync: MirrorSync) {
  const cache = new Map<number, { directory: Directory; generation: number }>();
  const feed = createFeed<DirectoryEntry>((entry) => entry.id);

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
    const version = feed.publish(businessId, members, location);
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
    /** The changes from a tablet's version to the current one (undefined: send it whole). */
    async deltaSince(businessId: number, since: string): Promise<DirectoryDelta | undefined> {
      const directory = await this.forLocation(businessId);
      const delta = feed.delta(businessId, since);
      return delta && { ...delta, location: directory.location, generatedAt: directory.generatedAt };
    },
  };
}
export type DirectoryService = ReturnType<typeof createDirectoryService>;
