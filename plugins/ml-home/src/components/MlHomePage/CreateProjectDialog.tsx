import { useApi } from '@backstage/frontend-plugin-api';
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
import { OwnerPicker } from '../common/OwnerPicker';
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

function checkLocally(values: {
  name: string;
  title: string;
  owner: string | null;
  tags: string[];
}): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.name) {
    errors.name = 'A project needs a name';
  } else if (!NAME_PATTERN.test(values.name)) {
    errors.name =
      'Use 1 to 63 lowercase letters, digits and dashes, not starting or ending with a dash';
  }
  if (values.title.length > TITLE_MAX) {
    errors.title = `At most ${TITLE_MAX} characters`;
  }
  if (!values.owner) {
    errors.owner = 'Pick the team that owns the project';
  }
  const badTag = values.tags.find(t => !NAME_PATTERN.test(t));
  if (badTag) {
    errors.tags = `'${badTag}' is not a valid tag: use lowercase letters, digits and dashes`;
  }
  return errors;
}

/**
 * Creates a project: name, title, owner group (from the catalog), lifecycle, tags and a markdown
 * description. The server's validation message is shown at the field it names.
 */
export function CreateProjectDialog(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (project: Project) => void;
  /** The user's groups, offered first as owner; the first is preselected. */
  myGroups: string[];
}) {
  const { open, onClose, onCreated, myGroups } = props;
  const api = useApi(mlHomeApiRef);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState<string | null>(myGroups[0] ?? null);
  const [ownerTouched, setOwnerTouched] = useState(false);
  const [lifecycle, setLifecycle] = useState<Lifecycle>('experimental');
  const [tagText, setTagText] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  // The user's groups may arrive after the dialog opened: preselect until the user picks.
  const effectiveOwner = ownerTouched ? owner : (owner ?? myGroups[0] ?? null);

  const tags = tagText
    .split(/[\s,]+/)
    .map(t => t.trim())
    .filter(Boolean);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const local = checkLocally({ name, title, owner: effectiveOwner, tags });
    setErrors(local);
    if (Object.keys(local).length) {
      return;
    }
    setSubmitting(true);
    try {
      const project = await api.createProject({
        name,
        title: title.trim() || undefined,
        owner: effectiveOwner!,
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
          Create an ML project
        </DialogTitle>
        <DialogContent>
          {formError && (
            <Alert severity="error" role="alert">
              {formError}
            </Alert>
          )}
          <TextField
            id="create-project-name"
            label="Name"
            value={name}
            onChange={e => setName(e.target.value)}
            required
            fullWidth
            margin="dense"
            variant="outlined"
            error={!!errors.name}
            helperText={
              errors.name ??
              'Lowercase letters, digits and dashes; it becomes part of URLs and cannot change'
            }
          />
          <TextField
            id="create-project-title-field"
            label="Title"
            value={title}
            onChange={e => setTitle(e.target.value)}
            fullWidth
            margin="dense"
            variant="outlined"
            error={!!errors.title}
            helperText={errors.title ?? 'Shown in lists; defaults to the name'}
          />
          <OwnerPicker
            id="create-project-owner"
            label="Owner team"
            value={effectiveOwner}
            onChange={ref => {
              setOwnerTouched(true);
              setOwner(ref);
            }}
            preferred={myGroups}
            required
            error={errors.owner}
            helperText="A group from the software catalog"
          />
          <TextField
            id="create-project-lifecycle"
            select
            label="Lifecycle"
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
                {l}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="create-project-tags"
            label="Tags"
            value={tagText}
            onChange={e => setTagText(e.target.value)}
            fullWidth
            margin="dense"
            variant="outlined"
            error={!!errors.tags}
            helperText={errors.tags ?? 'Separated by commas or spaces'}
          />
          <TextField
            id="create-project-description"
            label="Description"
            value={description}
            onChange={e => setDescription(e.target.value)}
            fullWidth
            multiline
            minRows={4}
            margin="dense"
            variant="outlined"
            error={!!errors.description}
            helperText={
              errors.description ?? 'Markdown: goals, data, how to contribute'
            }
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting}
          >
            {submitting ? 'Creating…' : 'Create project'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
