import { useId } from 'react';
import { useI18n } from '../lib/i18n';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A PIN pad: large keys, the typed digits masked, and a real input so keyboards (and Enter) work too. */
export function PinPad({
  value,
  onChange,
  onSubmit,
  label,
  maxLength = 12,
  disabled = false,
}: {
  value: string;
  onChange: (v: string) => void;
  onSubmit: () => void;
  label: string;
  maxLength?: number;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const press = (digit: string) => value.length < maxLength && onChange(value + digit);
  // Not a <form>: the pad also sits inside other forms (the PAYG consent), and forms must not nest.
  const submit = () => {
    if (value.length >= 4 && !disabled) onSubmit();
  };
  const keyClass =
    'min-h-16 rounded-2xl bg-white text-3xl portrait:min-h-24 portrait:text-4xl font-semibold text-brand-900 ring-2 ring-slate-300 hover:bg-brand-100 disabled:opacity-50';
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="mx-auto flex w-full max-w-sm flex-col gap-4 portrait:max-w-lg">
      <label id={`${id}-label`} htmlFor={id} className="text-xl font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        pattern="[0-9]*"
        maxLength={maxLength}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, maxLength))}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submit();
          }
        }}
        className="min-h-16 rounded-2xl border-2 border-slate-400 bg-white px-4 text-center text-4xl tracking-[0.5em]"
      />
      <div className="grid grid-cols-3 gap-3">
        {KEYS.map((digit) => (
          <button key={digit} type="button" className={keyClass} disabled={disabled} onClick={() => press(digit)}>
            {digit}
          </button>
        ))}
        <button
          type="button"
          className={keyClass}
          disabled={disabled}
          onClick={() => onChange(value.slice(0, -1))}
          aria-label={t.deleteDigit}
        >
          ⌫
        </button>
        <button type="button" className={keyClass} disabled={disabled} onClick={() => press('0')}>
          0
        </button>
        <button
          type="button"
          onClick={submit}
          className="min-h-16 rounded-2xl bg-brand-700 text-2xl font-semibold text-white hover:bg-brand-900 disabled:bg-slate-500"
          disabled={disabled || value.length < 4}
        >
          {t.confirm}
        </button>
      </div>
    </div>
  );
}
