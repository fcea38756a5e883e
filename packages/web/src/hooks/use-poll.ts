import { useCallback, useEffect, useRef } from 'preact/hooks';

/**
 * Runs `task` now, then again `intervalMs` after each run finishes (never two at once), and at once (with
 * `urgent` true) when the tab regains focus or becomes visible. Keeps polling in a background tab, where an
 * alert must still ring, but every `hiddenMs` (Page Visibility API): a hidden board costs a quarter.
 */
export function usePoll(
  task: (urgent: boolean) => Promise<void>,
  intervalMs: number | (() => number),
  hiddenMs: number | (() => number) = intervalMs,
): () => void {
  const taskRef = useRef(task);
  taskRef.current = task;
  const state = useRef({ running: false, again: false, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  const alive = useRef(true);

  const run = useCallback(
    async (urgent = false) => {
      const s = state.current;
      if (s.running) {
        s.again = true;
        return;
      }
      clearTimeout(s.timer);
      s.running = true;
      try {
        await taskRef.current(urgent);
      } finally {
        s.running = false;
        if (alive.current) {
          if (s.again) {
            s.again = false;
            void run(true);
          } else {
            const wait = document.visibilityState === 'hidden' ? hiddenMs : intervalMs;
            s.timer = setTimeout(() => void run(), typeof wait === 'function' ? wait() : wait);
          }
        }
      }
    },
    [intervalMs, hiddenMs],
  );

  useEffect(() => {
    alive.current = true;
    void run(true);
    const onFocus = () => void run(true);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void run(true);
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

  return useCallback(() => void run(true), [run]);
}
