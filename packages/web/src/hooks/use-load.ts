import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  set: (data: T) => void;
}

/** Loads once per key and on demand; a late answer for an old key is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const loadRef = useRef(load);
  loadRef.current = load;
  const current = useRef(key);

  const reload = useCallback(async () => {
    const forKey = key;
    current.current = key;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await loadRef.current();
      if (current.current === forKey) setState({ data, loading: false });
    } catch (error) {
      if (current.current === forKey) setState((s) => ({ ...s, error, loading: false }));
    }
  }, [key]);

  useEffect(() => {
    setState({ loading: true });
    void reload();
  }, [reload]);

  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { ...state, reload, set };
}
