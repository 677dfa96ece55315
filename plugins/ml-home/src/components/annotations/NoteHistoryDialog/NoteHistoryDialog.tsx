import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
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
import { mlHomeTranslationRef, type MlHomeT } from '../../../translation';
import { LoadErrorPanel } from '../../common/LoadErrorPanel';
import { SafeMarkdown } from '../../common/SafeMarkdown';
import { formatDateTime, shortEntityRef } from '../../common/format';

/** "Revision 2: edited by carol, <date>". */
function revisionHeading(r: NoteRevision, t: MlHomeT) {
  const values = {
    revision: r.revision,
    editor: shortEntityRef(r.editedBy),
    when: formatDateTime(r.editedAt),
  };
  if (r.action === 'create') return t('notes.history.written', values);
  if (r.action === 'delete') return t('notes.history.deleted', values);
  return t('notes.history.edited', values);
}

/** The revisions of a note, newest first, each rendered. */
export function NoteHistoryDialog(props: { note: Note; onClose: () => void }) {
  const { note, onClose } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
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
      <DialogTitle id={titleId}>{t('notes.history.title')}</DialogTitle>
      <DialogContent dividers>
        {state.loading ? <Progress /> : null}
        {state.error ? (
          <LoadErrorPanel
            error={state.error}
            title={t('notes.history.loadFailed')}
            onRetry={state.retry}
          />
        ) : null}
        {!state.loading && !state.error ? (
          <ol
            reversed
            aria-label={t('notes.history.list')}
            style={{ paddingLeft: 0, listStyle: 'none' }}
          >
            {revisions.map(r => (
              <li key={r.revision}>
                <Typography variant="subtitle2" component="h3">
                  {revisionHeading(r, t)}
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
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
