import { useEffect, useRef, useState } from 'react';

/** How long a result stays on screen before the kiosk goes back to the start. */
export const RESULT_SECONDS = 8;

/**
 * Counts down from `seconds` once `enabled`, then calls `onDone`: a result screen's way back to the
 * start. Returns the seconds left, for "Back to the start in 5 s".
 */
export function useCountdown(seconds: number, onDone: () => void, enabled = true): number {
  const [left, setLeft] = useState(seconds);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    if (!enabled) return;
    setLeft(seconds);
    const timer = window.setInterval(() => setLeft((s) => s - 1), 1000);
    return () => window.clearInterval(timer);
  }, [seconds, enabled]);
  useEffect(() => {
    if (enabled && left <= 0) done.current();
  }, [left, enabled]);
  return Math.max(left, 0);
}
