import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../contract/kiosk-api';
import { fakeMembers } from './fake-members';
import { fold, words } from './fold';
import { searchMembers } from './search';
import { referenceSearch } from './search-reference';
import { buildSearchIndex } from './search-index';

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
const names = (q: string) => searchMembers(index, q).members.map((m) => m.displayName);

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

  it('folds the letters a plain keyboard lacks, and every kind of apostrophe', () => {
    expect(fold('Groß Đorđević Işık Æsa Œuvre')).toBe('gross dordevic isik aesa oeuvre');
    expect(fold('O’Brien D‘Angelo Oʼneill O`Hara O´Reilly')).toBe('obrien dangelo oneill ohara oreilly');
    expect(words(fold('Jean-Luc  Picard (Lumen, Inc.)'))).toEqual(['jean', 'luc', 'picard', 'lumen', 'inc']);
  });

  it('ranks the whole name, then the first name, then another name word, then the company', () => {
    const ranked = buildSearchIndex([
      entry(1, 'Rosa Marin', 'Mare Labs'),
      entry(2, 'Marin Rosa'),
      entry(3, 'Karl Marinetti'),
      entry(4, 'Marina Vogel'),
      entry(5, 'Uwe Berg', 'Marine Studio'),
      entry(6, 'Karl Rosa', 'Mare Studio'),
      entry(7, 'Rosa Vogel', 'Mare Labs'),
      entry(8, 'Uwe Brandt', 'Rosa Mare GmbH'),
    ]);
    const search = (q: string) => searchMembers(ranked, q).members.map((m) => m.id);
    expect(search('marin')).toEqual([2, 4, 3, 1, 5]);
    expect(search('rosa mare')).toEqual([1, 7, 6, 8]);
    expect(search('marin r')).toEqual([2, 1]);
    expect(search('rosa mar')).toEqual([1, 7, 6, 2, 8]);
    expect(search('berg marine')).toEqual([5]);
  });

  it('keeps people who share a name apart, in a steady order, with their company to tell them apart', () => {
    const shared = buildSearchIndex([
      entry(9, 'María García', 'Óptima Legal'),
      entry(4, 'Maria Garcia'),
      entry(7, 'María García', 'Kiwi Labs'),
    ]);
    const found = searchMembers(shared, 'maria garcia').members;
    expect(found.map((m) => [m.id, m.company])).toEqual([
      [4, null],
      [7, 'Kiwi Labs'],
      [9, 'Óptima Legal'],
    ]);
    expect(searchMembers(shared, 'maria garcia kiwi').members.map((m) => m.id)).toEqual([7]);
  });

  it('finds hyphenated names typed with or without the hyphen', () => {
    const hyphens = buildSearchIndex([entry(1, 'Jean-Luc Picard'), entry(2, 'Ana García-López')]);
    const search = (q: string) => searchMembers(hyphens, q).members.map((m) => m.id);
    expect(search('jean-luc')).toEqual([1]);
    expect(search('jean luc p')).toEqual([1]);
    expect(search('luc')).toEqual([1]);
    expect(search('garcia-l')).toEqual([2]);
    expect(search('lopez')).toEqual([2]);
  });

  it('says how many match in all when it shows only the best few', () => {
    const many = buildSearchIndex(Array.from({ length: 300 }, (_, i) => entry(i + 1, `Anna Member${i}`)));
    const result = searchMembers(many, 'ann', 24);
    expect(result.members).toHaveLength(24);
    expect(result.total).toBe(300);
    expect(searchMembers(many, 'ann member29', 24).total).toBe(11);
  });
});

describe('member search against the rule written the obvious way', () => {
  const members = fakeMembers(4000, 7);
  const big = buildSearchIndex(members);
  const reference = referenceSearch(members);
  const expected = (query: string, limit: number) => {
    const matches = reference(query);
    return { ids: matches.slice(0, limit).map((m) => m.member.id), total: matches.length };
  };
  const typedPrefixes = (text: string) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
  const queries = [
    ...members.filter((_, i) => i % 97 === 0).flatMap((m) => typedPrefixes(m.displayName)),
    ...members.filter((m, i) => m.company && i % 211 === 0).flatMap((m) => typedPrefixes(m.company ?? '')),
    ...['a', 'am', 'ame', 'amel', "o'b", 'o’brien', 'mar gar', 'gar mar', 'jos', 'JOSÉ', 'lukasz', 'Łuk', 'sø', 'so', 'gross'],
    ...['van der', 'de la c', 'jean-l', 'mueller', 'muller', 'lumen st', 'cafe', 'ollies', 'x', 'zz', 'qqq', '-', "'"],
  ];

  it('finds the same people in the same order for every keystroke', () => {
    for (const query of queries) {
      const ours = searchMembers(big, query, 24);
      expect({ query, ids: ours.members.map((m) => m.id), total: ours.total }).toEqual({ query, ...expected(query, 24) });
    }
  });

  it('answers every one- and two-letter query from the index’s table as the rule says', () => {
    const prefixes = new Set(big.words.flatMap((w) => [w.slice(0, 1), w.slice(0, 2)]));
    expect(prefixes.size).toBeGreaterThan(100);
    for (const query of [...prefixes, 'q', 'qx', 'é', 'Ø']) {
      for (const limit of [1, 24]) {
        const ours = searchMembers(big, query, limit);
        expect({ query, ids: ours.members.map((m) => m.id), total: ours.total }).toEqual({ query, ...expected(query, limit) });
      }
    }
  });

  it('agrees on the order of every match, not just the first page', () => {
    for (const query of ['a', 'ma', 'lumen', 'ob']) {
      const ours = searchMembers(big, query, members.length);
      expect(ours.members.map((m) => m.id)).toEqual(expected(query, members.length).ids);
    }
  });
});
