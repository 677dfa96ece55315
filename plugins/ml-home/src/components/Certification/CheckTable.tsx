import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import HelpIcon from '@material-ui/icons/Help';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import type {
  Attestation as CertificationAttestation,
  ScorecardCheck as CertificationCheck,
  ScorecardCheckStatus as CertificationCheckStatus,
} from './types';
import { mlHomeTranslationRef } from '../../translation';
import { RelativeTime } from '../common/RelativeTime';
import { shortEntityRef } from '../common/format';
import { whatToDo } from './rubricHints';
import { formatScore } from './LevelBadge';

const STATUS_KEYS = {
  pass: 'pass',
  fail: 'fail',
  'n/a': 'na',
  unknown: 'unknown',
} as const;

/** A check's status as an icon and a word (the icon only repeats the word). */
export function CheckStatus(props: { status: CertificationCheckStatus }) {
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const key = STATUS_KEYS[props.status];
  const icon = {
    pass: <CheckCircleIcon fontSize="small" style={{ color: '#1b7a3a' }} />,
    fail: <CancelIcon fontSize="small" color="error" />,
    na: <RemoveCircleOutlineIcon fontSize="small" color="disabled" />,
    unknown: <HelpIcon fontSize="small" color="disabled" />,
  }[key];
  return (
    <Box display="inline-flex" alignItems="center" style={{ gap: 4 }}>
      <span aria-hidden style={{ display: 'inline-flex' }}>
        {icon}
      </span>
      {t(`certification.status.${key}`)}
    </Box>
  );
}

function AttestationSummary(props: { attestation: CertificationAttestation }) {
  const { attestation } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  return (
    <Typography variant="caption" display="block" color="textSecondary">
      {t(`certification.attestation.${attestation.state}`, {
        by: shortEntityRef(attestation.by),
      })}{' '}
      <RelativeTime value={attestation.at} />
      {attestation.note ? `: ${attestation.note}` : ''}
      {attestation.state === 'rejected' && attestation.reviewReason
        ? ` — ${t('certification.attestation.reason', {
            reason: attestation.reviewReason,
          })}`
        : ''}
    </Typography>
  );
}

/**
 * The checks of one section (or the portal checks): status, where the result comes from, points,
 * evidence, expiry and what to do; owners attest a check, reviewers reject an attestation.
 */
export function CheckTable(props: {
  /** Accessible name of the table, e.g. the section's title. */
  caption: string;
  checks: CertificationCheck[];
  /** Portal checks earn no points and cannot be attested. */
  portal?: boolean;
  canAttest: boolean;
  canReview: boolean;
  onAttest: (check: CertificationCheck) => void;
  onReview: (
    check: CertificationCheck,
    attestation: CertificationAttestation,
  ) => void;
}) {
  const { caption, checks, portal, canAttest, canReview, onAttest, onReview } =
    props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={caption}>
        <TableHead>
          <TableRow>
            <TableCell>{t('certification.checks.check')}</TableCell>
            <TableCell>{t('certification.checks.status')}</TableCell>
            <TableCell>{t('certification.checks.source')}</TableCell>
            {portal ? null : (
              <TableCell align="right">
                {t('certification.checks.points')}
              </TableCell>
            )}
            <TableCell>{t('certification.checks.evidence')}</TableCell>
            <TableCell>{t('certification.checks.expires')}</TableCell>
            {portal ? null : (
              <TableCell>{t('certification.checks.action')}</TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {checks.map(check => {
            const attestation = check.attestation;
            const hint = whatToDo(check, t);
            return (
              <TableRow key={check.id} data-check-id={check.id}>
                <TableCell style={{ minWidth: 240 }}>
                  <Typography variant="body2">{check.title}</Typography>
                  {hint ? (
                    <Typography
                      variant="caption"
                      display="block"
                      color="textSecondary"
                    >
                      {t('certification.checks.whatToDo', { hint })}
                    </Typography>
                  ) : null}
                  {attestation ? (
                    <AttestationSummary attestation={attestation} />
                  ) : null}
                </TableCell>
                <TableCell>
                  <CheckStatus status={check.status} />
                </TableCell>
                <TableCell>
                  {t(`certification.source.${check.source}`)}
                </TableCell>
                {portal ? null : (
                  <TableCell align="right">
                    {formatScore(check.points)}
                  </TableCell>
                )}
                <TableCell style={{ maxWidth: 320 }}>
                  {check.evidence?.url ? (
                    <Link to={check.evidence.url} underline="always">
                      {t('certification.checks.evidenceLink')}
                    </Link>
                  ) : null}
                  {check.evidence?.text ? (
                    <Typography variant="body2" component="span">
                      {check.evidence.url ? ' — ' : ''}
                      {check.evidence.text}
                    </Typography>
                  ) : null}
                  {!check.evidence?.url && !check.evidence?.text ? '—' : null}
                </TableCell>
                <TableCell>
                  {check.expiresAt ? (
                    <RelativeTime value={check.expiresAt} />
                  ) : (
                    '—'
                  )}
                </TableCell>
                {portal ? null : (
                  <TableCell>
                    <Box
                      display="flex"
                      flexDirection="column"
                      style={{ gap: 4 }}
                    >
                      {check.points < 1 && attestation?.state !== 'active' ? (
                        <Button
                          size="small"
                          variant="outlined"
                          color="primary"
                          disabled={!canAttest}
                          onClick={() => onAttest(check)}
                          aria-label={t('certification.checks.attestCheck', {
                            check: check.title,
                          })}
                        >
                          {t('certification.checks.attest')}
                        </Button>
                      ) : null}
                      {canReview && attestation?.state === 'active' ? (
                        <Button
                          size="small"
                          onClick={() => onReview(check, attestation)}
                          aria-label={t('certification.checks.rejectCheck', {
                            check: check.title,
                          })}
                        >
                          {t('certification.checks.reject')}
                        </Button>
                      ) : null}
                    </Box>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
