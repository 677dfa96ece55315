import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { Model } from '@ml-home/plugin-ml-home-common';
import { mlHomeTranslationRef } from '../../../translation';
import { useMlHomeLinks } from '../../common/links';

const useStyles = makeStyles(
  theme => ({
    list: {
      display: 'inline-flex',
      flexWrap: 'wrap',
      gap: theme.spacing(0.5),
      listStyle: 'none',
      margin: 0,
      padding: 0,
    },
    chip: { cursor: 'pointer' },
  }),
  { name: 'MlHomeEntityAliasChips' },
);

/** The aliases of a model that point at `version`, or all of them when no version is given. */
export function aliasesOf(model: Model, version?: number) {
  return model.aliases
    .filter(a => version === undefined || a.version === version)
    .sort((a, b) => a.alias.localeCompare(b.alias));
}

/**
 * Aliases as chips, `production → v3`, each linking to that version in ML Home. With `version`,
 * only that version's aliases (and without the arrow: the version is already in the row).
 */
export function AliasChips(props: {
  model: Model;
  version?: number;
  /** Accessible name of the list, e.g. "Aliases of churn-model v3". */
  label: string;
}) {
  const { model, version, label } = props;
  const classes = useStyles();
  const links = useMlHomeLinks();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const aliases = aliasesOf(model, version);
  if (!aliases.length) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        {version === undefined
          ? t('entity.aliases.none')
          : t('entity.aliases.noneOnVersion')}
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label={label}>
      {aliases.map(a => (
        <li key={a.alias}>
          <Link to={links.model(model.name, a.version)}>
            <Chip
              size="small"
              className={classes.chip}
              color={
                a.alias === 'production' || a.alias === 'champion'
                  ? 'primary'
                  : 'default'
              }
              label={
                version === undefined
                  ? t('entity.aliases.alias', {
                      alias: a.alias,
                      version: String(a.version),
                    })
                  : a.alias
              }
            />
          </Link>
        </li>
      ))}
    </ul>
  );
}
