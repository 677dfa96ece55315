import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type { Attestation as CertificationAttestation } from './types';
import { FormEvent, useRef, useState } from 'react';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { errorMessage } from '../common/format';

const MAX_REASON_LENGTH = 2000;

/**
 * A reviewer rejects an attestation with a reason: the check loses its half point, and the owners
 * read the reason in the scorecard and its history.
 */
export function ReviewDialog(props: {
  model: string;
  checkTitle: string;
  attestation: CertificationAttestation;
  onClose: () => void;
  onReviewed: () => void;
}) {
  const { model, checkTitle, attestation, onClose, onReviewed } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const reasonInput = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    const problem = !trimmed
      ? t('certification.review.reasonRequired')
      : undefined;
    setReasonError(problem);
    if (problem || trimmed.length > MAX_REASON_LENGTH) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.reviewCertificationAttestation(model, attestation.id, {
        decision: 'reject',
        reason: trimmed,
      });
      onReviewed();
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="review-dialog-title"
      aria-describedby="review-dialog-description"
      fullWidth
      maxWidth="sm"
      // Keyboard focus lands on the first field once the dialog is shown.
      TransitionProps={{ onEntered: () => reasonInput.current?.focus() }}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="review-dialog-title">
          {t('certification.review.title', { check: checkTitle })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText id="review-dialog-description">
            {t('certification.review.description', {
              by: attestation.by,
              url: attestation.evidenceUrl,
            })}
          </DialogContentText>
          <TextField
            id="review-reason"
            label={t('certification.review.reason')}
            value={reason}
            onChange={e => setReason(e.target.value)}
            required
            fullWidth
            inputRef={reasonInput}
            multiline
            minRows={3}
            margin="dense"
            variant="outlined"
            error={!!reasonError || reason.length > MAX_REASON_LENGTH}
            helperText={
              reasonError ??
              t('certification.review.reasonHelp', {
                length: reason.length,
                max: MAX_REASON_LENGTH,
              })
            }
          />
          {error ? (
            <Alert severity="error" role="alert">
              {t('certification.review.failed', { message: error })}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            color="secondary"
            variant="contained"
            disabled={saving}
          >
            {t('certification.review.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
