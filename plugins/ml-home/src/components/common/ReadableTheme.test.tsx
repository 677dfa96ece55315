import { createTheme, getContrastRatio } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { contrastOn } from './__testUtils__/contrast';
import { DeltaText, PassFailBadge } from '../EvaluationPage/verdicts';
import {
  ReadableThemeProvider,
  readableOn,
  readableTheme,
} from './ReadableTheme';

/** The app background the new frontend system paints behind the pages (Backstage UI's token). */
const APP_BACKGROUND = '#f5f5f5';
const AA = 4.5;

const light = createTheme();
const dark = createTheme({ palette: { type: 'dark' } });

/** An element's text colour as the browser would paint it, from the injected styles. */
const colorOf = (element: HTMLElement) => getComputedStyle(element).color;

describe('readableOn', () => {
  it('darkens a grey with transparency until it reads on every light background', () => {
    const color = readableOn('rgba(0, 0, 0, 0.54)', [
      '#ffffff',
      APP_BACKGROUND,
    ]);
    expect(getContrastRatio(color, APP_BACKGROUND)).toBeGreaterThanOrEqual(AA);
    expect(getContrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(AA);
  });

  it('lightens on dark backgrounds and leaves a readable colour alone', () => {
    const red = readableOn('#f44336', ['#333333', '#424242']);
    expect(getContrastRatio(red, '#424242')).toBeGreaterThanOrEqual(AA);
    expect(readableOn('#000000', ['#ffffff'])).toBe('#000000');
  });
});

describe('readableTheme', () => {
  it.each([
    ['light', light, [APP_BACKGROUND]],
    ['dark', dark, []],
  ])(
    'gives the %s theme secondary, error and success text of at least 4.5:1 on the page and on cards',
    (_, theme, extra) => {
      const { palette } = readableTheme(theme);
      const backgrounds = [
        palette.background.default,
        palette.background.paper,
        ...extra,
      ];
      for (const color of [
        palette.text.secondary,
        palette.secondary.main,
        palette.error.main,
        palette.success.main,
      ]) {
        for (const background of backgrounds) {
          expect([
            color,
            background,
            getContrastRatio(color, background) >= AA,
          ]).toEqual([color, background, true]);
        }
      }
      // What it leaves alone.
      expect(palette.primary).toBe(theme.palette.primary);
      expect(palette.text.primary).toBe(theme.palette.text.primary);
    },
  );

  it('gives sortable table headers a focus ring', () => {
    const root = readableTheme(light).overrides?.MuiTableSortLabel?.root as
      Record<string, any> | undefined;
    expect(root?.['&:focus-visible']?.outline).toMatch(/^2px solid /);
  });
});

describe('ReadableThemeProvider', () => {
  it("paints pass/fail badges, deltas and secondary text readably on the app's background", async () => {
    const page = (
      <>
        <PassFailBadge pass />
        <PassFailBadge pass={false} />
        <DeltaText
          delta={0.02}
          regression={false}
          improvement
          reference="baseline v2"
          referenceValue={0.8}
        />
        <DeltaText
          delta={-0.02}
          regression
          improvement={false}
          reference="baseline v2"
          referenceValue={0.8}
        />
        <Typography color="textSecondary">1–3 of 3</Typography>
        <Typography color="error">1 regression</Typography>
        <Typography color="secondary">differs</Typography>
      </>
    );
    const paint = () => [
      colorOf(screen.getByText('Pass')),
      colorOf(screen.getByText('Fail')),
      colorOf(screen.getByText('+0.02').parentElement!),
      colorOf(screen.getByText('-0.02').parentElement!),
      colorOf(screen.getByText('1–3 of 3')),
      colorOf(screen.getByText('1 regression')),
      colorOf(screen.getByText('differs')),
    ];

    // The theme as the app gives it: MUI's green, red, pink and grey fail AA there.
    const plain = await renderInTestApp(page);
    expect(
      paint().filter(c => contrastOn(c, APP_BACKGROUND) < AA),
    ).toHaveLength(7);
    plain.unmount();

    await renderInTestApp(
      <ReadableThemeProvider>{page}</ReadableThemeProvider>,
    );
    for (const color of paint()) {
      expect([color, contrastOn(color, APP_BACKGROUND) >= AA]).toEqual([
        color,
        true,
      ]);
    }
  });
});
