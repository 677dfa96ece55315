import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  NAME_PATTERN,
  TITLE_MAX,
  type Lifecycle,
  type Project,
} from '@ml-home/plugin-ml-home-common';
import { FormEvent, useState } from 'react';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { useOwnableGroups } from '../../hooks/useMyGroups';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { fieldOfError } from './fieldErrors';

const FIELDS = [
  'name',
  'title',
  'owner',
  'lifecycle',
  'tags',
  'description',
] as const;
type Field = (typeof FIELDS)[number];

const LIFECYCLES: Lifecycle[] = ['experimental', 'production', 'deprecated'];

function checkLocally(
  values: {
    name: string;
    title: string;
    owner: string;
    tags: string[];
  },
  t: MlHomeT,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.name) {
    errors.name = t('createProject.nameRequired');
  } else if (!NAME_PATTERN.test(values.name)) {
    errors.name = t('createProject.nameInvalid');
  }
  if (values.title.length > TITLE_MAX) {
    errors.title = t('createProject.titleTooLong', { max: TITLE_MAX });
  }
  if (!values.owner) {
    errors.owner = t('createProject.ownerRequired');
  }
  const badTag = values.tags.find(tag => !NAME_PATTERN.test(tag));
  if (badTag) {
    errors.tags = t('createProject.tagInvalid', { tag: badTag });
  }
  return errors;
}

/**
 * Creates a project: name, title, owner team, lifecycle, tags and a markdown description. The
 * owner is one of the user's own groups (their ownership refs), the only owners the backend
 * accepts; the first is preselected. The server's message is shown at the field it names,
 * including a refused owner (403 naming `owner`).
 */
export function CreateProjectDialog(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (project: Project) => void;
}) {
  const { open, onClose, onCreated } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const ownable = useOwnableGroups();
  const [owner, setOwner] = useState('');
  const [lifecycle, setLifecycle] = useState<Lifecycle>('experimental');
  const [tagText, setTagText] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  // The user's groups arrive after the dialog opened: the first is preselected until one is picked.
  const effectiveOwner = owner || ownable.groups[0]?.ref || '';
  const noTeam = !ownable.loading && ownable.groups.length === 0;

  const tags = tagText
    .split(/[\s,]+/)
    .map(tag => tag.trim())
    .filter(Boolean);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const local = checkLocally({ name, title, owner: effectiveOwner, tags }, t);
    setErrors(local);
    if (Object.keys(local).length) {
      return;
    }
    setSubmitting(true);
    try {
      const project = await api.createProject({
        name,
        title: title.trim() || undefined,
        owner: effectiveOwner,
        lifecycle,
        tags,
        description,
      });
      onCreated(project);
    } catch (error) {
      const { field, message } = fieldOfError(error, FIELDS);
      if (field) {
        setErrors({ [field]: message });
      } else {
        setFormError(message);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="create-project-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="create-project-title">
          {t('createProject.title')}
        </DialogTitle>
        <DialogContent>
          {formError && (
            <Alert severity="error" role="alert">
              {formError}
            </Alert>
          )}
          {noTeam && (
            <Alert severity="warning" role="alert">
              {ownable.error
                ? t('createProject.ownerFailed', {
                    message: ownable.error.message,
                  })
                : t('createProject.ownerNone')}
            </Alert>
          )}
          <TextField
            id="create-project-name"
            label={t('createProject.name')}
            value={name}
            onChange={e => setName(e.target.value)}
            required
            fullWidth
            margin="dense"
            variant="outlined"
            error={!!errors.name}
            helperText={errors.name ?? t('createProject.nameHelp')}
          />
          <TextField
            id="create-project-title-field"
            label={t('createProject.titleField')}
            value={title}
            onChange={e => setTitle(e.target.value)}
            fullWidth
            margin="dense"
            variant="outlined"
            error={!!errors.title}
            helperText={errors.title ?? t('createProject.titleHelp')}
          />
          <TextField
            id="create-project-owner"
            select
            label={t('createProject.owner')}
            value={effectiveOwner}
            onChange={e => setOwner(e.target.value)}
            required
            disabled={noTeam}
            fullWidth
            margin="dense"
            variant="outlined"
            error={!!errors.owner}
            // The select's button is what screen readers are on: it is described by the help or
            // the error, and a refused owner (403 from the server) is announced as it appears.
            SelectProps={{
              SelectDisplayProps: {
                'aria-describedby': 'create-project-owner-helper-text',
              },
            }}
            FormHelperTextProps={errors.owner ? { role: 'alert' } : undefined}
            helperText={
              errors.owner ??
              (ownable.loading
                ? t('createProject.ownerLoading')
                : t('createProject.ownerHelp'))
            }
          >
            {ownable.groups.map(group => (
              <MenuItem key={group.ref} value={group.ref}>
                {group.title}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="create-project-lifecycle"
            select
            label={t('createProject.lifecycle')}
            value={lifecycle}
            onChange={e => setLifecycle(e.target.value as Lifecycle)}
            fullWidth
            margin="dense"
            variant="outlined"
            error={!!errors.lifecycle}
            helperText={errors.lifecycle}
          >
            {LIFECYCLES.map(l => (
              <MenuItem key={l} value={l}>
                {t(`lifecycle.${l}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="create-project-tags"
            label={t('createProject.tags')}
            value={tagText}
            onChange={e => setTagText(e.target.value)}
            fullWidth
            margin="dense"
            variant="outlined"
            error={!!errors.tags}
            helperText={errors.tags ?? t('createProject.tagsHelp')}
          />
          <TextField
            id="create-project-description"
            label={t('createProject.description')}
            value={description}
            onChange={e => setDescription(e.target.value)}
            fullWidth
            multiline
            minRows={4}
            margin="dense"
            variant="outlined"
            error={!!errors.description}
            helperText={
              errors.description ?? t('createProject.descriptionHelp')
            }
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting || noTeam}
          >
            {submitting
              ? t('createProject.creating')
              : t('createProject.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
