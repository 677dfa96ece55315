import type { ListNotesQuery, Note } from '@ml-home/plugin-ml-home-common';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A page-by-page list of notes that the panel can also change in place (a new note on top, an
 * edited one replaced, a deleted one removed), so that "load more" pages survive an edit.
 */
export function useNotes(
  listNotes: (query: ListNotesQuery) => Promise<{
    items: Note[];
    nextCursor?: string;
    totalCount: number;
  }>,
  query: ListNotesQuery,
  queryKey: string,
) {
  const [items, setItems] = useState<Note[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();
  const [totalCount, setTotalCount] = useState<number>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const latest = useRef({ listNotes, query });
  latest.current = { listNotes, query };

  const load = useCallback(async (cursor: string | undefined, gen: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await latest.current.listNotes({
        ...latest.current.query,
        cursor,
      });
      if (gen !== generation.current) return;
      setItems(previous => {
        if (!cursor) return page.items;
        const seen = new Set(previous.map(n => n.id));
        return [...previous, ...page.items.filter(n => !seen.has(n.id))];
      });
      setNextCursor(page.nextCursor);
      setTotalCount(page.totalCount);
    } catch (e) {
      if (gen === generation.current) setError(e as Error);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    generation.current += 1;
    setItems([]);
    setNextCursor(undefined);
    setTotalCount(undefined);
    load(undefined, generation.current);
  }, [queryKey, attempt, load]);

  return {
    items,
    totalCount,
    loading,
    error,
    hasMore: !!nextCursor,
    loadMore: () => load(nextCursor, generation.current),
    retry: () =>
      items.length
        ? load(nextCursor, generation.current)
        : setAttempt(a => a + 1),
    /** A note just created: first in the list, as the newest. */
    prepend: (note: Note) => {
      setItems(previous => [note, ...previous.filter(n => n.id !== note.id)]);
      setTotalCount(c => (c === undefined ? c : c + 1));
    },
    replace: (note: Note) =>
      setItems(previous => previous.map(n => (n.id === note.id ? note : n))),
    remove: (id: string) => {
      setItems(previous => previous.filter(n => n.id !== id));
      setTotalCount(c => (c === undefined ? c : Math.max(0, c - 1)));
    },
  };
}
