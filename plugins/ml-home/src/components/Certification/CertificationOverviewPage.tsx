import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  SupportButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { findCertificationCheck } from '@ml-home/plugin-ml-home-common';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { EChart } from '../charts';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { RelativeTime } from '../common/RelativeTime';
import { shortEntityRef } from '../common/format';
import { useMlHomeLinks } from '../common/links';
import { PagingControls, useCursorPages } from '../common/paging';
import { tableOptions } from '../common/tableOptions';
import {
  KNOWN_LEVELS,
  LevelBadge,
  formatScore,
  useLevelLabel,
} from './LevelBadge';
import { buildLevelsByTeamOption, orderedLevels } from './levelsByTeam';
import type { OverviewModel } from './types';

const PAGE_SIZE = 25;
const EXPIRING_DAYS = 14;
const ALL = '';

/** The title of a check id as the rubric names it, else the id. */
function checkTitle(checkId: string): string {
  return findCertificationCheck(checkId)?.title ?? checkId;
}

/**
 * The organisation's certification overview, `/ml-home/certification?owner=…&level=…`: models per
 * level and per team, what expires soon, what fails most often, and every model with its level,
 * lowest score first. The team and level filters live in the URL, so a link reproduces the view.
 *
 * @public
 */
export const CertificationOverviewPage = () => {
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const levelLabel = useLevelLabel();
  const [searchParams, setSearchParams] = useSearchParams();
  const owner = searchParams.get('owner') ?? ALL;
  const level = searchParams.get('level') ?? ALL;
  const filtered = owner !== ALL || level !== ALL;
  const setFilter = (key: 'owner' | 'level', value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value === ALL) next.delete(key);
    else next.set(key, value);
    setSearchParams(next);
  };
  const clearFilters = () => {
    const next = new URLSearchParams(searchParams);
    next.delete('owner');
    next.delete('level');
    setSearchParams(next);
  };

  const queryKey = JSON.stringify([owner, level]);
  const pages = useCursorPages(queryKey);
  const state = useAsyncRetry(
    () =>
      api.getCertificationOverview({
        owner: owner ? [owner] : undefined,
        level: level ? [level] : undefined,
        expiringWithinDays: EXPIRING_DAYS,
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, queryKey, pages.cursor],
  );
  const overview = state.value;

  // Teams and levels to choose from: those the overview knows, and the chosen ones.
  const ownerOptions = useMemo(
    () =>
      [
        ...new Set([
          ...(overview?.byOwner.map(o => o.owner) ?? []),
          ...(owner ? [owner] : []),
        ]),
      ].sort(),
    [overview, owner],
  );
  const levelOptions = [
    ...new Set([
      ...KNOWN_LEVELS,
      ...(overview?.levels.map(l => l.level) ?? []),
      ...(level ? [level] : []),
    ]),
  ];
  const chartOption = useMemo(
    () =>
      overview
        ? buildLevelsByTeamOption(overview.byOwner, shortEntityRef, levelLabel)
        : undefined,
    // levelLabel is rebuilt each render; the language does not change under a chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [overview],
  );

  const columns: TableColumn<OverviewModel>[] = [
    {
      title: t('certification.overview.modelColumn'),
      render: m => (
        <Link to={links.model(m.model, undefined, 'certification')}>
          {m.model}
        </Link>
      ),
    },
    {
      title: t('certification.overview.projectColumn'),
      render: m => <Link to={links.project(m.project)}>{m.project}</Link>,
    },
    {
      title: t('certification.overview.ownerColumn'),
      render: m => <EntityRefLink entityRef={m.owner} defaultKind="group" />,
    },
    {
      title: t('certification.overview.levelColumn'),
      render: m => <LevelBadge level={m.level} size="small" />,
    },
    {
      title: t('certification.overview.scoreColumn'),
      render: m => formatScore(m.score),
    },
    {
      title: t('certification.overview.failingColumn'),
      render: m => String(m.failing),
    },
    {
      title: t('certification.overview.evaluatedColumn'),
      render: m => <RelativeTime value={m.evaluatedAt} />,
    },
  ];

  let body: JSX.Element;
  if (state.error) {
    body = (
      <LoadErrorPanel
        error={state.error}
        title={t('certification.overview.loadFailed')}
        onRetry={state.retry}
      />
    );
  } else if (!overview) {
    body = <Progress />;
  } else if (overview.totalCount === 0 && !filtered) {
    body = (
      <EmptyState
        missing="data"
        title={t('certification.overview.emptyTitle')}
        description={t('certification.overview.emptyDescription')}
      />
    );
  } else {
    const levelsOrder = orderedLevels(overview.byOwner);
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box
            display="flex"
            flexWrap="wrap"
            alignItems="center"
            style={{ gap: 16 }}
            role="group"
            aria-label={t('certification.overview.filters')}
          >
            <TextField
              id="certification-owner-filter"
              select
              label={t('certification.overview.teamFilter')}
              value={owner}
              onChange={e => setFilter('owner', e.target.value)}
              variant="outlined"
              size="small"
              style={{ minWidth: 220 }}
            >
              <MenuItem value={ALL}>
                {t('certification.overview.allTeams')}
              </MenuItem>
              {ownerOptions.map(o => (
                <MenuItem key={o} value={o}>
                  {shortEntityRef(o)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              id="certification-level-filter"
              select
              label={t('certification.overview.levelFilter')}
              value={level}
              onChange={e => setFilter('level', e.target.value)}
              variant="outlined"
              size="small"
              style={{ minWidth: 180 }}
            >
              <MenuItem value={ALL}>
                {t('certification.overview.allLevels')}
              </MenuItem>
              {levelOptions.map(l => (
                <MenuItem key={l} value={l}>
                  {levelLabel(l)}
                </MenuItem>
              ))}
            </TextField>
            {filtered ? (
              <Button size="small" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            ) : null}
          </Box>
        </Grid>
        <Grid item xs={12}>
          <Box
            component="ul"
            display="flex"
            flexWrap="wrap"
            p={0}
            m={0}
            style={{ gap: 12, listStyle: 'none' }}
            aria-label={t('certification.overview.perLevel')}
          >
            {overview.levels.map(l => (
              <li key={l.level}>
                <LevelBadge level={l.level} />{' '}
                <Typography variant="body2" component="span">
                  {t('certification.overview.modelCount', { count: l.count })}
                </Typography>
              </li>
            ))}
          </Box>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title={t('certification.overview.byTeamTitle')}>
            {overview.byOwner.length && chartOption ? (
              <EChart
                option={chartOption}
                height={Math.max(160, 48 + overview.byOwner.length * 36)}
                ariaLabel={t('certification.overview.byTeamChart')}
                summary={
                  <ul>
                    {overview.byOwner.map(o => (
                      <li key={o.owner}>
                        {t('certification.overview.teamSummary', {
                          team: shortEntityRef(o.owner),
                          levels: levelsOrder
                            .map(lv => ({
                              lv,
                              n: o.levels.find(x => x.level === lv)?.count ?? 0,
                            }))
                            .filter(x => x.n > 0)
                            .map(x => `${x.n} ${levelLabel(x.lv)}`)
                            .join(', '),
                        })}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Typography variant="body2" color="textSecondary">
                {t('certification.overview.noTeams')}
              </Typography>
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard
            title={t('certification.overview.expiringTitle')}
            subheader={t('certification.overview.expiringSubheader', {
              days: String(EXPIRING_DAYS),
            })}
          >
            {overview.expiring.length ? (
              <List
                dense
                aria-label={t('certification.overview.expiringTitle')}
              >
                {overview.expiring.map(a => (
                  <ListItem key={a.attestationId} disableGutters>
                    <ListItemText
                      primary={
                        <Link
                          to={links.model(a.model, undefined, 'certification')}
                        >
                          {t('certification.overview.expiringItem', {
                            model: a.model,
                            check: checkTitle(a.checkId),
                          })}
                        </Link>
                      }
                      secondary={
                        <>
                          {t('certification.overview.expires')}{' '}
                          <RelativeTime value={a.expiresAt} />
                        </>
                      }
                    />
                  </ListItem>
                ))}
              </List>
            ) : (
              <Typography variant="body2" color="textSecondary">
                {t('certification.overview.noneExpiring')}
              </Typography>
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title={t('certification.overview.failingTitle')}>
            {overview.failingChecks.length ? (
              <List dense aria-label={t('certification.overview.failingTitle')}>
                {overview.failingChecks.map(f => (
                  <ListItem key={f.checkId} disableGutters>
                    <ListItemText
                      primary={f.title}
                      secondary={t('certification.overview.failingCount', {
                        count: f.count,
                      })}
                    />
                  </ListItem>
                ))}
              </List>
            ) : (
              <Typography variant="body2" color="textSecondary">
                {t('certification.overview.noneFailing')}
              </Typography>
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <Table<OverviewModel>
            title={t('certification.overview.modelsCount', {
              total: overview.totalCount,
            })}
            isLoading={state.loading}
            columns={columns}
            data={overview.items}
            options={{
              ...tableOptions,
              paging: false,
              search: false,
              sorting: false,
              padding: 'dense',
            }}
            emptyContent={
              <Box p={2}>
                <EmptyState
                  missing="data"
                  title={t('certification.overview.noMatchTitle')}
                  description={t('certification.overview.noMatchDescription')}
                  action={
                    <Button variant="outlined" onClick={clearFilters}>
                      {t('common.clearFilters')}
                    </Button>
                  }
                />
              </Box>
            }
          />
          {overview.items.length ? (
            <PagingControls
              noun={t('certification.overview.pagingNoun')}
              pageIndex={pages.pageIndex}
              pageSize={PAGE_SIZE}
              shown={overview.items.length}
              totalCount={overview.totalCount}
              nextCursor={overview.nextCursor}
              onNext={pages.next}
              onPrevious={pages.previous}
            />
          ) : null}
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={t('certification.overview.title')}
        subtitle={t('certification.overview.subtitle')}
      />
      <Content>
        <ContentHeader title={t('certification.overview.heading')}>
          <SupportButton>{t('certification.overview.support')}</SupportButton>
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
};
