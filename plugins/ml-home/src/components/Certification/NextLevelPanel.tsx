import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { mlHomeTranslationRef } from '../../translation';
import { formatScore, useLevelLabel } from './LevelBadge';
import type { Scorecard } from './types';

/**
 * What the next level needs: its threshold and the fewest checks that raise the lowest sections
 * to it, each saying whether attesting it (+½) is enough or it must be automated (+1).
 */
export function NextLevelPanel(props: {
  card: Scorecard;
  checkTitle: (checkId: string) => string;
}) {
  const { card, checkTitle } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const levelLabel = useLevelLabel();
  const next = card.nextLevel;
  const sectionTitle = (id: string) =>
    card.sections.find(s => s.id === id)?.title ?? id;
  if (!next) {
    return (
      <InfoCard title={t('certification.next.topTitle')}>
        <Typography variant="body2">{t('certification.next.top')}</Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={t('certification.next.title', { level: levelLabel(next.level) })}
      subheader={
        // The first level is reached from 0 on, so a next level at 0 is one above it.
        next.minScore === 0
          ? t('certification.next.subheaderAbove', {
              score: formatScore(next.minScore),
              count: next.steps.length,
            })
          : t('certification.next.subheader', {
              score: formatScore(next.minScore),
              count: next.steps.length,
            })
      }
    >
      <List dense aria-label={t('certification.next.stepsLabel')}>
        {next.steps.map(step => (
          <ListItem key={`${step.checkId}:${step.action}`} disableGutters>
            <ListItemText
              primary={checkTitle(step.checkId)}
              secondary={
                step.action === 'attest'
                  ? t('certification.next.attest', {
                      section: sectionTitle(step.section),
                      points: formatScore(step.points),
                    })
                  : t('certification.next.automate', {
                      section: sectionTitle(step.section),
                      points: formatScore(step.points),
                    })
              }
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
