import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/** How long typing must pause before the search box commits its text to the URL. */
export const URL_SEARCH_DEBOUNCE_MS = 300;

/**
 * A search box whose committed text lives in the URL (`?q=…` by default), so a link reproduces
 * the view. The box edits locally; the text is committed after a pause in typing (replacing the
 * history entry, so typing does not fill the back button) or at once on Enter (a new entry).
 * Leading and trailing spaces are not committed; an empty box removes the parameter. When the URL
 * changes from elsewhere (back button, a link), the box follows.
 */
export function useUrlSearch(options?: {
  /** The query parameter holding the text; `q` unless told. */
  param?: string;
  /** Parameters that belong to the previous search and are dropped with each new one. */
  resets?: string[];
}) {
  const param = options?.param ?? 'q';
  const resets = options?.resets ?? [];
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get(param) ?? '';

  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);

  const commit = (value: string, replace: boolean) => {
    const trimmed = value.trim();
    if (trimmed === query) return;
    const next = new URLSearchParams(searchParams);
    if (trimmed) next.set(param, trimmed);
    else next.delete(param);
    resets.forEach(key => next.delete(key));
    setSearchParams(next, { replace });
  };

  // The pause ends with the URL as it is then (a facet clicked meanwhile stays).
  const latestCommit = useRef(commit);
  latestCommit.current = commit;
  useEffect(() => {
    const timer = setTimeout(
      () => latestCommit.current(text, true),
      URL_SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [text]);

  return {
    /** The committed search text, as in the URL. */
    query,
    /** Props for a text field: its value, and the handlers that edit and commit it. */
    fieldProps: {
      value: text,
      onChange: (e: { target: { value: string } }) => setText(e.target.value),
      onKeyDown: (e: { key: string }) => {
        if (e.key === 'Enter') commit(text, false);
      },
    },
  };
}
