import { decomposeColor, getContrastRatio } from '@material-ui/core/styles';

/**
 * The contrast of a text colour on a background as the eye sees it: a colour with transparency
 * (MUI's `rgba(0, 0, 0, 0.54)` grey) is first blended onto the background, which MUI's own
 * `getContrastRatio` does not do.
 */
export function contrastOn(color: string, background: string): number {
  const c = decomposeColor(color);
  const alpha = c.type === 'rgba' ? (c.values[3] ?? 1) : 1;
  if (alpha >= 1) return getContrastRatio(color, background);
  const b = decomposeColor(background);
  const blended = [0, 1, 2].map(i =>
    Math.round(c.values[i] * alpha + b.values[i] * (1 - alpha)),
  );
  return getContrastRatio(`rgb(${blended.join(', ')})`, background);
}
