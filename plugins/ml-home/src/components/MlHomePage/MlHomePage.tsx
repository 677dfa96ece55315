import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Link,
  Page,
  SupportButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  mlHomeProjectCreatePermission,
  type Lifecycle,
  type Project,
} from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { useMyGroups } from '../../hooks/useMyGroups';
import { useUrlSearch } from '../../hooks/useUrlSearch';
import { mlHomeTranslationRef } from '../../translation';
import {
  certificationRouteRef,
  featuresRouteRef,
  orphansRouteRef,
  projectRouteRef,
} from '../../routes';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { PagingControls, useCursorPages } from '../common/paging';
import { useRelativeTime } from '../common/RelativeTime';
import { shortEntityRef } from '../common/format';
import { CreateProjectDialog } from './CreateProjectDialog';
import { FacetGroup } from './FacetPanel';
import { MyTeamsProjects } from './MyTeamsProjects';
import { tableOptions } from '../common/tableOptions';
import { LevelBadge, useLevelLabel } from '../Certification/LevelBadge';

const PAGE_SIZE = 25;

const SORTS = {
  lastActivityAt: { label: 'discover.sortRecentlyActive', order: 'desc' },
  name: { label: 'discover.sortName', order: 'asc' },
  createdAt: { label: 'discover.sortNewest', order: 'desc' },
} as const;
type Sort = keyof typeof SORTS;

const FILTER_KEYS = ['q', 'owner', 'tag', 'lifecycle', 'level'] as const;

/**
 * The ML Home landing page: discover every ML project of the organisation. Search, facets and
 * sort live in the URL, so a link reproduces the view; the list is paged on the server.
 *
 * @public
 */
export const MlHomePage = () => {
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const relativeTime = useRelativeTime();
  const navigate = useNavigate();
  const projectLink = useRouteRef(projectRouteRef);
  const featuresLink = useRouteRef(featuresRouteRef);
  const orphansLink = useRouteRef(orphansRouteRef);
  const certificationLink = useRouteRef(certificationRouteRef);
  const levelLabel = useLevelLabel();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = useUrlSearch();
  const q = search.query;
  const owners = searchParams.getAll('owner');
  const tags = searchParams.getAll('tag');
  const lifecycles = searchParams.getAll('lifecycle') as Lifecycle[];
  const levels = searchParams.getAll('level');
  const sortParam = searchParams.get('sort') as Sort | null;
  const sort: Sort =
    sortParam && sortParam in SORTS ? sortParam : 'lastActivityAt';
  const filtered = FILTER_KEYS.some(k => searchParams.getAll(k).length > 0);

  const { groups: myGroups } = useMyGroups();
  const { allowed: canCreate } = usePermission({
    permission: mlHomeProjectCreatePermission,
  });
  const [creating, setCreating] = useState(false);

  const update = (
    change: (params: URLSearchParams) => void,
    options?: { replace?: boolean },
  ) => {
    const next = new URLSearchParams(searchParams);
    change(next);
    setSearchParams(next, options);
  };
  const toggle = (
    key: 'owner' | 'tag' | 'lifecycle' | 'level',
    value: string,
  ) =>
    update(p => {
      const values = p.getAll(key);
      p.delete(key);
      const next = values.includes(value)
        ? values.filter(v => v !== value)
        : [...values, value];
      next.forEach(v => p.append(key, v));
    });
  const setOwners = (values: string[]) =>
    update(p => {
      p.delete('owner');
      values.forEach(v => p.append('owner', v));
    });
  const clearFilters = () => update(p => FILTER_KEYS.forEach(k => p.delete(k)));

  const queryKey = JSON.stringify([q, owners, tags, lifecycles, levels, sort]);
  const pages = useCursorPages(queryKey);
  const projects = useAsyncRetry(
    () =>
      api.listProjects({
        q: q || undefined,
        owner: owners.length ? owners : undefined,
        tag: tags.length ? tags : undefined,
        lifecycle: lifecycles.length ? lifecycles : undefined,
        level: levels.length ? levels : undefined,
        orderBy: sort,
        order: SORTS[sort].order,
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, queryKey, pages.cursor],
  );
  const page = projects.value;

  const columns: TableColumn<Project>[] = [
    {
      title: t('discover.projectColumn'),
      field: 'title',
      render: p => (
        <>
          <Link to={projectLink?.({ projectName: p.name }) ?? '#'}>
            {p.title}
          </Link>
          {p.title !== p.name ? (
            <Typography variant="caption" display="block" color="textSecondary">
              {p.name}
            </Typography>
          ) : null}
        </>
      ),
    },
    {
      title: t('discover.ownerColumn'),
      field: 'owner',
      render: p => <EntityRefLink entityRef={p.owner} defaultKind="group" />,
    },
    {
      title: t('discover.lifecycleColumn'),
      field: 'lifecycle',
      render: p => t(`lifecycle.${p.lifecycle}`),
    },
    {
      title: t('certification.discover.levelColumn'),
      field: 'certificationLevel',
      render: p => <LevelBadge level={p.certificationLevel} size="small" />,
    },
    {
      title: t('discover.tagsColumn'),
      field: 'tags',
      render: p =>
        p.tags.map(tag => (
          <Chip
            key={tag}
            label={tag}
            size="small"
            style={{ marginRight: 4, marginBottom: 2 }}
            onClick={() => !tags.includes(tag) && toggle('tag', tag)}
            aria-label={t('discover.filterByTag', { tag })}
          />
        )),
    },
    { title: t('discover.runsColumn'), field: 'counts.runs', type: 'numeric' },
    {
      title: t('discover.lastActivityColumn'),
      field: 'lastActivityAt',
      render: p => (
        <span title={new Date(p.lastActivityAt).toLocaleString()}>
          {relativeTime(p.lastActivityAt)}
        </span>
      ),
    },
  ];

  const openCreate = canCreate ? () => setCreating(true) : undefined;

  let body: JSX.Element;
  if (projects.error) {
    body = (
      <LoadErrorPanel
        error={projects.error}
        title={t('discover.loadFailed')}
        onRetry={projects.retry}
      />
    );
  } else if (page && page.totalCount === 0 && !filtered) {
    body = (
      <EmptyState
        missing="data"
        title={t('discover.emptyTitle')}
        description={t('discover.emptyDescription')}
        action={
          openCreate ? (
            <Button variant="contained" color="primary" onClick={openCreate}>
              {t('discover.createProject')}
            </Button>
          ) : undefined
        }
      />
    );
  } else {
    const activeChips = [
      ...owners.map(v => ({
        key: 'owner' as const,
        v,
        label: t('discover.activeOwner', { value: shortEntityRef(v) }),
      })),
      ...tags.map(v => ({
        key: 'tag' as const,
        v,
        label: t('discover.activeTag', { value: v }),
      })),
      ...lifecycles.map(v => ({
        key: 'lifecycle' as const,
        v,
        label: t('discover.activeLifecycle', {
          value: t(`lifecycle.${v}`),
        }),
      })),
      ...levels.map(v => ({
        key: 'level' as const,
        v,
        label: t('certification.discover.activeLevel', {
          value: levelLabel(v),
        }),
      })),
    ];
    body = (
      <>
        {!filtered ? (
          <MyTeamsProjects
            groups={myGroups}
            onShowAll={() => setOwners(myGroups)}
            onCreate={openCreate}
          />
        ) : null}
        <Grid container spacing={3}>
          <Grid
            item
            xs={12}
            md={3}
            component="aside"
            aria-label={t('discover.filters')}
          >
            <FacetGroup
              label={t('discover.ownerFacet')}
              name="owner"
              counts={page?.facets.owner ?? []}
              selected={owners}
              onToggle={v => toggle('owner', v)}
              format={shortEntityRef}
            />
            {myGroups.length ? (
              <Box mb={2}>
                <Button
                  size="small"
                  variant="outlined"
                  onClick={() => setOwners(myGroups)}
                >
                  {t('discover.onlyMyTeams')}
                </Button>
              </Box>
            ) : null}
            <FacetGroup
              label={t('discover.lifecycleFacet')}
              name="lifecycle"
              counts={page?.facets.lifecycle ?? []}
              selected={lifecycles}
              onToggle={v => toggle('lifecycle', v)}
              format={v => t(`lifecycle.${v as Lifecycle}`)}
            />
            <FacetGroup
              label={t('certification.discover.levelFacet')}
              name="level"
              counts={page?.facets.level ?? []}
              selected={levels}
              onToggle={v => toggle('level', v)}
              format={levelLabel}
            />
            <FacetGroup
              label={t('discover.tagFacet')}
              name="tag"
              counts={page?.facets.tag ?? []}
              selected={tags}
              onToggle={v => toggle('tag', v)}
            />
          </Grid>
          <Grid item xs={12} md={9}>
            <Box
              display="flex"
              flexWrap="wrap"
              alignItems="center"
              mb={2}
              style={{ gap: 16 }}
            >
              <TextField
                id="ml-home-project-search"
                label={t('discover.searchLabel')}
                type="search"
                {...search.fieldProps}
                variant="outlined"
                size="small"
                style={{ minWidth: 280 }}
              />
              <TextField
                id="ml-home-project-sort"
                select
                label={t('discover.sortLabel')}
                value={sort}
                onChange={e =>
                  update(p => {
                    if (e.target.value === 'lastActivityAt') p.delete('sort');
                    else p.set('sort', e.target.value);
                  })
                }
                variant="outlined"
                size="small"
              >
                {Object.entries(SORTS).map(([value, s]) => (
                  <MenuItem key={value} value={value}>
                    {t(s.label)}
                  </MenuItem>
                ))}
              </TextField>
            </Box>
            {activeChips.length ? (
              <Box mb={1} aria-label={t('discover.activeFilters')} role="group">
                {activeChips.map(c => (
                  <Chip
                    key={`${c.key}:${c.v}`}
                    label={c.label}
                    size="small"
                    onDelete={() => toggle(c.key, c.v)}
                    style={{ marginRight: 4 }}
                  />
                ))}
                <Button size="small" onClick={clearFilters}>
                  {t('common.clearFilters')}
                </Button>
              </Box>
            ) : null}
            <Table<Project>
              title={
                page
                  ? t('discover.projectsCount', { count: page.totalCount })
                  : t('discover.projects')
              }
              isLoading={projects.loading}
              columns={columns}
              data={page?.items ?? []}
              options={{
                ...tableOptions,
                paging: false,
                search: false,
                padding: 'dense',
              }}
              emptyContent={
                <Box p={2}>
                  <EmptyState
                    missing="data"
                    title={t('discover.noMatchTitle')}
                    description={t('discover.noMatchDescription')}
                    action={
                      <Button variant="outlined" onClick={clearFilters}>
                        {t('common.clearFilters')}
                      </Button>
                    }
                  />
                </Box>
              }
            />
            {page && page.items.length ? (
              <PagingControls
                noun={t('discover.pagingNoun')}
                pageIndex={pages.pageIndex}
                pageSize={PAGE_SIZE}
                shown={page.items.length}
                totalCount={page.totalCount}
                nextCursor={page.nextCursor}
                onNext={pages.next}
                onPrevious={pages.previous}
              />
            ) : null}
          </Grid>
        </Grid>
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header title={t('title')} subtitle={t('discover.subtitle')} />
      <Content>
        <ContentHeader title={t('discover.title')}>
          {featuresLink ? (
            <Button component={Link} to={featuresLink()}>
              {t('discover.exploreFeatures')}
            </Button>
          ) : null}
          {orphansLink ? (
            <Button component={Link} to={orphansLink()}>
              {t('discover.orphanedModels')}
            </Button>
          ) : null}
          {certificationLink ? (
            <Button component={Link} to={certificationLink()}>
              {t('certification.overview.link')}
            </Button>
          ) : null}
          {openCreate ? (
            <Button variant="contained" color="primary" onClick={openCreate}>
              {t('discover.createProject')}
            </Button>
          ) : null}
          <SupportButton>{t('discover.support')}</SupportButton>
        </ContentHeader>
        {body}
        {creating ? (
          <CreateProjectDialog
            open
            onClose={() => setCreating(false)}
            onCreated={p => {
              setCreating(false);
              navigate(projectLink?.({ projectName: p.name }) ?? '/');
            }}
          />
        ) : null}
      </Content>
    </Page>
  );
};
