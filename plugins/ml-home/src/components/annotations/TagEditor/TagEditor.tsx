import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CancelIcon from '@material-ui/icons/Cancel';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  NAME_PATTERN,
  mlHomeProjectUpdatePermission,
  type EntityType,
} from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { LoadErrorPanel } from '../../common/LoadErrorPanel';
import { errorMessage } from '../../common/format';

/** As many tags as an entity may carry (the API's limit). */
export const MAX_TAGS = 50;
const SUGGESTIONS = 10;

/**
 * Props of {@link TagEditor}.
 *
 * @public
 */
export interface TagEditorProps {
  /** The kind of entity the tags are on. */
  entityType: EntityType;
  /** The entity's `id` as the API returns it (a run's `runId`). */
  entityId: string;
  /** The entity's project: suggestions come from it, and edit rights are decided on it. */
  projectName: string;
}

/**
 * Why a text is not a valid tag, or undefined when it is one.
 *
 * @param tag - the candidate, already trimmed
 * @param existing - the entity's tags
 */
export function tagProblem(
  tag: string,
  existing: string[],
): string | undefined {
  if (!tag) return 'Type a tag first';
  if (!NAME_PATTERN.test(tag)) {
    const slug = tag
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63)
      .replace(/-+$/, '');
    const hint = slug && NAME_PATTERN.test(slug) ? ` Try "${slug}".` : '';
    return `Tags are slugs: lowercase letters, digits and dashes, at most 63 characters, not starting or ending with a dash.${hint}`;
  }
  if (existing.includes(tag)) return `Already tagged "${tag}"`;
  if (existing.length >= MAX_TAGS) {
    return `At most ${MAX_TAGS} tags; remove one first`;
  }
  return undefined;
}

const useStyles = makeStyles(theme => ({
  chips: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
}));

/**
 * The tags of an ML Home entity as chips; users who may update the project add tags (with
 * suggestions of the project's tags in use) and remove them. Every change is saved at once.
 *
 * @public
 */
export function TagEditor(props: TagEditorProps) {
  const { entityType, entityId, projectName } = props;
  const classes = useStyles();
  const api = useApi(mlHomeApiRef);
  const { allowed: canEdit } = usePermission({
    permission: mlHomeProjectUpdatePermission,
    resourceRef: projectName,
  });
  const state = useAsyncRetry(
    () => api.getTags(entityType, entityId),
    [api, entityType, entityId],
  );
  const [saved, setSaved] = useState<{ key: string; tags: string[] }>();
  const key = `${entityType}\n${entityId}`;
  const tags = saved?.key === key ? saved.tags : (state.value?.tags ?? []);
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const fieldId = `tag-input-${entityType}-${entityId}`;

  const suggestions = useAsync(async () => {
    if (!canEdit) return [];
    const q = input.trim();
    if (q && !/^[a-z0-9-]+$/.test(q)) return [];
    const counts = await api.countTags({
      project: projectName,
      q: q || undefined,
      limit: SUGGESTIONS + tags.length,
    });
    return counts.items
      .filter(c => !tags.includes(c.value))
      .slice(0, SUGGESTIONS);
  }, [api, projectName, input, canEdit, tags.join(',')]);
  const counts = new Map(
    (suggestions.value ?? []).map(c => [c.value, c.count]),
  );

  const save = async (next: string[]) => {
    setSaving(true);
    setSaveError(undefined);
    try {
      const result = await api.setTags({ entityType, entityId, tags: next });
      setSaved({ key, tags: result.tags });
      return true;
    } catch (e) {
      setSaveError(errorMessage(e));
      return false;
    } finally {
      setSaving(false);
    }
  };

  const add = async (raw: string) => {
    const tag = raw.trim();
    const why = tagProblem(tag, tags);
    setProblem(why);
    if (why) return;
    if (await save([...tags, tag])) setInput('');
  };

  if (state.loading && !state.value && !saved) return <Progress />;
  if (state.error && !saved) {
    return (
      <LoadErrorPanel
        error={state.error}
        title="The tags could not be loaded"
        onRetry={state.retry}
      />
    );
  }

  return (
    <Box>
      {tags.length ? (
        <ul className={classes.chips} aria-label="Tags">
          {tags.map(tag => (
            <li key={tag}>
              <Chip
                label={tag}
                size="small"
                disabled={saving}
                onDelete={
                  canEdit ? () => save(tags.filter(t => t !== tag)) : undefined
                }
                deleteIcon={
                  canEdit ? (
                    <CancelIcon titleAccess={`Remove tag ${tag}`} />
                  ) : undefined
                }
              />
            </li>
          ))}
        </ul>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {canEdit
            ? 'No tags yet. Tags let your team find and group things its own way.'
            : 'No tags.'}
        </Typography>
      )}
      {saveError ? (
        <Box mt={1}>
          <Alert severity="error">The tags were not saved: {saveError}</Alert>
        </Box>
      ) : null}
      {canEdit ? (
        // Not a form: the Autocomplete already turns Enter into an add (as a free-text option).
        <Box mt={2} display="flex" alignItems="flex-start" style={{ gap: 8 }}>
          <Box flexGrow={1}>
            <Autocomplete<string, false, false, true>
              id={fieldId}
              freeSolo
              options={(suggestions.value ?? []).map(c => c.value)}
              filterOptions={x => x}
              value={null}
              inputValue={input}
              disabled={saving}
              onInputChange={(_, text, reason) => {
                if (reason === 'reset') return;
                setInput(text);
                setProblem(undefined);
              }}
              onChange={(_, value) => {
                if (typeof value === 'string') add(value);
              }}
              renderOption={option => (
                <span
                  aria-label={
                    counts.has(option)
                      ? `${option}, ${counts.get(option)} in use`
                      : option
                  }
                >
                  {option}
                  {counts.has(option) ? (
                    <Typography
                      component="span"
                      variant="caption"
                      color="textSecondary"
                    >
                      {' '}
                      ({counts.get(option)} in use)
                    </Typography>
                  ) : null}
                </span>
              )}
              renderInput={params => (
                <TextField
                  {...params}
                  label="Add a tag"
                  size="small"
                  variant="outlined"
                  error={!!problem}
                  helperText={problem ?? 'Lowercase letters, digits and dashes'}
                />
              )}
            />
          </Box>
          <Button
            variant="outlined"
            disabled={saving || !input.trim()}
            onClick={() => add(input)}
          >
            Add tag
          </Button>
        </Box>
      ) : null}
    </Box>
  );
}
