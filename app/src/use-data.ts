import { useCallback, useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | undefined;
  error: 'offline' | 'failed' | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads once per key (and again on reload); keeps the last data while reloading. */
export function useData<T>(key: string, load: () => Promise<{ data?: T; error?: unknown }>): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Loaded<T>['error']>(undefined);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((r) => {
        if (!live) return;
        if (r.data !== undefined) {
          setData(r.data);
          setError(undefined);
        } else setError('failed');
      })
      .catch(() => live && setError(navigator.onLine ? 'failed' : 'offline'))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
