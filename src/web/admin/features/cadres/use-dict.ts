import { useQuery } from '@tanstack/react-query';
import { fetchDict } from './api';

/** A dictionary for selects (enabled items) and for showing stored codes as labels (all items). */
export function useDict(type: string) {
  const q = useQuery({
    queryKey: ['dicts', type, 'items'],
    queryFn: () => fetchDict(type),
    staleTime: 300_000,
  });
  const items = q.data ?? [];
  const labels = new Map(items.map((i) => [i.code, i.label]));
  return {
    loading: q.isLoading,
    options: items.filter((i) => i.enabled).map((i) => ({ value: i.code, label: i.label })),
    label: (code: string | null | undefined) => (code ? (labels.get(code) ?? code) : ''),
  };
}
