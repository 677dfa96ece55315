import {
  DEFAULT_PAGE_SIZE,
  effectiveFilter,
  formatOrderBy,
  nextOrderBy,
  parseOrderBy,
  readRunsTableState,
  writeRunsTableState,
  RunsTableState,
} from './runsTableState';

describe('runs table URL state', () => {
  it('round-trips through the query string', () => {
    const state: RunsTableState = {
      experiments: ['baseline', 'weekly retrain'],
      filter: 'metrics.auc > 0.8',
      status: 'FAILED',
      mine: true,
      orderBy: 'metrics.auc DESC',
      columns: [
        { kind: 'metric', key: 'auc' },
        { kind: 'param', key: 'learning rate' },
      ],
      pageSize: 100,
    };
    const params = writeRunsTableState(state);
    expect(params.getAll('column')).toEqual([
      'metrics.auc',
      'params.learning rate',
    ]);
    expect(readRunsTableState(new URLSearchParams(params.toString()))).toEqual(
      state,
    );
  });

  it('leaves defaults out and ignores values it does not know', () => {
    const empty = readRunsTableState(
      new URLSearchParams(
        'status=BOGUS&pageSize=7&column=nonsense&column=metrics.auc&column=metrics.auc',
      ),
    );
    expect(empty).toEqual({
      experiments: [],
      filter: '',
      status: undefined,
      mine: false,
      orderBy: undefined,
      columns: [{ kind: 'metric', key: 'auc' }],
      pageSize: DEFAULT_PAGE_SIZE,
    });
    expect(writeRunsTableState({ ...empty, columns: [] }).toString()).toBe('');
  });
});

describe('effectiveFilter', () => {
  it('appends quick filters after the user text', () => {
    expect(
      effectiveFilter(
        { filter: ' metrics.auc > 0.8 ', status: 'FINISHED', mine: true },
        'user:default/alice',
      ),
    ).toBe(
      "metrics.auc > 0.8 AND status = 'FINISHED' AND user = 'user:default/alice'",
    );
    expect(effectiveFilter({ filter: '', mine: false }, undefined)).toBe('');
  });
});

describe('orderBy', () => {
  it('parses and writes the API form, quoting keys with spaces', () => {
    expect(parseOrderBy(undefined)).toEqual({
      field: 'attributes.startTime',
      direction: 'DESC',
    });
    expect(parseOrderBy('metrics.`val loss` ASC')).toEqual({
      field: 'metrics.val loss',
      direction: 'ASC',
    });
    expect(formatOrderBy('metrics.val loss', 'ASC')).toBe(
      'metrics.`val loss` ASC',
    );
  });

  it('flips the current column and starts others by kind', () => {
    expect(nextOrderBy(undefined, 'attributes.startTime', false)).toBe(
      'attributes.startTime ASC',
    );
    expect(nextOrderBy(undefined, 'metrics.auc', false)).toBe(
      'metrics.auc DESC',
    );
    expect(nextOrderBy('metrics.auc DESC', 'attributes.name', true)).toBe(
      'attributes.name ASC',
    );
  });
});
