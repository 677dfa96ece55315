import {
  buildGrid,
  draftFromEvaluation,
  filterRows,
  isDraftValid,
  metricDirections,
  resolvedDirections,
  numericResults,
  previewScore,
  savedScore,
  thresholdText,
  updateFromDraft,
  validateDraft,
} from './evaluationGrid';
import { churnEvaluation, scoredEvaluation } from './__testUtils__/evaluations';
import { percent, signed } from './verdicts';
import { mlHomeT } from '../../translation/__testUtils__/mlHomeT';

describe('evaluationGrid', () => {
  it('lays the score out by slice (overall first) and metric', () => {
    const evaluation = churnEvaluation();
    const grid = buildGrid(numericResults(evaluation), savedScore(evaluation));
    expect(grid.metrics).toEqual(['accuracy', 'log_loss']);
    expect(grid.rows.map(r => r.slice)).toEqual([
      'overall',
      'country=de',
      'country=fr',
    ]);
    const de = grid.rows[1];
    expect(de.pass).toBe(false);
    expect(de.failing).toEqual(['accuracy']);
    expect(de.regressions).toBe(2);
    expect(de.cells.accuracy.value).toBe(0.72);
    expect(de.cells.accuracy.outcomes.map(o => o.pass)).toEqual([false]);
    expect(de.cells.accuracy.delta?.regression).toBe(true);
    expect(grid.rows[0].cells.log_loss.delta?.improvement).toBe(true);
  });

  it('reads NaN and Infinity from the wire and gives a missing metric a column', () => {
    const evaluation = scoredEvaluation({
      results: [
        { slice: 'overall', metric: 'auc', value: NaN },
        { slice: 'overall', metric: 'latency', value: Infinity },
      ],
      thresholds: [
        { metric: 'auc', op: '>', value: 0.5 },
        { metric: 'recall', op: '>', value: 0.5 },
      ],
    });
    expect(evaluation.results[0].value).toBe('NaN');
    const grid = buildGrid(numericResults(evaluation), savedScore(evaluation));
    expect(grid.metrics).toEqual(['auc', 'latency', 'recall']);
    const overall = grid.rows[0];
    expect(Number.isNaN(overall.cells.auc.value)).toBe(true);
    expect(overall.cells.auc.outcomes[0].reason).toBe('nan');
    expect(overall.cells.latency.value).toBe(Infinity);
    expect(overall.cells.recall.value).toBeUndefined();
    expect(overall.cells.recall.outcomes[0].reason).toBe('missing');
  });

  it('filters failing slices and slices with regressions', () => {
    const evaluation = churnEvaluation({
      thresholds: [{ metric: 'log_loss', op: '<', value: 0.29 }],
    });
    const { rows } = buildGrid(
      numericResults(evaluation),
      savedScore(evaluation),
    );
    const slices = (f: { failingOnly: boolean; regressionsOnly: boolean }) =>
      filterRows(rows, f).map(r => r.slice);
    expect(slices({ failingOnly: true, regressionsOnly: false })).toEqual([
      'overall',
      'country=de',
    ]);
    expect(slices({ failingOnly: false, regressionsOnly: true })).toEqual([
      'country=de',
    ]);
    expect(slices({ failingOnly: true, regressionsOnly: true })).toEqual([
      'country=de',
    ]);
    expect(slices({ failingOnly: false, regressionsOnly: false })).toHaveLength(
      3,
    );
  });

  it('previews a draft exactly as the saved evaluation scores', () => {
    const evaluation = churnEvaluation();
    const draft = draftFromEvaluation(evaluation);
    // Unchanged, the preview is the saved score.
    expect(previewScore(evaluation, draft)).toEqual(savedScore(evaluation));

    draft.rows[0].value = '0.7';
    const preview = previewScore(evaluation, draft);
    expect(preview.pass).toBe(true);
    // Deltas come from the baseline values the evaluation carries.
    expect(preview.regressions).toBe(2);

    const lenient = { ...draft, tolerance: '0.1' };
    expect(previewScore(evaluation, lenient).regressions).toBe(0);
    const reversed = {
      ...draft,
      directions: { ...draft.directions, log_loss: 'higher' as const },
    };
    // log_loss going up on country=de is now an improvement, overall's drop a regression.
    expect(previewScore(evaluation, reversed).regressions).toBe(2);
    expect(
      previewScore(evaluation, reversed).deltas.find(
        d => d.slice === 'country=de' && d.metric === 'log_loss',
      )?.improvement,
    ).toBe(true);
  });

  it('validates a draft and sends only directions the names do not imply', () => {
    const evaluation = churnEvaluation();
    const draft = draftFromEvaluation(evaluation);
    expect(isDraftValid(validateDraft(draft))).toBe(true);

    const broken = {
      ...draft,
      rows: [
        ...draft.rows,
        { key: 'x', metric: '', slice: '', op: '>=' as const, value: 'abc' },
      ],
      tolerance: '-1',
    };
    const errors = validateDraft(broken);
    expect(isDraftValid(errors)).toBe(false);
    expect(errors.rows[1]).toEqual({
      metric: 'evaluation.editor.pickMetric',
      value: 'evaluation.editor.finiteNumber',
    });
    expect(mlHomeT(errors.rows[1].metric!)).toBe('Pick a metric');
    expect(errors.tolerance).toBeDefined();

    const update = updateFromDraft({
      ...draft,
      rows: [{ ...draft.rows[0], slice: 'country=de', value: '0.75' }],
      directions: { accuracy: 'higher', log_loss: 'higher' },
    });
    expect(update).toEqual({
      thresholds: [
        { metric: 'accuracy', slice: 'country=de', op: '>=', value: 0.75 },
      ],
      directions: { log_loss: 'higher' },
      tolerance: 0.005,
    });
  });

  it('says what a threshold asks for', () => {
    expect(
      thresholdText({ metric: 'auc', op: '>=', value: 0.8 }, mlHomeT),
    ).toBe('auc ≥ 0.8 on every slice');
    expect(
      thresholdText(
        { metric: 'loss', op: '<', value: 1, slice: 'a=b' },
        mlHomeT,
      ),
    ).toBe('loss < 1 on a=b');
  });

  it('writes changes with their sign, small ones without an exponent', () => {
    expect(signed(0.0123)).toBe('+0.0123');
    expect(signed(-0.06)).toBe('-0.06');
    expect(signed(0)).toBe('0');
    expect(signed(-1e-4)).toBe('-0.0001');
    // As a difference of two values comes out, not as typed.
    expect(signed(0.3988 - 0.3989)).toBe('-0.0001');
    expect(signed(0.00012345)).toBe('+0.00012');
    expect(signed(NaN)).toBe('NaN');
    expect(percent(0.0123)).toBe('+1.2 %');
    expect(percent(-0.5)).toBe('-50 %');
    expect(percent(undefined)).toBeUndefined();
  });
});

describe.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
  'evaluationGrid with a metric named %s',
  metric => {
    // Declared lower-is-better, as the wire carries it: parsed JSON.
    const declared = JSON.parse(`{${JSON.stringify(metric)}: "lower"}`);
    const evaluation = scoredEvaluation({
      results: [
        { slice: 'overall', metric, value: 0.4 },
        { slice: `${metric}=a`, metric, value: 0.6 },
        { slice: 'overall', metric: 'auc', value: 0.9 },
      ],
      baseline: [{ slice: 'overall', metric, value: 0.5 }],
      thresholds: [{ metric, op: '<=', value: 0.5 }],
      directions: declared,
    });

    it('gives it its own cell on every slice', () => {
      const grid = buildGrid(
        numericResults(evaluation),
        savedScore(evaluation),
      );
      expect(grid.metrics).toEqual(['auc', metric].sort());
      const [overall, sliced] = grid.rows;
      expect(Object.keys(overall.cells).sort()).toEqual(['auc', metric].sort());
      expect(overall.cells[metric].value).toBe(0.4);
      expect(overall.cells[metric].outcomes.map(o => o.pass)).toEqual([true]);
      expect(overall.cells[metric].delta?.improvement).toBe(true);
      expect(sliced.slice).toBe(`${metric}=a`);
      expect(Object.keys(sliced.cells)).toEqual([metric]);
      expect(sliced.cells[metric].outcomes.map(o => o.pass)).toEqual([false]);
      expect(sliced.cells.auc).toBeUndefined();
    });

    it('keeps its declared direction through the draft and the update', () => {
      expect(evaluation.directions[metric]).toBe('lower');
      expect(metricDirections([metric, 'auc'], evaluation.directions)).toEqual(
        JSON.parse(`{${JSON.stringify(metric)}: "lower", "auc": "higher"}`),
      );
      const draft = draftFromEvaluation(evaluation);
      const update = updateFromDraft(draft);
      expect(Object.keys(update.directions)).toEqual([metric]);
      expect(update.directions[metric]).toBe('lower');
      expect(JSON.stringify(update.directions)).toBe(JSON.stringify(declared));
      expect(previewScore(evaluation, draft)).toEqual(savedScore(evaluation));
    });
  },
);

describe('resolvedDirections', () => {
  const evaluation = {
    directions: {
      auc: 'higher',
      val_loss: 'lower',
      coverage: 'lower',
    } as Record<string, 'higher' | 'lower'>,
    directionSources: {
      auc: 'project',
      val_loss: 'heuristic',
      coverage: 'model',
    } as Record<string, 'model' | 'project' | 'evaluation' | 'heuristic'>,
  };

  it('says who declared each direction, and leaves unknown metrics out', () => {
    expect({
      ...resolvedDirections(
        ['auc', 'val_loss', 'coverage', 'grad_norm', 'accuracy'],
        evaluation,
      ),
    }).toEqual({
      auc: { direction: 'higher', source: 'project' },
      val_loss: { direction: 'lower', source: 'heuristic' },
      coverage: { direction: 'lower', source: 'model' },
      accuracy: { direction: 'higher', source: 'heuristic' },
    });
  });

  it('counts a direction changed in the editor as the evaluation’s own', () => {
    expect({
      ...resolvedDirections(['auc', 'grad_norm', 'coverage'], evaluation, {
        auc: 'lower',
        grad_norm: 'lower',
        coverage: 'lower',
      }),
    }).toEqual({
      auc: { direction: 'lower', source: 'evaluation' },
      grad_norm: { direction: 'lower', source: 'evaluation' },
      coverage: { direction: 'lower', source: 'model' },
    });
  });
});
