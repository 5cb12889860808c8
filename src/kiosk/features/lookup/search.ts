import type { DirectoryEntry } from '../../../contract/kiosk-api';
import { fold, words } from './fold';
import { keepBest, SHORT_LIMIT, SHORT_PREFIX, type SearchIndex } from './search-index';

export interface SearchResult {
  /** The best `limit` matches, most likely first. */
  members: DirectoryEntry[];
  /** How many members match in all. */
  total: number;
}

/** A typed word as the index sees it: the sorted words it starts, [from, to), and its exact word or -1. */
interface Token {
  from: number;
  to: number;
  exact: number;
}

/**
 * Search as you type. Every typed word must start a word of the member's name or company. The
 * most likely come first: the whole name starting with what was typed, then the first typed word
 * starting the first name, another word of the name, the company; equals in name order, then id.
 * Only members holding a word that starts with the rarest typed word are looked at.
 */
export function searchMembers(index: SearchIndex, rawQuery: string, limit = 24): SearchResult {
  const typed = words(fold(rawQuery));
  const [only] = typed;
  const count = index.members.length;
  const found = (keys: readonly number[]) => keys.map((key) => index.members[key % count]).filter((m) => m !== undefined);
  if (only !== undefined && typed.length === 1 && only.length <= SHORT_PREFIX && limit <= SHORT_LIMIT) {
    const answer = index.short.get(only);
    return answer ? { members: found(answer.best.slice(0, limit)), total: answer.total } : { members: [], total: 0 };
  }
  const tokens = typed.map((token) => toToken(index.words, token));
  let rarest: Token | undefined;
  for (const token of tokens) if (!rarest || postingCount(index, token) < postingCount(index, rarest)) rarest = token;
  if (!rarest || postingCount(index, rarest) === 0) return { members: [], total: 0 };

  index.stamp = index.stamp >= 0xffff_fffe ? 1 : index.stamp + 1;
  if (index.stamp === 1) index.seen.fill(0);
  const best: number[] = [];
  let total = 0;
  for (let p = index.postingStart[rarest.from] ?? 0, end = index.postingStart[rarest.to] ?? 0; p < end; p += 1) {
    const m = index.postings[p] ?? 0;
    if (index.seen[m] === index.stamp) continue;
    index.seen[m] = index.stamp;
    const tier = matchTier(index, m, tokens);
    if (tier < 0) continue;
    total += 1;
    keepBest(best, tier * count + m, limit);
  }
  return { members: found(best), total };
}

function toToken(sorted: readonly string[], token: string): Token {
  const from = firstIndex(sorted, 0, (w) => w >= token);
  const to = firstIndex(sorted, from, (w) => !w.startsWith(token));
  return { from, to, exact: sorted[from] === token ? from : -1 };
}

/** The first index from `lo` where `past` holds (it then holds for every later word too). */
function firstIndex(sorted: readonly string[], lo: number, past: (word: string) => boolean): number {
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(sorted[mid] ?? '')) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function postingCount(index: SearchIndex, token: Token): number {
  return (index.postingStart[token.to] ?? 0) - (index.postingStart[token.from] ?? 0);
}

/** 0 whole name, 1 first name, 2 another word of the name, 3 company only; -1 when a typed word starts none of them. */
function matchTier(index: SearchIndex, m: number, tokens: readonly Token[]): number {
  const w = index.memberWords;
  const start = index.memberStart[m] ?? 0;
  const end = index.memberStart[m + 1] ?? 0;
  const nameEnd = start + (index.nameLength[m] ?? 0);
  for (const token of tokens) {
    let i = start;
    while (i < end && !startsWith(w, i, token)) i += 1;
    if (i === end) return -1;
  }
  if (wholeNameStarts(w, start, nameEnd, tokens)) return 0;
  const [first] = tokens;
  if (!first || nameEnd === start) return 3;
  if (startsWith(w, start, first)) return 1;
  for (let i = start + 1; i < nameEnd; i += 1) if (startsWith(w, i, first)) return 2;
  return 3;
}

function startsWith(memberWords: Uint32Array, i: number, token: Token): boolean {
  const word = memberWords[i] ?? 0;
  return word >= token.from && word < token.to;
}

/** The typed words are the name's first words, the last one perhaps not yet complete. */
function wholeNameStarts(memberWords: Uint32Array, start: number, nameEnd: number, tokens: readonly Token[]): boolean {
  const last = tokens.length - 1;
  if (nameEnd - start <= last) return false;
  for (let i = 0; i < last; i += 1) if (memberWords[start + i] !== tokens[i]?.exact) return false;
  const token = tokens[last];
  return token !== undefined && startsWith(memberWords, start + last, token);
}
