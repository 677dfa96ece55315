import {
  EmptyState,
  Link,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Model, Project } from '@ml-home/plugin-ml-home-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { RelativeTime } from '../common/RelativeTime';
import { useMlHomeLinks } from '../common/links';
import { PagingControls, useCursorPages } from '../common/paging';
import { tableOptions } from '../common/tableOptions';
import { LevelBadge, formatScore } from './LevelBadge';
import type { Scorecard } from './types';

const PAGE_SIZE = 25;

type Row = { model: Model; card?: Scorecard; failed?: boolean };

/** Rubric checks on a scorecard that earn no point. */
function failingCount(card: Scorecard): number {
  return card.sections.reduce(
    (n, s) => n + s.checks.filter(c => c.points === 0).length,
    0,
  );
}

/**
 * The Certification tab of a project space: one row per model with its level, score, certified
 * version and failing checks, each linking to the model's scorecard.
 *
 * @public
 */
export function ProjectCertificationTab(props: { project: Project }) {
  const { project } = props;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const pages = useCursorPages(project.name);
  const models = useAsyncRetry(
    () =>
      api.listModels(project.name, { limit: PAGE_SIZE, cursor: pages.cursor }),
    [api, project.name, pages.cursor],
  );
  // The page's scorecards: stored ones, read without recomputing, a handful per page.
  const cards = useAsync(async () => {
    const items = models.value?.items ?? [];
    return Promise.all(
      items.map(async (model): Promise<Row> => {
        try {
          return { model, card: await api.getModelScorecard(model.name) };
        } catch {
          return { model, failed: true };
        }
      }),
    );
  }, [api, models.value]);

  if (models.error) {
    return (
      <LoadErrorPanel
        error={models.error}
        title={t('certification.project.loadFailed')}
        onRetry={models.retry}
      />
    );
  }
  const page = models.value;
  const rows: Row[] =
    cards.value ?? (page?.items ?? []).map(model => ({ model }));
  const columns: TableColumn<Row>[] = [
    {
      title: t('certification.project.modelColumn'),
      render: r => (
        <Link to={links.model(r.model.name, undefined, 'certification')}>
          {r.model.name}
        </Link>
      ),
    },
    {
      title: t('certification.project.levelColumn'),
      render: r => (
        <LevelBadge
          level={r.card?.level ?? r.model.certificationLevel}
          size="small"
        />
      ),
    },
    {
      title: t('certification.project.scoreColumn'),
      render: r => {
        if (r.card) return formatScore(r.card.score);
        return r.failed ? t('certification.project.unavailable') : '…';
      },
    },
    {
      title: t('certification.project.versionColumn'),
      render: r => {
        if (!r.card) return '—';
        return r.card.version !== undefined
          ? t('model.version', { version: String(r.card.version) })
          : t('certification.project.noVersion');
      },
    },
    {
      title: t('certification.project.failingColumn'),
      render: r => (r.card ? String(failingCount(r.card)) : '—'),
    },
    {
      title: t('certification.project.evaluatedColumn'),
      render: r => (r.card ? <RelativeTime value={r.card.evaluatedAt} /> : '—'),
    },
  ];
  return (
    <>
      <Table<Row>
        title={t('certification.project.title')}
        isLoading={models.loading || cards.loading}
        columns={columns}
        data={rows}
        options={{
          ...tableOptions,
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
        }}
        emptyContent={
          <EmptyState
            missing="data"
            title={t('certification.project.emptyTitle')}
            description={t('certification.project.emptyDescription')}
          />
        }
      />
      {page && page.items.length ? (
        <PagingControls
          noun={t('project.models.pagingNoun')}
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
