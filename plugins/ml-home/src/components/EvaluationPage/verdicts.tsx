/*
 * Pass/fail and baseline-delta marks shared by the evaluation page, the evaluations table and the
 * evaluation comparison. Every mark carries an icon and words as well as its colour, so nothing is
 * told by colour alone.
 */
import { makeStyles } from '@material-ui/core/styles';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RemoveIcon from '@material-ui/icons/Remove';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { formatMetric, visuallyHidden } from '../charts';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0.25, 1),
    borderRadius: theme.shape.borderRadius,
    fontWeight: theme.typography.fontWeightBold as number,
    fontSize: theme.typography.body2.fontSize,
    border: '1px solid currentColor',
    whiteSpace: 'nowrap',
  },
  pass: { color: theme.palette.success.main },
  fail: { color: theme.palette.error.main },
  neutral: { color: theme.palette.text.secondary },
  mark: {
    display: 'inline-flex',
    alignItems: 'center',
    verticalAlign: 'middle',
  },
  delta: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    whiteSpace: 'nowrap',
    fontSize: theme.typography.caption.fontSize,
  },
  icon: { fontSize: '1em' },
}));

/**
 * A PASS / FAIL badge: icon, word and colour.
 */
export function PassFailBadge(props: { pass: boolean; label?: string }) {
  const classes = useStyles();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const { pass } = props;
  const Icon = pass ? CheckCircleIcon : CancelIcon;
  return (
    <span className={`${classes.badge} ${pass ? classes.pass : classes.fail}`}>
      <Icon className={classes.icon} aria-hidden />
      {props.label ??
        (pass ? t('evaluation.verdict.pass') : t('evaluation.verdict.fail'))}
    </span>
  );
}

/**
 * A ✓ or ✗ for a threshold verdict, with its description for screen readers (the caller puts
 * the same text in a tooltip).
 */
export function VerdictMark(props: { pass: boolean; description: string }) {
  const classes = useStyles();
  const { pass, description } = props;
  const Icon = pass ? CheckCircleIcon : CancelIcon;
  return (
    <span
      className={`${classes.mark} ${pass ? classes.pass : classes.fail}`}
      data-verdict={pass ? 'pass' : 'fail'}
    >
      <Icon className={classes.icon} aria-hidden />
      <span aria-hidden>{pass ? '✓' : '✗'}</span>
      <span style={visuallyHidden}>{description}</span>
    </span>
  );
}

/**
 * A change with its sign: `+0.012`, `-0.3`, `0`. Small changes keep two significant digits in
 * plain notation (`-0.00012`), which reads better beside values than an exponent.
 */
export function signed(value: number): string {
  const small = Number.isFinite(value) && value !== 0 && Math.abs(value) < 1e-3;
  const text = small
    ? String(Number(value.toPrecision(2)))
    : formatMetric(value);
  return value > 0 ? `+${text}` : text;
}

/** `+3.2 %` from a relative change. */
export function percent(relative: number | undefined): string | undefined {
  if (relative === undefined || !Number.isFinite(relative)) return undefined;
  const value = relative * 100;
  const text = Math.abs(value) >= 10 ? value.toFixed(0) : value.toFixed(1);
  return `${value > 0 ? '+' : ''}${text} %`;
}

function deltaKind(regression: boolean, improvement: boolean) {
  if (regression) return 'regression';
  if (improvement) return 'improvement';
  return 'no significant change';
}

/**
 * What a change against a reference means, in words, for screen readers and tooltips.
 */
export function deltaWords(
  options: {
    delta: number;
    regression: boolean;
    improvement: boolean;
    reference: string;
    referenceValue: number;
  },
  t: MlHomeT,
): string {
  const { delta, regression, improvement, reference, referenceValue } = options;
  let kind: string = t('evaluation.verdict.noChange');
  if (regression) kind = t('evaluation.verdict.regression');
  else if (improvement) kind = t('evaluation.verdict.improvement');
  return t('evaluation.verdict.delta', {
    kind,
    delta: signed(delta),
    reference,
    value: formatMetric(referenceValue),
  });
}

/**
 * A change against a reference value: an arrow, the signed difference, and a colour — green when
 * better, red when a regression, grey otherwise — plus the same said in words, visually hidden.
 */
export function DeltaText(props: {
  delta: number;
  regression: boolean;
  improvement: boolean;
  /** What the change is against, e.g. `baseline v2`. */
  reference: string;
  referenceValue: number;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const { delta, regression, improvement } = props;
  let tone = classes.neutral;
  if (regression) tone = classes.fail;
  else if (improvement) tone = classes.pass;
  let Icon = RemoveIcon;
  if (delta > 0) Icon = ArrowUpwardIcon;
  else if (delta < 0) Icon = ArrowDownwardIcon;
  return (
    <span
      className={`${classes.delta} ${tone}`}
      data-delta={deltaKind(regression, improvement)}
    >
      <Icon className={classes.icon} aria-hidden />
      <span aria-hidden>{signed(delta)}</span>
      <span style={visuallyHidden}>{deltaWords(props, t)}</span>
    </span>
  );
}
