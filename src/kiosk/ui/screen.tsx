import type { ReactNode } from 'react';

/** A kiosk screen: a heading the screen reader lands on, content, and actions at the bottom. */
export function Screen({
  title,
  children,
  actions,
  headingId = 'screen-title',
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  headingId?: string;
}) {
  return (
    <main aria-labelledby={headingId} className="flex min-h-dvh flex-col bg-slate-50 text-slate-900">
      <div className="mx-auto flex w-full max-w-4xl flex-1 flex-col gap-6 p-6 sm:p-10">
        <h1 id={headingId} tabIndex={-1} className="text-3xl font-bold text-brand-900 outline-none sm:text-4xl">
          {title}
        </h1>
        <div className="flex flex-1 flex-col gap-6">{children}</div>
        {actions ? <div className="flex flex-wrap gap-4">{actions}</div> : null}
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
