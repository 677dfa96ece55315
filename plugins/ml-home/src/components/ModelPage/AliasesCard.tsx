import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { AliasHistoryEntry, Model } from '@ml-home/plugin-ml-home-common';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { useLoadMore } from '../../hooks/useLoadMore';
import { ActorLink } from '../common/CatalogRefLink';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useRelativeTime } from '../common/RelativeTime';

function describe(entry: AliasHistoryEntry, t: MlHomeT): string {
  if (entry.fromVersion === undefined) {
    return t('model.aliases.set', {
      alias: entry.alias,
      version: String(entry.toVersion),
    });
  }
  if (entry.toVersion === undefined) {
    return t('model.aliases.removed', {
      alias: entry.alias,
      version: String(entry.fromVersion),
    });
  }
  return t('model.aliases.moved', {
    alias: entry.alias,
    from: String(entry.fromVersion),
    to: String(entry.toVersion),
  });
}

/** The model's aliases, the button to move one, and the history of their moves. */
export function AliasesCard(props: {
  model: Model;
  canMove: boolean;
  onMove: (alias?: string) => void;
  /** Changes when an alias moved, to reload the history. */
  revision: number;
}) {
  const { model, canMove, onMove, revision } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const relativeTime = useRelativeTime();
  const history = useLoadMore<AliasHistoryEntry>(
    cursor => api.getModelAliasHistory(model.name, { limit: 10, cursor }),
    [api, model.name, revision],
  );
  return (
    <InfoCard
      title={t('model.aliases.title')}
      action={
        canMove ? (
          <Box mt={1} mr={1}>
            <Button
              variant="outlined"
              color="primary"
              onClick={() => onMove()}
              disabled={!model.versionCount}
            >
              {t('model.aliases.move')}
            </Button>
          </Box>
        ) : undefined
      }
    >
      {model.aliases.length ? (
        <List dense aria-label={t('model.aliases.current')}>
          {model.aliases.map(a => (
            <ListItem key={a.alias} divider>
              <ListItemText
                primary={t('model.aliases.alias', {
                  alias: a.alias,
                  version: String(a.version),
                })}
                secondary={t('model.aliases.by', {
                  actor: <ActorLink actor={a.updatedBy} />,
                  when: relativeTime(a.updatedAt),
                })}
                secondaryTypographyProps={{ component: 'div' }}
              />
              {canMove ? (
                <Button
                  size="small"
                  onClick={() => onMove(a.alias)}
                  aria-label={t('model.aliases.moveOne', { alias: a.alias })}
                >
                  {t('model.aliases.moveButton')}
                </Button>
              ) : null}
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('model.aliases.none')}
        </Typography>
      )}
      <Typography variant="subtitle2" component="h3">
        {t('model.aliases.history')}
      </Typography>
      {history.items.length === 0 && !history.loading && !history.error ? (
        <Typography variant="body2" color="textSecondary">
          {t('model.aliases.noMoves')}
        </Typography>
      ) : null}
      <List dense aria-label={t('model.aliases.historyList')}>
        {history.items.map((entry, i) => (
          <ListItem key={`${entry.createdAt}-${i}`}>
            <ListItemText
              primary={describe(entry, t)}
              secondary={
                <>
                  <ActorLink actor={entry.actor} />{' '}
                  {relativeTime(entry.createdAt)}
                </>
              }
              secondaryTypographyProps={{ component: 'div' }}
            />
          </ListItem>
        ))}
      </List>
      {history.loading ? <Progress /> : null}
      {history.error ? (
        <LoadErrorPanel
          error={history.error}
          title={t('model.aliases.historyFailed')}
          onRetry={history.retry}
        />
      ) : null}
      {history.hasMore && !history.loading ? (
        <Button size="small" onClick={history.loadMore}>
          {t('model.aliases.showOlder')}
        </Button>
      ) : null}
    </InfoCard>
  );
}
