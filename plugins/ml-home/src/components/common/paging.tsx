import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useState } from 'react';
import { mlHomeTranslationRef } from '../../translation';

/**
 * Keyset paging over an API that answers `nextCursor`: remembers the cursors of the pages
 * before the current one. A new `queryKey` (other filters) starts again at the first page.
 */
export function useCursorPages(queryKey: string) {
  const [state, setState] = useState<{
    key: string;
    stack: (string | undefined)[];
  }>({ key: queryKey, stack: [undefined] });
  const stack = state.key === queryKey ? state.stack : [undefined];
  return {
    /** The cursor of the page to show (undefined for the first). */
    cursor: stack[stack.length - 1],
    /** Zero-based index of the page shown. */
    pageIndex: stack.length - 1,
    next: (nextCursor: string) =>
      setState({ key: queryKey, stack: [...stack, nextCursor] }),
    previous: () =>
      setState({
        key: queryKey,
        stack: stack.length > 1 ? stack.slice(0, -1) : stack,
      }),
    first: () => setState({ key: queryKey, stack: [undefined] }),
  };
}

/** Previous / next buttons and where the user is, for a list paged on the server. */
export function PagingControls(props: {
  /** What is being paged, for the buttons' accessible names, e.g. "projects". */
  noun: string;
  pageIndex: number;
  pageSize: number;
  shown: number;
  totalCount?: number;
  nextCursor?: string;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
}) {
  const {
    noun,
    pageIndex,
    pageSize,
    shown,
    totalCount,
    nextCursor,
    onNext,
    onPrevious,
  } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const from = pageIndex * pageSize + (shown ? 1 : 0);
  const to = pageIndex * pageSize + shown;
  return (
    <Box
      display="flex"
      alignItems="center"
      justifyContent="flex-end"
      mt={1}
      style={{ gap: 8 }}
    >
      <Typography variant="body2" color="textSecondary" aria-live="polite">
        {totalCount !== undefined
          ? t('common.paging.rangeOfTotal', { from, to, total: totalCount })
          : t('common.paging.range', { from, to })}
      </Typography>
      <Button
        size="small"
        disabled={pageIndex === 0}
        onClick={onPrevious}
        aria-label={t('common.paging.previousPageOf', { noun })}
      >
        {t('common.paging.previous')}
      </Button>
      <Button
        size="small"
        disabled={!nextCursor}
        onClick={() => nextCursor && onNext(nextCursor)}
        aria-label={t('common.paging.nextPageOf', { noun })}
      >
        {t('common.paging.next')}
      </Button>
    </Box>
  );
}
