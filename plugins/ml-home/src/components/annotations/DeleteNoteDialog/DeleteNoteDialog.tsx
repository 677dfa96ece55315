import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import type { Note } from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../../translation';
import { errorMessage, shortEntityRef } from '../../common/format';
import { isConflict } from '../noteErrors';

/**
 * Asks before deleting a note, and deletes it at the revision it was read at: when someone
 * changed it meanwhile, nothing is deleted and the user is told to read their version first.
 */
export function DeleteNoteDialog(props: {
  note: Note;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { note, onClose, onDeleted } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const titleId = `note-delete-title-${note.id}`;
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t('notes.delete.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('notes.delete.description', {
            author: shortEntityRef(note.createdBy),
          })}
        </DialogContentText>
        {error ? <Alert severity="error">{error}</Alert> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('notes.delete.keep')}
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
                  ? t('notes.delete.conflict', { message: errorMessage(e) })
                  : errorMessage(e),
              );
              setBusy(false);
            }
          }}
        >
          {t('notes.delete.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
