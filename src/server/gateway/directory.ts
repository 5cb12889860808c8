import { createHash } from 'node:crypto';
import type { Directory, DirectoryEntry } from '../../contract/kiosk-api';
import { CoworkerRecordSchema } from '../../contract/nexudus-coworkers';
import type { MemberFactsReader } from './member-facts';
import type { UpstreamClient } from './upstream-client';
import { linkedTo } from '../../domain/nexudus-records';
import { initials, toLocationInfo } from './location-info';

const DIRECTORY_TTL_MS = 30_000;

/**
 * The member directory of a location: who can be found on its tablet. Never holds PINs or card
 * ids, only whether a member has one. Versioned by a hash of its content, so tablets revalidate
 * with If-None-Match and download it again only when it changed.
 */
export function createDirectoryService(upstream: UpstreamClient, facts: MemberFactsReader) {
  const cache = new Map<number, { directory: Directory; at: number }>();

  async function build(businessId: number): Promise<Directory> {
    const ref = await facts.referenceFor(businessId);
    const business = ref.businesses.get(businessId);
    if (!business) throw new Error(`business ${businessId} is gone`);
    const coworkers = await upstream.list('/api/spaces/coworkers', CoworkerRecordSchema);
    const members: DirectoryEntry[] = coworkers
      .filter((c) => c.Active && !c.Archived && linkedTo(c, businessId))
      .map((c) => ({
        id: c.Id,
        displayName: c.FullName,
        initials: initials(c.FullName),
        company: c.CompanyName,
        photoUrl: c.AvatarUrl,
        hasPin: c.HasAccessPincode,
        hasCard: c.HasAccessCardId,
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    const location = toLocationInfo(business);
    const version = createHash('sha256').update(JSON.stringify({ location, members })).digest('base64url').slice(0, 22);
    return { location, version, generatedAt: new Date().toISOString(), members };
  }

  return {
    async forLocation(businessId: number): Promise<Directory> {
      const cached = cache.get(businessId);
      if (cached && Date.now() - cached.at < DIRECTORY_TTL_MS) return cached.directory;
      const directory = await build(businessId);
      cache.set(businessId, { directory, at: Date.now() });
      return directory;
    },
  };
}
export type DirectoryService = ReturnType<typeof createDirectoryService>;
