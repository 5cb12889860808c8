import { useEffect, type ReactNode, type RefObject } from 'react';

/**
 * A kiosk screen: a heading the screen reader lands on, content, and actions at the bottom,
 * centred (a tablet stand covers the bottom corners) and lifted off the edge. With `centre`, the
 * content sits in the middle of a portrait screen, towards the thumb, rather than in its top third. With
 * `typeInto`, typing goes to that field although the heading has the focus: the first printable
 * key moves the focus there and the browser delivers the character to it, so a hardware keyboard
 * or a keyboard-wedge scanner loses nothing, and the screen reader still announced the heading.
 */
export function Screen({
  title,
  children,
  actions,
  headingId = 'screen-title',
  typeInto,
  centre = false,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  headingId?: string;
  typeInto?: RefObject<HTMLInputElement | null>;
  centre?: boolean;
}) {
  useTypeInto(typeInto);
  return (
    <main aria-labelledby={headingId} className="flex min-h-dvh flex-col bg-slate-50 text-slate-900">
      <div className="mx-auto flex w-full max-w-4xl flex-1 flex-col gap-6 p-6 sm:p-10">
        <h1 id={headingId} tabIndex={-1} className="text-3xl font-bold text-brand-900 outline-none sm:text-4xl">
          {title}
        </h1>
        <div className={`flex flex-1 flex-col gap-6 ${centre ? 'portrait:justify-center portrait:gap-10' : ''}`}>{children}</div>
        {actions ? <div className="flex flex-wrap justify-center gap-4 pb-4 portrait:pb-12 print:hidden">{actions}</div> : null}
      </div>
    </main>
  );
}

export function Notice({
  tone = 'info',
  title,
  children,
}: {
  tone?: 'info' | 'warn' | 'error' | 'success';
  title?: string;
  children: ReactNode;
}) {
  const tones = {
    info: 'border-brand-700 bg-brand-100 text-brand-900',
    warn: 'border-warn-700 bg-warn-100 text-slate-900',
    error: 'border-danger-700 bg-red-50 text-slate-900',
    success: 'border-green-800 bg-green-50 text-slate-900',
  };
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-2xl border-l-8 p-5 text-lg ${tones[tone]}`}>
      {title ? <p className="mb-1 text-xl font-bold">{title}</p> : null}
      {children}
    </div>
  );
}

function useTypeInto(field: RefObject<HTMLInputElement | null> | undefined): void {
  useEffect(() => {
    if (!field) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const input = field.current;
      if (!input || event.defaultPrevented || !isPrintable(event) || keepsKey(event.target, event.key)) return;
      input.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [field]);
}

/** A character key: not Ctrl or Cmd shortcuts (AltGr, which is Ctrl+Alt, and Option still type). */
function isPrintable(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.metaKey && !(event.ctrlKey && !event.altKey);
}

/** Fields keep their own keys, and Space still presses a focused button. */
function keepsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return key === ' ' && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}
