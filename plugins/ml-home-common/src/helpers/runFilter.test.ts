import {
  formatRunFilter,
  parseRunFilter,
  RunFilterClause,
  RunFilterSyntaxError,
  RUN_FILTER_MAX_CLAUSES,
  RUN_FILTER_MAX_LENGTH,
} from './runFilter';

/* A small seeded PRNG (mulberry32) so the property tests are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseError(input: string): RunFilterSyntaxError {
  try {
    parseRunFilter(input);
  } catch (e) {
    if (e instanceof RunFilterSyntaxError) {
      return e;
    }
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

function failure(position: number, detail: string) {
  return {
    message: `Invalid filter at position ${position}: ${detail}`,
    position,
  };
}

const OPERAND_HINT =
  'metrics.<key>, params.<key>, tags.<key>, attributes.<name> or an attribute ' +
  '(status, name, user, runId, experiment, startTime, endTime)';
const COMPARATORS = '=, !=, <, <=, >, >=, LIKE, ILIKE';

describe('parseRunFilter', () => {
  it('parses the documented example', () => {
    expect(
      parseRunFilter(
        `metrics.auc > 0.8 and params.optimizer = "adam" and tags.stage = "prod" and attributes.status = 'FINISHED'`,
      ),
    ).toEqual([
      { kind: 'metric', key: 'auc', op: '>', value: 0.8 },
      { kind: 'param', key: 'optimizer', op: '=', value: 'adam' },
      { kind: 'tag', key: 'stage', op: '=', value: 'prod' },
      { kind: 'attribute', key: 'status', op: '=', value: 'FINISHED' },
    ]);
  });

  it.each(['', '   ', '\t\n  \r\n'])('returns no clauses for %j', input => {
    expect(parseRunFilter(input)).toEqual([]);
  });

  it.each([
    ['=', '='],
    ['!=', '!='],
    ['<', '<'],
    ['<=', '<='],
    ['>', '>'],
    ['>=', '>='],
  ])('reads the numeric comparator %s', (text, op) => {
    expect(parseRunFilter(`metrics.loss ${text} 1`)).toEqual([
      { kind: 'metric', key: 'loss', op, value: 1 },
    ]);
  });

  it('reads comparators without surrounding spaces', () => {
    expect(
      parseRunFilter('metrics.a<=1 and metrics.b!=2 and metrics.c>-3'),
    ).toEqual([
      { kind: 'metric', key: 'a', op: '<=', value: 1 },
      { kind: 'metric', key: 'b', op: '!=', value: 2 },
      { kind: 'metric', key: 'c', op: '>', value: -3 },
    ]);
    expect(parseRunFilter(`params.a='x'AND tags.b="y"`)).toEqual([
      { kind: 'param', key: 'a', op: '=', value: 'x' },
      { kind: 'tag', key: 'b', op: '=', value: 'y' },
    ]);
  });

  it('reads keywords in any case', () => {
    expect(
      parseRunFilter(
        `params.a like 'x%' AnD params.b ILike 'Y%' and tags.c LIKE '_' aND tags.d ilike 'z'`,
      ),
    ).toEqual([
      { kind: 'param', key: 'a', op: 'LIKE', value: 'x%' },
      { kind: 'param', key: 'b', op: 'ILIKE', value: 'Y%' },
      { kind: 'tag', key: 'c', op: 'LIKE', value: '_' },
      { kind: 'tag', key: 'd', op: 'ILIKE', value: 'z' },
    ]);
  });

  it('accepts any whitespace between tokens', () => {
    expect(
      parseRunFilter("\n\tmetrics.a\t>\n1\r\nand\tstatus\n=\n'RUNNING'  "),
    ).toEqual([
      { kind: 'metric', key: 'a', op: '>', value: 1 },
      { kind: 'attribute', key: 'status', op: '=', value: 'RUNNING' },
    ]);
  });

  describe('operands', () => {
    it.each([
      ['status', 'status'],
      ['name', 'name'],
      ['run_name', 'name'],
      ['user', 'user'],
      ['user_id', 'user'],
      ['runId', 'runId'],
      ['run_id', 'runId'],
      ['experiment', 'experiment'],
    ])('normalises the string attribute %s to %s', (written, key) => {
      const value = key === 'status' ? 'KILLED' : 'x';
      const expected = [{ kind: 'attribute', key, op: '=', value }];
      expect(parseRunFilter(`${written} = '${value}'`)).toEqual(expected);
      expect(parseRunFilter(`attributes.${written} = '${value}'`)).toEqual(
        expected,
      );
      expect(parseRunFilter(`attribute.${written} = '${value}'`)).toEqual(
        expected,
      );
    });

    it.each([
      ['startTime', 'startTime'],
      ['start_time', 'startTime'],
      ['endTime', 'endTime'],
      ['end_time', 'endTime'],
    ])('normalises the time attribute %s to %s', (written, key) => {
      const expected = [
        { kind: 'attribute', key, op: '>=', value: 1700000000000 },
      ];
      expect(parseRunFilter(`${written} >= 1700000000000`)).toEqual(expected);
      expect(parseRunFilter(`attributes.${written} >= 1700000000000`)).toEqual(
        expected,
      );
    });

    it('accepts quoted attribute names', () => {
      expect(parseRunFilter("attributes.`run_id` = 'abc'")).toEqual([
        { kind: 'attribute', key: 'runId', op: '=', value: 'abc' },
      ]);
    });

    it('keeps dots after the prefix in the key', () => {
      expect(parseRunFilter('metrics.val.loss < 0.1')).toEqual([
        { kind: 'metric', key: 'val.loss', op: '<', value: 0.1 },
      ]);
      expect(parseRunFilter("params.metrics.x = 'a'")).toEqual([
        { kind: 'param', key: 'metrics.x', op: '=', value: 'a' },
      ]);
    });

    it('accepts the unquoted key characters', () => {
      expect(parseRunFilter('metrics.Val_Loss-2/epoch:3.x >= 0')).toEqual([
        { kind: 'metric', key: 'Val_Loss-2/epoch:3.x', op: '>=', value: 0 },
      ]);
    });

    it('reads keywords as keys after a prefix', () => {
      expect(
        parseRunFilter(
          "metrics.and > 1 and params.or = 'x' and tags.like = 'y'",
        ),
      ).toEqual([
        { kind: 'metric', key: 'and', op: '>', value: 1 },
        { kind: 'param', key: 'or', op: '=', value: 'x' },
        { kind: 'tag', key: 'like', op: '=', value: 'y' },
      ]);
    });

    it('reads keys quoted in backticks and double quotes', () => {
      expect(
        parseRunFilter(
          "metrics.`val/loss (ema)` < 1 and params.\"lr.decay\" = '0.9' and tags.`a\\`b` = 'c'",
        ),
      ).toEqual([
        { kind: 'metric', key: 'val/loss (ema)', op: '<', value: 1 },
        { kind: 'param', key: 'lr.decay', op: '=', value: '0.9' },
        { kind: 'tag', key: 'a`b', op: '=', value: 'c' },
      ]);
      expect(parseRunFilter('params."say \\"hi\\"" = \'x\'')).toEqual([
        { kind: 'param', key: 'say "hi"', op: '=', value: 'x' },
      ]);
    });

    it('reads unicode keys in quotes', () => {
      expect(
        parseRunFilter(
          'metrics.`précision@5 😀` > 0.5 and tags."生产" = \'是\'',
        ),
      ).toEqual([
        { kind: 'metric', key: 'précision@5 😀', op: '>', value: 0.5 },
        { kind: 'tag', key: '生产', op: '=', value: '是' },
      ]);
    });
  });

  describe('values', () => {
    it.each([
      ['0', 0],
      ['42', 42],
      ['-7', -7],
      ['0.25', 0.25],
      ['.5', 0.5],
      ['5.', 5],
      ['-.5', -0.5],
      ['1e3', 1000],
      ['1E-3', 0.001],
      ['-2.5e+2', -250],
      ['6.02e23', 6.02e23],
      ['1e-320', 1e-320],
    ])('reads the number %s', (text, value) => {
      expect(parseRunFilter(`metrics.x = ${text}`)).toEqual([
        { kind: 'metric', key: 'x', op: '=', value },
      ]);
    });

    it('keeps the sign of negative zero', () => {
      const [clause] = parseRunFilter('metrics.x > -0');
      expect(Object.is(clause.value, -0)).toBe(true);
    });

    it.each([
      [`'adam'`, 'adam'],
      [`"adam"`, 'adam'],
      [`''`, ''],
      [`'it\\'s'`, "it's"],
      [`"it's"`, "it's"],
      [`"say \\"hi\\""`, 'say "hi"'],
      [`'say "hi"'`, 'say "hi"'],
      [`'back\\\\slash'`, 'back\\slash'],
      [`'\\n'`, 'n'],
      [`'100\\\\%'`, '100\\%'],
      [`'a and b = 1'`, 'a and b = 1'],
      [`'日本語 😀'`, '日本語 😀'],
    ])('reads the string %s', (text, value) => {
      expect(parseRunFilter(`params.p = ${text}`)).toEqual([
        { kind: 'param', key: 'p', op: '=', value },
      ]);
    });

    it('accepts LIKE patterns that are not statuses on status', () => {
      expect(
        parseRunFilter("status LIKE 'RUN%' and status != 'FAILED'"),
      ).toEqual([
        { kind: 'attribute', key: 'status', op: 'LIKE', value: 'RUN%' },
        { kind: 'attribute', key: 'status', op: '!=', value: 'FAILED' },
      ]);
    });
  });

  describe('limits', () => {
    it(`accepts ${RUN_FILTER_MAX_LENGTH} characters`, () => {
      const input = 'metrics.a > 1'.padEnd(RUN_FILTER_MAX_LENGTH, ' ');
      expect(input).toHaveLength(2000);
      expect(parseRunFilter(input)).toHaveLength(1);
    });

    it('rejects longer input, naming the limit', () => {
      expect(parseError('metrics.a > 1'.padEnd(2001, ' '))).toMatchObject(
        failure(2000, 'at most 2000 characters are allowed, found 2001'),
      );
    });

    const clause = (i: number) => `metrics.m${i} > ${i}`;
    const clauses = (n: number) =>
      Array.from({ length: n }, (_, i) => clause(i)).join(' and ');

    it(`accepts ${RUN_FILTER_MAX_CLAUSES} clauses`, () => {
      expect(parseRunFilter(clauses(20))).toHaveLength(20);
    });

    it('rejects more clauses at the first one too many, naming the limit', () => {
      const input = clauses(21);
      const position = input.indexOf('metrics.m20');
      expect(position).toBeGreaterThan(0);
      expect(parseError(input)).toMatchObject(
        failure(position, 'at most 20 clauses are allowed in a filter'),
      );
    });
  });

  describe('errors', () => {
    it('is an InputError for Backstage with a position', () => {
      const error = parseError('metrics.auc 0.8');
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(RunFilterSyntaxError);
      expect(error.name).toBe('InputError');
      expect(error.position).toBe(12);
    });

    it.each<[string, number, string]>([
      // comparators
      [
        'metrics.auc 0.8',
        12,
        `expected a comparator (${COMPARATORS}) after 'metrics.auc', found '0.8'`,
      ],
      [
        'metrics.auc',
        11,
        `expected a comparator (${COMPARATORS}) after 'metrics.auc', found the end of the filter`,
      ],
      [
        'status IS NULL',
        7,
        `expected a comparator (${COMPARATORS}) after 'status', found 'IS'`,
      ],
      [
        'params.`a b` <> 1',
        14,
        `expected a value (a number or a quoted string) after 'params.\`a b\` <', found '>'`,
      ],
      [
        'metrics.auc == 1',
        13,
        `expected a value (a number or a quoted string) after 'metrics.auc =', found '='`,
      ],
      // conjunctions
      [
        "metrics.auc > 0.8 or params.a = 'b'",
        18,
        'OR is not supported; combine clauses with AND',
      ],
      [
        "metrics.auc > 0.8 OR params.a = 'b'",
        18,
        'OR is not supported; combine clauses with AND',
      ],
      [
        "metrics.auc > 0.8 params.a = 'b'",
        18,
        `expected AND or the end of the filter after 'metrics.auc > 0.8', found 'params.a'`,
      ],
      [
        "metrics.auc > 0.8 && status = 'RUNNING'",
        18,
        `expected AND or the end of the filter after 'metrics.auc > 0.8', found '&&'`,
      ],
      [
        "metrics.auc > 0.8 andstatus = 'RUNNING'",
        18,
        `expected AND or the end of the filter after 'metrics.auc > 0.8', found 'andstatus'`,
      ],
      [
        'metrics.auc > 0.8 and',
        21,
        `expected ${OPERAND_HINT}, found the end of the filter`,
      ],
      [
        'metrics.auc > 0.8 and and metrics.b < 1',
        22,
        `expected ${OPERAND_HINT}, found 'and'`,
      ],
      // operands
      ['(metrics.a > 1)', 0, `expected ${OPERAND_HINT}, found '(metrics.a'`],
      ['= 1', 0, `expected ${OPERAND_HINT}, found '='`],
      ["colour = 'red'", 0, `expected ${OPERAND_HINT}, found 'colour'`],
      ["Status = 'RUNNING'", 0, `expected ${OPERAND_HINT}, found 'Status'`],
      [
        'foo.bar = 1',
        0,
        "unknown prefix 'foo.'; expected metrics., params., tags. or attributes.",
      ],
      [
        'metric.auc > 1',
        0,
        "unknown prefix 'metric.'; expected metrics., params., tags. or attributes.",
      ],
      [
        "run.status = 'RUNNING'",
        0,
        "unknown prefix 'run.'; expected metrics., params., tags. or attributes.",
      ],
      [
        'Metrics.auc > 1',
        0,
        "unknown prefix 'Metrics.'; expected metrics., params., tags. or attributes.",
      ],
      ['metrics = 1', 7, "expected '.' and a key after 'metrics'"],
      [
        'metrics. > 1',
        8,
        "expected a key after 'metrics.', found whitespace; quote keys with other characters in backticks",
      ],
      [
        'metrics.>1',
        8,
        "expected a key after 'metrics.', found '>1'; quote keys with other characters in backticks",
      ],
      [
        "tags.'stage' = 'x'",
        5,
        "expected a key after 'tags.', found ''stage''; quote keys with other characters in backticks",
      ],
      [
        'metrics.é > 1',
        8,
        "expected a key after 'metrics.', found 'é'; quote keys with other characters in backticks",
      ],
      ['metrics.`` > 1', 8, "expected a non-empty key after 'metrics.'"],
      [
        'metrics.`val/loss > 1',
        8,
        'expected a closing ` for the quoted key that starts here',
      ],
      [
        'params."lr > 1',
        7,
        'expected a closing " for the quoted key that starts here',
      ],
      [
        "attributes.colour = 'x'",
        11,
        "unknown attribute 'colour'; expected one of status, name, user, runId, experiment, startTime, endTime",
      ],
      [
        "attributes.`start time` = 'x'",
        11,
        "unknown attribute 'start time'; expected one of status, name, user, runId, experiment, startTime, endTime",
      ],
      // values
      [
        "params.a = 'adam",
        11,
        "expected a closing ' for the quoted string that starts here",
      ],
      [
        "params.a = 'adam\\'",
        11,
        "expected a closing ' for the quoted string that starts here",
      ],
      [
        "params.a = 'adam\\",
        11,
        "expected a closing ' for the quoted string that starts here",
      ],
      [
        'params.a = "adam',
        11,
        'expected a closing " for the quoted string that starts here',
      ],
      [
        'metrics.auc > abc',
        14,
        "expected a value (a number or a quoted string) after 'metrics.auc >', found 'abc'",
      ],
      [
        'metrics.auc >',
        13,
        "expected a value (a number or a quoted string) after 'metrics.auc >', found the end of the filter",
      ],
      [
        'metrics.auc > `x`',
        14,
        "expected a value (a number or a quoted string) after 'metrics.auc >', found '`x`'",
      ],
      [
        'metrics.auc > +1',
        14,
        "expected a value (a number or a quoted string) after 'metrics.auc >', found '+1'",
      ],
      [
        'metrics.auc > NaN',
        14,
        "expected a value (a number or a quoted string) after 'metrics.auc >', found 'NaN'",
      ],
      [
        'metrics.auc > 1.2.3',
        14,
        "expected a number after 'metrics.auc >', found '1.2.3'",
      ],
      [
        'metrics.auc > 1e',
        14,
        "expected a number after 'metrics.auc >', found '1e'",
      ],
      [
        'metrics.auc > 0x10',
        14,
        "expected a number after 'metrics.auc >', found '0x10'",
      ],
      [
        "metrics.auc > 1and status = 'RUNNING'",
        14,
        "expected a number after 'metrics.auc >', found '1and'",
      ],
      ['metrics.auc > 1e999', 14, 'the number 1e999 is out of range'],
      ['metrics.auc > -1e400', 14, 'the number -1e400 is out of range'],
      // type rules
      [
        "metrics.auc LIKE '0.%'",
        12,
        "LIKE is not allowed on metrics; expected one of =, !=, <, <=, >, >= after 'metrics.auc'",
      ],
      [
        'metrics.auc ilike 1',
        12,
        "ILIKE is not allowed on metrics; expected one of =, !=, <, <=, >, >= after 'metrics.auc'",
      ],
      [
        "metrics.auc = '0.8'",
        14,
        "expected a number after 'metrics.auc =', found a string",
      ],
      [
        'params.lr = 0.1',
        12,
        "expected a quoted string after 'params.lr =', found a number; quote it",
      ],
      [
        "params.lr > '0.1'",
        10,
        "> is not allowed on params and tags; expected one of =, !=, LIKE, ILIKE after 'params.lr'",
      ],
      [
        "tags.stage <= 'b'",
        11,
        "<= is not allowed on params and tags; expected one of =, !=, LIKE, ILIKE after 'tags.stage'",
      ],
      [
        'tags.stage = 3',
        13,
        "expected a quoted string after 'tags.stage =', found a number; quote it",
      ],
      [
        "status = 'finished'",
        9,
        "expected one of RUNNING, FINISHED, FAILED, KILLED, SCHEDULED after 'status =', found 'finished'",
      ],
      [
        "attributes.status != 'DONE'",
        21,
        "expected one of RUNNING, FINISHED, FAILED, KILLED, SCHEDULED after 'attributes.status !=', found 'DONE'",
      ],
      [
        "status > 'RUNNING'",
        7,
        "> is not allowed on the status attribute; expected one of =, !=, LIKE, ILIKE after 'status'",
      ],
      [
        'name = 1',
        7,
        "expected a quoted string after 'name =', found a number; quote it",
      ],
      [
        "start_time LIKE '1%'",
        11,
        "LIKE is not allowed on the startTime attribute; expected one of =, !=, <, <=, >, >= after 'start_time'",
      ],
      [
        "attributes.end_time > '2024'",
        22,
        "expected a number (milliseconds since the epoch) after 'attributes.end_time >', found a string",
      ],
    ])('rejects %j at %i', (input, position, detail) => {
      expect(parseError(input)).toMatchObject(failure(position, detail));
    });

    it('reports errors in later clauses at their own position', () => {
      expect(
        parseError("metrics.a > 1 and params.b = 'x' and tags.c > 'y'"),
      ).toMatchObject(
        failure(
          44,
          "> is not allowed on params and tags; expected one of =, !=, LIKE, ILIKE after 'tags.c'",
        ),
      );
    });

    it('shortens long tokens in messages', () => {
      expect(parseError(`metrics.a ${'x'.repeat(30)}`)).toMatchObject(
        failure(
          10,
          `expected a comparator (${COMPARATORS}) after 'metrics.a', found '${'x'.repeat(20)}…'`,
        ),
      );
    });
  });
});

describe('formatRunFilter', () => {
  it('writes the documented example in canonical form', () => {
    const clauses = parseRunFilter(
      `metrics.auc > 0.8 and params.optimizer = "adam" and tags.stage = "prod" and attributes.status = 'FINISHED'`,
    );
    expect(formatRunFilter(clauses)).toBe(
      "metrics.auc > 0.8 AND params.optimizer = 'adam' AND tags.stage = 'prod' AND status = 'FINISHED'",
    );
  });

  it('writes nothing for no clauses', () => {
    expect(formatRunFilter([])).toBe('');
  });

  it('writes attributes by their canonical names', () => {
    expect(
      formatRunFilter(
        parseRunFilter("attributes.start_time >= 5 and run_id = 'abc'"),
      ),
    ).toBe("startTime >= 5 AND runId = 'abc'");
  });

  it('quotes keys only when needed', () => {
    expect(
      formatRunFilter([
        { kind: 'metric', key: 'val/loss:1.x-y_z', op: '<', value: 1 },
        { kind: 'metric', key: 'val loss', op: '<', value: 1 },
        { kind: 'param', key: 'a`b\\c', op: '=', value: 'x' },
        { kind: 'tag', key: 'é', op: '=', value: 'x' },
      ]),
    ).toBe(
      "metrics.val/loss:1.x-y_z < 1 AND metrics.`val loss` < 1 AND params.`a\\`b\\\\c` = 'x' AND tags.`é` = 'x'",
    );
  });

  it('picks the quote that needs no escaping', () => {
    const format = (value: string) =>
      formatRunFilter([{ kind: 'param', key: 'p', op: '=', value }]);
    expect(format('adam')).toBe("params.p = 'adam'");
    expect(format("it's")).toBe('params.p = "it\'s"');
    expect(format('say "hi"')).toBe(`params.p = 'say "hi"'`);
    expect(format(`it's "x"`)).toBe(`params.p = 'it\\'s "x"'`);
    expect(format('a\\b')).toBe("params.p = 'a\\\\b'");
  });

  it('writes numbers so that they read back the same', () => {
    const format = (value: number) =>
      formatRunFilter([{ kind: 'metric', key: 'm', op: '>', value }]);
    expect(format(-0)).toBe('metrics.m > -0');
    expect(format(1e21)).toBe('metrics.m > 1e+21');
    expect(format(1e-7)).toBe('metrics.m > 1e-7');
    expect(format(-2.5)).toBe('metrics.m > -2.5');
  });

  it.each<[RunFilterClause, string]>([
    [
      { kind: 'attribute', key: 'start_time', op: '>', value: 1 },
      "unknown attribute 'start_time'",
    ],
    [
      { kind: 'run' as RunFilterClause['kind'], key: 'x', op: '=', value: 'y' },
      "unknown kind 'run'",
    ],
    [
      { kind: 'metric', key: '', op: '>', value: 1 },
      'the key must be a non-empty string',
    ],
    [
      { kind: 'metric', key: 'm', op: '<>' as RunFilterClause['op'], value: 1 },
      "unknown comparator '<>'",
    ],
    [
      { kind: 'metric', key: 'm', op: '>', value: NaN },
      'the number NaN cannot be written in a filter',
    ],
    [
      { kind: 'metric', key: 'm', op: '>', value: -Infinity },
      'the number -Infinity cannot be written in a filter',
    ],
    [
      { kind: 'metric', key: 'm', op: '>', value: null as unknown as number },
      'the value must be a number or a string',
    ],
    [
      { kind: 'metric', key: 'val loss', op: 'LIKE', value: 1 },
      "LIKE is not allowed on metrics; expected one of =, !=, <, <=, >, >= after 'metrics.`val loss`'",
    ],
    [
      { kind: 'param', key: 'p', op: '=', value: 1 },
      "expected a quoted string after 'params.p =', found a number; quote it",
    ],
    [
      { kind: 'attribute', key: 'status', op: '=', value: 'DONE' },
      "expected one of RUNNING, FINISHED, FAILED, KILLED, SCHEDULED after 'status =', found 'DONE'",
    ],
  ])('refuses to write %j', (clause, problem) => {
    const format = () =>
      formatRunFilter([
        { kind: 'metric', key: 'ok', op: '>', value: 1 },
        clause,
      ]);
    expect(format).toThrow(TypeError);
    expect(format).toThrow(
      new TypeError(`Cannot format run filter clause 2: ${problem}`),
    );
  });

  it('refuses more clauses than a filter may have', () => {
    const clauses = Array.from({ length: 21 }, (): RunFilterClause => ({
      kind: 'metric',
      key: 'm',
      op: '>',
      value: 1,
    }));
    expect(() => formatRunFilter(clauses)).toThrow(RangeError);
    expect(() => formatRunFilter(clauses)).toThrow(
      new RangeError('A run filter has at most 20 clauses, got 21'),
    );
    expect(formatRunFilter(clauses.slice(1))).toContain('metrics.m > 1');
  });

  it('refuses text longer than a filter may be', () => {
    const clauses: RunFilterClause[] = [
      { kind: 'param', key: 'p', op: '=', value: 'x'.repeat(1990) },
    ];
    expect(() => formatRunFilter(clauses)).toThrow(RangeError);
    expect(() => formatRunFilter(clauses)).toThrow(
      new RangeError(
        'A run filter has at most 2000 characters, the clauses need 2003',
      ),
    );
    expect(() =>
      formatRunFilter([{ ...clauses[0], value: 'x'.repeat(1987) }]),
    ).not.toThrow();
  });

  describe('round trip', () => {
    const KEY_CHARS = [
      'a',
      'Z',
      '0',
      '_',
      '-',
      '.',
      '/',
      ':',
      ' ',
      '`',
      '"',
      "'",
      '\\',
      'é',
      '😀',
      '%',
      '=',
    ];
    const VALUE_CHARS = [...KEY_CHARS, '\n', '\t', ',', '(', ')'];
    const KINDS = ['metric', 'param', 'tag', 'attribute'] as const;
    const STRING_ATTRIBUTES = ['status', 'name', 'user', 'runId', 'experiment'];
    const STATUSES = ['RUNNING', 'FINISHED', 'FAILED', 'KILLED', 'SCHEDULED'];
    const NUMERIC_OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
    const STRING_OPS = ['=', '!=', 'LIKE', 'ILIKE'] as const;

    function randomClause(rand: () => number): RunFilterClause {
      const pickOne = <T>(items: readonly T[]): T =>
        items[Math.floor(rand() * items.length)];
      const text = (chars: string[], min: number) =>
        Array.from({ length: min + Math.floor(rand() * 8) }, () =>
          pickOne(chars),
        ).join('');
      const number = () => {
        const r = rand();
        if (r < 0.1) return -0;
        if (r < 0.4) return Math.floor((rand() - 0.5) * 1e6);
        return (rand() - 0.5) * 10 ** Math.floor(rand() * 80 - 40);
      };
      const kind = pickOne(KINDS);
      if (kind === 'attribute') {
        if (rand() < 0.3) {
          return {
            kind,
            key: pickOne(['startTime', 'endTime']),
            op: pickOne(NUMERIC_OPS),
            value: Math.floor(rand() * 2e12),
          };
        }
        const key = pickOne(STRING_ATTRIBUTES);
        const op = pickOne(STRING_OPS);
        const value =
          key === 'status' && (op === '=' || op === '!=')
            ? pickOne(STATUSES)
            : text(VALUE_CHARS, 0);
        return { kind, key, op, value };
      }
      if (kind === 'metric') {
        return {
          kind,
          key: text(KEY_CHARS, 1),
          op: pickOne(NUMERIC_OPS),
          value: number(),
        };
      }
      return {
        kind,
        key: text(KEY_CHARS, 1),
        op: pickOne(STRING_OPS),
        value: text(VALUE_CHARS, 0),
      };
    }

    it('reads back what it writes for random clauses', () => {
      const rand = prng(20240611);
      for (let i = 0; i < 500; i++) {
        const clauses = Array.from({ length: Math.floor(rand() * 21) }, () =>
          randomClause(rand),
        );
        const text = formatRunFilter(clauses);
        expect({ i, text, clauses: parseRunFilter(text) }).toEqual({
          i,
          text,
          clauses,
        });
      }
    });

    it.each([
      'metrics.`val loss` <= -1.5e-3 and params."lr.decay" ilike \'%0\\\\_9\' and tags.`生产` != "it\'s"',
      "user_id = 'alice' and attribute.end_time < 17e11 and status like 'RUN%'",
      'metrics.a.b.c > .5',
    ])('reads back its writing of %s', input => {
      const clauses = parseRunFilter(input);
      expect(parseRunFilter(formatRunFilter(clauses))).toEqual(clauses);
    });
  });
});
