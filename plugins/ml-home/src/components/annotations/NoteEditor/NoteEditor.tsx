import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { Note, NoteRevision } from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../../translation';
import { SafeMarkdown } from '../../common/SafeMarkdown';
import {
  errorMessage,
  formatDateTime,
  shortEntityRef,
} from '../../common/format';
import { isConflict } from '../noteErrors';

const useStyles = makeStyles(theme => ({
  theirs: {
    borderLeft: `4px solid ${theme.palette.divider}`,
    paddingLeft: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
}));

/**
 * Edits a note against the revision it was read at. When someone else saved first, the server
 * answers 409; the user's text stays in the editor and they can load the other version, see it,
 * and save again on top of it. Nothing is ever overwritten without the user seeing it.
 */
export function NoteEditor(props: {
  note: Note;
  /** The note as saved. */
  onSaved: (note: Note) => void;
  /** The other user's version, loaded after a conflict: the list shows it meanwhile. */
  onTheirs: (note: Note) => void;
  /** The note was deleted meanwhile; with the user's text saved as a new note, that note. */
  onGone: (replacement?: Note) => void;
  onCancel: () => void;
}) {
  const { note, onSaved, onTheirs, onGone, onCancel } = props;
  const classes = useStyles();
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
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
      if (!latest) throw new Error(t('notes.editor.noRevisions'));
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
            {t('notes.editor.theirVersion', {
              revision: theirs.revision,
              editor: shortEntityRef(theirs.editedBy),
              when: formatDateTime(theirs.editedAt),
            })}
          </Typography>
          <SafeMarkdown content={theirs.body} />
        </Box>
      ) : null}
      <TextField
        id={fieldId}
        label={theirs ? t('notes.editor.yourText') : t('notes.editor.label')}
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
        value={text}
        onChange={e => setText(e.target.value)}
        helperText={t('common.markdownSupported')}
        disabled={busy}
      />
      <Box aria-live="polite" mt={1}>
        {conflict ? (
          <Alert
            severity="warning"
            action={
              <Button color="inherit" size="small" onClick={reloadTheirs}>
                {t('notes.editor.reloadTheirs')}
              </Button>
            }
          >
            {t('notes.editor.conflict', { message: conflict })}
          </Alert>
        ) : null}
        {theirs && !conflict ? (
          <Alert severity="info">{t('notes.editor.theirsShown')}</Alert>
        ) : null}
        {deleted ? (
          <Alert
            severity="warning"
            action={
              <Button color="inherit" size="small" onClick={saveAsNew}>
                {t('notes.editor.saveAsNew')}
              </Button>
            }
          >
            {t('notes.editor.deletedMeanwhile', {
              editor: shortEntityRef(deleted.editedBy),
              when: formatDateTime(deleted.editedAt),
            })}
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
          {theirs ? t('notes.editor.saveOnTop') : t('common.save')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </Box>
    </Box>
  );
}
