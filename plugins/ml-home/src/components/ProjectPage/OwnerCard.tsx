import { InfoCard, Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useGroupMembers } from '../../hooks/useGroupMembers';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';

/** The owner team from the catalog, and its members. */
export function OwnerCard(props: { owner: string }) {
  const { owner } = props;
  const group = useGroupMembers(owner);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  return (
    <InfoCard title={t('project.ownerCard.title')}>
      <Typography variant="h6" component="p">
        <EntityRefLink entityRef={owner} defaultKind="group" />
      </Typography>
      {group.loading ? <Progress /> : null}
      {group.error ? (
        <LoadErrorPanel
          error={group.error}
          title={t('project.ownerCard.membersFailed')}
          onRetry={group.retry}
        />
      ) : null}
      {group.value && !group.value.found ? (
        <Alert severity="warning">
          {t('project.ownerCard.noGroup', { owner })}
        </Alert>
      ) : null}
      {group.value?.found ? (
        <>
          <Typography variant="subtitle2" component="h3">
            {t('project.ownerCard.members', {
              count: group.value.members.length,
            })}
          </Typography>
          {group.value.members.length ? (
            <List dense aria-label={t('project.ownerCard.membersList')}>
              {group.value.members.map(member => (
                <ListItem key={member}>
                  <EntityRefLink entityRef={member} defaultKind="user" />
                </ListItem>
              ))}
            </List>
          ) : (
            <Typography variant="body2" color="textSecondary">
              {t('project.ownerCard.noMembers')}
            </Typography>
          )}
        </>
      ) : null}
    </InfoCard>
  );
}
