import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { AliasHistoryEntry, Model } from '@ml-home/plugin-ml-home-common';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { useLoadMore } from '../../hooks/useLoadMore';
import { ActorLink } from '../common/CatalogRefLink';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { formatRelativeTime } from '../common/format';

function describe(entry: AliasHistoryEntry): string {
  if (entry.fromVersion === undefined) {
    return `${entry.alias} set to v${entry.toVersion}`;
  }
  if (entry.toVersion === undefined) {
    return `${entry.alias} removed from v${entry.fromVersion}`;
  }
  return `${entry.alias} moved from v${entry.fromVersion} to v${entry.toVersion}`;
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
  const history = useLoadMore<AliasHistoryEntry>(
    cursor => api.getModelAliasHistory(model.name, { limit: 10, cursor }),
    [api, model.name, revision],
  );
  return (
    <InfoCard
      title="Aliases"
      action={
        canMove ? (
          <Box mt={1} mr={1}>
            <Button
              variant="outlined"
              color="primary"
              onClick={() => onMove()}
              disabled={!model.versionCount}
            >
              Move alias
            </Button>
          </Box>
        ) : undefined
      }
    >
      {model.aliases.length ? (
        <List dense aria-label="Current aliases">
          {model.aliases.map(a => (
            <ListItem key={a.alias} divider>
              <ListItemText
                primary={`${a.alias} → v${a.version}`}
                secondary={
                  <>
                    by <ActorLink actor={a.updatedBy} />{' '}
                    {formatRelativeTime(a.updatedAt)}
                  </>
                }
                secondaryTypographyProps={{ component: 'div' }}
              />
              {canMove ? (
                <Button
                  size="small"
                  onClick={() => onMove(a.alias)}
                  aria-label={`Move ${a.alias}`}
                >
                  Move
                </Button>
              ) : null}
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="textSecondary" paragraph>
          No alias yet. Aliases such as production or champion name the version
          that services should load, so that promoting a version is one move.
        </Typography>
      )}
      <Typography variant="subtitle2" component="h3">
        History
      </Typography>
      {history.items.length === 0 && !history.loading && !history.error ? (
        <Typography variant="body2" color="textSecondary">
          No alias has moved yet.
        </Typography>
      ) : null}
      <List dense aria-label="Alias history">
        {history.items.map((entry, i) => (
          <ListItem key={`${entry.createdAt}-${i}`}>
            <ListItemText
              primary={describe(entry)}
              secondary={
                <>
                  <ActorLink actor={entry.actor} />{' '}
                  {formatRelativeTime(entry.createdAt)}
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
          title="The alias history could not be loaded"
          onRetry={history.retry}
        />
      ) : null}
      {history.hasMore && !history.loading ? (
        <Button size="small" onClick={history.loadMore}>
          Show older moves
        </Button>
      ) : null}
    </InfoCard>
  );
}
