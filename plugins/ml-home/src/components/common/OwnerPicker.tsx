import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { mlHomeTranslationRef } from '../../translation';
import { shortEntityRef } from './format';

/** A group the user can pick: its full entity ref and what to call it. */
export interface GroupOption {
  ref: string;
  title: string;
}

const SEARCH_LIMIT = 20;

/**
 * Picks an owner group from the catalog. Searches the catalog's groups as the user types (the
 * catalog may hold thousands), and offers the user's own teams first.
 */
export function OwnerPicker(props: {
  id: string;
  label: string;
  value: string | null;
  onChange: (ref: string | null) => void;
  /** The user's own groups, offered before the rest. */
  preferred?: string[];
  error?: string;
  helperText?: string;
  required?: boolean;
}) {
  const {
    id,
    label,
    value,
    onChange,
    preferred = [],
    error,
    helperText,
  } = props;
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [input, setInput] = useState('');
  const options = useAsync(async (): Promise<GroupOption[]> => {
    const response = await catalogApi.queryEntities({
      filter: { kind: 'group' },
      fullTextFilter: input.trim()
        ? {
            term: input.trim(),
            fields: [
              'metadata.name',
              'metadata.title',
              'spec.profile.displayName',
            ],
          }
        : undefined,
      orderFields: { field: 'metadata.name', order: 'asc' },
      limit: SEARCH_LIMIT,
    });
    const found = response.items.map(entity => {
      const profile = (entity.spec?.profile ?? {}) as { displayName?: string };
      return {
        ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        title:
          profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
      };
    });
    const mine = new Set(preferred);
    const term = input.trim().toLocaleLowerCase('en-US');
    const preferredOptions = preferred
      .filter(ref => !found.some(o => o.ref === ref))
      .filter(ref => !term || ref.includes(term))
      .map(ref => ({ ref, title: shortEntityRef(ref) }));
    return [
      ...found.filter(o => mine.has(o.ref)),
      ...preferredOptions,
      ...found.filter(o => !mine.has(o.ref)),
    ];
  }, [catalogApi, input, preferred.join(',')]);

  const optionList = options.value ?? [];
  const selected: GroupOption | null = value
    ? (optionList.find(o => o.ref === value) ?? {
        ref: value,
        title: shortEntityRef(value),
      })
    : null;
  const mine = new Set(preferred);

  return (
    <Autocomplete<GroupOption>
      id={id}
      options={optionList}
      loading={options.loading}
      value={selected}
      filterOptions={x => x}
      getOptionLabel={o => o.title}
      getOptionSelected={(a, b) => a.ref === b.ref}
      groupBy={o =>
        mine.has(o.ref)
          ? t('ownerPicker.yourTeams')
          : t('ownerPicker.allGroups')
      }
      onChange={(_, option) => onChange(option?.ref ?? null)}
      onInputChange={(_, text, reason) => {
        if (reason === 'input') setInput(text);
        if (reason === 'clear') setInput('');
      }}
      renderOption={o => (
        <span>
          {o.title}{' '}
          <span style={{ opacity: 0.6 }}>({shortEntityRef(o.ref)})</span>
        </span>
      )}
      noOptionsText={
        options.error
          ? t('ownerPicker.searchFailed', { message: options.error.message })
          : t('ownerPicker.noMatch')
      }
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          required={props.required}
          error={!!error}
          helperText={error ?? helperText}
          variant="outlined"
          margin="dense"
        />
      )}
    />
  );
}
