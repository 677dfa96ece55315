/** One page of an ML Home list, as every list route returns it. */
export type Page<T> = { items: T[]; nextCursor?: string };

/** Largest page the list routes the provider reads accept. */
export const PAGE_SIZE = 200;

/**
 * Reads every page of a keyset-paged ML Home list, following `nextCursor` until the last page.
 * Stops with an error if the server hands back a cursor it already gave, rather than looping.
 */
export async function readAllPages<T>(
  readPage: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await readPage(cursor);
    items.push(...page.items);
    if (!page.nextCursor) {
      return items;
    }
    if (seen.has(page.nextCursor)) {
      throw new Error(`ML Home returned the cursor ${page.nextCursor} twice`);
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

/** Maps `items` through `fn` with at most `concurrency` calls in flight, keeping the order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, worker),
  );
  return results;
}
