import { useEffect, useRef } from 'react';

/** A keyboard-wedge reader types a whole code in well under this per key, then Enter. */
const MAX_KEY_GAP_MS = 50;
const MIN_LENGTH = 4;

/**
 * Listens on the whole page for a card or QR code typed by a keyboard-wedge scanner: printable
 * keys arriving faster than a person types, ended by Enter. People typing are not mistaken for it.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const callback = useRef(onScan);
  callback.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let last = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      const now = event.timeStamp || performance.now();
      if (now - last > MAX_KEY_GAP_MS) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        if (buffer.length >= MIN_LENGTH) {
          event.preventDefault();
          const code = buffer;
          buffer = '';
          callback.current(code);
        }
        buffer = '';
        return;
      }
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) buffer += event.key;
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled]);
}
