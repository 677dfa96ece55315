import { EmptyState, Link, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { EvaluationSummary } from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { visuallyHidden } from '../charts';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useMlHomeLinks } from '../common/links';
import { PagingControls, useCursorPages } from '../common/paging';
import { EvaluationComparison } from '../EvaluationComparison';
import { useEvaluationLink } from '../EvaluationPage/useEvaluationLink';
import { PassFailBadge } from '../EvaluationPage/verdicts';
import { RelativeTime } from '../common/RelativeTime';

/**
 * Props of {@link EvaluationsTable}: which evaluations to list. All given filters apply together.
 *
 * @public
 */
export interface EvaluationsTableProps {
  /** Only evaluations of this project's models. */
  project?: string;
  /** Only evaluations of this model. */
  model?: string;
  /** Only evaluations of this version of `model` (ignored without `model`). */
  version?: number;
}

const PAGE_SIZE = 20;
/** The API compares at most this many evaluations at once. */
export const MAX_COMPARED = 20;
const FAILING_SHOWN = 3;

function FailingSlices(props: { item: EvaluationSummary }) {
  const { item } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  if (item.failingSlices.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('evaluations.noneFailing', { count: item.sliceCount })}
      </Typography>
    );
  }
  const shown = item.failingSlices.slice(0, FAILING_SHOWN);
  const more = item.failingSlices.length - shown.length;
  const values = {
    failing: item.failingSlices.length,
    count: item.sliceCount,
    slices: shown.join(', '),
  };
  return (
    <Typography variant="body2">
      {more > 0
        ? t('evaluations.failingMore', { ...values, more })
        : t('evaluations.failing', values)}
    </Typography>
  );
}

/**
 * Evaluations newest first, a page at a time: verdict, regressions against the baseline and
 * failing slices, each linking to its page. Select two or more (across pages) to compare them
 * slice by slice below the table.
 *
 * @public
 */
export function EvaluationsTable(props: EvaluationsTableProps) {
  const { project, model } = props;
  const version = model ? props.version : undefined;
  const api = useApi(mlHomeApiRef);
  const links = useMlHomeLinks();
  const evaluationLink = useEvaluationLink();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const queryKey = JSON.stringify([project, model, version]);
  const pages = useCursorPages(queryKey);
  const state = useAsyncRetry(
    () =>
      api.listEvaluations({
        project,
        model,
        version,
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, queryKey, pages.cursor],
  );
  // Selection in the order the user picked: the first one is the comparison's reference.
  const [selected, setSelected] = useState<EvaluationSummary[]>([]);
  const [compared, setCompared] = useState<string[]>();

  const isSelected = (id: string) => selected.some(s => s.id === id);
  const toggle = (item: EvaluationSummary) =>
    setSelected(previous =>
      previous.some(s => s.id === item.id)
        ? previous.filter(s => s.id !== item.id)
        : [...previous, item],
    );

  const page = state.value;
  const items = page?.items ?? [];
  const tooMany = selected.length > MAX_COMPARED;

  if (state.loading && !page) return <Progress />;
  if (state.error && !page) {
    return (
      <LoadErrorPanel
        error={state.error}
        title={t('evaluations.loadFailed')}
        onRetry={state.retry}
      />
    );
  }
  if (page && page.totalCount === 0 && pages.pageIndex === 0) {
    return (
      <EmptyState
        missing="data"
        title={t('evaluations.emptyTitle')}
        description={t('evaluations.emptyDescription', {
          route: (
            <code>
              POST
              /api/ml-home/models/&#123;model&#125;/versions/&#123;version&#125;/evaluations
            </code>
          ),
        })}
      />
    );
  }

  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        mb={1}
        style={{ gap: 8 }}
      >
        <Typography variant="body2" aria-live="polite">
          {selected.length === 0
            ? t('evaluations.selectPrompt')
            : t('evaluations.selected', {
                count: selected.length,
                reference: t('evaluations.label', {
                  model: selected[0].model,
                  version: String(selected[0].version),
                  name: selected[0].name,
                }),
              })}
          {tooMany ? t('evaluations.tooMany', { max: MAX_COMPARED }) : ''}
        </Typography>
        <Box flexGrow={1} />
        {selected.length > 0 ? (
          <Button
            size="small"
            onClick={() => {
              setSelected([]);
              setCompared(undefined);
            }}
          >
            {t('evaluations.clear')}
          </Button>
        ) : null}
        <Button
          variant="contained"
          color="primary"
          disabled={selected.length < 2 || tooMany}
          onClick={() => setCompared(selected.map(s => s.id))}
        >
          {t('evaluations.compare')}
        </Button>
      </Box>
      {state.loading ? (
        <LinearProgress aria-label={t('evaluations.loading')} />
      ) : null}
      {state.error ? (
        <LoadErrorPanel
          error={state.error}
          title={t('evaluations.pageFailed')}
          onRetry={state.retry}
        />
      ) : null}
      <Paper variant="outlined">
        <TableContainer>
          <Table size="small" aria-label={t('evaluations.table')}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" scope="col">
                  <span style={visuallyHidden}>{t('evaluations.select')}</span>
                </TableCell>
                <TableCell scope="col">
                  {t('evaluations.evaluationColumn')}
                </TableCell>
                <TableCell scope="col">
                  {t('evaluations.modelVersionColumn')}
                </TableCell>
                <TableCell scope="col">
                  {t('evaluations.datasetColumn')}
                </TableCell>
                <TableCell scope="col">
                  {t('evaluations.resultColumn')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {t('evaluations.regressionsColumn')}
                </TableCell>
                <TableCell scope="col">
                  {t('evaluations.failingColumn')}
                </TableCell>
                <TableCell scope="col">
                  {t('evaluations.createdColumn')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map(item => {
                const checked = isSelected(item.id);
                const label = t('evaluations.label', {
                  model: item.model,
                  version: String(item.version),
                  name: item.name,
                });
                return (
                  <TableRow key={item.id} hover selected={checked}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={checked}
                        onChange={() => toggle(item)}
                        inputProps={{
                          'aria-label': t('evaluations.selectOne', { label }),
                        }}
                      />
                    </TableCell>
                    <TableCell component="th" scope="row" role="rowheader">
                      <Link to={evaluationLink(item.id)}>{item.name}</Link>
                      {item.description ? (
                        <Typography
                          variant="caption"
                          color="textSecondary"
                          component="div"
                          noWrap
                          style={{ maxWidth: 320 }}
                        >
                          {item.description}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <Link to={links.model(item.model, item.version)}>
                        {t('evaluations.modelVersion', {
                          model: item.model,
                          version: String(item.version),
                        })}
                      </Link>
                      {item.baselineVersion !== undefined ? (
                        <Typography
                          variant="caption"
                          color="textSecondary"
                          component="div"
                        >
                          {t('evaluations.baseline', {
                            version: String(item.baselineVersion),
                          })}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <Link
                        to={links.dataset(
                          item.dataset.project,
                          item.dataset.name,
                        )}
                      >
                        {item.dataset.name}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <PassFailBadge pass={item.pass} />
                    </TableCell>
                    <TableCell align="right">
                      {item.regressions > 0 ? (
                        <Typography variant="body2" color="error">
                          {item.regressions}
                        </Typography>
                      ) : (
                        item.regressions
                      )}
                    </TableCell>
                    <TableCell>
                      <FailingSlices item={item} />
                    </TableCell>
                    <TableCell>
                      <RelativeTime value={item.createdAt} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      </Paper>
      <PagingControls
        noun={t('evaluations.pagingNoun')}
        pageIndex={pages.pageIndex}
        pageSize={PAGE_SIZE}
        shown={items.length}
        totalCount={page?.totalCount}
        nextCursor={page?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
      {compared ? (
        <Box
          mt={3}
          component="section"
          aria-labelledby="evaluation-comparison-title"
        >
          <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
            <Typography
              variant="h6"
              component="h3"
              id="evaluation-comparison-title"
            >
              {t('evaluations.comparisonTitle', { count: compared.length })}
            </Typography>
            <Box flexGrow={1} />
            <Button size="small" onClick={() => setCompared(undefined)}>
              {t('evaluations.closeComparison')}
            </Button>
          </Box>
          <EvaluationComparison evaluationIds={compared} />
        </Box>
      ) : null}
    </Box>
  );
}
