import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { Note } from '@ml-home/plugin-ml-home-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useId, useState } from 'react';
import { mlHomeTranslationRef } from '../../../translation';
import { RelativeTime, useRelativeTime } from '../../common/RelativeTime';
import { SafeMarkdown } from '../../common/SafeMarkdown';
import { shortEntityRef } from '../../common/format';
import { DeleteNoteDialog } from '../DeleteNoteDialog';
import { NoteEditor } from '../NoteEditor';
import { NoteHistoryDialog } from '../NoteHistoryDialog';

const useStyles = makeStyles(theme => ({
  item: { marginBottom: theme.spacing(2) },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(1),
  },
  actions: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' },
}));

/**
 * One note of the list: who wrote it and when, its markdown, and its history; with `canEdit`,
 * edit in place and delete.
 */
export function NoteItem(props: {
  note: Note;
  canEdit: boolean;
  /** Headed by the entity the note is on (a project's notes) rather than its author. */
  showEntity: boolean;
  onChange: (note: Note) => void;
  /** The note is gone; with the user's text saved as a new note, that note. */
  onRemoved: (replacement?: Note) => void;
}) {
  const { note, canEdit, showEntity, onChange, onRemoved } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const relativeTime = useRelativeTime();
  const [mode, setMode] = useState<'view' | 'edit'>('view');
  const [dialog, setDialog] = useState<'history' | 'delete'>();
  // The same note can be listed twice on a page (the Notes tab lists the project's own notes and
  // every note in the project): its heading's id is this item's own, not the note's.
  const headingId = `note-heading${useId()}`;
  const edited = note.revision > 1;

  return (
    <li className={classes.item} aria-labelledby={headingId}>
      <Paper variant="outlined">
        <Box p={2}>
          <Box className={classes.meta}>
            <Typography variant="subtitle2" component="h3" id={headingId}>
              {showEntity
                ? t('notes.item.onEntity', {
                    entityType: note.entityType,
                    entity: note.entityLabel,
                  })
                : t('notes.item.byAuthor', {
                    author: shortEntityRef(note.createdBy),
                  })}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {showEntity
                ? t('notes.item.by', { author: shortEntityRef(note.createdBy) })
                : ''}
              <RelativeTime value={note.createdAt} />
              {edited
                ? t('notes.item.edited', {
                    editor: shortEntityRef(note.updatedBy),
                    when: relativeTime(note.updatedAt),
                    revision: note.revision,
                  })
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
                  {t('notes.item.history')}
                </Button>
                {canEdit ? (
                  <>
                    <Button
                      size="small"
                      onClick={() => setMode('edit')}
                      aria-describedby={headingId}
                    >
                      {t('notes.item.edit')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setDialog('delete')}
                      aria-describedby={headingId}
                    >
                      {t('notes.item.delete')}
                    </Button>
                  </>
                ) : null}
              </Box>
            </>
          )}
        </Box>
      </Paper>
      {dialog === 'history' ? (
        <NoteHistoryDialog note={note} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'delete' ? (
        <DeleteNoteDialog
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
