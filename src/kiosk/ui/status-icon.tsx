/** A shape per kind of state, so it never rests on colour: a tick, a dashed ring, a warning triangle. */
export type StatusShape = 'tick' | 'ring' | 'warning';

export function StatusIcon({ shape, className = 'size-7' }: { shape: StatusShape; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={`shrink-0 ${className}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {shape === 'tick' ? (
        <>
          <circle cx="12" cy="12" r="10" />
          <path d="m7 12.5 3.5 3.5L17 9" />
        </>
      ) : shape === 'ring' ? (
        <circle cx="12" cy="12" r="10" strokeDasharray="4 3" />
      ) : (
        <>
          <path d="M12 2.5 22 21H2z" />
          <path d="M12 9v5.5M12 17.5v.5" />
        </>
      )}
    </svg>
  );
}
