import { describe, expect, it } from 'vitest';
import type { Directory } from '../../../contract/kiosk-api';
import { LONDON } from '../../testing/render';
import { fakeMembers } from './fake-members';
import { searchMembers } from './search';
import { searchIndexFor, warmSearchIndex } from './search-cache';

const members = fakeMembers(50, 3);
const directory = (version: string, list = members): Directory => ({
  location: LONDON,
  version,
  generatedAt: '2026-11-23T09:00:00.000Z',
  members: list,
});

describe('search index cache', () => {
  it('builds once per directory version, also when the same version arrives as a new copy', () => {
    warmSearchIndex(directory('v1'));
    const warmed = searchIndexFor(directory('v1'));
    expect(searchIndexFor(directory('v1'))).toBe(warmed);
    expect(searchIndexFor(structuredClone(directory('v1')))).toBe(warmed);
  });

  it('builds again for a new version, and searches its members', () => {
    const before = searchIndexFor(directory('v1'));
    const renamed = members.map((m, i) => (i === 0 ? { ...m, displayName: 'Quentin Zzyzx' } : m));
    const after = searchIndexFor(directory('v2', renamed));
    expect(after).not.toBe(before);
    expect(searchMembers(after, 'zzyzx').members.map((m) => m.id)).toEqual([renamed[0]?.id]);
    expect(searchMembers(before, 'zzyzx').total).toBe(0);
  });

  it('keeps locations apart that happen to share a version', () => {
    const london = searchIndexFor(directory('same'));
    const berlin = searchIndexFor({ ...directory('same', members.slice(0, 5)), location: { ...LONDON, id: 3 } });
    expect(berlin).not.toBe(london);
    expect(berlin.members).toHaveLength(5);
  });
});
