import { Link } from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { rootRouteRef } from '../../../routes';
import { mlHomeTranslationRef } from '../../../translation';
import { useMlHomeLinks } from '../../common/links';
import { useCursorPages } from '../../common/paging';
import { PagedListCard } from '../common/PagedListCard';
import { entityRefOf } from '../entityPredicates';
import { RelativeTime } from '../../common/RelativeTime';
import { LevelBadge } from '../../Certification/LevelBadge';

const PAGE_SIZE = 5;

/** The first line of a markdown description, without the markup that would show as noise. */
function firstLine(markdown: string): string {
  const line =
    markdown
      .split('\n')
      .map(l => l.trim())
      .find(l => l && !l.startsWith('#')) ?? '';
  return line.replace(/[*_`>]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

/**
 * The "ML projects" card of a group: the ML Home project spaces the team owns, most recently
 * active first, each linking to its space. Reads the group from the page.
 *
 * @public
 */
export function EntityMlProjectsCard() {
  const { entity } = useEntity();
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const rootLink = useRouteRef(rootRouteRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const owner = entityRefOf(entity);
  const pages = useCursorPages(owner);
  const state = useAsyncRetry(
    () =>
      api.listProjects({
        owner: [owner],
        orderBy: 'lastActivityAt',
        order: 'desc',
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, owner, pages.cursor],
  );
  const projects = state.value?.items;
  const discover = rootLink
    ? `${rootLink()}?${new URLSearchParams({ owner })}`
    : undefined;
  return (
    <PagedListCard
      title={t('entity.projectsCard.title')}
      subheader={
        state.value?.totalCount !== undefined
          ? t('entity.projectsCard.ownedByTeam', {
              count: state.value.totalCount,
            })
          : undefined
      }
      deepLink={
        discover && projects?.length
          ? { title: t('entity.projectsCard.deepLink'), link: discover }
          : undefined
      }
      loading={state.loading}
      reads={[
        {
          error: state.error,
          title: t('entity.projectsCard.loadFailed'),
          onRetry: state.retry,
        },
      ]}
      items={projects}
      empty={
        <Typography variant="body2" color="textSecondary">
          {t('entity.projectsCard.none', {
            create: rootLink ? (
              <Link to={rootLink()} underline="always">
                {t('entity.projectsCard.createOne')}
              </Link>
            ) : (
              t('entity.projectsCard.createOne')
            ),
          })}
        </Typography>
      }
      listLabel={t('entity.projectsCard.list')}
      renderRow={p => ({
        key: p.id,
        primary: (
          <>
            <Link to={links.project(p.name)}>{p.title}</Link>{' '}
            <Chip size="small" variant="outlined" label={p.lifecycle} />{' '}
            {p.certificationLevel ? (
              <LevelBadge level={p.certificationLevel} size="small" />
            ) : null}
          </>
        ),
        secondary: (
          <>
            {p.description ? (
              <Typography
                variant="body2"
                component="div"
                color="textSecondary"
                noWrap
              >
                {firstLine(p.description)}
              </Typography>
            ) : null}
            <Typography variant="caption" component="div">
              {t('entity.projectsCard.active', {
                when: <RelativeTime value={p.lastActivityAt} />,
              })}
            </Typography>
          </>
        ),
      })}
      paging={
        projects?.length
          ? {
              noun: t('entity.projectsCard.pagingNoun'),
              pageIndex: pages.pageIndex,
              pageSize: PAGE_SIZE,
              shown: projects.length,
              totalCount: state.value?.totalCount,
              nextCursor: state.value?.nextCursor,
              onNext: pages.next,
              onPrevious: pages.previous,
            }
          : undefined
      }
    />
  );
}
