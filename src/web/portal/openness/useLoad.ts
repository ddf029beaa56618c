import { useEffect, useState } from 'react';
import { type ApiError, getJson } from '../api';

/** GETs a portal URL; the data, or the server's Chinese message. */
export function useLoad<T>(url: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    setData(null);
    setError(null);
    getJson<T>(url).then(setData, (e: ApiError) => setError(e.message));
  }, [url]);
  return { data, error };
}
