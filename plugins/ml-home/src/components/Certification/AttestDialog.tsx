import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useRef, useState } from 'react';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { errorMessage } from '../common/format';

/** The longest note the backend keeps (CertificationAttestationCreate.note). */
export const MAX_NOTE_LENGTH = 4000;
const MAX_URL_LENGTH = 2000;

/** Why an evidence link cannot be sent, or undefined when it can. */
export function evidenceUrlProblem(
  url: string,
  t: MlHomeT,
): string | undefined {
  if (!url) return t('certification.attest.urlRequired');
  if (url.length > MAX_URL_LENGTH) return t('certification.attest.urlTooLong');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return t('certification.attest.urlInvalid');
  }
  if (
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
    /\s/.test(url)
  ) {
    return t('certification.attest.urlInvalid');
  }
  return undefined;
}

/**
 * Attests that a check was done by hand: a link to the evidence and a note on what was done.
 * Validates before sending; the backend's refusal (no permission, a check it does not know) is
 * shown in the dialog.
 */
export function AttestDialog(props: {
  model: string;
  check: { id: string; title: string };
  onClose: () => void;
  onAttested: () => void;
}) {
  const { model, check, onClose, onAttested } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const urlInput = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [urlError, setUrlError] = useState<string>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = evidenceUrlProblem(url.trim(), t);
    setUrlError(problem);
    if (problem || note.length > MAX_NOTE_LENGTH) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.createCertificationAttestation(model, {
        checkId: check.id,
        evidenceUrl: url.trim(),
        note: note.trim(),
      });
      onAttested();
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="attest-dialog-title"
      aria-describedby="attest-dialog-description"
      fullWidth
      maxWidth="sm"
      // Keyboard focus lands on the first field once the dialog is shown.
      TransitionProps={{ onEntered: () => urlInput.current?.focus() }}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="attest-dialog-title">
          {t('certification.attest.title', { check: check.title })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText id="attest-dialog-description">
            {t('certification.attest.description')}
          </DialogContentText>
          <TextField
            id="attest-evidence-url"
            label={t('certification.attest.evidenceUrl')}
            value={url}
            onChange={e => setUrl(e.target.value)}
            required
            fullWidth
            inputRef={urlInput}
            type="url"
            margin="dense"
            variant="outlined"
            error={!!urlError}
            helperText={urlError ?? t('certification.attest.evidenceUrlHelp')}
            inputProps={{ maxLength: MAX_URL_LENGTH }}
          />
          <TextField
            id="attest-note"
            label={t('certification.attest.note')}
            value={note}
            onChange={e => setNote(e.target.value)}
            fullWidth
            multiline
            minRows={3}
            margin="dense"
            variant="outlined"
            error={note.length > MAX_NOTE_LENGTH}
            helperText={t('certification.attest.noteHelp', {
              length: note.length,
              max: MAX_NOTE_LENGTH,
            })}
          />
          {error ? (
            <Alert severity="error" role="alert">
              {t('certification.attest.failed', { message: error })}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving}
          >
            {t('certification.attest.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
