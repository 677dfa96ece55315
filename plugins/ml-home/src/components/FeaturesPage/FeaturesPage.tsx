import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { useUrlSearch } from '../../hooks/useUrlSearch';
import { rootRouteRef } from '../../routes';
import { mlHomeTranslationRef } from '../../translation';
import { DatasetAccordion } from '../common/DatasetAccordion';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { PagingControls, useCursorPages } from '../common/paging';
import { DATASET_KINDS } from '../ProjectPage/DataTab';

const PAGE_SIZE = 25;

/**
 * Feature sets and datasets across every project: search by text, filter by kind and project;
 * expand one for its schema and the runs and models that consume it. All of it in the URL.
 *
 * @public
 */
export const FeaturesPage = () => {
  const api = useApi(mlHomeApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const search = useUrlSearch({ resets: ['open'] });
  const q = search.query;
  const kindParam = searchParams.get('kind');
  const kind = DATASET_KINDS.find(k => k === kindParam);
  const project = searchParams.get('project') ?? undefined;
  const open = searchParams.get('open') ?? undefined;

  const update = (change: (p: URLSearchParams) => void, replace = false) => {
    const next = new URLSearchParams(searchParams);
    change(next);
    setSearchParams(next, { replace });
  };

  const queryKey = JSON.stringify([q, kind, project]);
  const pages = useCursorPages(queryKey);
  const state = useAsyncRetry(
    () =>
      api.searchDatasets({
        q: q || undefined,
        kind,
        project,
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, queryKey, pages.cursor],
  );
  const page = state.value;
  const filtered = !!(q || kind || project);

  return (
    <Page themeId="tool">
      <Header
        title={t('features.title')}
        subtitle={t('features.subtitle')}
        type={t('title')}
        typeLink={rootLink?.()}
      />
      <Content>
        <ContentHeader title={t('features.contentTitle')} />
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          mb={2}
          style={{ gap: 16 }}
        >
          <TextField
            id="ml-home-dataset-search"
            label={t('features.searchLabel')}
            type="search"
            {...search.fieldProps}
            variant="outlined"
            size="small"
            style={{ minWidth: 320 }}
          />
          <TextField
            id="ml-home-dataset-kind"
            select
            label={t('features.kindLabel')}
            value={kind ?? ''}
            onChange={e =>
              update(p => {
                if (e.target.value) p.set('kind', e.target.value);
                else p.delete('kind');
              })
            }
            variant="outlined"
            size="small"
            style={{ minWidth: 200 }}
          >
            <MenuItem value="">{t('features.allKinds')}</MenuItem>
            {DATASET_KINDS.map(k => (
              <MenuItem key={k} value={k}>
                {t(`datasetKinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          {project ? (
            <Chip
              label={t('features.projectChip', { project })}
              onDelete={() => update(p => p.delete('project'))}
            />
          ) : null}
        </Box>
        {state.loading ? <Progress /> : null}
        {state.error ? (
          <LoadErrorPanel
            error={state.error}
            title={t('features.loadFailed')}
            onRetry={state.retry}
          />
        ) : null}
        {page && page.items.length === 0 ? (
          <EmptyState
            missing="data"
            title={
              filtered ? t('features.noMatchTitle') : t('features.noneTitle')
            }
            description={
              filtered
                ? t('features.noMatchDescription')
                : t('features.noneDescription')
            }
            action={
              filtered ? (
                <Button
                  variant="outlined"
                  onClick={() =>
                    update(p => {
                      ['q', 'kind', 'project', 'open'].forEach(k =>
                        p.delete(k),
                      );
                    })
                  }
                >
                  {t('common.clearFilters')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        {page && page.items.length ? (
          <Box mb={1} color="text.secondary" fontSize="body2.fontSize">
            {t('features.datasetCount', { count: page.totalCount })}
          </Box>
        ) : null}
        {(page?.items ?? []).map(d => {
          const key = `${d.project}/${d.name}`;
          return (
            <DatasetAccordion
              key={key}
              dataset={d}
              showProject
              expanded={open === key}
              onToggle={expanded =>
                update(p => {
                  if (expanded) p.set('open', key);
                  else p.delete('open');
                }, true)
              }
            />
          );
        })}
        {page && page.items.length ? (
          <PagingControls
            noun={t('features.pagingNoun')}
            pageIndex={pages.pageIndex}
            pageSize={PAGE_SIZE}
            shown={page.items.length}
            totalCount={page.totalCount}
            nextCursor={page.nextCursor}
            onNext={pages.next}
            onPrevious={pages.previous}
          />
        ) : null}
      </Content>
    </Page>
  );
};
