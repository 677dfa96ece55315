import { Link } from '@backstage/core-components';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  BaseSearchResultListItemProps,
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ScatterPlotIcon from '@material-ui/icons/ScatterPlot';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ReadableThemeProvider } from '../components/common/ReadableTheme';
import { mlHomeTranslationRef, type MlHomeT } from '../translation';

/** The document type ML Home's search collator indexes. */
export const ML_HOME_SEARCH_TYPE = 'ml-home';

/**
 * The fields of an ML Home search document (see `@ml-home/plugin-search-backend-module-ml-home`).
 * Read defensively: the index may hold documents of an older collator.
 */
type MlHomeSearchDocument = SearchDocument & {
  kind?: string;
  owner?: string;
  tags?: unknown;
  lifecycle?: string;
  project?: string;
};

const useStyles = makeStyles(
  theme => ({
    item: { display: 'flex', width: '100%' },
    body: { minWidth: 0, flex: 1, marginBottom: theme.spacing(2) },
    text: {
      display: '-webkit-box',
      WebkitBoxOrient: 'vertical',
      WebkitLineClamp: 3,
      overflow: 'hidden',
    },
    facts: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(1),
      marginTop: theme.spacing(1),
    },
    tags: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(0.5),
      listStyle: 'none',
      margin: 0,
      padding: 0,
    },
  }),
  { name: 'MlHomeSearchResultListItem' },
);

/** `group:default/churn-prediction` → `churn-prediction`; other namespaces stay visible. */
function ownerLabel(owner: string): string {
  const match = /^(?:[^:/]+:)?(?:([^/]+)\/)?([^/]+)$/.exec(owner);
  if (!match) {
    return owner;
  }
  const [, namespace, name] = match;
  return !namespace || namespace === 'default' ? name : `${namespace}/${name}`;
}

function kindLabel(kind: string | undefined, t: MlHomeT): string | undefined {
  if (kind === 'project') return t('search.project');
  if (kind === 'model') return t('search.model');
  if (kind === 'page') return t('search.page');
  return undefined;
}

/**
 * A search result for an ML Home project, model or page: its title linking to the ML Home page, the
 * start of its description, and what it is, who owns it and its tags.
 */
export function MlHomeSearchResultListItem(
  props: BaseSearchResultListItemProps<{ highlight?: ResultHighlight }>,
) {
  const classes = useStyles();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const result = props.result as MlHomeSearchDocument | undefined;
  if (!result) {
    return null;
  }
  const { highlight } = props;
  const kind = kindLabel(result.kind, t);
  const tags = Array.isArray(result.tags)
    ? result.tags.filter((tag): tag is string => typeof tag === 'string')
    : [];
  const titleId = `ml-home-search-result-${result.location.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  return (
    <ReadableThemeProvider>
      <Box
        className={classes.item}
        component="article"
        aria-labelledby={titleId}
      >
        {props.icon && <ListItemIcon>{props.icon}</ListItemIcon>}
        <div className={classes.body}>
          <Typography variant="h6" component="h3" id={titleId}>
            <Link noTrack to={result.location}>
              {highlight?.fields.title ? (
                <HighlightedSearchResultText
                  text={highlight.fields.title}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                result.title
              )}
            </Link>
          </Typography>
          <Typography
            component="p"
            variant="body2"
            color="textSecondary"
            className={classes.text}
          >
            {highlight?.fields.text ? (
              <HighlightedSearchResultText
                text={highlight.fields.text}
                preTag={highlight.preTag}
                postTag={highlight.postTag}
              />
            ) : (
              result.text
            )}
          </Typography>
          <div className={classes.facts}>
            {kind && <Chip size="small" color="primary" label={kind} />}
            {result.owner && (
              <Typography variant="body2" component="span">
                {t('search.owner', { owner: ownerLabel(result.owner) })}
              </Typography>
            )}
            {result.kind === 'model' && result.project && (
              <Typography variant="body2" component="span">
                {t('search.inProject', { project: result.project })}
              </Typography>
            )}
            {tags.length > 0 && (
              <ul className={classes.tags} aria-label={t('search.tags')}>
                {tags.map(tag => (
                  <li key={tag}>
                    <Chip size="small" variant="outlined" label={tag} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </Box>
    </ReadableThemeProvider>
  );
}

/**
 * Renders ML Home projects and models on the search page (new frontend system), for documents of
 * type `ml-home` from `@ml-home/plugin-search-backend-module-ml-home`.
 */
export const mlHomeSearchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    icon: <ScatterPlotIcon />,
    predicate: result => result.type === ML_HOME_SEARCH_TYPE,
    component: async () => MlHomeSearchResultListItem,
  },
});

/** "ML Home" among the search page's result types, to narrow results to projects and models. */
export const mlHomeSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'ml-home',
  params: {
    value: ML_HOME_SEARCH_TYPE,
    name: 'ML Home',
    icon: <ScatterPlotIcon />,
  },
});

/** The search page extensions of ML Home: the result item and the result type. */
export const mlHomeSearchExtensions = [
  mlHomeSearchResultListItem,
  mlHomeSearchResultType,
];
