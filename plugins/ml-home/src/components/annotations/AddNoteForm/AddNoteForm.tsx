import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type { EntityType, Note } from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../../translation';
import { errorMessage } from '../../common/format';

/** A markdown box that adds a note on an entity (the button or Ctrl+Enter). */
export function AddNoteForm(props: {
  entityType: EntityType;
  entityId: string;
  onCreated: (note: Note) => void;
}) {
  const { entityType, entityId, onCreated } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
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
        label={t('notes.add.label')}
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
        helperText={t('notes.add.help')}
        disabled={busy}
      />
      {error ? (
        <Box mt={1}>
          <Alert severity="error">
            {t('notes.add.failed', { message: error })}
          </Alert>
        </Box>
      ) : null}
      <Box mt={1}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={busy || !text.trim()}
        >
          {t('notes.add.submit')}
        </Button>
      </Box>
    </Box>
  );
}
