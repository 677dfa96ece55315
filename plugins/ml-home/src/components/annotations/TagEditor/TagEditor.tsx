import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
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
import { mlHomeTranslationRef, type MlHomeT } from '../../../translation';
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

/** Why a text cannot be added as a tag. */
export type TagProblem =
  | { problem: 'empty' }
  /** Not a slug; `suggestion` is the nearest slug, when there is one. */
  | { problem: 'notSlug'; suggestion?: string }
  | { problem: 'duplicate'; tag: string }
  | { problem: 'tooMany' };

/**
 * Why a text is not a valid tag, or undefined when it is one.
 *
 * @param tag - the candidate, already trimmed
 * @param existing - the entity's tags
 */
export function tagProblem(
  tag: string,
  existing: string[],
): TagProblem | undefined {
  if (!tag) return { problem: 'empty' };
  if (!NAME_PATTERN.test(tag)) {
    const slug = tag
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63)
      .replace(/-+$/, '');
    return slug && NAME_PATTERN.test(slug)
      ? { problem: 'notSlug', suggestion: slug }
      : { problem: 'notSlug' };
  }
  if (existing.includes(tag)) return { problem: 'duplicate', tag };
  if (existing.length >= MAX_TAGS) return { problem: 'tooMany' };
  return undefined;
}

/** A tag problem in words, for the field's helper text. */
function describeTagProblem(p: TagProblem, t: MlHomeT): string {
  switch (p.problem) {
    case 'empty':
      return t('tags.typeFirst');
    case 'notSlug':
      return p.suggestion
        ? t('tags.notSlugTry', { slug: p.suggestion })
        : t('tags.notSlug');
    case 'duplicate':
      return t('tags.already', { tag: p.tag });
    default:
      return t('tags.tooMany', { max: MAX_TAGS });
  }
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
  const { t } = useTranslationRef(mlHomeTranslationRef);
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
    setProblem(why && describeTagProblem(why, t));
    if (why) return;
    if (await save([...tags, tag])) setInput('');
  };

  if (state.loading && !state.value && !saved) return <Progress />;
  if (state.error && !saved) {
    return (
      <LoadErrorPanel
        error={state.error}
        title={t('tags.loadFailed')}
        onRetry={state.retry}
      />
    );
  }

  return (
    <Box>
      {tags.length ? (
        <ul className={classes.chips} aria-label={t('tags.list')}>
          {tags.map(tag => (
            <li key={tag}>
              <Chip
                label={tag}
                size="small"
                disabled={saving}
                onDelete={
                  canEdit
                    ? () => save(tags.filter(other => other !== tag))
                    : undefined
                }
                deleteIcon={
                  canEdit ? (
                    <CancelIcon titleAccess={t('tags.remove', { tag })} />
                  ) : undefined
                }
              />
            </li>
          ))}
        </ul>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {canEdit ? t('tags.emptyEditable') : t('tags.empty')}
        </Typography>
      )}
      {saveError ? (
        <Box mt={1}>
          <Alert severity="error">
            {t('tags.saveFailed', { message: saveError })}
          </Alert>
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
                      ? t('tags.inUseLabel', {
                          tag: option,
                          count: counts.get(option)!,
                        })
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
                      {t('tags.inUse', { count: counts.get(option)! })}
                    </Typography>
                  ) : null}
                </span>
              )}
              renderInput={params => (
                <TextField
                  {...params}
                  label={t('tags.add')}
                  size="small"
                  variant="outlined"
                  error={!!problem}
                  helperText={problem ?? t('tags.help')}
                />
              )}
            />
          </Box>
          <Button
            variant="outlined"
            disabled={saving || !input.trim()}
            onClick={() => add(input)}
          >
            {t('tags.addButton')}
          </Button>
        </Box>
      ) : null}
    </Box>
  );
}
