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
import type { ModelVersion } from '@ml-home/plugin-ml-home-common';
import { PagingControls } from '../common/paging';
import { formatRelativeTime } from '../common/format';
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
  const columns: TableColumn<ModelVersion>[] = [
    {
      title: 'Version',
      field: 'version',
      render: v => (
        <Button
          size="small"
          variant={v.version === selected ? 'contained' : 'text'}
          color="primary"
          onClick={() => onSelect(v.version)}
          aria-pressed={v.version === selected}
          aria-label={`Show v${v.version}`}
        >
          v{v.version}
        </Button>
      ),
    },
    {
      title: 'Aliases',
      field: 'aliases',
      render: v => (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {v.aliases.map(a => (
            <Chip key={a} label={a} size="small" color="primary" />
          ))}
        </Box>
      ),
    },
    { title: 'Framework', field: 'framework' },
    {
      title: 'Run',
      field: 'runId',
      render: v =>
        v.runId ? (
          <Link to={links.run(v.runId)}>{v.runId.slice(0, 8)}</Link>
        ) : (
          '—'
        ),
    },
    {
      title: 'Description',
      field: 'description',
      render: v => <OverflowTooltip text={v.description} line={2} />,
    },
    {
      title: 'Registered',
      field: 'createdAt',
      render: v => formatRelativeTime(v.createdAt),
    },
  ];
  return (
    <InfoCard title="Versions" noPadding>
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
            <Typography variant="body2">
              No version registered yet. Register one from a finished run (POST
              /api/ml-home/models/&#123;name&#125;/versions with its runId) or
              with an MLflow client.
            </Typography>
          </Box>
        }
      />
      {versions.length ? (
        <Box px={2} pb={1}>
          <PagingControls
            noun="versions"
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
