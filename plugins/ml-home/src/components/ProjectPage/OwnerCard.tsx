import { InfoCard, Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useGroupMembers } from '../../hooks/useGroupMembers';
import { LoadErrorPanel } from '../common/LoadErrorPanel';

/** The owner team from the catalog, and its members. */
export function OwnerCard(props: { owner: string }) {
  const { owner } = props;
  const group = useGroupMembers(owner);
  return (
    <InfoCard title="Owner">
      <Typography variant="h6" component="p">
        <EntityRefLink entityRef={owner} defaultKind="group" />
      </Typography>
      {group.loading ? <Progress /> : null}
      {group.error ? (
        <LoadErrorPanel
          error={group.error}
          title="The owner's members could not be loaded from the catalog"
          onRetry={group.retry}
        />
      ) : null}
      {group.value && !group.value.found ? (
        <Alert severity="warning">
          The catalog has no group {owner}. Change the project's owner to an
          existing team so people know whom to ask.
        </Alert>
      ) : null}
      {group.value?.found ? (
        <>
          <Typography variant="subtitle2" component="h3">
            Members ({group.value.members.length})
          </Typography>
          {group.value.members.length ? (
            <List dense aria-label="Members of the owner team">
              {group.value.members.map(member => (
                <ListItem key={member}>
                  <EntityRefLink entityRef={member} defaultKind="user" />
                </ListItem>
              ))}
            </List>
          ) : (
            <Typography variant="body2" color="textSecondary">
              The group has no members in the catalog.
            </Typography>
          )}
        </>
      ) : null}
    </InfoCard>
  );
}
