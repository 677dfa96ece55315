import { RouterLink } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

/** The most runs one comparison takes (the API's limit). */
export const MAX_COMPARED_RUNS = 100;

/**
 * How many runs are selected, a way to clear them, and the link to compare them (2 to
 * {@link MAX_COMPARED_RUNS} runs; otherwise a disabled button says why not by its count).
 */
export function RunSelectionBar(props: {
  selectedCount: number;
  /** Where the comparison of the selected runs is; none when the app has no compare page. */
  compareHref?: string;
  onClear: () => void;
}) {
  const { selectedCount, compareHref, onClear } = props;
  const canCompare =
    selectedCount >= 2 &&
    selectedCount <= MAX_COMPARED_RUNS &&
    compareHref !== undefined;
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 12 }}
      mb={1}
      role="region"
      aria-label="Selected runs"
    >
      <Typography variant="body2" aria-live="polite">
        {selectedCount === 0
          ? 'Select runs to compare them.'
          : `${selectedCount} ${selectedCount === 1 ? 'run' : 'runs'} selected`}
      </Typography>
      {selectedCount > 0 ? (
        <Button size="small" onClick={onClear}>
          Clear selection
        </Button>
      ) : null}
      {canCompare ? (
        <Button
          variant="contained"
          color="primary"
          size="small"
          component={RouterLink}
          href={compareHref ?? ''}
          // A link styled as a button: it navigates, so it is announced as a link.
          role="link"
        >
          Compare ({selectedCount})
        </Button>
      ) : (
        <Button variant="contained" color="primary" size="small" disabled>
          Compare ({selectedCount})
        </Button>
      )}
      {selectedCount > MAX_COMPARED_RUNS ? (
        <Typography variant="body2" color="error">
          A comparison takes at most {MAX_COMPARED_RUNS} runs.
        </Typography>
      ) : null}
    </Box>
  );
}
