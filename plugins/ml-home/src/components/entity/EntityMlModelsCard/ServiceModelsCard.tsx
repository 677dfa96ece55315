import type { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { Model } from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import { mlHomeTranslationRef, type MlHomeT } from '../../../translation';
import { useMlHomeLinks } from '../../common/links';
import { aliasesOf } from '../common/AliasChips';
import { LinkModelsHelp } from '../common/LinkModelsHelp';
import { PagedListCard } from '../common/PagedListCard';
import { useModels } from '../common/useModels';
import { type ServedModel, useServedModels } from '../common/useServedModels';
import { ML_HOME_MODELS_ANNOTATION } from '../entityPredicates';
import { LevelBadge } from '../../Certification/LevelBadge';

const PAGE_SIZE = 5;

/** `production: v3 (champion, production)` — what runs in each environment of this service. */
function servingSummary(
  served: ServedModel,
  model: Model | null | undefined,
  t: MlHomeT,
) {
  return served.deployments
    .map(d => {
      const aliases = model
        ? aliasesOf(model, d.version).map(a => a.alias)
        : [];
      const values = {
        environment: d.environment,
        version: String(d.version),
      };
      return aliases.length
        ? t('entity.modelsCard.servingWithAliases', {
            ...values,
            aliases: aliases.join(', '),
          })
        : t('entity.modelsCard.serving', values);
    })
    .join(' · ');
}

/** The "ML models" card of a component: what it serves, in which version, owned by whom. */
export function ServiceModelsCard(props: { entity: Entity }) {
  const { entity } = props;
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const served = useServedModels(entity);
  const [page, setPage] = useState(0);
  const all = served.value ?? [];
  const lastPage = Math.max(0, Math.ceil(all.length / PAGE_SIZE) - 1);
  const pageIndex = Math.min(page, lastPage);
  const shown = all.slice(pageIndex * PAGE_SIZE, (pageIndex + 1) * PAGE_SIZE);
  const models = useModels(shown.map(s => s.name));
  let items: ServedModel[] | undefined;
  if (served.value && !all.length) items = [];
  else if (models.value) items = shown;
  return (
    <PagedListCard
      title={t('entity.modelsCard.title')}
      loading={served.loading || models.loading}
      reads={[
        {
          error: served.error,
          title: t('entity.modelsCard.servedLoadFailed'),
          onRetry: served.retry,
        },
        {
          error: models.error,
          title: t('entity.modelsCard.modelsLoadFailed'),
          onRetry: models.retry,
        },
      ]}
      items={items}
      empty={<LinkModelsHelp service={served.service} compact />}
      listLabel={t('entity.modelsCard.serviceList')}
      renderRow={s => {
        const model = models.value?.get(s.name);
        return {
          key: s.name,
          primary:
            model === null ? (
              s.name
            ) : (
              <>
                <Link to={links.model(s.name)}>{s.name}</Link>
                {model ? (
                  <>
                    {' '}
                    <LevelBadge level={model.certificationLevel} size="small" />
                  </>
                ) : null}
              </>
            ),
          secondary: (
            <>
              <Typography variant="body2" component="div">
                {model === null
                  ? t('entity.modelsCard.notFound')
                  : servingSummary(s, model, t) ||
                    t('entity.modelsCard.notDeployed', {
                      annotation: ML_HOME_MODELS_ANNOTATION,
                    })}
              </Typography>
              {model ? (
                <Typography variant="body2" component="div">
                  {t('entity.owner.owner', {
                    owner: (
                      <EntityRefLink
                        entityRef={model.owner}
                        defaultKind="group"
                        underline="always"
                      />
                    ),
                  })}
                </Typography>
              ) : null}
            </>
          ),
        };
      }}
      paging={
        all.length > PAGE_SIZE
          ? {
              noun: t('entity.modelsCard.pagingNoun'),
              pageIndex,
              pageSize: PAGE_SIZE,
              shown: shown.length,
              totalCount: all.length,
              nextCursor:
                pageIndex < lastPage ? String(pageIndex + 1) : undefined,
              onNext: () => setPage(pageIndex + 1),
              onPrevious: () => setPage(Math.max(0, pageIndex - 1)),
            }
          : undefined
      }
    />
  );
}
