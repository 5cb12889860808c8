import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'quiet' | 'danger';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-900 disabled:bg-slate-400',
  secondary: 'bg-white text-brand-900 ring-2 ring-brand-700 hover:bg-brand-100 disabled:text-slate-500 disabled:ring-slate-400',
  quiet: 'bg-transparent text-brand-900 underline underline-offset-4 hover:bg-brand-100',
  danger: 'bg-danger-700 text-white hover:bg-red-900',
};

/** Large touch targets (at least 56 px high) for a tablet at reception. */
export function Button({
  variant = 'primary',
  size = 'md',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'md' | 'lg' }) {
  const sizing = size === 'lg' ? 'min-h-20 text-2xl' : 'min-h-14 text-xl';
  return (
    <button
      type={type}
      className={`inline-flex min-w-14 items-center justify-center gap-2 rounded-2xl px-6 py-3 font-semibold transition-colors disabled:cursor-not-allowed ${sizing} ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
