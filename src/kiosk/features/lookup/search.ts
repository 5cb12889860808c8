import type { DirectoryEntry } from '../../../contract/kiosk-api';

/** Lower case, accents and apostrophes folded: "Amélie" finds "amelie", "Łukasz" "lukasz", "O'Brien" "obrien". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ß/g, 'ss')
    .replace(/['’]/g, '')
    .toLowerCase();
}

export interface SearchIndexEntry {
  member: DirectoryEntry;
  nameWords: string[];
  companyWords: string[];
  fullName: string;
}

export function buildSearchIndex(members: readonly DirectoryEntry[]): SearchIndexEntry[] {
  return members.map((member) => {
    const fullName = fold(member.displayName);
    return {
      member,
      fullName,
      nameWords: fullName.split(/[\s-]+/).filter(Boolean),
      companyWords: fold(member.company ?? '')
        .split(/\s+/)
        .filter(Boolean),
    };
  });
}

/** How well one entry matches: every typed word must start a word of the name or company. */
function score(entry: SearchIndexEntry, query: string, tokens: string[]): number {
  let total = 0;
  for (const token of tokens) {
    const nameIndex = entry.nameWords.findIndex((w) => w.startsWith(token));
    if (nameIndex === 0) total += 30;
    else if (nameIndex > 0) total += 20;
    else if (entry.companyWords.some((w) => w.startsWith(token))) total += 5;
    else return 0;
  }
  if (entry.fullName.startsWith(query)) total += 50;
  return total;
}

/** Search as you type, most likely first: full-name prefix, then first name, last name, company. */
export function searchMembers(index: readonly SearchIndexEntry[], rawQuery: string, limit = 24): DirectoryEntry[] {
  const query = fold(rawQuery).trim().replace(/\s+/g, ' ');
  if (!query) return [];
  const tokens = query.split(' ');
  return index
    .map((entry) => ({ entry, score: score(entry, query, tokens) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.entry.member.displayName.localeCompare(b.entry.member.displayName))
    .slice(0, limit)
    .map((r) => r.entry.member);
}
