import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DirectoryEntry } from '../../../contract/kiosk-api';
import { errorText } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';
import { useVisitorMessages } from '../../lib/messages-visitors';
import { Button } from '../../ui/button';
import { useDirectory } from './directory-api';
import { fold, words } from './fold';
import { searchMembers } from './search';
import { searchIndexFor } from './search-cache';

/** Choices shown at once; more matches ask for more of the name. */
const SHOWN = 8;
/** Looked at to find SHOWN name matches: company-only matches rank last and are dropped. */
const LOOKED_AT = 24;
/** Fewer letters than this list nobody: the directory is not browsed from the desk. */
const MIN_LETTERS = 2;

interface Host {
  id: number;
  name: string;
}

/** Every typed word starts a word of the member's name (a visitor finds a host by name, never by company). */
function byName(typed: readonly string[]) {
  return (member: DirectoryEntry) => {
    const name = words(fold(member.displayName));
    return typed.every((word) => name.some((w) => w.startsWith(word)));
  };
}

/**
 * "Who are you visiting?": the tablet's copy of the directory searched as the visitor types,
 * offering names only (no company, email or photo), then the chosen name with a way to change it.
 */
export function HostSearch({ chosen, onChoose, error }: { chosen: Host | null; onChoose: (host: Host | null) => void; error?: string }) {
  const { t } = useI18n();
  const vt = useVisitorMessages();
  const directory = useDirectory();
  const [query, setQuery] = useState('');
  const current = directory.data?.directory;
  const index = useMemo(() => current && searchIndexFor(current), [current]);
  const typed = query.trim();
  const matches = useMemo(() => {
    if (!index || typed.length < MIN_LETTERS) return null;
    return searchMembers(index, typed, LOOKED_AT).members.filter(byName(words(fold(typed))));
  }, [index, typed]);
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const chosenText = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // After a choice the chosen name has the focus; after "Change", the field (never on first show).
    if (!moved.current) return;
    if (chosen) chosenText.current?.focus();
    else field.current?.focus();
  }, [chosen]);
  const choose = (host: Host | null) => {
    moved.current = true;
    onChoose(host);
  };
  const loadError = directory.data ? null : errorText(directory.error, t);
  const errorId = `${id}-error`;
  const errorLine = error ? (
    <p id={errorId} className="text-lg font-semibold text-danger-700">
      {error}
    </p>
  ) : null;

  if (chosen) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-xl font-semibold">{vt.visitor.host}</p>
        <div className="flex flex-wrap items-center gap-4 rounded-2xl bg-white p-4 ring-2 ring-brand-700">
          <p ref={chosenText} tabIndex={-1} className="flex-1 text-2xl font-semibold outline-none">
            <span className="sr-only">{vt.visitor.visiting} </span>
            {chosen.name}
          </p>
          <Button variant="secondary" aria-label={vt.visitor.changeHost} onClick={() => choose(null)}>
            {vt.visitor.change}
          </Button>
        </div>
      </div>
    );
  }
  const shown = matches?.slice(0, SHOWN) ?? [];
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-xl font-semibold">
        {vt.visitor.host}
      </label>
      <p id={`${id}-hint`} className="text-lg text-slate-700">
        {vt.visitor.hostHint}
      </p>
      <input
        ref={field}
        id={id}
        type="text"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        value={query}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${errorId}` : ''}`}
        onChange={(event) => setQuery(event.target.value.slice(0, 80))}
        className="min-h-14 rounded-2xl border-2 border-slate-500 bg-white px-4 text-2xl"
      />
      {errorLine}
      {loadError ? <p className="text-lg font-semibold text-danger-700">{loadError}</p> : null}
      <p role="status" className="sr-only">
        {matches ? vt.visitor.hostCount(matches.length) : ''}
      </p>
      {matches && matches.length === 0 ? <p className="text-lg">{vt.visitor.hostNoMatches}</p> : null}
      {matches && matches.length > SHOWN ? <p className="text-lg">{vt.visitor.hostTypeMore}</p> : null}
      {shown.length > 0 ? (
        <ul aria-label={vt.visitor.hostChoices} className="grid grid-cols-1 gap-3 md:grid-cols-2">
          {shown.map((member) => (
            <li key={member.id}>
              <button
                type="button"
                onClick={() => choose({ id: member.id, name: member.displayName })}
                className="min-h-14 w-full rounded-2xl bg-white px-4 py-3 text-left text-2xl font-semibold text-slate-900 ring-2 ring-slate-300 hover:ring-brand-700"
              >
                {member.displayName}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
