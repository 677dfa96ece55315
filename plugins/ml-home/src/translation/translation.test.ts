// This test reads the plugin's own source (in Node, under Jest) to find the keys it names.
/* eslint-disable no-restricted-imports */
import fs from 'fs';
import path from 'path';
/* eslint-enable no-restricted-imports */
import { mlHomeMessages } from './translation';
import { mlHomeT } from './__testUtils__/mlHomeT';

/** The flat keys of the messages, as `t()` takes them (plural forms keep their suffix). */
function flatten(
  messages: object,
  prefix = '',
  into = new Map<string, string>(),
): Map<string, string> {
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') into.set(`${prefix}${key}`, value);
    else flatten(value, `${prefix}${key}.`, into);
  }
  return into;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const messages = flatten(mlHomeMessages);
/** Keys as code names them: `project.tokens.days` for `…days_one` and `…days_other`. */
const keys = new Set([...messages.keys()].map(k => k.replace(PLURAL, '')));
const groups = new Set([...keys].map(k => k.split('.')[0]));

/** Every source file of the plugin that ships (tests and test helpers left out). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === '__testUtils__' || entry.name === 'testUtils'
        ? []
        : sourceFiles(file);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
      ? [file]
      : [];
  });
}

const sources = sourceFiles(path.resolve(__dirname, '..')).filter(
  file => !file.startsWith(__dirname),
);
const code = sources.map(file => fs.readFileSync(file, 'utf8')).join('\n');

/** Quoted strings that name a message: they start with one of the ref's groups. */
const literalKeys = [...code.matchAll(/'([a-zA-Z][\w-]*(?:\.[\w-]+)*)'/g)]
  .map(m => m[1])
  .filter(k => (k.includes('.') ? groups.has(k.split('.')[0]) : keys.has(k)));
/** Keys built in code, `lifecycle.${…}`: the part before the first substitution. */
const keyPrefixes = [...code.matchAll(/`([a-zA-Z]+(?:\.[\w-]+)*\.)\$\{/g)]
  .map(m => m[1])
  .filter(p => groups.has(p.split('.')[0]));

describe('mlHomeTranslationRef', () => {
  it('has every message the code asks for', () => {
    expect(literalKeys.length).toBeGreaterThan(500);
    expect([...new Set(literalKeys)].filter(k => !keys.has(k))).toEqual([]);
    expect(
      keyPrefixes.filter(p => ![...keys].some(k => k.startsWith(p))),
    ).toEqual([]);
  });

  it('has no message the code never uses', () => {
    const used = new Set(literalKeys);
    const unused = [...keys].filter(
      k => !used.has(k) && !keyPrefixes.some(p => k.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });

  it('gives each counted message its singular and plural form', () => {
    const forms = [...messages.keys()].filter(k => PLURAL.test(k));
    for (const form of forms) {
      const base = form.replace(PLURAL, '');
      expect([
        form,
        messages.has(`${base}_one`),
        messages.has(`${base}_other`),
      ]).toEqual([form, true, true]);
    }
    expect(mlHomeT('project.overview.experimentCount', { count: 1 })).toBe(
      '1 experiment',
    );
    expect(mlHomeT('project.overview.experimentCount', { count: 1234 })).toBe(
      '1,234 experiments',
    );
  });

  it('says one of anything counted in the singular', () => {
    const one = {
      'entity.model.failing': [
        { failing: 0, count: 1 },
        'Failing on 0 of 1 slice',
      ],
      'entity.model.failingSlices': [
        { failing: 1, count: 1, slices: 'overall' },
        'Failing on 1 of 1 slice: overall',
      ],
      'evaluation.view.allHidden': [
        { count: 1 },
        'The 1 slice is hidden by the filters.',
      ],
      'evaluationComparison.rowCount': [{ shown: 1, count: 1 }, '1 of 1 row'],
      'evaluationComparison.sliceCount': [{ count: 1 }, '1 slice'],
      'evaluationComparison.metricCount': [{ count: 1 }, '1 metric'],
      'compare.metricTable.filterCount': [
        { shown: 1, count: 1 },
        '1 of 1 metric',
      ],
      'compare.paramDiff.differ': [
        { differing: 1, count: 1 },
        '1 of 1 param differs',
      ],
      'compare.parallel.ariaLabel': [
        { count: 1, metric: 'auc', items: 3 },
        'Parallel coordinates of 1 param against auc for 3 items',
      ],
      'charts.summary': [
        {
          name: 'run-a',
          metric: 'loss',
          last: '0.2',
          step: '1',
          min: '0.2',
          max: '0.2',
          count: 1,
        },
        'run-a: loss 0.2 at step 1, ranging 0.2 to 0.2 over 1 point.',
      ],
    } as const;
    for (const [key, [values, text]] of Object.entries(one)) {
      expect([key, mlHomeT(key as any, values as any)]).toEqual([key, text]);
    }
    expect(
      mlHomeT('compare.paramDiff.differ', { differing: 2, count: 3 }),
    ).toBe('2 of 3 params differ');
  });

  it('interpolates values into the English defaults', () => {
    expect(
      mlHomeT('common.paging.rangeOfTotal', { from: 26, to: 50, total: 1200 }),
    ).toBe('26–50 of 1,200');
    expect(mlHomeT('discover.filterByTag', { tag: 'fraud' })).toBe(
      'Filter by tag fraud',
    );
  });
});
