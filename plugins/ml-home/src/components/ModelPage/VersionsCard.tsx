import {
  InfoCard,
  Link,
  OverflowTooltip,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ModelVersion } from '@ml-home/plugin-ml-home-common';
import { mlHomeTranslationRef } from '../../translation';
import { PagingControls } from '../common/paging';
import { useRelativeTime } from '../common/RelativeTime';
import { useMlHomeLinks } from '../common/links';
import { tableOptions } from '../common/tableOptions';

/** The model's versions with their aliases; choosing one shows its lineage and model card. */
export function VersionsCard(props: {
  versions: ModelVersion[];
  totalCount?: number;
  loading: boolean;
  selected?: number;
  onSelect: (version: number) => void;
  paging: {
    pageIndex: number;
    pageSize: number;
    nextCursor?: string;
    onNext: (cursor: string) => void;
    onPrevious: () => void;
  };
}) {
  const { versions, totalCount, loading, selected, onSelect, paging } = props;
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const relativeTime = useRelativeTime();
  const columns: TableColumn<ModelVersion>[] = [
    {
      title: t('model.versions.version'),
      field: 'version',
      render: v => (
        <Button
          size="small"
          variant={v.version === selected ? 'contained' : 'text'}
          color="primary"
          onClick={() => onSelect(v.version)}
          aria-pressed={v.version === selected}
          aria-label={t('model.versions.show', { version: String(v.version) })}
        >
          {t('model.version', { version: String(v.version) })}
        </Button>
      ),
    },
    {
      title: t('model.versions.aliases'),
      field: 'aliases',
      render: v => (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {v.aliases.map(a => (
            <Chip key={a} label={a} size="small" color="primary" />
          ))}
        </Box>
      ),
    },
    { title: t('model.versions.framework'), field: 'framework' },
    {
      title: t('model.versions.run'),
      field: 'runId',
      render: v =>
        v.runId ? (
          <Link to={links.run(v.runId)}>{v.runId.slice(0, 8)}</Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('model.versions.description'),
      field: 'description',
      render: v => <OverflowTooltip text={v.description} line={2} />,
    },
    {
      title: t('model.versions.registered'),
      field: 'createdAt',
      render: v => relativeTime(v.createdAt),
    },
  ];
  return (
    <InfoCard title={t('model.versions.title')} noPadding>
      <Table<ModelVersion>
        isLoading={loading}
        columns={columns}
        data={versions}
        options={{
          ...tableOptions,
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        emptyContent={
          <Box p={2}>
            <Typography variant="body2">{t('model.versions.none')}</Typography>
          </Box>
        }
      />
      {versions.length ? (
        <Box px={2} pb={1}>
          <PagingControls
            noun={t('model.versions.pagingNoun')}
            pageIndex={paging.pageIndex}
            pageSize={paging.pageSize}
            shown={versions.length}
            totalCount={totalCount}
            nextCursor={paging.nextCursor}
            onNext={paging.onNext}
            onPrevious={paging.onPrevious}
          />
        </Box>
      ) : null}
    </InfoCard>
  );
}
