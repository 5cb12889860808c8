import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as I18nModule from './i18n';
import { en, LANGUAGE_NAMES, type Language } from './messages';

let i18n: typeof I18nModule;

/** Shows one message and the language it is in, with a button per language. */
function Probe() {
  const { t, language, setLanguage } = i18n.useI18n();
  return (
    <>
      <p data-testid="shown" data-language={language}>
        {t.checkInOut}
      </p>
      {(Object.keys(LANGUAGE_NAMES) as Language[]).map((code) => (
        <button key={code} type="button" onClick={() => setLanguage(code)}>
          {code}
        </button>
      ))}
    </>
  );
}

function renderProbe(initial: Language) {
  const { I18nProvider } = i18n;
  return render(
    <I18nProvider initial={initial}>
      <Probe />
    </I18nProvider>,
  );
}

const shown = () => screen.getByTestId('shown').textContent;
const langAttribute = () => screen.getByTestId('shown').closest('[lang]')?.getAttribute('lang');

describe('I18nProvider', () => {
  // A fresh module per test: only English is loaded, as in the first load.
  beforeEach(async () => {
    vi.resetModules();
    i18n = await import('./i18n');
  });

  it('keeps English on screen until the chosen language has arrived, never a key', async () => {
    renderProbe('en');
    fireEvent.click(screen.getByRole('button', { name: 'de' }));
    expect(shown()).toBe('Check in / out');
    expect(langAttribute()).toBe('en');
    expect(await screen.findByText('Ein- / Auschecken')).toBeTruthy();
    expect(langAttribute()).toBe('de');
  });

  it('starts in English when the tablet’s language is not loaded yet, then switches to it', async () => {
    renderProbe('de');
    expect(shown()).toBe('Check in / out');
    expect(await screen.findByText('Ein- / Auschecken')).toBeTruthy();
  });

  it('switches at once to a language that was preloaded', async () => {
    await i18n.loadMessages('de');
    renderProbe('en');
    fireEvent.click(screen.getByRole('button', { name: 'de' }));
    expect(shown()).toBe('Ein- / Auschecken');
  });

  it('lets the last choice win when an earlier one is still loading', async () => {
    renderProbe('en');
    fireEvent.click(screen.getByRole('button', { name: 'de' }));
    fireEvent.click(screen.getByRole('button', { name: 'en' }));
    await act(() => i18n.loadMessages('de'));
    expect(shown()).toBe('Check in / out');
    expect(screen.getByTestId('shown').dataset.language).toBe('en');
  });

  it('names every language in itself, as its own messages do', async () => {
    for (const language of Object.keys(LANGUAGE_NAMES) as Language[])
      expect((await i18n.loadMessages(language)).languageName).toBe(LANGUAGE_NAMES[language]);
    expect(en.languageName).toBe(LANGUAGE_NAMES.en);
  });
});
