import {
  DependencyGraph,
  DependencyGraphTypes,
  EmptyState,
  Progress,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import type { LineageNode } from '@ml-home/plugin-ml-home-common';
import { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { useMlHomeLinks } from '../common/links';

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

/**
 * What a node says, in the order it shows it: a caption (its kind, and its status or version) over
 * its name. A model version's number goes in the caption so that a long model name can be cut.
 */
function nodeText(
  node: LineageNode,
  t: MlHomeT,
): { caption: string; name: string } {
  const kind = t(`model.lineageGraph.kinds.${node.kind}`);
  if (node.kind === 'model-version' && node.ref) {
    const slash = node.ref.lastIndexOf('/');
    return {
      caption: t('model.lineageGraph.versionCaption', {
        kind,
        version: node.ref.slice(slash + 1),
      }),
      name: node.ref.slice(0, slash),
    };
  }
  return {
    caption: node.status
      ? t('model.lineageGraph.statusCaption', { kind, status: node.status })
      : kind,
    name: node.label,
  };
}

/**
 * What fits in a node: the name, or its beginning cut after a whole word and an ellipsis. Cut at
 * the end on a word boundary, what shows stays a part of the node's accessible name (WCAG 2.5.3,
 * label in name), which speech-input users say to follow the link.
 */
export function shortName(name: string, room: number = LABEL_CHARS): string {
  if (name.length <= room) return name;
  const head = name.slice(0, room - 1);
  // Cut inside a word: back to its start, unless the name is one long word.
  const partial = /[\p{L}\p{N}]/u.test(name.charAt(room - 1))
    ? /[^\p{L}\p{N}][\p{L}\p{N}]+$/u.exec(head)
    : null;
  return `${partial ? head.slice(0, partial.index) : head}…`;
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
  const { t } = useTranslationRef(mlHomeTranslationRef);
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
        title={t('model.lineageGraph.loadFailed')}
        onRetry={state.retry}
      />
    );
  }
  const graph = state.value;
  if (graph.nodes.length <= 1) {
    return (
      <EmptyState
        missing="info"
        title={t('model.lineageGraph.emptyTitle', {
          version: String(version),
        })}
        description={t('model.lineageGraph.emptyDescription')}
      />
    );
  }

  const renderNode = ({
    node,
  }: DependencyGraphTypes.RenderNodeProps<LineageNode>) => {
    const current =
      node.kind === 'model-version' && node.ref === `${model}/${version}`;
    const { caption, name } = nodeText(node, t);
    // The accessible name is what the node shows, caption first, with the whole name. No <title>
    // tooltip: its text counts as shown, and the name would no longer contain what shows.
    const label = `${caption} ${name}`;
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
        <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} />
        <text x={10} y={18} className={classes.caption}>
          {/* The space keeps caption and name apart where the node's text is read as one. */}
          {`${caption} `}
        </text>
        <text x={10} y={37} className={classes.label}>
          {shortName(name)}
        </text>
      </g>
    );
  };

  return (
    <div
      aria-label={t('model.lineageGraph.group', {
        model,
        version: String(version),
      })}
      role="group"
    >
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
