import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  mlHomeCertificationAttestPermission,
  mlHomeCertificationReviewPermission,
  type Model,
} from '@ml-home/plugin-ml-home-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef } from '../../translation';
import { LoadErrorPanel } from '../common/LoadErrorPanel';
import { RelativeTime } from '../common/RelativeTime';
import { AttestDialog } from './AttestDialog';
import { CheckTable } from './CheckTable';
import { HistoryList } from './HistoryList';
import { LevelBadge, formatScore, useLevelLabel } from './LevelBadge';
import { NextLevelPanel } from './NextLevelPanel';
import { ReviewDialog } from './ReviewDialog';
import { SectionScores } from './SectionScores';
import type { Attestation, Scorecard, ScorecardCheck } from './types';

/** Titles of every check on the scorecard, by id (history entries name checks by id). */
function checkTitles(card: Scorecard): (checkId: string) => string {
  const titles = new Map<string, string>();
  for (const section of card.sections) {
    for (const check of section.checks) titles.set(check.id, check.title);
  }
  for (const check of card.portalChecks) titles.set(check.id, check.title);
  return id => titles.get(id) ?? id;
}

/**
 * A model's production-readiness scorecard (the Certification tab of the model page): level and
 * score with the paper's reading of it, the four sections as bars, every check with its status,
 * source, points, evidence, expiry and what to do, the portal checks, what the next level needs,
 * and the history. Owners attest checks; reviewers reject attestations.
 *
 * @public
 */
export function ModelCertificationTab(props: { model: Model }) {
  const { model } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const levelLabel = useLevelLabel();
  const [revision, setRevision] = useState(0);
  const [attesting, setAttesting] = useState<ScorecardCheck>();
  const [reviewing, setReviewing] = useState<{
    check: ScorecardCheck;
    attestation: Attestation;
  }>();
  const [announcement, setAnnouncement] = useState('');
  const { allowed: canAttest, loading: attestLoading } = usePermission({
    permission: mlHomeCertificationAttestPermission,
    resourceRef: model.project,
  });
  const { allowed: canReview } = usePermission({
    permission: mlHomeCertificationReviewPermission,
  });
  const state = useAsyncRetry(
    () => api.getModelScorecard(model.name),
    [api, model.name, revision],
  );

  if (state.error) {
    return (
      <LoadErrorPanel
        error={state.error}
        title={t('certification.tab.loadFailed')}
        onRetry={state.retry}
      />
    );
  }
  const card = state.value;
  if (!card) return <Progress />;

  const titleOf = checkTitles(card);
  const refresh = (message: string) => {
    setAttesting(undefined);
    setReviewing(undefined);
    setAnnouncement(message);
    setRevision(r => r + 1);
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {/* Read out once the refreshed scorecard arrives after an attestation or a review. */}
        <Typography
          role="status"
          aria-live="polite"
          variant="body2"
          component="div"
        >
          {announcement && !state.loading
            ? `${announcement} ${t('certification.tab.nowScore', {
                level: levelLabel(card.level),
                score: formatScore(card.score),
              })}`
            : ''}
        </Typography>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title={t('certification.tab.summaryTitle')}>
          <Box display="flex" alignItems="center" mb={1} style={{ gap: 12 }}>
            <LevelBadge level={card.level} />
            <Typography variant="h5" component="p">
              {t('certification.tab.score', { score: formatScore(card.score) })}
            </Typography>
          </Box>
          <Typography variant="body1" component="p" gutterBottom>
            {card.band}
          </Typography>
          <Typography variant="body2" color="textSecondary" component="p">
            {t('certification.tab.scoreExplained')}
          </Typography>
          {card.version !== undefined ? (
            <Typography variant="body2" component="p">
              {card.versionSource === 'newest-deployed'
                ? t('certification.tab.versionDeployed', {
                    version: String(card.version),
                  })
                : t('certification.tab.versionAlias', {
                    version: String(card.version),
                  })}
            </Typography>
          ) : (
            <Box mt={1}>
              <Alert severity="warning">
                {t('certification.tab.noVersion')}
              </Alert>
            </Box>
          )}
          <Typography variant="caption" color="textSecondary" component="p">
            {t('certification.tab.evaluated')}{' '}
            <RelativeTime value={card.evaluatedAt} />
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard title={t('certification.sections.title')}>
          <SectionScores sections={card.sections} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <NextLevelPanel card={card} checkTitle={titleOf} />
      </Grid>
      {!canAttest && !attestLoading ? (
        <Grid item xs={12}>
          <Alert severity="info" id="certification-attest-denied">
            {t('certification.tab.cannotAttest')}
          </Alert>
        </Grid>
      ) : null}
      {card.sections.map(section => (
        <Grid item xs={12} key={section.id}>
          <InfoCard
            title={t('certification.tab.sectionTitle', {
              title: section.title,
              score: formatScore(section.score),
            })}
          >
            <CheckTable
              caption={section.title}
              checks={section.checks}
              canAttest={canAttest}
              canReview={canReview}
              onAttest={setAttesting}
              onReview={(check, attestation) =>
                setReviewing({ check, attestation })
              }
            />
          </InfoCard>
        </Grid>
      ))}
      <Grid item xs={12}>
        <InfoCard
          title={t('certification.tab.portalTitle')}
          subheader={t('certification.tab.portalSubheader')}
        >
          {card.portalChecks.length ? (
            <CheckTable
              caption={t('certification.tab.portalTitle')}
              checks={card.portalChecks}
              portal
              canAttest={false}
              canReview={false}
              onAttest={() => undefined}
              onReview={() => undefined}
            />
          ) : (
            <EmptyState
              missing="info"
              title={t('certification.tab.noPortalChecks')}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title={t('certification.history.title')}>
          <HistoryList
            model={model.name}
            revision={revision}
            checkTitle={titleOf}
            levelLabel={levelLabel}
          />
        </InfoCard>
      </Grid>
      {attesting ? (
        <AttestDialog
          model={model.name}
          check={attesting}
          onClose={() => setAttesting(undefined)}
          onAttested={() =>
            refresh(t('certification.tab.attested', { check: attesting.title }))
          }
        />
      ) : null}
      {reviewing ? (
        <ReviewDialog
          model={model.name}
          checkTitle={reviewing.check.title}
          attestation={reviewing.attestation}
          onClose={() => setReviewing(undefined)}
          onReviewed={() =>
            refresh(
              t('certification.tab.rejected', {
                check: reviewing.check.title,
              }),
            )
          }
        />
      ) : null}
    </Grid>
  );
}
