import type { Directory } from '../../../contract/kiosk-api';
import { buildSearchIndex, type SearchIndex } from './search-index';

let current: { key: string; directory: Directory; index: SearchIndex } | undefined;

/**
 * The search index of this directory, built once per location and version and kept across
 * screens: opening the search screen again costs nothing, whatever the number of members.
 */
export function searchIndexFor(directory: Directory): SearchIndex {
  if (current?.directory === directory) return current.index;
  const key = `${directory.location.id}:${directory.version}`;
  if (current?.key !== key) current = { key, directory, index: buildSearchIndex(directory.members) };
  else current = { ...current, directory };
  return current.index;
}

/**
 * Builds the index as soon as the directory is known, so the member's first visit to the search
 * screen is as quick as the next. Cheap to call again: a known version is a string comparison.
 */
export function warmSearchIndex(directory: Directory): void {
  searchIndexFor(directory);
}
