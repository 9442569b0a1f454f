/**
 * The popup's follow-up data: the first page on open (one fast query that
 * also returns the counts), further pages as the rep scrolls, the closed
 * items only when their tab is opened, and reloads after every action.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FollowUp, FollowUpKind } from '@/lib/types';
import type { OpenBucket, PopupCounts, PopupResult } from '@/lib/data/followups-store';
import { ApiError, call } from '../api';
import { pick } from '../i18n';

export const PAGE = 100;

export interface Filters {
  kind?: FollowUpKind;
  site?: string;
  search: string;
}

export type View = 'live' | 'closed';

export interface ListItem {
  row: FollowUp;
  /** Live items: their due group; closed items: 'closed'. */
  bucket: OpenBucket | 'closed';
  status: FollowUp['status'];
}

export interface FollowUpData {
  items: ListItem[];
  counts: PopupCounts | null;
  closedTotal: number | null;
  hasMore: boolean;
  loading: boolean;
  /** The background's error, already in the rep's language. */
  error: string;
  /** ms from opening to the first rows on screen (for the benchmark). */
  firstRowsMs: number | null;
  loadMore(): void;
  reload(): Promise<void>;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return pick(e.error);
  return pick({ zh: `出错了：${String((e as Error)?.message ?? e)}`, en: `Something went wrong: ${String((e as Error)?.message ?? e)}` });
}

function query(f: Filters, offset: number, limit: number) {
  const q: { kind?: FollowUpKind; site?: string; search?: string; offset: number; limit: number } = { offset, limit };
  if (f.kind) q.kind = f.kind;
  if (f.site) q.site = f.site;
  if (f.search.trim()) q.search = f.search.trim();
  return q;
}

const openedAt = performance.now();

export function useFollowUps(view: View, filters: Filters): FollowUpData {
  const [items, setItems] = useState<ListItem[]>([]);
  const [counts, setCounts] = useState<PopupCounts | null>(null);
  const [closedTotal, setClosedTotal] = useState<number | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [firstRowsMs, setFirstRowsMs] = useState<number | null>(null);
  // a newer request makes older answers stale (typing in the search box)
  const generation = useRef(0);
  const loadingMore = useRef(false);
  const itemsRef = useRef<ListItem[]>([]);
  itemsRef.current = items;

  const fetchPage = async (offset: number, limit: number): Promise<{ items: ListItem[]; hasMore: boolean; counts?: PopupCounts; closedTotal?: number }> => {
    if (view === 'live') {
      const r = (await call('listFollowUps', query(filters, offset, limit))) as PopupResult;
      return { items: r.rows.map((p) => ({ row: p.row, bucket: p.bucket, status: p.status })), hasMore: r.hasMore, counts: r.counts };
    }
    const r = await call('listClosedFollowUps', query(filters, offset, limit));
    return {
      items: r.rows.map((row) => ({ row, bucket: 'closed' as const, status: row.status })),
      hasMore: r.hasMore,
      closedTotal: r.total >= 0 ? r.total : undefined,
    };
  };

  const load = async (keep: number) => {
    const gen = ++generation.current;
    setLoading(true);
    try {
      const page = await fetchPage(0, Math.min(500, Math.max(PAGE, keep)));
      if (gen !== generation.current) return;
      setItems(page.items);
      setHasMore(page.hasMore);
      if (page.counts) setCounts(page.counts);
      if (page.closedTotal !== undefined) setClosedTotal(page.closedTotal);
      setError('');
      if (firstRowsMs === null) setFirstRowsMs(performance.now() - openedAt);
    } catch (e) {
      if (gen === generation.current) setError(errorMessage(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  };

  useEffect(() => {
    void load(PAGE);
  }, [view, filters.kind, filters.site, filters.search]);

  const loadMore = () => {
    if (loadingMore.current || !hasMore) return;
    loadingMore.current = true;
    const gen = generation.current;
    const offset = itemsRef.current.length;
    void fetchPage(offset, PAGE)
      .then((page) => {
        if (gen !== generation.current) return;
        setItems((prev) => {
          const seen = new Set(prev.map((i) => i.row.id));
          return [...prev, ...page.items.filter((i) => !seen.has(i.row.id))];
        });
        setHasMore(page.hasMore);
        if (page.counts) setCounts(page.counts);
      })
      .catch((e) => setError(errorMessage(e)))
      .finally(() => (loadingMore.current = false));
  };

  return { items, counts, closedTotal, hasMore, loading, error, firstRowsMs, loadMore, reload: () => load(itemsRef.current.length) };
}
