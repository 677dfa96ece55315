import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { Dataset } from '@ml-home/plugin-ml-home-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { mlHomeTranslationRef } from '../../translation';
import { DatasetDetails } from './DatasetDetails';

/**
 * One dataset as an expandable row: the summary line shows what it is, expanding it loads its
 * schema and consumers.
 */
export function DatasetAccordion(props: {
  dataset: Dataset;
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
  /** Name the project in the summary, when datasets of several projects are listed together. */
  showProject?: boolean;
}) {
  const { dataset, expanded, onToggle, showProject } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const id = `dataset-${dataset.project}-${dataset.name}`;
  return (
    <Accordion
      expanded={expanded}
      onChange={(_, value) => onToggle(value)}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`${id}-details`}
        id={`${id}-summary`}
      >
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 12 }}
        >
          <Typography variant="subtitle1" component="h3">
            {dataset.name}
          </Typography>
          <Chip label={dataset.kind} size="small" />
          {showProject ? (
            <Typography variant="body2">
              {t('datasets.inProject', { project: dataset.project })}
            </Typography>
          ) : null}
          <Typography variant="body2" color="textSecondary">
            {t('datasets.featureCount', { count: dataset.features.length })}
            {dataset.description ? ` · ${dataset.description}` : ''}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id={`${id}-details`}>
        <Box width="100%">
          <DatasetDetails project={dataset.project} name={dataset.name} />
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
