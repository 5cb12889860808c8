import { numberFormat } from '../../../domain/intl';
import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { DirectoryEntry } from '../../../contract/kiosk-api';
import { errorText } from '../../lib/error-text';
import { age } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { MemberTile } from '../../ui/member-tile';
import { Notice, Screen } from '../../ui/screen';
import { useDirectory } from './directory-api';
import { searchMembers, type SearchResult } from './search';
import { searchIndexFor } from './search-cache';

/** As many tiles as a member can scan at a glance; more matches are counted, never dropped silently. */
const SHOWN = 24;
const NONE: SearchResult = { members: [], total: 0 };
/** A tile's height and the gap below it (min-h-24 and gap-4), and the width from which tiles go two by two (md). */
const ROW_PX = 112;
const TWO_COLUMNS_PX = 768;

/**
 * How many tiles can be on the screen at once, from where the list begins (a row cut by the bottom
 * edge counts): those render with the keystroke, the rest of the page of results in the render after it.
 */
function useTilesOnScreen(list: RefObject<HTMLUListElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setTop(list.current ? list.current.getBoundingClientRect().top + window.scrollY : 0);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [list]);
  const rows = Math.ceil(Math.max(0, window.innerHeight - top) / ROW_PX);
  return rows * (window.innerWidth >= TWO_COLUMNS_PX ? 2 : 1);
}

interface FindScreenProps {
  onSelect: (member: DirectoryEntry) => void;
  onUsePin: () => void;
  onBack: () => void;
  scanButton?: React.ReactNode;
}

/**
 * Search as you type by first name, last name or company, with large tiles; a PIN pad as the other
 * way in. The index is built once per directory version (search-cache.ts), not on each visit.
 */
export function FindScreen({ onSelect, onUsePin, onBack, scanButton }: FindScreenProps) {
  const { t, locale } = useI18n();
  const count = numberFormat(locale);
  const directory = useDirectory();
  const [query, setQuery] = useState('');
  const current = directory.data?.directory;
  const index = useMemo(() => current && searchIndexFor(current), [current]);
  const { members: results, total } = useMemo(() => (index ? searchMembers(index, query, SHOWN) : NONE), [index, query]);
  // The tiles below the screen's edge wait for the render after the keystroke's (React's deferred
  // value), so a keystroke's frame has only the tiles a member can see to build and paint.
  const list = useRef<HTMLUListElement>(null);
  const onScreen = useTilesOnScreen(list);
  const settled = useDeferredValue(query);
  const tiles = settled === query ? results : results.slice(0, onScreen);
  const field = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const error = errorText(directory.error, t);

  return (
    <Screen
      title={t.findYourself}
      typeInto={field}
      actions={
        <>
          <Button variant="secondary" onClick={onBack}>
            {t.back}
          </Button>
          <Button variant="secondary" onClick={onUsePin}>
            {t.usePin}
          </Button>
          {scanButton}
        </>
      }
    >
      <div className="flex flex-col gap-2">
        <label htmlFor={inputId} className="text-xl font-semibold">
          {t.searchLabel}
        </label>
        <input
          ref={field}
          id={inputId}
          type="search"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          placeholder={t.searchPlaceholder}
          value={query}
          onChange={(event) => setQuery(event.target.value.slice(0, 80))}
          onKeyDown={(event) => {
            // The scanner took the Enter (use-scanner.ts): what it typed here was a card, not a name.
            if (event.key === 'Enter' && event.defaultPrevented) setQuery('');
          }}
          className="min-h-16 rounded-2xl border-2 border-slate-500 bg-white px-5 text-2xl"
        />
        {directory.data ? (
          <p className="text-base text-slate-700">{t.directoryFreshness(age(directory.data.fetchedAt, new Date(), t.justNow))}</p>
        ) : null}
      </div>
      {error && !directory.data ? <Notice tone="error">{error}</Notice> : null}
      {directory.isPending ? <p className="text-xl">{t.loading}</p> : null}
      <p role="status" aria-live="polite" className="sr-only">
        {query.trim() ? t.resultsCount(total) : ''}
      </p>
      {query.trim() && total === 0 && directory.data ? <p className="text-xl text-slate-800">{t.noMatches}</p> : null}
      {total > results.length ? (
        <p className="text-xl text-slate-800">{t.moreMatches(count.format(results.length), count.format(total))}</p>
      ) : null}
      <ul ref={list} className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-label={t.findYourself} data-query={query}>
        {tiles.map((member) => (
          <li key={member.id}>
            <MemberTile member={member} onSelect={onSelect} />
          </li>
        ))}
      </ul>
    </Screen>
  );
}
