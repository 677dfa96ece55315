import {
  DependencyGraph,
  DependencyGraphTypes,
  EmptyState,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import type { LineageNode } from '@ml-home/plugin-ml-home-common';
import { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useMlHomeLinks } from '../common/links';

const KIND_LABELS: Record<LineageNode['kind'], string> = {
  dataset: 'dataset',
  run: 'run',
  'model-version': 'model version',
  deployment: 'deployment',
  component: 'service',
};

const useStyles = makeStyles(theme => ({
  node: {
    cursor: 'pointer',
    outline: 'none',
    '& rect': {
      fill: theme.palette.background.paper,
      stroke: theme.palette.primary.main,
      strokeWidth: 1.5,
    },
    '&:hover rect, &:focus rect': {
      strokeWidth: 3,
    },
    '& text': {
      fill: theme.palette.text.primary,
      fontFamily: theme.typography.fontFamily,
    },
  },
  current: {
    '& rect': {
      fill: theme.palette.primary.main,
    },
    '& text': {
      fill: theme.palette.primary.contrastText,
    },
  },
  caption: {
    fontSize: 11,
    opacity: 0.75,
  },
  label: {
    fontSize: 14,
  },
}));

const NODE_WIDTH = 200;
const LABEL_CHARS = 22;

/** What fits in a node: a version by its number, anything else shortened in the middle. */
function shortLabel(node: LineageNode): string {
  if (node.kind === 'model-version' && node.ref) {
    const [name, version] = node.ref.split('/');
    const room = LABEL_CHARS - version.length - 2;
    return `${name.length > room ? `${name.slice(0, room - 1)}…` : name} v${version}`;
  }
  const text = node.label;
  if (text.length <= LABEL_CHARS) return text;
  const half = Math.floor((LABEL_CHARS - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(text.length - half)}`;
}
const NODE_HEIGHT = 46;

/**
 * Where a model version comes from and where it runs: datasets → run → version → deployments
 * → services. Every node is a link (mouse or keyboard) to the page that shows it.
 */
export function LineageGraph(props: {
  model: string;
  version: number;
  /** Selects a deployment of this model on the page (it has no page of its own). */
  onSelectDeployment: (deploymentId: string) => void;
}) {
  const { model, version, onSelectDeployment } = props;
  const api = useApi(mlHomeApiRef);
  const classes = useStyles();
  const navigate = useNavigate();
  const links = useMlHomeLinks();
  const entityLink = useEntityRefLink();
  const state = useAsyncRetry(
    () => api.getModelVersionLineage(model, version),
    [api, model, version],
  );

  const open = (node: LineageNode) => {
    const ref = node.ref ?? '';
    switch (node.kind) {
      case 'dataset': {
        const [project, name] = ref.split('/');
        navigate(links.dataset(project, name));
        break;
      }
      case 'run':
        navigate(links.run(ref));
        break;
      case 'model-version': {
        const [name, v] = ref.split('/');
        navigate(links.model(name, Number(v)));
        break;
      }
      case 'deployment':
        onSelectDeployment(ref);
        break;
      case 'component':
        navigate(entityLink(ref));
        break;
      default:
    }
  };

  if (state.loading) {
    return <Progress />;
  }
  if (state.error || !state.value) {
    return (
      <LoadErrorPanel
        error={state.error ?? new Error('No lineage')}
        title="The lineage could not be loaded"
        onRetry={state.retry}
      />
    );
  }
  const graph = state.value;
  if (graph.nodes.length <= 1) {
    return (
      <EmptyState
        missing="info"
        title={`Nothing is linked to v${version} yet`}
        description="Register versions from a run (runId), declare the run's input datasets, and record deployments: the lineage then draws itself."
      />
    );
  }

  const renderNode = ({
    node,
  }: DependencyGraphTypes.RenderNodeProps<LineageNode>) => {
    const current =
      node.kind === 'model-version' && node.ref === `${model}/${version}`;
    const label = `${KIND_LABELS[node.kind]} ${node.label}${node.status ? ` (${node.status})` : ''}`;
    return (
      <g
        className={`${classes.node} ${current ? classes.current : ''}`}
        role="link"
        tabIndex={0}
        aria-label={label}
        data-testid={`lineage-node-${node.id}`}
        onClick={() => open(node)}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            open(node);
          }
        }}
      >
        <title>{label}</title>
        <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} />
        <text x={10} y={18} className={classes.caption}>
          {KIND_LABELS[node.kind]}
          {node.status ? ` · ${node.status}` : ''}
        </text>
        <text x={10} y={37} className={classes.label}>
          {shortLabel(node)}
        </text>
      </g>
    );
  };

  return (
    <div aria-label={`Lineage of ${model} v${version}`} role="group">
      <DependencyGraph<LineageNode, { label: string }>
        nodes={graph.nodes}
        edges={graph.edges}
        renderNode={renderNode}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        rankMargin={80}
        nodeMargin={24}
        labelPosition={DependencyGraphTypes.LabelPosition.CENTER}
        showArrowHeads
        zoom="enable-on-click"
        fit="contain"
        style={{ minHeight: 240, width: '100%' }}
      />
    </div>
  );
}
