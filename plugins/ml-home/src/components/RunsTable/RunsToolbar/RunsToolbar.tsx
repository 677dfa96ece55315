import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import type { Experiment, RunStatus } from '@ml-home/plugin-ml-home-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEffect, useState } from 'react';
import { mlHomeTranslationRef } from '../../../translation';
import { RunColumnPicker } from '../RunColumnPicker';
import {
  RUN_STATUSES,
  type RunColumn,
  type RunsTableState,
} from '../runsTableState';

/**
 * What narrows and shapes the runs table: experiments, the filter text (applied on Enter or with
 * the button), the status and "my runs" quick filters, and the param and metric columns.
 */
export function RunsToolbar(props: {
  state: RunsTableState;
  onChange: (patch: Partial<RunsTableState>) => void;
  /** The project's experiments; undefined while they load. */
  experiments: Experiment[] | undefined;
  experimentsFailed: boolean;
  /** The API's answer to a filter it could not read, shown at the filter box. */
  filterError?: string;
  /** The signed-in user; "My runs" waits for it. */
  userEntityRef?: string;
  /** Columns seen on the runs loaded so far. */
  availableColumns: RunColumn[];
}) {
  const { state, onChange, filterError } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [draft, setDraft] = useState(state.filter);
  useEffect(() => setDraft(state.filter), [state.filter]);
  const applyFilter = () => onChange({ filter: draft });

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-start"
      style={{ gap: 16 }}
      mb={2}
    >
      <TextField
        id="ml-home-runs-experiments"
        select
        label={t('runs.toolbar.experiments')}
        variant="outlined"
        size="small"
        style={{ minWidth: 200 }}
        SelectProps={{
          multiple: true,
          renderValue: value =>
            (value as string[]).length
              ? (value as string[]).join(', ')
              : t('runs.toolbar.allExperiments'),
          displayEmpty: true,
        }}
        InputLabelProps={{ shrink: true }}
        value={state.experiments}
        onChange={e =>
          onChange({ experiments: e.target.value as unknown as string[] })
        }
        helperText={
          props.experimentsFailed
            ? t('runs.toolbar.experimentsFailed')
            : undefined
        }
        error={props.experimentsFailed}
      >
        {(props.experiments ?? []).map(e => (
          <MenuItem key={e.id} value={e.name}>
            <Checkbox
              size="small"
              checked={state.experiments.includes(e.name)}
              inputProps={{ 'aria-hidden': true }}
              tabIndex={-1}
            />
            {t('runs.toolbar.experiment', { name: e.name, count: e.runCount })}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="ml-home-runs-filter"
        label={t('runs.toolbar.filter')}
        variant="outlined"
        size="small"
        style={{ flex: '2 1 360px' }}
        placeholder={`metrics.auc > 0.8 AND params.optimizer = "adam"`}
        value={draft}
        onChange={e => setDraft(e.target.value)}
        onKeyDown={e => {
          if (e.key === 'Enter') applyFilter();
        }}
        error={Boolean(filterError)}
        helperText={filterError ?? t('runs.toolbar.filterHelp')}
        inputProps={{ spellCheck: false }}
      />
      <Button variant="outlined" onClick={applyFilter}>
        {t('runs.toolbar.applyFilter')}
      </Button>
      <TextField
        id="ml-home-runs-status"
        select
        label={t('runs.toolbar.status')}
        variant="outlined"
        size="small"
        style={{ minWidth: 140 }}
        value={state.status ?? ''}
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
        onChange={e =>
          onChange({ status: (e.target.value as RunStatus) || undefined })
        }
      >
        <MenuItem value="">{t('runs.toolbar.anyStatus')}</MenuItem>
        {RUN_STATUSES.map(s => (
          <MenuItem key={s} value={s}>
            {t(`runs.status.${s}`)}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Switch
            id="ml-home-runs-mine"
            color="primary"
            checked={state.mine}
            disabled={!props.userEntityRef}
            onChange={e => onChange({ mine: e.target.checked })}
          />
        }
        label={t('runs.toolbar.mine')}
      />
      <RunColumnPicker
        available={props.availableColumns}
        value={state.columns}
        onChange={columns => onChange({ columns })}
      />
    </Box>
  );
}
