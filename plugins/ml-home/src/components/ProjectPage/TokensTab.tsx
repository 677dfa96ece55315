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
import { discoveryApiRef, useApi } from '@backstage/frontend-plugin-api';
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
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { RelativeTime } from '../common/RelativeTime';
import { errorMessage, shortEntityRef } from '../common/format';
import { tableOptions } from '../common/tableOptions';

/** The lifetimes offered when creating a token, in days; the backend allows 1 to 365. */
const EXPIRY_DAYS = [7, 30, 90, 180, 365];
const DEFAULT_EXPIRY_DAYS = 90;

/** What a token may do, said once on the tab. */
const PURPOSE =
  'A project token lets pipelines and MLflow clients write runs, metrics, model versions, evaluations and deployments of this project only.';

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
  const status = tokenStatus(props.token);
  if (status === 'active') return <StatusOK>active</StatusOK>;
  if (status === 'expired') return <StatusWarning>expired</StatusWarning>;
  return <StatusAborted>revoked</StatusAborted>;
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
      edit(items => items.map(t => (t.id === token.id ? token : t))),
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
      <Alert severity="warning">
        Copy the secret now: it will not be shown again. ML Home keeps only a
        hash of it, so a lost secret cannot be recovered; revoke the token and
        create a new one instead.
      </Alert>
      <Box display="flex" alignItems="flex-start" mt={2} style={{ gap: 8 }}>
        <TextField
          id="project-token-secret"
          label="Secret"
          value={created.secret}
          variant="outlined"
          margin="dense"
          fullWidth
          InputProps={{ readOnly: true, style: { fontFamily: 'monospace' } }}
          onFocus={e => e.target.select()}
          helperText={`Token ${created.token.name}, prefix ${created.token.prefix}`}
        />
        <Box mt={1}>
          <Button variant="outlined" color="primary" onClick={copy}>
            Copy secret
          </Button>
        </Box>
      </Box>
      <Typography
        variant="body2"
        role="status"
        color={copied === 'failed' ? 'error' : 'textSecondary'}
      >
        {copied === 'yes' ? 'Secret copied to the clipboard.' : null}
        {copied === 'failed'
          ? 'The secret could not be copied: select the field and copy it.'
          : null}
      </Typography>
      {snippets ? (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            Send runs from a pipeline
          </Typography>
          <CodeSnippet
            language="bash"
            text={snippets.curl}
            showCopyCodeButton
          />
          <Typography variant="subtitle2" component="h3">
            Or from an MLflow client
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
  const [name, setName] = useState('');
  const [days, setDays] = useState(DEFAULT_EXPIRY_DAYS);
  const [nameError, setNameError] = useState<string>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<ProjectTokenCreated>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Say what will use the token, e.g. nightly-training');
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
            Token {created.token.name} created
          </DialogTitle>
          <DialogContent>
            <CreatedToken project={project} created={created} />
          </DialogContent>
          <DialogActions>
            <Button color="primary" variant="contained" onClick={onClose}>
              Done, I have copied the secret
            </Button>
          </DialogActions>
        </>
      ) : (
        <form onSubmit={create} noValidate>
          <DialogTitle id="create-token-title">
            Create a project token
          </DialogTitle>
          <DialogContent>
            <DialogContentText>{PURPOSE}</DialogContentText>
            <TextField
              id="create-token-name"
              label="Name"
              value={name}
              onChange={e => setName(e.target.value)}
              required
              fullWidth
              margin="dense"
              variant="outlined"
              inputProps={{ maxLength: 250 }}
              error={!!nameError}
              helperText={
                nameError ?? 'What will use it, e.g. nightly-training'
              }
            />
            <TextField
              id="create-token-expiry"
              select
              label="Expires in"
              value={days}
              onChange={e => setDays(Number(e.target.value))}
              fullWidth
              margin="dense"
              variant="outlined"
            >
              {EXPIRY_DAYS.map(d => (
                <MenuItem key={d} value={d}>
                  {d} days
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
              Cancel
            </Button>
            <Button
              type="submit"
              color="primary"
              variant="contained"
              disabled={saving}
            >
              Create token
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
        Revoke token {token.name}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText id="revoke-token-description">
          Pipelines and clients that use it (secret starting {token.prefix})
          stop working at once. This cannot be undone.
        </DialogContentText>
        {error ? <Alert severity="error">{error}</Alert> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        <Button
          onClick={revoke}
          color="secondary"
          variant="contained"
          disabled={saving}
        >
          Revoke
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
  const { allowed: canManage } = usePermission({
    permission: mlHomeProjectUpdatePermission,
    resourceRef: project.name,
  });
  const tokens = useProjectTokens(project.name);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ProjectToken>();
  const forbidden = isForbidden(tokens.error);

  const columns: TableColumn<ProjectToken>[] = [
    { title: 'Name', field: 'name' },
    {
      title: 'Prefix',
      field: 'prefix',
      render: t => <code>{t.prefix}…</code>,
    },
    {
      title: 'Created by',
      field: 'createdBy',
      render: t => <Person actor={t.createdBy} />,
    },
    {
      title: 'Created',
      field: 'createdAt',
      render: t => <RelativeTime value={t.createdAt} />,
    },
    {
      title: 'Expires',
      field: 'expiresAt',
      render: t => <RelativeTime value={t.expiresAt} />,
    },
    {
      title: 'Last used',
      field: 'lastUsedAt',
      render: t =>
        t.lastUsedAt ? <RelativeTime value={t.lastUsedAt} /> : 'never',
    },
    {
      title: 'Status',
      field: 'revokedAt',
      customSort: (a, b) => tokenStatus(a).localeCompare(tokenStatus(b)),
      render: t => <TokenStatusLabel token={t} />,
    },
  ];
  if (canManage) {
    columns.push({
      title: 'Actions',
      field: 'id',
      sorting: false,
      render: t =>
        tokenStatus(t) === 'active' ? (
          <Button
            size="small"
            color="secondary"
            onClick={() => setRevoking(t)}
            aria-label={`Revoke token ${t.name}`}
          >
            Revoke
          </Button>
        ) : null,
    });
  }

  let body: JSX.Element;
  if (forbidden) {
    body = (
      <EmptyState
        missing="info"
        title="Only members of the owner team can see and manage this project's tokens"
        description={`Ask someone in ${shortEntityRef(project.owner)} to create a token for your pipeline, or to add you to the team.`}
      />
    );
  } else if (tokens.error) {
    body = (
      <LoadErrorPanel
        error={tokens.error}
        title="The tokens could not be loaded"
        onRetry={tokens.retry}
      />
    );
  } else if (!tokens.tokens) {
    body = <Progress />;
  } else {
    body = (
      <Table<ProjectToken>
        title={`Tokens (${tokens.tokens.length})`}
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
            title="No tokens yet: create one for your training pipeline"
            description={
              canManage
                ? 'Give it a name that says what uses it; its secret is shown once, when you create it.'
                : `Members of ${shortEntityRef(project.owner)} can create one.`
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
        <Typography variant="body1">{PURPOSE}</Typography>
        {canManage && !forbidden ? (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setCreating(true)}
          >
            Create token
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
