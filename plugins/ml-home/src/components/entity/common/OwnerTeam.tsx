import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MuiLink from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
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
  const team = contact?.title ?? shortEntityRef(owner);
  const members = contact?.members ?? [];
  const more = members.length - MEMBERS_SHOWN;
  return (
    <div>
      <Typography variant="body2" component="div">
        Owner: <EntityRefLink entityRef={owner} defaultKind="group" />
      </Typography>
      {contactsLoading ? (
        <Typography variant="caption" color="textSecondary">
          Loading contacts…
        </Typography>
      ) : null}
      {contactsError ? (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="caption" color="error" role="alert">
            The owner's contacts could not be loaded from the catalog.
          </Typography>
          {onRetryContacts ? (
            <Button
              size="small"
              onClick={onRetryContacts}
              aria-label={`Retry loading the contacts of ${team}`}
            >
              Retry
            </Button>
          ) : null}
        </Box>
      ) : null}
      {contact && !contact.found ? (
        <Typography variant="caption" color="textSecondary" component="p">
          The catalog has no group {owner}: the owner may have been renamed. Fix
          the owner in ML Home so people know whom to ask.
        </Typography>
      ) : null}
      {contact?.found && (contact.email || members.length > 0) ? (
        <ul className={classes.contacts} aria-label={`Contacts of ${team}`}>
          {contact.email ? (
            <li>
              <Typography variant="body2" component="span">
                <MuiLink href={`mailto:${contact.email}`}>Email {team}</MuiLink>
              </Typography>
            </li>
          ) : null}
          {members.slice(0, MEMBERS_SHOWN).map(m => (
            <li key={m.ref}>
              <Typography variant="body2" component="span">
                <MuiLink
                  href={`mailto:${m.email}`}
                  aria-label={`Email ${m.name}`}
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
                and {more} more on the team's page
              </Typography>
            </li>
          ) : null}
        </ul>
      ) : null}
      {contact?.found && !contact.email && members.length === 0 ? (
        <Typography variant="caption" color="textSecondary" component="p">
          The team has no email address in the catalog; its page lists who to
          ask.
        </Typography>
      ) : null}
    </div>
  );
}
