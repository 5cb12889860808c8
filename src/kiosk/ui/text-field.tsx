import { forwardRef, useId, type InputHTMLAttributes } from 'react';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  error?: string;
  /** The error's language when it is not the page's (the server's own English words). */
  errorLang?: string;
  /** Announce the error as it appears (an answer from the server, not a check on submit that moves the focus). */
  errorAlert?: boolean;
};

/** A labelled input with its error tied to it for screen readers. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error, errorLang, errorAlert = false, className = '', ...props },
  ref,
) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-xl font-semibold text-slate-900">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`min-h-14 rounded-2xl border-2 border-slate-500 bg-white px-4 text-2xl text-slate-900 ${className}`}
        {...props}
      />
      {error ? (
        <p id={errorId} lang={errorLang} role={errorAlert ? 'alert' : undefined} className="text-lg font-semibold text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
});
