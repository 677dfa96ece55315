import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ModelCard } from '@ml-home/plugin-ml-home-common';
import { SafeMarkdown } from '../common/SafeMarkdown';

/** The sections of a Model Card (Mitchell et al., 2019), in their usual order. */
export const MODEL_CARD_SECTIONS: { key: keyof ModelCard; title: string }[] = [
  { key: 'modelDetails', title: 'Model details' },
  { key: 'intendedUse', title: 'Intended use' },
  { key: 'factors', title: 'Factors' },
  { key: 'metrics', title: 'Metrics' },
  { key: 'evaluationData', title: 'Evaluation data' },
  { key: 'trainingData', title: 'Training data' },
  { key: 'quantitativeAnalyses', title: 'Quantitative analyses' },
  { key: 'ethicalConsiderations', title: 'Ethical considerations' },
  { key: 'caveatsAndRecommendations', title: 'Caveats and recommendations' },
];

/** A version's model card, each section rendered as markdown; says which sections are missing. */
export function ModelCardView(props: { card: ModelCard; version: number }) {
  const { card, version } = props;
  const written = MODEL_CARD_SECTIONS.filter(s => card[s.key]?.trim());
  const missing = MODEL_CARD_SECTIONS.filter(s => !card[s.key]?.trim());
  if (!written.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        Version {version} has no model card. Describe its intended use, training
        and evaluation data, limitations and ethical considerations when you
        register a version (modelCard), so that the people who depend on it know
        what it is for.
      </Typography>
    );
  }
  return (
    <>
      {written.map(s => (
        <Box key={s.key} component="section" mb={2}>
          <Typography variant="h6" component="h3">
            {s.title}
          </Typography>
          <SafeMarkdown content={card[s.key] ?? ''} />
        </Box>
      ))}
      {missing.length ? (
        <Typography variant="body2" color="textSecondary">
          Not written yet: {missing.map(s => s.title.toLowerCase()).join(', ')}.
        </Typography>
      ) : null}
    </>
  );
}
