import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ModelCard } from '@ml-home/plugin-ml-home-common';
import { mlHomeTranslationRef } from '../../translation';
import { SafeMarkdown } from '../common/SafeMarkdown';

/**
 * The sections of a Model Card (Mitchell et al., 2019), in their usual order; each is titled by
 * its `model.card.sections.<key>` message.
 */
export const MODEL_CARD_SECTIONS: (keyof ModelCard)[] = [
  'modelDetails',
  'intendedUse',
  'factors',
  'metrics',
  'evaluationData',
  'trainingData',
  'quantitativeAnalyses',
  'ethicalConsiderations',
  'caveatsAndRecommendations',
];

/** A version's model card, each section rendered as markdown; says which sections are missing. */
export function ModelCardView(props: { card: ModelCard; version: number }) {
  const { card, version } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const title = (key: keyof ModelCard) => t(`model.card.sections.${key}`);
  const written = MODEL_CARD_SECTIONS.filter(key => card[key]?.trim());
  const missing = MODEL_CARD_SECTIONS.filter(key => !card[key]?.trim());
  if (!written.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('model.card.none', { version: String(version) })}
      </Typography>
    );
  }
  return (
    <>
      {written.map(key => (
        <Box key={key} component="section" mb={2}>
          <Typography variant="h6" component="h3">
            {title(key)}
          </Typography>
          <SafeMarkdown content={card[key] ?? ''} />
        </Box>
      ))}
      {missing.length ? (
        <Typography variant="body2" color="textSecondary">
          {t('model.card.notWritten', {
            sections: missing.map(key => title(key).toLowerCase()).join(', '),
          })}
        </Typography>
      ) : null}
    </>
  );
}
