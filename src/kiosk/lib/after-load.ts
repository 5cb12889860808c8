/**
 * Runs `task` once the page has loaded and the browser is idle: for what the attract screen does
 * not need but the next tap will. Nothing scheduled here is part of the first load.
 */
export function whenIdleAfterLoad(task: () => void): void {
  const idle = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: 2_000 });
    else window.setTimeout(task, 200);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
