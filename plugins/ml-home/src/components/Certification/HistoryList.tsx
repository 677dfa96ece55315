import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { RelativeTime } from '../common/RelativeTime';
import { shortEntityRef } from '../common/format';
import { PagingControls, useCursorPages } from '../common/paging';
import type { HistoryEntry } from './types';

const PAGE_SIZE = 20;

/** One change of a model's certification, as a sentence. */
export function describeHistoryEntry(
  entry: HistoryEntry,
  checkTitle: (checkId: string) => string,
  levelLabel: (level: string) => string,
  t: MlHomeT,
): string {
  const level = (value?: string) => (value ? levelLabel(value) : '—');
  const values = {
    check: entry.checkId ? checkTitle(entry.checkId) : '',
    from:
      entry.kind === 'level-changed' ? level(entry.from) : (entry.from ?? '—'),
    to: entry.kind === 'level-changed' ? level(entry.to) : (entry.to ?? '—'),
    actor: entry.actor
      ? shortEntityRef(entry.actor)
      : t('certification.history.system'),
    reason: entry.reason ?? '',
  };
  return t(`certification.history.${entry.kind}`, values);
}

/**
 * The model's certification history, newest first, paged on the server: every change of a check,
 * the score or the level, attestations added, rejected or expired, gate overrides.
 */
export function HistoryList(props: {
  model: string;
  /** Changes when the scorecard changed, so the newest entries show. */
  revision: number;
  checkTitle: (checkId: string) => string;
  levelLabel: (level: string) => string;
}) {
  const { model, revision, checkTitle, levelLabel } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const pages = useCursorPages(`${model}:${revision}`);
  const state = useAsyncRetry(
    () =>
      api.getModelScorecardHistory(model, {
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, model, pages.cursor, revision],
  );
  if (state.error) {
    return (
      <LoadErrorPanel
        error={state.error}
        title={t('certification.history.loadFailed')}
        onRetry={state.retry}
      />
    );
  }
  if (!state.value) return <Progress />;
  const items = state.value.items;
  if (!items.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('certification.history.empty')}
      </Typography>
    );
  }
  return (
    <>
      <List dense aria-label={t('certification.history.title')}>
        {items.map(entry => (
          <ListItem key={entry.id} disableGutters>
            <ListItemText
              primary={describeHistoryEntry(entry, checkTitle, levelLabel, t)}
              secondary={<RelativeTime value={entry.at} />}
            />
          </ListItem>
        ))}
      </List>
      <PagingControls
        noun={t('certification.history.pagingNoun')}
        pageIndex={pages.pageIndex}
        pageSize={PAGE_SIZE}
        shown={items.length}
        nextCursor={state.value.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
    </>
  );
}
