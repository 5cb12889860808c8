import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { en, LANGUAGE_NAMES, type Language, type Messages } from './messages';

interface I18n {
  t: Messages;
  /** The language shown; a language being loaded shows once it is here. */
  language: Language;
  locale: string;
  setLanguage: (language: Language) => void;
}

const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };
const I18nContext = createContext<I18n | null>(null);

// English is in the first load; the others are fetched when chosen or preloaded after load.
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  de: () => import('./messages-de').then((m) => m.de),
};
const loaded: Partial<Record<Language, Messages>> = { en };
const loading: Partial<Record<Language, Promise<Messages>>> = {};

/** The language's messages, fetched once; a failed fetch is tried again on the next call. */
export function loadMessages(language: Language): Promise<Messages> {
  const ready = loaded[language];
  if (ready) return Promise.resolve(ready);
  if (language === 'en') return Promise.resolve(en);
  loading[language] ??= LOADERS[language]().then(
    (messages) => {
      loaded[language] = messages;
      return messages;
    },
    (error: unknown) => {
      delete loading[language];
      throw error;
    },
  );
  return loading[language];
}

/** Starts fetching a language (idle time, a finger on its button) so choosing it is instant. */
export function preloadMessages(language: Language): void {
  loadMessages(language).catch(() => undefined);
}

export function defaultLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return preferred in LANGUAGE_NAMES ? (preferred as Language) : 'en';
}

/**
 * The visit's language: switchable on the attract screen, back to the default when the kiosk resets.
 * A language not loaded yet keeps the current one on screen until it arrives, so no key ever shows.
 */
export function I18nProvider({ children, initial = defaultLanguage() }: { children: ReactNode; initial?: Language }) {
  const [language, setShown] = useState<Language>(() => (loaded[initial] ? initial : 'en'));
  const wanted = useRef<Language>(initial);
  const setLanguage = useCallback((next: Language) => {
    wanted.current = next;
    if (loaded[next]) setShown(next);
    else
      loadMessages(next).then(
        () => wanted.current === next && setShown(next),
        () => undefined,
      );
  }, []);
  useEffect(() => {
    if (!loaded[wanted.current]) setLanguage(wanted.current);
  }, [setLanguage]);
  const value = useMemo(() => ({ t: loaded[language] ?? en, language, locale: LOCALES[language], setLanguage }), [language, setLanguage]);
  return (
    <I18nContext.Provider value={value}>
      <div lang={language} className="contents">
        {children}
      </div>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
