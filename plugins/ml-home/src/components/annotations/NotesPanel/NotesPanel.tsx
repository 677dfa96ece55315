import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Divider from '@material-ui/core/Divider';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  mlHomeProjectUpdatePermission,
  type EntityType,
  type ListNotesQuery,
  type Note,
  type NoteRevision,
} from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import {
  errorMessage,
  formatDateTime,
  formatRelativeTime,
  shortEntityRef,
} from '../common/format';
import { useNotes } from './useNotes';
import { RelativeTime } from '../common/RelativeTime';
import { SafeMarkdown } from '../common/SafeMarkdown';

const PAGE_SIZE = 20;

/**
 * Props of {@link NotesPanel}: the notes of one entity, or of a whole project.
 *
 * @public
 */
export type NotesPanelProps =
  | {
      /** The kind of entity the notes are on. */
      entityType: EntityType;
      /** The entity's `id` as the API returns it (a run's `runId`). */
      entityId: string;
      /** The entity's project: whether the user may write notes is decided on it. */
      projectName: string;
      project?: never;
    }
  | {
      /** Show every note in this project, each with the entity it is on. Adding is per entity. */
      project: string;
      entityType?: never;
      entityId?: never;
      projectName?: never;
    };

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { marginBottom: theme.spacing(2) },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(1),
  },
  actions: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' },
  theirs: {
    borderLeft: `4px solid ${theme.palette.divider}`,
    paddingLeft: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
}));

function emptyText(projectMode: boolean, canEdit: boolean) {
  if (projectMode) {
    return 'No notes in this project yet. Notes are written on a run, model, evaluation or other entity, from its page.';
  }
  return canEdit
    ? 'No notes yet. Write down what you found, decided or want others to know.'
    : 'No notes yet.';
}

function isConflict(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 409;
}

function who(ref: string): string {
  return shortEntityRef(ref);
}

/** The revisions of a note, newest first, each rendered. */
function HistoryDialog(props: { note: Note; onClose: () => void }) {
  const { note, onClose } = props;
  const api = useApi(mlHomeApiRef);
  const state = useAsyncRetry(
    () => api.listNoteRevisions(note.id),
    [api, note.id],
  );
  const titleId = `note-history-title-${note.id}`;
  const revisions = [...(state.value?.items ?? [])].sort(
    (a, b) => b.revision - a.revision,
  );
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth>
      <DialogTitle id={titleId}>Revision history</DialogTitle>
      <DialogContent dividers>
        {state.loading ? <Progress /> : null}
        {state.error ? (
          <LoadErrorPanel
            error={state.error}
            title="The history could not be loaded"
            onRetry={state.retry}
          />
        ) : null}
        {!state.loading && !state.error ? (
          <ol
            reversed
            aria-label="Revisions, newest first"
            style={{ paddingLeft: 0, listStyle: 'none' }}
          >
            {revisions.map(r => (
              <li key={r.revision}>
                <Typography variant="subtitle2" component="h3">
                  Revision {r.revision}: {actionWord(r)} by {who(r.editedBy)},{' '}
                  {formatDateTime(r.editedAt)}
                </Typography>
                {r.action === 'delete' ? null : (
                  <SafeMarkdown content={r.body} />
                )}
                <Divider />
              </li>
            ))}
          </ol>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

function actionWord(r: NoteRevision) {
  if (r.action === 'create') return 'written';
  if (r.action === 'delete') return 'deleted';
  return 'edited';
}

function DeleteDialog(props: {
  note: Note;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { note, onClose, onDeleted } = props;
  const api = useApi(mlHomeApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const titleId = `note-delete-title-${note.id}`;
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Delete this note?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The note by {who(note.createdBy)} disappears for everyone; its
          revisions stay in the project&apos;s history.
        </DialogContentText>
        {error ? <Alert severity="error">{error}</Alert> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Keep it
        </Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              await api.deleteNote(note.id, note.revision);
              onDeleted();
            } catch (e) {
              setError(
                isConflict(e)
                  ? `${errorMessage(e)}. Close this dialog and read their version before deleting.`
                  : errorMessage(e),
              );
              setBusy(false);
            }
          }}
        >
          Delete note
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Edits a note against the revision it was read at. When someone else saved first, the server
 * answers 409; the user's text stays in the editor and they can load the other version, see it,
 * and save again on top of it. Nothing is ever overwritten without the user seeing it.
 */
function NoteEditor(props: {
  note: Note;
  onSaved: (note: Note) => void;
  onTheirs: (note: Note) => void;
  onGone: (replacement?: Note) => void;
  onCancel: () => void;
}) {
  const { note, onSaved, onTheirs, onGone, onCancel } = props;
  const classes = useStyles();
  const api = useApi(mlHomeApiRef);
  const [text, setText] = useState(note.body);
  const [baseRevision, setBaseRevision] = useState(note.revision);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState<string>();
  const [theirs, setTheirs] = useState<NoteRevision>();
  const [deleted, setDeleted] = useState<NoteRevision>();
  const fieldId = `note-edit-${note.id}`;

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.updateNote(note.id, {
        body: text,
        revision: baseRevision,
      });
      onSaved(saved);
    } catch (e) {
      if (isConflict(e)) {
        setConflict(errorMessage(e));
      } else {
        setError(errorMessage(e));
      }
      setBusy(false);
    }
  };

  const reloadTheirs = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { items } = await api.listNoteRevisions(note.id);
      const latest = items.reduce<NoteRevision | undefined>(
        (a, b) => (!a || b.revision > a.revision ? b : a),
        undefined,
      );
      if (!latest) throw new Error('The note has no revisions');
      setConflict(undefined);
      if (latest.action === 'delete') {
        setDeleted(latest);
      } else {
        setTheirs(latest);
        setBaseRevision(latest.revision);
        onTheirs({
          ...note,
          body: latest.body,
          revision: latest.revision,
          updatedBy: latest.editedBy,
          updatedAt: latest.editedAt,
        });
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const saveAsNew = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.createNote({
        entityType: note.entityType,
        entityId: note.entityId,
        body: text,
      });
      onGone(created);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Box
      component="form"
      onSubmit={(e: { preventDefault: () => void }) => {
        e.preventDefault();
        if (!busy && text.trim() && !deleted) save();
      }}
    >
      {theirs ? (
        <Box className={classes.theirs}>
          <Typography variant="subtitle2" component="h4">
            Their version: revision {theirs.revision} by {who(theirs.editedBy)},{' '}
            {formatDateTime(theirs.editedAt)}
          </Typography>
          <SafeMarkdown content={theirs.body} />
        </Box>
      ) : null}
      <TextField
        id={fieldId}
        label={theirs ? 'Your text (not saved yet)' : 'Edit note'}
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
        value={text}
        onChange={e => setText(e.target.value)}
        helperText="Markdown is supported"
        disabled={busy}
      />
      <Box aria-live="polite" mt={1}>
        {conflict ? (
          <Alert
            severity="warning"
            action={
              <Button color="inherit" size="small" onClick={reloadTheirs}>
                Reload their version
              </Button>
            }
          >
            Someone else changed this note while you were editing. {conflict}.
            Your text is kept below the message; nothing was saved.
          </Alert>
        ) : null}
        {theirs && !conflict ? (
          <Alert severity="info">
            Their version is shown above. Your text is still in the editor:
            merge what you need and save, or cancel to keep theirs.
          </Alert>
        ) : null}
        {deleted ? (
          <Alert
            severity="warning"
            action={
              <Button color="inherit" size="small" onClick={saveAsNew}>
                Save as a new note
              </Button>
            }
          >
            {who(deleted.editedBy)} deleted this note at{' '}
            {formatDateTime(deleted.editedAt)}. Your text is kept in the editor.
          </Alert>
        ) : null}
        {error ? <Alert severity="error">{error}</Alert> : null}
      </Box>
      <Box mt={1} display="flex" style={{ gap: 8 }}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={busy || !text.trim() || !!deleted || !!conflict}
        >
          {theirs ? 'Save my text on top of theirs' : 'Save'}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </Box>
    </Box>
  );
}

function NoteItem(props: {
  note: Note;
  canEdit: boolean;
  showEntity: boolean;
  onChange: (note: Note) => void;
  onRemoved: (replacement?: Note) => void;
}) {
  const { note, canEdit, showEntity, onChange, onRemoved } = props;
  const classes = useStyles();
  const [mode, setMode] = useState<'view' | 'edit'>('view');
  const [dialog, setDialog] = useState<'history' | 'delete'>();
  const headingId = `note-${note.id}-heading`;
  const edited = note.revision > 1;

  return (
    <li className={classes.item} aria-labelledby={headingId}>
      <Paper variant="outlined">
        <Box p={2}>
          <Box className={classes.meta}>
            <Typography variant="subtitle2" component="h3" id={headingId}>
              {showEntity
                ? `On ${note.entityType} ${note.entityLabel}`
                : `Note by ${who(note.createdBy)}`}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {showEntity ? `by ${who(note.createdBy)}, ` : ''}
              <RelativeTime value={note.createdAt} />
              {edited
                ? ` · edited by ${who(note.updatedBy)} ${formatRelativeTime(note.updatedAt)} (revision ${note.revision})`
                : ''}
            </Typography>
          </Box>
          {mode === 'edit' ? (
            <NoteEditor
              note={note}
              onSaved={saved => {
                onChange(saved);
                setMode('view');
              }}
              onTheirs={onChange}
              onGone={replacement => onRemoved(replacement)}
              onCancel={() => setMode('view')}
            />
          ) : (
            <>
              <SafeMarkdown content={note.body} />
              <Box className={classes.actions} mt={1}>
                <Button
                  size="small"
                  onClick={() => setDialog('history')}
                  aria-describedby={headingId}
                >
                  History
                </Button>
                {canEdit ? (
                  <>
                    <Button
                      size="small"
                      onClick={() => setMode('edit')}
                      aria-describedby={headingId}
                    >
                      Edit
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setDialog('delete')}
                      aria-describedby={headingId}
                    >
                      Delete
                    </Button>
                  </>
                ) : null}
              </Box>
            </>
          )}
        </Box>
      </Paper>
      {dialog === 'history' ? (
        <HistoryDialog note={note} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'delete' ? (
        <DeleteDialog
          note={note}
          onClose={() => setDialog(undefined)}
          onDeleted={() => {
            setDialog(undefined);
            onRemoved();
          }}
        />
      ) : null}
    </li>
  );
}

function AddNote(props: {
  entityType: EntityType;
  entityId: string;
  onCreated: (note: Note) => void;
}) {
  const { entityType, entityId, onCreated } = props;
  const api = useApi(mlHomeApiRef);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const id = `new-note-${entityType}-${entityId}`;
  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const note = await api.createNote({ entityType, entityId, body: text });
      setText('');
      onCreated(note);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box
      component="form"
      mb={2}
      onSubmit={(e: { preventDefault: () => void }) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextField
        id={id}
        label="New note"
        multiline
        minRows={2}
        fullWidth
        variant="outlined"
        value={text}
        onChange={e => setText(e.target.value)}
        onKeyDown={e => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
        helperText="Markdown is supported; Ctrl+Enter adds the note"
        disabled={busy}
      />
      {error ? (
        <Box mt={1}>
          <Alert severity="error">The note was not added: {error}</Alert>
        </Box>
      ) : null}
      <Box mt={1}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={busy || !text.trim()}
        >
          Add note
        </Button>
      </Box>
    </Box>
  );
}

/**
 * Notes on an ML Home entity (or all notes of a project): markdown with author and edit history.
 * Users who may update the project can add, edit and delete notes; edits are checked against the
 * revision they were made on, so a concurrent edit is never overwritten silently.
 *
 * @public
 */
export function NotesPanel(props: NotesPanelProps) {
  const classes = useStyles();
  const api = useApi(mlHomeApiRef);
  const projectMode = props.project !== undefined;
  const resourceRef = props.project ?? props.projectName;
  const { allowed: canEdit } = usePermission({
    permission: mlHomeProjectUpdatePermission,
    resourceRef,
  });
  const query: ListNotesQuery = projectMode
    ? { project: props.project, limit: PAGE_SIZE }
    : {
        entityType: props.entityType,
        entityId: props.entityId,
        limit: PAGE_SIZE,
      };
  const queryKey = projectMode
    ? `project\n${props.project}`
    : `${props.entityType}\n${props.entityId}`;
  const notes = useNotes(q => api.listNotes(q), query, queryKey);

  return (
    <Box>
      {!projectMode && canEdit && props.entityType && props.entityId ? (
        <AddNote
          entityType={props.entityType}
          entityId={props.entityId}
          onCreated={notes.prepend}
        />
      ) : null}
      {notes.error && notes.items.length === 0 ? (
        <LoadErrorPanel
          error={notes.error}
          title="The notes could not be loaded"
          onRetry={notes.retry}
        />
      ) : null}
      {notes.loading && notes.items.length === 0 ? <Progress /> : null}
      {!notes.loading && !notes.error && notes.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {emptyText(projectMode, canEdit)}
        </Typography>
      ) : null}
      {notes.items.length > 0 ? (
        <ul className={classes.list} aria-label="Notes">
          {notes.items.map(note => (
            <NoteItem
              key={note.id}
              note={note}
              canEdit={canEdit}
              showEntity={projectMode}
              onChange={notes.replace}
              onRemoved={replacement => {
                notes.remove(note.id);
                if (replacement) notes.prepend(replacement);
              }}
            />
          ))}
        </ul>
      ) : null}
      {notes.error && notes.items.length > 0 ? (
        <LoadErrorPanel
          error={notes.error}
          title="More notes could not be loaded"
          onRetry={notes.retry}
        />
      ) : null}
      {notes.hasMore && !notes.error ? (
        <Button onClick={notes.loadMore} disabled={notes.loading}>
          {notes.loading ? 'Loading…' : 'Show older notes'}
        </Button>
      ) : null}
    </Box>
  );
}
