import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../contract/kiosk-api';
import { buildSearchIndex, fold, searchMembers } from './search';

const entry = (id: number, displayName: string, company: string | null = null): DirectoryEntry => ({
  id,
  displayName,
  initials: '',
  company,
  photoUrl: null,
  hasPin: true,
  hasCard: false,
});
const index = buildSearchIndex([
  entry(1, 'Amélie Laurent', 'Lumen Studio'),
  entry(2, 'Léa Amadou'),
  entry(3, 'Łukasz Wójcik', 'Amber Labs'),
  entry(4, "Zoë O'Brien"),
  entry(5, 'Mia Laurent'),
]);
const names = (q: string) => searchMembers(index, q).map((m) => m.displayName);

describe('member search', () => {
  it('ignores accents and case', () => {
    expect(fold('Amélie ŁUKASZ Østergaard')).toBe('amelie lukasz ostergaard');
    expect(names('AMELIE')).toEqual(['Amélie Laurent']);
    expect(names('lukasz')).toEqual(['Łukasz Wójcik']);
    expect(names('zoe obrien')).toEqual(["Zoë O'Brien"]);
    expect(names("zoe o'b")).toEqual(["Zoë O'Brien"]);
  });

  it('puts first-name matches before last-name and company matches', () => {
    expect(names('am')).toEqual(['Amélie Laurent', 'Léa Amadou', 'Łukasz Wójcik']);
    expect(names('laurent')).toEqual(['Amélie Laurent', 'Mia Laurent']);
  });

  it('needs every word to match', () => {
    expect(names('mia laur')).toEqual(['Mia Laurent']);
    expect(names('   ')).toEqual([]);
  });
});
