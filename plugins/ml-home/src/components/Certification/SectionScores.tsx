import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { ScorecardSection as CertificationSection } from './types';
import { mlHomeTranslationRef } from '../../translation';
import { formatScore } from './LevelBadge';

/** The most a section can score: seven tests, one point each. */
export const SECTION_MAX = 7;

/**
 * The four sections' scores as bars out of seven. A score is a measurement, not progress that
 * will finish, so each bar is a `meter` named by its section and read as "3.5 of 7"; the lowest
 * section, which sets the model's score, is marked in text.
 */
export function SectionScores(props: { sections: CertificationSection[] }) {
  const { sections } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const lowest = Math.min(...sections.map(s => s.score));
  return (
    <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {sections.map(section => {
        const id = `certification-section-${section.id}`;
        const valueText = t('certification.sections.valueText', {
          score: formatScore(section.score),
          max: String(SECTION_MAX),
        });
        return (
          <Box component="li" key={section.id} mb={2}>
            <Box display="flex" justifyContent="space-between">
              <Typography variant="body2" id={id} component="span">
                {section.title}
                {section.score === lowest
                  ? ` — ${t('certification.sections.lowest')}`
                  : ''}
              </Typography>
              <Typography variant="body2" component="span">
                {valueText}
              </Typography>
            </Box>
            <LinearProgress
              variant="determinate"
              value={(section.score / SECTION_MAX) * 100}
              color={section.score === lowest ? 'secondary' : 'primary'}
              role="meter"
              aria-labelledby={id}
              aria-valuenow={section.score}
              aria-valuemin={0}
              aria-valuemax={SECTION_MAX}
              aria-valuetext={valueText}
              style={{ height: 8, borderRadius: 4 }}
            />
          </Box>
        );
      })}
    </Box>
  );
}
