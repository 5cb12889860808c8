/** What a result screen says at a glance, each with its own shape as well as its own colour. */
export type ResultState = 'checked-in' | 'checked-out' | 'queued' | 'refused' | 'undone';

const WHITE = 'fill-none stroke-white';

/**
 * A large mark, read from across the desk: a green circle with a tick (in), a square with an arrow
 * leaving (out), an amber hexagon with a clock (queued: recorded here, sent later), a red octagon
 * with a cross (refused), a grey circle with an arrow turning back (undone). Decorative for a
 * screen reader: the heading next to it says the same in words. It grows in once, unless the
 * member asked for reduced motion.
 */
export function ResultMark({ state }: { state: ResultState }) {
  return (
    <svg
      viewBox="0 0 120 120"
      aria-hidden="true"
      data-result={state}
      className="size-36 shrink-0 motion-safe:animate-[result-in_320ms_ease-out] sm:size-44"
    >
      {state === 'checked-in' ? (
        <>
          <circle cx="60" cy="60" r="56" className="fill-green-800" />
          <path d="M34 62 L52 80 L87 42" strokeWidth="12" strokeLinecap="round" strokeLinejoin="round" className={WHITE} />
        </>
      ) : null}
      {state === 'checked-out' ? (
        <>
          <rect x="6" y="6" width="108" height="108" rx="18" className="fill-brand-700" />
          <path
            d="M52 34 H36 V86 H52 M58 60 H90 M76 46 L90 60 L76 74"
            strokeWidth="10"
            strokeLinecap="round"
            strokeLinejoin="round"
            className={WHITE}
          />
        </>
      ) : null}
      {state === 'queued' ? (
        <>
          <polygon points="60,4 108,32 108,88 60,116 12,88 12,32" className="fill-warn-700" />
          <circle cx="60" cy="60" r="30" strokeWidth="9" className={WHITE} />
          <path d="M60 42 V61 L73 70" strokeWidth="9" strokeLinecap="round" strokeLinejoin="round" className={WHITE} />
        </>
      ) : null}
      {state === 'refused' ? (
        <>
          <polygon points="37,4 83,4 116,37 116,83 83,116 37,116 4,83 4,37" className="fill-danger-700" />
          <path d="M40 40 L80 80 M80 40 L40 80" strokeWidth="13" strokeLinecap="round" className={WHITE} />
        </>
      ) : null}
      {state === 'undone' ? (
        <>
          <circle cx="60" cy="60" r="56" className="fill-slate-600" />
          <path
            d="M40 50 H70 A16 16 0 0 1 70 82 H48 M52 36 L38 50 L52 64"
            strokeWidth="10"
            strokeLinecap="round"
            strokeLinejoin="round"
            className={WHITE}
          />
        </>
      ) : null}
    </svg>
  );
}
