import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import type { FacetCount } from '@ml-home/plugin-ml-home-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useState } from 'react';
import { mlHomeTranslationRef } from '../../translation';

const SHOWN_BEFORE_MORE = 8;

/**
 * One facet as a group of checkboxes, "value (count)". Counts come from the server and follow
 * the other filters. Selected values stay listed even when no project has them any more.
 */
export function FacetGroup(props: {
  /** Accessible name and heading, e.g. "Owner team". */
  label: string;
  /** URL parameter, used for element ids. */
  name: string;
  counts: FacetCount[];
  selected: string[];
  onToggle: (value: string) => void;
  format?: (value: string) => string;
}) {
  const { label, name, counts, selected, onToggle, format = v => v } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [expanded, setExpanded] = useState(false);
  const missing = selected
    .filter(v => !counts.some(c => c.value === v))
    .map(v => ({ value: v, count: 0 }));
  const all = [...counts, ...missing];
  const shown = expanded
    ? all
    : all.filter((c, i) => i < SHOWN_BEFORE_MORE || selected.includes(c.value));
  return (
    <Box mb={2}>
      <FormControl component="fieldset">
        <FormLabel component="legend">{label}</FormLabel>
        {all.length === 0 ? (
          <Box color="text.secondary" fontSize="body2.fontSize" mt={1}>
            {t('discover.facet.none')}
          </Box>
        ) : (
          <FormGroup>
            {shown.map(c => (
              <FormControlLabel
                key={c.value}
                control={
                  <Checkbox
                    size="small"
                    id={`facet-${name}-${c.value}`}
                    checked={selected.includes(c.value)}
                    onChange={() => onToggle(c.value)}
                  />
                }
                label={t('discover.facet.value', {
                  value: format(c.value),
                  count: c.count,
                })}
              />
            ))}
          </FormGroup>
        )}
        {all.length > shown.length || expanded ? (
          <Button
            size="small"
            onClick={() => setExpanded(e => !e)}
            aria-expanded={expanded}
          >
            {expanded
              ? t('discover.facet.showFewer')
              : t('discover.facet.showAll', { count: all.length })}
          </Button>
        ) : null}
      </FormControl>
    </Box>
  );
}
