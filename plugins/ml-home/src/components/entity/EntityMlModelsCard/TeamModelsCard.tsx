import type { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../../translation';
import { useMlHomeLinks } from '../../common/links';
import { useCursorPages } from '../../common/paging';
import { AliasChips } from '../common/AliasChips';
import { PagedListCard } from '../common/PagedListCard';
import { entityRefOf } from '../entityPredicates';
import { LevelBadge } from '../../Certification/LevelBadge';

const PAGE_SIZE = 5;

/** The "ML models" card of a group: the models the team owns (its own or through its projects). */
export function TeamModelsCard(props: { entity: Entity }) {
  const { entity } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const owner = entityRefOf(entity);
  const pages = useCursorPages(owner);
  const state = useAsyncRetry(
    () => api.searchModels({ owner, limit: PAGE_SIZE, cursor: pages.cursor }),
    [api, owner, pages.cursor],
  );
  const models = state.value?.items;
  return (
    <PagedListCard
      title={t('entity.modelsCard.title')}
      subheader={
        state.value
          ? t('entity.modelsCard.ownedByTeam', {
              count: state.value.totalCount,
            })
          : undefined
      }
      loading={state.loading}
      reads={[
        {
          error: state.error,
          title: t('entity.modelsCard.teamLoadFailed'),
          onRetry: state.retry,
        },
      ]}
      items={models}
      empty={
        <Typography variant="body2" color="textSecondary">
          {t('entity.modelsCard.teamNone')}
        </Typography>
      }
      listLabel={t('entity.modelsCard.teamList')}
      renderRow={m => ({
        key: m.id,
        primary: (
          <>
            <Link to={links.model(m.name)}>{m.name}</Link>{' '}
            <LevelBadge level={m.certificationLevel} size="small" />
          </>
        ),
        secondary: (
          <>
            <Typography variant="body2" component="div">
              {t('entity.modelsCard.project', {
                // Underlined: in a sentence, colour alone would not tell it apart.
                project: (
                  <Link to={links.project(m.project)} underline="always">
                    {m.project}
                  </Link>
                ),
              })}
              {' · '}
              {m.latestVersion !== undefined
                ? t('entity.modelsCard.latest', {
                    version: String(m.latestVersion),
                  })
                : t('entity.modelsCard.noVersion')}
            </Typography>
            <AliasChips
              model={m}
              label={t('entity.aliases.of', { name: m.name })}
            />
          </>
        ),
      })}
      paging={
        models?.length
          ? {
              noun: t('entity.modelsCard.pagingNoun'),
              pageIndex: pages.pageIndex,
              pageSize: PAGE_SIZE,
              shown: models.length,
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
