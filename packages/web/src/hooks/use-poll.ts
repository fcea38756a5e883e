import { useCallback, useEffect, useRef } from 'preact/hooks';

/**
 * Runs `task` now, then again `intervalMs` after each run finishes (never two at once), and at once when the
 * tab regains focus or becomes visible. Keeps polling in a background tab: an alert must still ring there.
 */
export function usePoll(task: () => Promise<void>, intervalMs: number): () => void {
  const taskRef = useRef(task);
  taskRef.current = task;
  const state = useRef({ running: false, again: false, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  const alive = useRef(true);

  const run = useCallback(async () => {
    const s = state.current;
    if (s.running) {
      s.again = true;
      return;
    }
    clearTimeout(s.timer);
    s.running = true;
    try {
      await taskRef.current();
    } finally {
      s.running = false;
      if (alive.current) {
        if (s.again) {
          s.again = false;
          void run();
        } else {
          s.timer = setTimeout(() => void run(), intervalMs);
        }
      }
    }
  }, [intervalMs]);

  useEffect(() => {
    alive.current = true;
    void run();
    const onFocus = () => void run();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void run();
    };
    window.addEventListener('focus', onFocus);
    window.addEventListener('online', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive.current = false;
      clearTimeout(state.current.timer);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('online', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [run]);

  return useCallback(() => void run(), [run]);
}
