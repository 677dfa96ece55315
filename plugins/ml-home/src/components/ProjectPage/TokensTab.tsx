import {
  CodeSnippet,
  EmptyState,
  Progress,
  StatusAborted,
  StatusOK,
  StatusWarning,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  mlHomeProjectUpdatePermission,
  type Project,
  type ProjectToken,
  type ProjectTokenCreated,
  type ProjectTokenList,
} from '@ml-home/plugin-ml-home-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { RelativeTime } from '../common/RelativeTime';
import { errorMessage, shortEntityRef } from '../common/format';
import { tableOptions } from '../common/tableOptions';

/** The lifetimes offered when creating a token, in days; the backend allows 1 to 365. */
const EXPIRY_DAYS = [7, 30, 90, 180, 365];
const DEFAULT_EXPIRY_DAYS = 90;

type TokenStatus = 'active' | 'expired' | 'revoked';

/** Whether a token still works, at `now`. */
export function tokenStatus(
  token: ProjectToken,
  now: number = Date.now(),
): TokenStatus {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
}

function TokenStatusLabel(props: { token: ProjectToken }) {
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const status = tokenStatus(props.token);
  if (status === 'active') {
    return <StatusOK>{t('project.tokens.active')}</StatusOK>;
  }
  if (status === 'expired') {
    return <StatusWarning>{t('project.tokens.expired')}</StatusWarning>;
  }
  return <StatusAborted>{t('project.tokens.revoked')}</StatusAborted>;
}

function Person(props: { actor: string }) {
  return props.actor.startsWith('user:') ? (
    <EntityRefLink entityRef={props.actor} defaultKind="user" />
  ) : (
    <span>{shortEntityRef(props.actor)}</span>
  );
}

const isForbidden = (error: Error | undefined) =>
  (error as { statusCode?: number } | undefined)?.statusCode === 403;

/**
 * The project's tokens, newest first, kept current as tokens are created and revoked here
 * without reloading the list.
 */
function useProjectTokens(projectName: string) {
  const api = useApi(mlHomeApiRef);
  const state = useAsyncRetry(
    () => api.listProjectTokens(projectName),
    [api, projectName],
  );
  const loaded = state.value;
  // Local changes apply to the list they were made on; a reload starts from the server's list.
  const [edited, setEdited] = useState<{
    base: ProjectTokenList;
    items: ProjectToken[];
  }>();
  const tokens =
    loaded && edited?.base === loaded ? edited.items : loaded?.items;
  const edit = (change: (items: ProjectToken[]) => ProjectToken[]) => {
    if (!loaded) return;
    setEdited(current => ({
      base: loaded,
      items: change(current?.base === loaded ? current.items : loaded.items),
    }));
  };
  return {
    tokens,
    loading: state.loading,
    error: state.error,
    retry: state.retry,
    added: (token: ProjectToken) => edit(items => [token, ...items]),
    replaced: (token: ProjectToken) =>
      edit(items => items.map(item => (item.id === token.id ? token : item))),
  };
}

/** The base URL of the ML Home backend, for the usage snippet. */
function useMlHomeBaseUrl(): string | undefined {
  const discovery = useApi(discoveryApiRef);
  return useAsync(() => discovery.getBaseUrl('ml-home'), [discovery]).value;
}

function usageSnippets(baseUrl: string, project: string, secret: string) {
  return {
    curl: [
      `curl -X POST "${baseUrl}/projects/${project}/ingest" \\`,
      `  -H "Authorization: Bearer ${secret}" \\`,
      `  -H "Content-Type: application/json" \\`,
      `  --data @batch.json`,
    ].join('\n'),
    mlflow: `export MLFLOW_TRACKING_TOKEN=${secret}`,
  };
}

/** The secret of a token just created: shown here once, with how to use it. */
function CreatedToken(props: {
  project: string;
  created: ProjectTokenCreated;
}) {
  const { project, created } = props;
  const baseUrl = useMlHomeBaseUrl();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = async () => {
    try {
      await window.navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  const snippets = baseUrl
    ? usageSnippets(baseUrl, project, created.secret)
    : undefined;
  return (
    <>
      <Alert severity="warning">{t('project.tokens.copyNow')}</Alert>
      <Box display="flex" alignItems="flex-start" mt={2} style={{ gap: 8 }}>
        <TextField
          id="project-token-secret"
          label={t('project.tokens.secret')}
          value={created.secret}
          variant="outlined"
          margin="dense"
          fullWidth
          InputProps={{ readOnly: true, style: { fontFamily: 'monospace' } }}
          onFocus={e => e.target.select()}
          helperText={t('project.tokens.secretHelp', {
            name: created.token.name,
            prefix: created.token.prefix,
          })}
        />
        <Box mt={1}>
          <Button variant="outlined" color="primary" onClick={copy}>
            {t('project.tokens.copySecret')}
          </Button>
        </Box>
      </Box>
      <Typography
        variant="body2"
        role="status"
        color={copied === 'failed' ? 'error' : 'textSecondary'}
      >
        {copied === 'yes' ? t('project.tokens.copied') : null}
        {copied === 'failed' ? t('project.tokens.copyFailed') : null}
      </Typography>
      {snippets ? (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            {t('project.tokens.fromPipeline')}
          </Typography>
          <CodeSnippet
            language="bash"
            text={snippets.curl}
            showCopyCodeButton
          />
          <Typography variant="subtitle2" component="h3">
            {t('project.tokens.fromMlflow')}
          </Typography>
          <CodeSnippet
            language="bash"
            text={snippets.mlflow}
            showCopyCodeButton
          />
        </Box>
      ) : null}
    </>
  );
}

/**
 * Creates a token in two steps: name and lifetime, then its secret. The secret lives only in this
 * dialog's state, so closing the dialog forgets it.
 */
function CreateTokenDialog(props: {
  project: string;
  onCreated: (token: ProjectToken) => void;
  onClose: () => void;
}) {
  const { project, onCreated, onClose } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [name, setName] = useState('');
  const [days, setDays] = useState(DEFAULT_EXPIRY_DAYS);
  const [nameError, setNameError] = useState<string>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<ProjectTokenCreated>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('project.tokens.nameRequired'));
      return;
    }
    setNameError(undefined);
    setError(undefined);
    setSaving(true);
    try {
      const answer = await api.createProjectToken(project, {
        name: name.trim(),
        expiresInDays: days,
      });
      setCreated(answer);
      onCreated(answer.token);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      // A stray click beside the dialog must not throw away a secret that is shown only once.
      onClose={(_, reason) => {
        if (!saving && !(created && reason === 'backdropClick')) onClose();
      }}
      aria-labelledby="create-token-title"
      fullWidth
      maxWidth="md"
    >
      {created ? (
        <>
          <DialogTitle id="create-token-title">
            {t('project.tokens.createdTitle', { name: created.token.name })}
          </DialogTitle>
          <DialogContent>
            <CreatedToken project={project} created={created} />
          </DialogContent>
          <DialogActions>
            <Button color="primary" variant="contained" onClick={onClose}>
              {t('project.tokens.done')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <form onSubmit={create} noValidate>
          <DialogTitle id="create-token-title">
            {t('project.tokens.createTitle')}
          </DialogTitle>
          <DialogContent>
            <DialogContentText>{t('project.tokens.purpose')}</DialogContentText>
            <TextField
              id="create-token-name"
              label={t('project.tokens.name')}
              value={name}
              onChange={e => setName(e.target.value)}
              required
              fullWidth
              margin="dense"
              variant="outlined"
              inputProps={{ maxLength: 250 }}
              error={!!nameError}
              helperText={nameError ?? t('project.tokens.nameHelp')}
            />
            <TextField
              id="create-token-expiry"
              select
              label={t('project.tokens.expiresIn')}
              value={days}
              onChange={e => setDays(Number(e.target.value))}
              fullWidth
              margin="dense"
              variant="outlined"
            >
              {EXPIRY_DAYS.map(d => (
                <MenuItem key={d} value={d}>
                  {t('project.tokens.days', { count: d })}
                </MenuItem>
              ))}
            </TextField>
            {error ? (
              <Box mt={2}>
                <Alert severity="error">{error}</Alert>
              </Box>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} disabled={saving}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color="primary"
              variant="contained"
              disabled={saving}
            >
              {t('project.tokens.createToken')}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}

/** Asks before revoking: whatever uses the token stops working at once. */
function RevokeTokenDialog(props: {
  project: string;
  token: ProjectToken;
  onRevoked: (token: ProjectToken) => void;
  onClose: () => void;
}) {
  const { project, token, onRevoked, onClose } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const revoke = async () => {
    setError(undefined);
    setSaving(true);
    try {
      onRevoked(await api.revokeProjectToken(project, token.id));
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };
  return (
    <Dialog
      open
      onClose={saving ? undefined : onClose}
      aria-labelledby="revoke-token-title"
      aria-describedby="revoke-token-description"
    >
      <DialogTitle id="revoke-token-title">
        {t('project.tokens.revokeTitle', { name: token.name })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText id="revoke-token-description">
          {t('project.tokens.revokeDescription', { prefix: token.prefix })}
        </DialogContentText>
        {error ? <Alert severity="error">{error}</Alert> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={revoke}
          color="secondary"
          variant="contained"
          disabled={saving}
        >
          {t('project.tokens.revoke')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The project's tokens for pipelines and MLflow clients: who created each, when it expires and was
 * last used. Whoever may update the project creates tokens (the secret is shown once) and revokes
 * them; others learn whom to ask.
 */
export function TokensTab(props: { project: Project }) {
  const { project } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const { allowed: canManage } = usePermission({
    permission: mlHomeProjectUpdatePermission,
    resourceRef: project.name,
  });
  const tokens = useProjectTokens(project.name);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ProjectToken>();
  const forbidden = isForbidden(tokens.error);

  const columns: TableColumn<ProjectToken>[] = [
    { title: t('project.tokens.nameColumn'), field: 'name' },
    {
      title: t('project.tokens.prefixColumn'),
      field: 'prefix',
      render: token => <code>{token.prefix}…</code>,
    },
    {
      title: t('project.tokens.createdByColumn'),
      field: 'createdBy',
      render: token => <Person actor={token.createdBy} />,
    },
    {
      title: t('project.tokens.createdColumn'),
      field: 'createdAt',
      render: token => <RelativeTime value={token.createdAt} />,
    },
    {
      title: t('project.tokens.expiresColumn'),
      field: 'expiresAt',
      render: token => <RelativeTime value={token.expiresAt} />,
    },
    {
      title: t('project.tokens.lastUsedColumn'),
      field: 'lastUsedAt',
      render: token =>
        token.lastUsedAt ? (
          <RelativeTime value={token.lastUsedAt} />
        ) : (
          t('project.tokens.never')
        ),
    },
    {
      title: t('project.tokens.statusColumn'),
      field: 'revokedAt',
      customSort: (a, b) => tokenStatus(a).localeCompare(tokenStatus(b)),
      render: token => <TokenStatusLabel token={token} />,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('project.tokens.actionsColumn'),
      field: 'id',
      sorting: false,
      render: token =>
        tokenStatus(token) === 'active' ? (
          <Button
            size="small"
            color="secondary"
            onClick={() => setRevoking(token)}
            aria-label={t('project.tokens.revokeToken', { name: token.name })}
          >
            {t('project.tokens.revoke')}
          </Button>
        ) : null,
    });
  }

  let body: JSX.Element;
  if (forbidden) {
    body = (
      <EmptyState
        missing="info"
        title={t('project.tokens.forbiddenTitle')}
        description={t('project.tokens.forbiddenDescription', {
          owner: shortEntityRef(project.owner),
        })}
      />
    );
  } else if (tokens.error) {
    body = (
      <LoadErrorPanel
        error={tokens.error}
        title={t('project.tokens.loadFailed')}
        onRetry={tokens.retry}
      />
    );
  } else if (!tokens.tokens) {
    body = <Progress />;
  } else {
    body = (
      <Table<ProjectToken>
        title={t('project.tokens.titleCount', { count: tokens.tokens.length })}
        columns={columns}
        data={tokens.tokens}
        options={{
          ...tableOptions,
          paging: false,
          search: false,
          padding: 'dense',
        }}
        emptyContent={
          <EmptyState
            missing="data"
            title={t('project.tokens.emptyTitle')}
            description={
              canManage
                ? t('project.tokens.emptyManage')
                : t('project.tokens.emptyAsk', {
                    owner: shortEntityRef(project.owner),
                  })
            }
          />
        }
      />
    );
  }

  return (
    <>
      <Box
        mb={2}
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        style={{ gap: 16 }}
      >
        <Typography variant="body1">{t('project.tokens.purpose')}</Typography>
        {canManage && !forbidden ? (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setCreating(true)}
          >
            {t('project.tokens.createToken')}
          </Button>
        ) : null}
      </Box>
      {body}
      {creating ? (
        <CreateTokenDialog
          project={project.name}
          onCreated={tokens.added}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {revoking ? (
        <RevokeTokenDialog
          project={project.name}
          token={revoking}
          onRevoked={token => {
            tokens.replaced(token);
            setRevoking(undefined);
          }}
          onClose={() => setRevoking(undefined)}
        />
      ) : null}
    </>
  );
}
