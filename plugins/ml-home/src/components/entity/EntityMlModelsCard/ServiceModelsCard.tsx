import type { Entity } from '@backstage/catalog-model';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { Model } from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import { LoadErrorPanel } from '../../common/LoadErrorPanel';
import { useMlHomeLinks } from '../../common/links';
import { PagingControls } from '../../common/paging';
import { aliasesOf } from '../common/AliasChips';
import { LinkModelsHelp } from '../common/LinkModelsHelp';
import { useModels } from '../common/useModels';
import { type ServedModel, useServedModels } from '../common/useServedModels';

const PAGE_SIZE = 5;

/** `production: v3 (champion, production)` — what runs in each environment of this service. */
function servingSummary(served: ServedModel, model: Model | null | undefined) {
  return served.deployments
    .map(d => {
      const aliases = model
        ? aliasesOf(model, d.version).map(a => a.alias)
        : [];
      return `${d.environment}: v${d.version}${
        aliases.length ? ` (${aliases.join(', ')})` : ''
      }`;
    })
    .join(' · ');
}

/** The "ML models" card of a component: what it serves, in which version, owned by whom. */
export function ServiceModelsCard(props: { entity: Entity }) {
  const { entity } = props;
  const links = useMlHomeLinks();
  const served = useServedModels(entity);
  const [page, setPage] = useState(0);
  const all = served.value ?? [];
  const lastPage = Math.max(0, Math.ceil(all.length / PAGE_SIZE) - 1);
  const pageIndex = Math.min(page, lastPage);
  const shown = all.slice(pageIndex * PAGE_SIZE, (pageIndex + 1) * PAGE_SIZE);
  const models = useModels(shown.map(s => s.name));
  return (
    <InfoCard title="ML models" titleTypographyProps={{ component: 'h2' }}>
      {served.loading || models.loading ? <Progress /> : null}
      {served.error ? (
        <LoadErrorPanel
          error={served.error}
          title="The models this service serves could not be loaded"
          onRetry={served.retry}
        />
      ) : null}
      {models.error ? (
        <LoadErrorPanel
          error={models.error}
          title="The models could not be loaded from ML Home"
          onRetry={models.retry}
        />
      ) : null}
      {served.value && !all.length ? (
        <LinkModelsHelp service={served.service} compact />
      ) : null}
      {models.value && shown.length ? (
        <List dense aria-label="ML models of this service">
          {shown.map(s => {
            const model = models.value?.get(s.name);
            return (
              <ListItem key={s.name} divider>
                <ListItemText
                  primary={
                    model === null ? (
                      s.name
                    ) : (
                      <Link to={links.model(s.name)}>{s.name}</Link>
                    )
                  }
                  secondaryTypographyProps={{ component: 'div' }}
                  secondary={
                    <>
                      <Typography variant="body2" component="div">
                        {model === null
                          ? 'Not found in ML Home'
                          : servingSummary(s, model) ||
                            'Named in ml-home.io/models; not deployed on this service'}
                      </Typography>
                      {model ? (
                        <Typography variant="body2" component="div">
                          Owner:{' '}
                          <EntityRefLink
                            entityRef={model.owner}
                            defaultKind="group"
                          />
                        </Typography>
                      ) : null}
                    </>
                  }
                />
              </ListItem>
            );
          })}
        </List>
      ) : null}
      {all.length > PAGE_SIZE ? (
        <PagingControls
          noun="models"
          pageIndex={pageIndex}
          pageSize={PAGE_SIZE}
          shown={shown.length}
          totalCount={all.length}
          nextCursor={pageIndex < lastPage ? String(pageIndex + 1) : undefined}
          onNext={() => setPage(pageIndex + 1)}
          onPrevious={() => setPage(Math.max(0, pageIndex - 1))}
        />
      ) : null}
    </InfoCard>
  );
}
