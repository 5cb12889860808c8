import type { DirectoryEntry } from '../../../contract/kiosk-api';
import { fold, words } from './fold';

/**
 * Every distinct folded word of the directory, sorted, with the members holding it; and each
 * member's words as positions in that sorted list, so "this word starts with what was typed"
 * is a range check on a number. Members are in tie order: folded name, display name, id.
 */
export interface SearchIndex {
  readonly members: readonly DirectoryEntry[];
  readonly words: readonly string[];
  /** words[w] is held by members postings[postingStart[w]] … postings[postingStart[w + 1] - 1], ascending. */
  readonly postingStart: Uint32Array;
  readonly postings: Uint32Array;
  /** Member m's words: memberWords[memberStart[m]] …, its name's nameLength[m] words first, then its company's. */
  readonly memberStart: Uint32Array;
  readonly memberWords: Uint32Array;
  readonly nameLength: Uint16Array;
  /** Scratch for one search: seen[m] === stamp once member m was looked at. */
  readonly seen: Uint32Array;
  stamp: number;
  /**
   * The answers to one-word queries of one or two letters, made with the index: the first
   * keystrokes, which match a large part of the network (looked at one by one, "m" would mean
   * thousands of members per keystroke). By prefix: the best SHORT_LIMIT keys and the count.
   */
  readonly short: ReadonlyMap<string, ShortAnswer>;
}

/** As many of the best as a short query's answer keeps: the find screen shows 24. */
export const SHORT_LIMIT = 24;
/** How long a query's only word may be to be answered from `short`. */
export const SHORT_PREFIX = 2;
export interface ShortAnswer {
  /** Rank keys, ascending: tier × members + member position (see search.ts). */
  readonly best: number[];
  total: number;
}

export function buildSearchIndex(entries: readonly DirectoryEntry[]): SearchIndex {
  const collected = collectWords(entries);
  const byText = collected.text.map((_, id) => id).sort((a, b) => compare(collected.text[a] ?? '', collected.text[b] ?? ''));
  const rankOf = new Uint32Array(byText.length);
  byText.forEach((id, rank) => (rankOf[id] = rank));
  const order = tieOrder(entries, collected, rankOf);
  const members = layOut(order, collected, rankOf);
  const sortedWords = byText.map((id) => collected.text[id] ?? '');
  return {
    members: order.map((m) => entries[m]).filter((e) => e !== undefined),
    words: sortedWords,
    ...members,
    ...invert(members, byText.length),
    seen: new Uint32Array(entries.length),
    stamp: 0,
    short: shortAnswers(sortedWords, members),
  };
}

/**
 * One pass over the members: for each one- and two-letter prefix, every member with a word that
 * starts with it, ranked as search.ts ranks a one-word query (0 the first word of the name, 2
 * another word of the name, 3 the company; a member's first such word decides, words being in
 * that order).
 */
function shortAnswers(
  sorted: readonly string[],
  { memberStart, memberWords, nameLength }: { memberStart: Uint32Array; memberWords: Uint32Array; nameLength: Uint16Array },
): Map<string, ShortAnswer> {
  const answers: ShortAnswer[] = [];
  const groupOfPrefix = new Map<string, number>();
  // Each word's group for each prefix length (-1: the word is shorter).
  const groupOf = Array.from({ length: SHORT_PREFIX }, () => new Int32Array(sorted.length).fill(-1));
  sorted.forEach((word, w) => {
    for (let length = 1; length <= SHORT_PREFIX && length <= word.length; length += 1) {
      const prefix = word.slice(0, length);
      let group = groupOfPrefix.get(prefix);
      if (group === undefined) {
        group = answers.push({ best: [], total: 0 }) - 1;
        groupOfPrefix.set(prefix, group);
      }
      const groups = groupOf[length - 1];
      if (groups) groups[w] = group;
    }
  });
  const count = memberStart.length - 1;
  const lastMember = new Int32Array(answers.length).fill(-1);
  for (let m = 0; m < count; m += 1) {
    const start = memberStart[m] ?? 0;
    const nameEnd = start + (nameLength[m] ?? 0);
    for (let i = start; i < (memberStart[m + 1] ?? 0); i += 1) {
      const word = memberWords[i] ?? 0;
      const tier = i >= nameEnd ? 3 : i === start ? 0 : 2;
      for (const groups of groupOf) {
        const g = groups[word] ?? -1;
        if (g < 0 || lastMember[g] === m) continue;
        lastMember[g] = m;
        const answer = answers[g];
        if (!answer) continue;
        answer.total += 1;
        keepBest(answer.best, tier * count + m, SHORT_LIMIT);
      }
    }
  }
  return new Map(
    [...groupOfPrefix].flatMap(([prefix, group]) => {
      const answer = answers[group];
      return answer ? [[prefix, answer] as const] : [];
    }),
  );
}

/** Keeps `best` the `limit` smallest keys, ascending. */
export function keepBest(best: number[], key: number, limit: number): void {
  if (best.length >= limit && key >= (best[best.length - 1] ?? Infinity)) return;
  let at = best.length;
  while (at > 0 && (best[at - 1] ?? 0) > key) at -= 1;
  best.splice(at, 0, key);
  if (best.length > limit) best.pop();
}

type Collected = ReturnType<typeof collectWords>;

/** Member positions by folded name (word by word), display name, id. */
function tieOrder(entries: readonly DirectoryEntry[], { ids, start, nameLength }: Collected, rankOf: Uint32Array): number[] {
  const wordRank = (m: number, i: number) => rankOf[ids[(start[m] ?? 0) + i] ?? 0] ?? 0;
  // The gateway sends the directory by display name, so this sort is close to a single pass.
  return entries
    .map((_, m) => m)
    .sort((a, b) => {
      const shared = Math.min(nameLength[a] ?? 0, nameLength[b] ?? 0);
      for (let i = 0; i < shared; i += 1) {
        const d = wordRank(a, i) - wordRank(b, i);
        if (d !== 0) return d;
      }
      const ea = entries[a];
      const eb = entries[b];
      return (
        (nameLength[a] ?? 0) - (nameLength[b] ?? 0) ||
        compare(ea?.displayName ?? '', eb?.displayName ?? '') ||
        (ea?.id ?? 0) - (eb?.id ?? 0)
      );
    });
}

/** Each member's words as sorted-word ranks, in tie order. */
function layOut(order: readonly number[], { ids, start, nameLength }: Collected, rankOf: Uint32Array) {
  const memberStart = new Uint32Array(order.length + 1);
  const memberWords = new Uint32Array(ids.length);
  const sortedNameLength = new Uint16Array(order.length);
  let at = 0;
  order.forEach((m, position) => {
    memberStart[position] = at;
    sortedNameLength[position] = nameLength[m] ?? 0;
    for (let i = start[m] ?? 0; i < (start[m + 1] ?? 0); i += 1) memberWords[at++] = rankOf[ids[i] ?? 0] ?? 0;
  });
  memberStart[order.length] = at;
  return { memberStart, memberWords, nameLength: sortedNameLength };
}

/** From member → words to word → members (each member once per word, ascending). */
function invert({ memberStart, memberWords }: { memberStart: Uint32Array; memberWords: Uint32Array }, wordCount: number) {
  const members = memberStart.length - 1;
  const last = new Int32Array(wordCount);
  const forEachPosting = (visit: (word: number, member: number) => void) => {
    last.fill(-1);
    for (let m = 0; m < members; m += 1) {
      for (let i = memberStart[m] ?? 0; i < (memberStart[m + 1] ?? 0); i += 1) {
        const word = memberWords[i] ?? 0;
        if (last[word] === m) continue;
        last[word] = m;
        visit(word, m);
      }
    }
  };
  const postingStart = new Uint32Array(wordCount + 1);
  forEachPosting((word) => (postingStart[word + 1] = (postingStart[word + 1] ?? 0) + 1));
  for (let w = 0; w < wordCount; w += 1) postingStart[w + 1] = (postingStart[w + 1] ?? 0) + (postingStart[w] ?? 0);
  const postings = new Uint32Array(postingStart[wordCount] ?? 0);
  const next = postingStart.slice(0, wordCount);
  forEachPosting((word, m) => {
    postings[next[word] ?? 0] = m;
    next[word] = (next[word] ?? 0) + 1;
  });
  return { postingStart, postings };
}

/**
 * Folds each member's name and company into word ids. Each space-separated part is folded once
 * however often it recurs: in a large network the same first names, surnames and companies do.
 */
function collectWords(entries: readonly DirectoryEntry[]) {
  const text: string[] = [];
  const idOfWord = new Map<string, number>();
  const idsOfPart = new Map<string, readonly number[]>();
  const ids: number[] = [];
  const start = new Uint32Array(entries.length + 1);
  const nameLength = new Uint16Array(entries.length);
  const add = (value: string) => {
    for (const part of value.split(' ')) {
      let found = idsOfPart.get(part);
      if (!found) {
        found = words(fold(part)).map((word) => {
          let id = idOfWord.get(word);
          if (id === undefined) idOfWord.set(word, (id = text.push(word) - 1));
          return id;
        });
        idsOfPart.set(part, found);
      }
      for (const id of found) ids.push(id);
    }
  };
  entries.forEach((member, m) => {
    start[m] = ids.length;
    add(member.displayName);
    nameLength[m] = Math.min(ids.length - (start[m] ?? 0), 0xffff);
    if (member.company) add(member.company);
  });
  start[entries.length] = ids.length;
  return { text, ids, start, nameLength };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
