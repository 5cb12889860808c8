import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { DirectoryEntry } from '../../../contract/kiosk-api';
import { errorText } from '../../lib/error-text';
import { age } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { MemberTile } from '../../ui/member-tile';
import { Notice, Screen } from '../../ui/screen';
import { useDirectory } from './directory-api';
import { buildSearchIndex, searchMembers } from './search';

interface FindScreenProps {
  onSelect: (member: DirectoryEntry) => void;
  onUsePin: () => void;
  onBack: () => void;
  scanButton?: React.ReactNode;
}

/** Search as you type by first name, last name or company, with large tiles; a PIN pad as the other way in. */
export function FindScreen({ onSelect, onUsePin, onBack, scanButton }: FindScreenProps) {
  const { t } = useI18n();
  const directory = useDirectory();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const index = useMemo(() => buildSearchIndex(directory.data?.directory.members ?? []), [directory.data]);
  const results = useMemo(() => searchMembers(index, deferred), [index, deferred]);
  const inputId = useId();
  const error = errorText(directory.error, t);

  return (
    <Screen
      title={t.findYourself}
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
          id={inputId}
          type="search"
          autoFocus
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          placeholder={t.searchPlaceholder}
          value={query}
          onChange={(event) => setQuery(event.target.value.slice(0, 80))}
          className="min-h-16 rounded-2xl border-2 border-slate-500 bg-white px-5 text-2xl"
        />
        {directory.data ? (
          <p className="text-base text-slate-700">{t.directoryFreshness(age(directory.data.fetchedAt, new Date(), t.justNow))}</p>
        ) : null}
      </div>
      {error && !directory.data ? <Notice tone="error">{error}</Notice> : null}
      {directory.isPending ? <p className="text-xl">{t.loading}</p> : null}
      <p role="status" aria-live="polite" className="sr-only">
        {deferred.trim() ? t.resultsCount(results.length) : ''}
      </p>
      {deferred.trim() && results.length === 0 && directory.data ? <p className="text-xl text-slate-800">{t.noMatches}</p> : null}
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-label={t.findYourself}>
        {results.map((member) => (
          <li key={member.id}>
            <MemberTile member={member} onSelect={onSelect} />
          </li>
        ))}
      </ul>
    </Screen>
  );
}
