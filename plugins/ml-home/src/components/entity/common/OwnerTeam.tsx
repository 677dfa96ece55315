import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MuiLink from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { mlHomeTranslationRef } from '../../../translation';
import { shortEntityRef } from '../../common/format';
import type { OwnerContact } from './useOwnerContacts';

/** Members listed by name before "and N more" (the group page lists them all). */
const MEMBERS_SHOWN = 4;

const useStyles = makeStyles(
  theme => ({
    contacts: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(0.5, 1.5),
      listStyle: 'none',
      margin: theme.spacing(0.5, 0, 0),
      padding: 0,
    },
  }),
  { name: 'MlHomeOwnerTeam' },
);

/**
 * The team that owns a model: a link to its catalog page, then how to reach it — the team's
 * address and its members' addresses from the catalog.
 */
export function OwnerTeam(props: {
  owner: string;
  contact?: OwnerContact;
  /** The contacts are still loading, or failed: shown as such, with a retry. */
  contactsLoading?: boolean;
  contactsError?: Error;
  onRetryContacts?: () => void;
}) {
  const { owner, contact, contactsLoading, contactsError, onRetryContacts } =
    props;
  const classes = useStyles();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const team = contact?.title ?? shortEntityRef(owner);
  const members = contact?.members ?? [];
  const more = members.length - MEMBERS_SHOWN;
  return (
    <div>
      <Typography variant="body2" component="div">
        {t('entity.owner.owner', {
          owner: <EntityRefLink entityRef={owner} defaultKind="group" />,
        })}
      </Typography>
      {contactsLoading ? (
        <Typography variant="caption" color="textSecondary">
          {t('entity.owner.loadingContacts')}
        </Typography>
      ) : null}
      {contactsError ? (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="caption" color="error" role="alert">
            {t('entity.owner.contactsFailed')}
          </Typography>
          {onRetryContacts ? (
            <Button
              size="small"
              onClick={onRetryContacts}
              aria-label={t('entity.owner.retryContacts', { team })}
            >
              {t('common.retry')}
            </Button>
          ) : null}
        </Box>
      ) : null}
      {contact && !contact.found ? (
        <Typography variant="caption" color="textSecondary" component="p">
          {t('entity.owner.noGroup', { owner })}
        </Typography>
      ) : null}
      {contact?.found && (contact.email || members.length > 0) ? (
        <ul
          className={classes.contacts}
          aria-label={t('entity.owner.contactsOf', { team })}
        >
          {contact.email ? (
            <li>
              <Typography variant="body2" component="span">
                <MuiLink href={`mailto:${contact.email}`}>
                  {t('entity.owner.emailTeam', { team })}
                </MuiLink>
              </Typography>
            </li>
          ) : null}
          {members.slice(0, MEMBERS_SHOWN).map(m => (
            <li key={m.ref}>
              <Typography variant="body2" component="span">
                <MuiLink
                  href={`mailto:${m.email}`}
                  aria-label={t('entity.owner.emailMember', { name: m.name })}
                >
                  {m.name}
                </MuiLink>
              </Typography>
            </li>
          ))}
          {more > 0 ? (
            <li>
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {t('entity.owner.more', { count: more })}
              </Typography>
            </li>
          ) : null}
        </ul>
      ) : null}
      {contact?.found && !contact.email && members.length === 0 ? (
        <Typography variant="caption" color="textSecondary" component="p">
          {t('entity.owner.noEmail')}
        </Typography>
      ) : null}
    </div>
  );
}
