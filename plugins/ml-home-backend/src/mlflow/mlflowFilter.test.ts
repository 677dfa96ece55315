import { parseMlflowFilter, toRunFilter } from './mlflowFilter';

describe('parseMlflowFilter', () => {
  it("reads MLflow's grammar: prefixes, quoted keys, values, IN lists, AND", () => {
    expect(
      parseMlflowFilter(
        "metrics.acc >= 0.9 and params.`learning rate` = '0.1' AND tags.\"my.tag\" LIKE 'a%' AND attributes.run_id NOT IN ('a', \"b\") AND name ILIKE '%x\\'y%'",
      ),
    ).toEqual([
      { prefix: 'metrics', key: 'acc', op: '>=', value: 0.9 },
      { prefix: 'params', key: 'learning rate', op: '=', value: '0.1' },
      { prefix: 'tags', key: 'my.tag', op: 'LIKE', value: 'a%' },
      { prefix: 'attributes', key: 'run_id', op: 'NOT IN', value: ['a', 'b'] },
      { prefix: undefined, key: 'name', op: 'ILIKE', value: "%x'y%" },
    ]);
    expect(parseMlflowFilter('   ')).toEqual([]);
    expect(parseMlflowFilter(undefined)).toEqual([]);
  });

  it.each([
    ['metrics.acc >', 'expected a quoted string or a number'],
    ['metrics.acc ~ 1', 'expected a comparator'],
    ["name = 'a' OR name = 'b'", 'joined with AND'],
    ["name = 'open", 'unterminated'],
    ['run_id IN (1, 2)', 'quoted string in the IN list'],
  ])('refuses %p with INVALID_PARAMETER_VALUE', (filter, words) => {
    expect(() => parseMlflowFilter(filter)).toThrow(
      expect.objectContaining({
        errorCode: 'INVALID_PARAMETER_VALUE',
        message: expect.stringContaining(words),
      }),
    );
  });
});

describe('toRunFilter', () => {
  it("maps MLflow's attributes and collects run ids", () => {
    expect(
      toRunFilter(
        "attributes.status = 'FINISHED' AND run_name LIKE 'a%' AND attributes.start_time > '100' AND metrics.loss < 1 AND attributes.run_id IN ('x', 'y') AND attributes.run_id IN ('y', 'z')",
      ),
    ).toEqual({
      clauses: [
        { kind: 'attribute', key: 'status', op: '=', value: 'FINISHED' },
        { kind: 'attribute', key: 'name', op: 'LIKE', value: 'a%' },
        { kind: 'attribute', key: 'startTime', op: '>', value: 100 },
        { kind: 'metric', key: 'loss', op: '<', value: 1 },
      ],
      runIds: ['y'],
    });
  });

  it('refuses what MLflow refuses', () => {
    expect(() => toRunFilter("metrics.acc > 'high'")).toThrow(
      /compares with a number/,
    );
    expect(() => toRunFilter('params.lr = 0.1')).toThrow(/quoted string/);
    expect(() => toRunFilter("params.lr IN ('a')")).toThrow(/IN and NOT IN/);
    expect(() => toRunFilter("datasets.name = 'a'")).toThrow(
      /unknown entity type/,
    );
    expect(() => toRunFilter("attributes.artifact_uri = 'a'")).toThrow(
      /attributes/,
    );
  });
});
