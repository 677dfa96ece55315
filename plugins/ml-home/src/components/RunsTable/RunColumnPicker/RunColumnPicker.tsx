import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { mlHomeTranslationRef } from '../../../translation';
import { RunColumn, columnId } from '../runsTableState';

/**
 * Chooses the param and metric columns of the runs table from the keys the loaded runs have.
 */
export function RunColumnPicker(props: {
  available: RunColumn[];
  value: RunColumn[];
  onChange: (columns: RunColumn[]) => void;
}) {
  const { available, value, onChange } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const chosen = new Set(value.map(columnId));
  // Chosen columns stay offered even when no loaded run has them (e.g. after filtering).
  const options = [
    ...value,
    ...available.filter(c => !chosen.has(columnId(c))),
  ].sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key, undefined),
  );
  return (
    <Autocomplete
      id="ml-home-runs-columns"
      multiple
      size="small"
      style={{ minWidth: 280, flex: '1 1 280px' }}
      options={options}
      value={value}
      filterSelectedOptions
      disableCloseOnSelect
      groupBy={c =>
        c.kind === 'metric'
          ? t('runs.columns.metrics')
          : t('runs.columns.params')
      }
      getOptionLabel={c => c.key}
      getOptionSelected={(a, b) => columnId(a) === columnId(b)}
      onChange={(_e, next) => onChange(next)}
      noOptionsText={t('runs.columns.none')}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={t('runs.columns.picker')}
          placeholder={value.length ? '' : t('runs.columns.addColumn')}
        />
      )}
    />
  );
}
