import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { LANGUAGES, type Language, type Messages } from './messages';

interface I18n {
  t: Messages;
  language: Language;
  locale: string;
  setLanguage: (language: Language) => void;
}

const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };
const I18nContext = createContext<I18n | null>(null);

export function defaultLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return preferred in LANGUAGES ? (preferred as Language) : 'en';
}

/** The visit's language: switchable on the attract screen, back to the default when the kiosk resets. */
export function I18nProvider({ children, initial = defaultLanguage() }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguage] = useState<Language>(initial);
  const value = useMemo(() => ({ t: LANGUAGES[language], language, locale: LOCALES[language], setLanguage }), [language]);
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
