import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  mlHomeProjectUpdatePermission,
  type EntityType,
  type ListNotesQuery,
} from '@ml-home/plugin-ml-home-common';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { mlHomeTranslationRef, type MlHomeT } from '../../../translation';
import { LoadErrorPanel } from '../../common/LoadErrorPanel';
import { AddNoteForm } from '../AddNoteForm';
import { NoteItem } from '../NoteItem';
import { useNotes } from './useNotes';

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

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
});

function emptyText(projectMode: boolean, canEdit: boolean, t: MlHomeT) {
  if (projectMode) return t('notes.emptyProject');
  return canEdit ? t('notes.emptyEditable') : t('notes.empty');
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
  const { t } = useTranslationRef(mlHomeTranslationRef);
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
        <AddNoteForm
          entityType={props.entityType}
          entityId={props.entityId}
          onCreated={notes.prepend}
        />
      ) : null}
      {notes.error && notes.items.length === 0 ? (
        <LoadErrorPanel
          error={notes.error}
          title={t('notes.loadFailed')}
          onRetry={notes.retry}
        />
      ) : null}
      {notes.loading && notes.items.length === 0 ? <Progress /> : null}
      {!notes.loading && !notes.error && notes.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {emptyText(projectMode, canEdit, t)}
        </Typography>
      ) : null}
      {notes.items.length > 0 ? (
        <ul className={classes.list} aria-label={t('notes.list')}>
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
          title={t('notes.moreFailed')}
          onRetry={notes.retry}
        />
      ) : null}
      {notes.hasMore && !notes.error ? (
        <Button onClick={notes.loadMore} disabled={notes.loading}>
          {notes.loading ? t('notes.loading') : t('notes.showOlder')}
        </Button>
      ) : null}
    </Box>
  );
}
