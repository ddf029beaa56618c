import { asc, desc, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { text } from './text.js';

/** The one list shape: ?page=1&pageSize=20&sort=field&order=asc|desc&q=text plus each list's own filters. */
export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: text().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  q: text().trim().max(100).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** ORDER BY for a whitelisted sort field; unknown fields fall back to the default. */
export function orderBy(
  q: Pick<ListQuery, 'sort' | 'order'>,
  columns: Record<string, PgColumn | SQL>,
  fallback: string,
): SQL {
  const col = columns[q.sort ?? ''] ?? columns[fallback];
  return q.order === 'asc' ? asc(col) : desc(col);
}

export const offsetOf = (q: Pick<ListQuery, 'page' | 'pageSize'>) => (q.page - 1) * q.pageSize;

/** Escapes LIKE wildcards in user text. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
