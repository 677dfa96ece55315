import { InfoCard, Progress } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { ComponentProps, ReactNode } from 'react';
import { LoadErrorPanel } from '../../../common/LoadErrorPanel';
import { PagingControls } from '../../../common/paging';

/** A read the card depends on: when it failed, the card says what and offers a retry. */
export interface PagedListCardRead {
  error?: Error;
  /** What could not be loaded, e.g. "The team's models could not be loaded from ML Home". */
  title: string;
  onRetry: () => void;
}

/** One row of the list: its key and the two lines of a list item. */
export interface PagedListCardRow {
  key: string;
  primary: ReactNode;
  secondary?: ReactNode;
}

/**
 * The card the entity pages show a short list in: a title, a spinner while loading, an error
 * panel with retry for each read that failed, a text when there is nothing to list, the list
 * itself (dense, one divided item per row) and the page controls below it.
 */
export function PagedListCard<T>(props: {
  title: string;
  subheader?: string;
  deepLink?: { title: string; link: string };
  loading: boolean;
  reads: PagedListCardRead[];
  /** The rows of the page shown; undefined until they are loaded. */
  items: T[] | undefined;
  /** Shown when the loaded page has no rows: why, and how to get some. */
  empty: ReactNode;
  /** The list's accessible name, e.g. "ML models owned by this team". */
  listLabel: string;
  renderRow: (item: T) => PagedListCardRow;
  /** The page controls; none when everything fits on one page. */
  paging?: ComponentProps<typeof PagingControls>;
}) {
  const { items, paging } = props;
  return (
    <InfoCard
      title={props.title}
      titleTypographyProps={{ component: 'h2' }}
      subheader={props.subheader}
      deepLink={props.deepLink}
    >
      {props.loading ? <Progress /> : null}
      {props.reads.map(read =>
        read.error ? (
          <LoadErrorPanel
            key={read.title}
            error={read.error}
            title={read.title}
            onRetry={read.onRetry}
          />
        ) : null,
      )}
      {items && !items.length ? props.empty : null}
      {items?.length ? (
        <List dense aria-label={props.listLabel}>
          {items.map(item => {
            const row = props.renderRow(item);
            return (
              <ListItem key={row.key} divider>
                <ListItemText
                  primary={row.primary}
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={row.secondary}
                />
              </ListItem>
            );
          })}
        </List>
      ) : null}
      {paging ? <PagingControls {...paging} /> : null}
    </InfoCard>
  );
}
