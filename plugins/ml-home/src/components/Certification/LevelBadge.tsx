import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import { mlHomeTranslationRef } from '../../translation';

/** The levels of the default configuration, in order; an organisation may name others. */
export const KNOWN_LEVELS = [
  'none',
  'bronze',
  'silver',
  'gold',
  'platinum',
] as const;
type KnownLevel = (typeof KNOWN_LEVELS)[number];

/** The colour of each default level's medal; a level named elsewhere gets a neutral grey. */
export const LEVEL_COLOURS: Record<KnownLevel, string> = {
  none: 'transparent',
  bronze: '#a0622d',
  silver: '#8a939b',
  gold: '#c9a400',
  platinum: '#4a7d92',
};

function isKnownLevel(level: string): level is KnownLevel {
  return (KNOWN_LEVELS as readonly string[]).includes(level);
}

const useStyles = makeStyles(
  theme => ({
    badge: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.75),
      padding: theme.spacing(0.25, 1),
      borderRadius: 12,
      border: `1px solid ${theme.palette.divider}`,
      fontSize: theme.typography.body2.fontSize,
      lineHeight: 1.4,
      whiteSpace: 'nowrap',
      color: theme.palette.text.primary,
    },
    small: { padding: theme.spacing(0, 0.75), fontSize: '0.75rem' },
    medal: {
      width: 10,
      height: 10,
      borderRadius: '50%',
      flex: 'none',
      border: `2px solid ${theme.palette.text.secondary}`,
    },
  }),
  { name: 'MlHomeLevelBadge' },
);

/** A level's name as people read it: a default level translated, another one as configured. */
export function useLevelLabel(): (level: string) => string {
  const { t } = useTranslationRef(mlHomeTranslationRef);
  return level =>
    isKnownLevel(level) ? t(`certification.levels.${level}`) : level;
}

const visuallyHiddenStyle = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * A model's certification level as a badge: the level's name in text (the colour only repeats
 * it), read by screen readers as "Certification level: gold". Without a level (a model never
 * evaluated) it says so.
 *
 * @public
 */
export function LevelBadge(props: {
  level?: string | null;
  /** The score behind the level, shown after the name (e.g. "gold · 2.5"). */
  score?: number | null;
  size?: 'small' | 'medium';
}) {
  const { level, score, size = 'medium' } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const label = useLevelLabel();
  const name = level ? label(level) : t('certification.badge.notEvaluated');
  const colour = level && isKnownLevel(level) ? LEVEL_COLOURS[level] : '#777';
  const text =
    score === undefined || score === null
      ? name
      : t('certification.badge.withScore', {
          level: name,
          score: formatScore(score),
        });
  return (
    <span
      className={`${classes.badge} ${size === 'small' ? classes.small : ''}`}
      data-testid="certification-level-badge"
      data-level={level ?? ''}
      title={t('certification.badge.title')}
    >
      <span
        className={classes.medal}
        style={{
          background: level ? colour : 'transparent',
          borderColor: level && level !== 'none' ? colour : undefined,
        }}
        aria-hidden
      />
      <span>
        <span style={visuallyHiddenStyle}>
          {t('certification.badge.prefix')}{' '}
        </span>
        {text}
      </span>
    </span>
  );
}

/** A score in the rubric's half points: `2`, `2.5`, `0`. */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
