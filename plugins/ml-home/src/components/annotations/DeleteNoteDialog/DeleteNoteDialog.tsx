import { useApi } from '@backstage/frontend-plugin-api';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const titleId = `note-delete-title-${note.id}`;
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Delete this note?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The note by {shortEntityRef(note.createdBy)} disappears for everyone;
          its revisions stay in the project&apos;s history.
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
