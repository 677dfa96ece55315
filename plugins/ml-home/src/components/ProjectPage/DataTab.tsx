import { EmptyState, Link, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type { DatasetKind, Project } from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { DatasetAccordion } from '../common/DatasetAccordion';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { PagingControls, useCursorPages } from '../common/paging';
import { useMlHomeLinks } from '../common/links';

const PAGE_SIZE = 25;

/** Dataset kinds in the order they are offered (their names are `datasetKinds.<kind>` messages). */
export const DATASET_KINDS: DatasetKind[] = [
  'training-set',
  'evaluation-set',
  'feature-set',
];

/** The project's datasets and feature sets; expand one for its schema and consumers. */
export function DataTab(props: { project: Project }) {
  const { project } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const kindParam = searchParams.get('kind');
  const kind = DATASET_KINDS.find(k => k === kindParam);
  const [open, setOpen] = useState<string>();
  const pages = useCursorPages(`${project.name}:${kind ?? ''}`);
  const state = useAsyncRetry(
    () =>
      api.listDatasets(project.name, {
        kind,
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, project.name, kind, pages.cursor],
  );
  const page = state.value;
  return (
    <>
      <Box display="flex" alignItems="center" mb={2} style={{ gap: 16 }}>
        <TextField
          id="project-datasets-kind"
          select
          label={t('project.data.kind')}
          value={kind ?? ''}
          onChange={e => {
            const next = new URLSearchParams(searchParams);
            if (e.target.value) next.set('kind', e.target.value);
            else next.delete('kind');
            setSearchParams(next);
          }}
          variant="outlined"
          size="small"
          style={{ minWidth: 200 }}
        >
          <MenuItem value="">{t('project.data.allKinds')}</MenuItem>
          {DATASET_KINDS.map(k => (
            <MenuItem key={k} value={k}>
              {t(`datasetKinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <Link to={links.features()}>{t('project.data.acrossProjects')}</Link>
      </Box>
      {state.loading ? <Progress /> : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title={t('project.data.loadFailed')}
          onRetry={state.retry}
        />
      ) : null}
      {page && page.items.length === 0 ? (
        <EmptyState
          missing="data"
          title={kind ? t('project.data.noneOfKind') : t('project.data.none')}
          description={t('project.data.emptyDescription')}
        />
      ) : null}
      {(page?.items ?? []).map(d => (
        <DatasetAccordion
          key={d.name}
          dataset={d}
          expanded={open === d.name}
          onToggle={expanded => setOpen(expanded ? d.name : undefined)}
        />
      ))}
      {page && page.items.length ? (
        <PagingControls
          noun={t('project.data.pagingNoun')}
          pageIndex={pages.pageIndex}
          pageSize={PAGE_SIZE}
          shown={page.items.length}
          totalCount={page.totalCount}
          nextCursor={page.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
        />
      ) : null}
    </>
  );
}
