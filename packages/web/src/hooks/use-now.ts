import { useEffect, useState } from 'preact/hooks';
import { serverClock } from '../time/server-clock';

/** Server time, re-rendered on each whole server second so every countdown on screen ticks together. */
export function useServerNow(): number {
  const [now, setNow] = useState(() => serverClock.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = serverClock.now();
      setNow(current);
      timer = setTimeout(tick, 1000 - (current % 1000) + 5);
    };
    tick();
    const unsubscribe = serverClock.subscribe(() => setNow(serverClock.now()));
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
  return now;
}
