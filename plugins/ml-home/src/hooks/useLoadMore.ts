import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A list read page by page with "load more": the first page loads when `deps` change, each
 * `loadMore` appends the next. Errors keep what was loaded and can be retried.
 */
export function useLoadMore<T>(
  fetchPage: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string }>,
  deps: unknown[],
) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(async (cursor: string | undefined, gen: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchRef.current(cursor);
      if (gen !== generation.current) return;
      setItems(previous =>
        cursor ? [...previous, ...page.items] : page.items,
      );
      setNextCursor(page.nextCursor);
    } catch (e) {
      if (gen !== generation.current) return;
      setError(e as Error);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    generation.current += 1;
    setItems([]);
    setNextCursor(undefined);
    load(undefined, generation.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  return {
    items,
    loading,
    error,
    hasMore: !!nextCursor,
    loadMore: () => load(nextCursor, generation.current),
    /** After an error: retry what failed (the first page when nothing loaded). */
    retry: () =>
      items.length
        ? load(nextCursor, generation.current)
        : setAttempt(a => a + 1),
  };
}
