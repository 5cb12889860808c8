import { useState } from 'react';

const PALETTE = ['bg-brand-700', 'bg-indigo-700', 'bg-rose-700', 'bg-amber-800', 'bg-emerald-800', 'bg-sky-800'];

/**
 * A member's face where Nexudus has a photo, their initials otherwise — and also when the photo
 * cannot be loaded (offline and never seen, moved, broken). Loaded lazily and off the main thread's
 * way (a tile below the screen's edge asks for nothing; decoding does not hold up a keystroke's
 * frame); the worker keeps the ones shown for offline (src/sw/image-cache.ts). Decorative: the
 * member's name is next to it.
 */
export function Avatar({
  id,
  photoUrl,
  initials,
  size = 'md',
}: {
  id: number;
  photoUrl: string | null;
  initials: string;
  size?: 'md' | 'lg';
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const box = size === 'lg' ? 'size-24 text-4xl' : 'size-16 text-2xl';
  if (photoUrl && failed !== photoUrl) {
    return (
      <img
        src={photoUrl}
        alt=""
        loading="lazy"
        decoding="async"
        onError={() => setFailed(photoUrl)}
        data-avatar="photo"
        className={`${box} shrink-0 rounded-full bg-slate-200 object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      data-avatar="initials"
      className={`flex ${box} shrink-0 items-center justify-center rounded-full font-bold text-white ${PALETTE[id % PALETTE.length]}`}
    >
      {initials}
    </span>
  );
}
