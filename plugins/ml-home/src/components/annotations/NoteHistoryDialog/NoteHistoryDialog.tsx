import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import type { Note, NoteRevision } from '@ml-home/plugin-ml-home-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { LoadErrorPanel } from '../../common/LoadErrorPanel';
import { SafeMarkdown } from '../../common/SafeMarkdown';
import { formatDateTime, shortEntityRef } from '../../common/format';

function actionWord(r: NoteRevision) {
  if (r.action === 'create') return 'written';
  if (r.action === 'delete') return 'deleted';
  return 'edited';
}

/** The revisions of a note, newest first, each rendered. */
export function NoteHistoryDialog(props: { note: Note; onClose: () => void }) {
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
                  Revision {r.revision}: {actionWord(r)} by{' '}
                  {shortEntityRef(r.editedBy)}, {formatDateTime(r.editedAt)}
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
