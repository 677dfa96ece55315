import {
  type Theme,
  ThemeProvider,
  darken,
  decomposeColor,
  getContrastRatio,
  getLuminance,
  lighten,
  recomposeColor,
} from '@material-ui/core/styles';
import type { ReactNode } from 'react';

/**
 * The contrast ML Home asks of text against the backgrounds it sits on: WCAG 2.1 AA's 4.5:1 for
 * normal text, with a margin because the page behind the cards can be a shade darker than the
 * theme says (the new frontend system paints the app background #f5f5f5 behind a theme whose
 * `background.default` is lighter, and MUI's grey secondary text there reads at 4.47:1).
 */
export const TEXT_CONTRAST = 4.8;

/** A colour with transparency as it shows on `background`, as an opaque `rgb()` colour. */
function opaqueOn(color: string, background: string): string {
  const c = decomposeColor(color);
  const alpha = c.type.endsWith('a') ? (c.values[3] ?? 1) : 1;
  if (alpha >= 1 || !c.type.startsWith('rgb')) return color;
  const b = decomposeColor(background);
  const values = [0, 1, 2].map(i =>
    Math.round(c.values[i] * alpha + b.values[i] * (1 - alpha)),
  ) as [number, number, number];
  return recomposeColor({ type: 'rgb', values });
}

/**
 * `color`, darkened on light backgrounds (lightened on dark ones) just enough to reach `ratio`
 * against every one of `backgrounds`; unchanged when it already does.
 */
export function readableOn(
  color: string,
  backgrounds: string[],
  ratio: number = TEXT_CONTRAST,
): string {
  const [first] = backgrounds;
  const light = getLuminance(first) > 0.5;
  const readable = (candidate: string) =>
    backgrounds.every(b => getContrastRatio(candidate, b) >= ratio);
  let result = opaqueOn(color, first);
  for (let step = 0; step < 40 && !readable(result); step += 1) {
    result = light ? darken(result, 0.05) : lighten(result, 0.05);
  }
  return result;
}

/**
 * The app's theme with what ML Home's pages need for WCAG 2.1 AA: secondary text and the
 * secondary, error and success colours (used for text: pass/fail badges, deltas, "1 regression",
 * "differs") readable on the page and on cards, and a visible focus ring on sortable table headers
 * (MUI's shows none).
 */
export function readableTheme(outer: Theme): Theme {
  const { palette } = outer;
  const backgrounds = [palette.background.default, palette.background.paper];
  const readable = (color: string) => readableOn(color, backgrounds);
  const sortLabel = outer.overrides?.MuiTableSortLabel ?? {};
  return {
    ...outer,
    palette: {
      ...palette,
      text: { ...palette.text, secondary: readable(palette.text.secondary) },
      secondary: {
        ...palette.secondary,
        main: readable(palette.secondary.main),
      },
      error: { ...palette.error, main: readable(palette.error.main) },
      success: { ...palette.success, main: readable(palette.success.main) },
    },
    overrides: {
      ...outer.overrides,
      MuiTableSortLabel: {
        ...sortLabel,
        root: {
          ...sortLabel.root,
          '&:focus-visible': {
            outline: `2px solid ${palette.primary.main}`,
            outlineOffset: 2,
            borderRadius: outer.shape.borderRadius,
          },
        },
      },
    },
  };
}

/** Gives everything below it {@link readableTheme}. */
export function ReadableThemeProvider(props: { children: ReactNode }) {
  return <ThemeProvider theme={readableTheme}>{props.children}</ThemeProvider>;
}
