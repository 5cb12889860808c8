import type { DirectoryEntry } from '../../../contract/kiosk-api';
import { fold, words } from './fold';

export interface RankedMatch {
  member: DirectoryEntry;
  /** 0 whole name, 1 first name, 2 another word of the name, 3 company only. */
  tier: number;
  /** The folded name, words joined by single spaces. */
  name: string;
}

/**
 * The search rule written the slow, obvious way (look at everyone, sort everyone), for the tests
 * and the lookup benchmark to hold `searchMembers` against. Never used by the kiosk itself.
 */
export function referenceSearch(members: readonly DirectoryEntry[]): (query: string) => RankedMatch[] {
  const folded = members.map((member) => {
    const nameWords = words(fold(member.displayName));
    return { member, nameWords, name: nameWords.join(' '), all: [...nameWords, ...words(fold(member.company ?? ''))] };
  });
  return (query) => {
    const tokens = words(fold(query));
    const first = tokens[0];
    if (first === undefined) return [];
    const typed = tokens.join(' ');
    const matches = folded.flatMap(({ member, nameWords, name, all }): RankedMatch[] => {
      if (!tokens.every((t) => all.some((w) => w.startsWith(t)))) return [];
      const tier = name.startsWith(typed) ? 0 : nameWords[0]?.startsWith(first) ? 1 : nameWords.some((w) => w.startsWith(first)) ? 2 : 3;
      return [{ member, tier, name }];
    });
    return matches.sort(
      (a, b) =>
        a.tier - b.tier || compare(a.name, b.name) || compare(a.member.displayName, b.member.displayName) || a.member.id - b.member.id,
    );
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
