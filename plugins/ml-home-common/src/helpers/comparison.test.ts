import {
  ComparableItem,
  compareItems,
  DEFAULT_MAX_COMPARED_ITEMS,
} from './comparison';

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

function item(
  id: string,
  params: Record<string, string> = {},
  metrics: Record<string, number> = {},
): ComparableItem {
  return {
    id,
    params: Object.entries(params).map(([key, value]) => ({ key, value })),
    metrics: Object.entries(metrics).map(([key, value]) => ({ key, value })),
  };
}

/* The best indexes per metric key, for compact assertions. */
function bestOf(
  items: ComparableItem[],
  directions?: Record<string, 'higher' | 'lower'>,
) {
  return Object.fromEntries(
    compareItems(items, { directions: { project: directions } }).metrics.map(
      m => [m.key, m.best],
    ),
  );
}

describe('compareItems', () => {
  it('lines up params and metrics with the items', () => {
    const a: ComparableItem = {
      id: 'run-a',
      label: 'baseline',
      params: [
        { key: 'lr', value: '0.1' },
        { key: 'epochs', value: '10' },
      ],
      metrics: [{ key: 'acc', value: 0.8, min: 0.1, max: 0.85 }],
    };
    const b: ComparableItem = {
      id: 'run-b',
      params: [
        { key: 'epochs', value: '10' },
        { key: 'lr', value: '0.01' },
        { key: 'dropout', value: '0.5' },
      ],
      metrics: [
        { key: 'loss', value: 0.3 },
        { key: 'acc', value: 0.9, max: 0.9 },
      ],
    };
    expect(compareItems([a, b])).toEqual({
      items: [{ id: 'run-a', label: 'baseline' }, { id: 'run-b' }],
      params: [
        { key: 'dropout', values: [null, '0.5'], differs: true },
        { key: 'lr', values: ['0.1', '0.01'], differs: true },
      ],
      metrics: [
        {
          key: 'acc',
          direction: 'higher',
          directionSource: 'heuristic',
          last: [0.8, 0.9],
          min: [0.1, null],
          max: [0.85, 0.9],
          best: [1],
        },
        {
          key: 'loss',
          direction: 'lower',
          directionSource: 'heuristic',
          last: [null, 0.3],
          min: [null, null],
          max: [null, null],
          best: [1],
        },
      ],
    });
  });

  it('omits an absent label and gives null, never undefined, for an unknown min and max', () => {
    const result = compareItems([item('a', {}, { m: 1 })]);
    expect(Object.keys(result.items[0])).toEqual(['id']);
    expect(result.metrics[0]).toEqual({
      key: 'm',
      last: [1],
      min: [null],
      max: [null],
      best: [],
    });
  });

  it('keeps every column aligned with the items when items lack metrics', () => {
    const result = compareItems([
      item('a', {}, { acc: 0.5 }),
      item('b'),
      {
        id: 'c',
        params: [],
        metrics: [{ key: 'acc', value: 0.7, min: 0.2, max: 0.8 }],
      },
    ]);
    const [row] = result.metrics;
    expect(row.last).toEqual([0.5, null, 0.7]);
    expect(row.min).toEqual([null, null, 0.2]);
    expect(row.max).toEqual([null, null, 0.8]);
    expect(row.best).toEqual([2]);
  });

  it('keeps params that are the same everywhere with allParams', () => {
    const items = [
      item('a', { lr: '0.1', seed: '1' }),
      item('b', { lr: '0.1', seed: '2' }),
    ];
    expect(compareItems(items).params).toEqual([
      { key: 'seed', values: ['1', '2'], differs: true },
    ]);
    expect(compareItems(items, { allParams: true }).params).toEqual([
      { key: 'lr', values: ['0.1', '0.1'], differs: false },
      { key: 'seed', values: ['1', '2'], differs: true },
    ]);
  });

  it('treats a param absent from some items as differing', () => {
    const params = compareItems([
      item('a', { x: '1' }),
      item('b', { x: '1' }),
      item('c'),
    ]).params;
    expect(params).toEqual([
      { key: 'x', values: ['1', '1', null], differs: true },
    ]);
  });

  it('compares param values as exact strings', () => {
    const params = compareItems([
      item('a', { lr: '0.1', opt: 'Adam', empty: '' }),
      item('b', { lr: '0.10', opt: 'adam', empty: '' }),
    ]).params;
    expect(params.map(p => p.key)).toEqual(['lr', 'opt']);
  });

  it('treats an empty-string param as present', () => {
    expect(compareItems([item('a', { x: '' }), item('b')]).params).toEqual([
      { key: 'x', values: ['', null], differs: true },
    ]);
  });

  it('sorts param and metric keys in code-unit order', () => {
    const result = compareItems([
      item('a', { b: '1', B: '1', a: '1', _: '1' }, { z: 1, Z: 1, a: 1 }),
      item('b', { b: '2', B: '2', a: '2', _: '2' }, { y: 1 }),
    ]);
    expect(result.params.map(p => p.key)).toEqual(['B', '_', 'a', 'b']);
    expect(result.metrics.map(m => m.key)).toEqual(['Z', 'a', 'y', 'z']);
  });

  it('keeps items in the order given', () => {
    const result = compareItems([
      item('z', { p: '1' }, { auc: 3 }),
      item('a', { p: '2' }, { auc: 1 }),
    ]);
    expect(result.items.map(i => i.id)).toEqual(['z', 'a']);
    expect(result.params[0].values).toEqual(['1', '2']);
    expect(result.metrics[0].best).toEqual([0]);
  });

  it('handles no items and items without params or metrics', () => {
    expect(compareItems([])).toEqual({ items: [], params: [], metrics: [] });
    expect(compareItems([item('a'), item('b')])).toEqual({
      items: [{ id: 'a' }, { id: 'b' }],
      params: [],
      metrics: [],
    });
  });

  it('never marks a single item’s params as differing', () => {
    expect(compareItems([item('a', { x: '1' })]).params).toEqual([]);
  });

  describe('best', () => {
    it('picks the highest or lowest by direction', () => {
      expect(
        bestOf([
          item('a', {}, { acc: 0.7, loss: 0.4 }),
          item('b', {}, { acc: 0.9, loss: 0.5 }),
          item('c', {}, { acc: 0.8, loss: 0.3 }),
        ]),
      ).toEqual({ acc: [1], loss: [2] });
    });

    it('marks every tied item', () => {
      expect(
        bestOf([
          item('a', {}, { acc: 0.9, loss: 0.1 }),
          item('b', {}, { acc: 0.8, loss: 0.1 }),
          item('c', {}, { acc: 0.9, loss: 0.2 }),
          item('d', {}, { acc: 0.9, loss: 0.1 }),
        ]),
      ).toEqual({ acc: [0, 2, 3], loss: [0, 1, 3] });
    });

    it('ties 0 and -0', () => {
      expect(
        bestOf([item('a', {}, { acc: -0 }), item('b', {}, { acc: 0 })]),
      ).toEqual({ acc: [0, 1] });
    });

    it('never picks NaN or a missing value', () => {
      expect(
        bestOf([
          item('a', {}, { acc: NaN, loss: NaN }),
          item('b', {}),
          item('c', {}, { acc: -5, loss: 1e9 }),
          item('d', {}, { acc: NaN }),
        ]),
      ).toEqual({ acc: [2], loss: [2] });
    });

    it('picks nothing when every value is NaN or missing', () => {
      const result = compareItems([
        item('a', {}, { acc: NaN }),
        item('b', {}, { acc: NaN }),
        item('c', {}),
      ]);
      expect(result.metrics).toEqual([
        {
          key: 'acc',
          direction: 'higher',
          directionSource: 'heuristic',
          last: [NaN, NaN, null],
          min: [null, null, null],
          max: [null, null, null],
          best: [],
        },
      ]);
    });

    it('lets ±Infinity win as numbers', () => {
      expect(
        bestOf([
          item('a', {}, { acc: 1e308, loss: -1e308 }),
          item('b', {}, { acc: Infinity, loss: -Infinity }),
          item('c', {}, { acc: -Infinity, loss: Infinity }),
        ]),
      ).toEqual({ acc: [1], loss: [1] });
      expect(
        bestOf([
          item('a', {}, { acc: -Infinity, loss: Infinity }),
          item('b', {}, { acc: -Infinity, loss: Infinity }),
        ]),
      ).toEqual({ acc: [0, 1], loss: [0, 1] });
    });

    it('picks by last value, not by min or max', () => {
      const result = compareItems([
        {
          id: 'a',
          params: [],
          metrics: [{ key: 'acc', value: 0.5, min: 0.1, max: 0.99 }],
        },
        { id: 'b', params: [], metrics: [{ key: 'acc', value: 0.6 }] },
      ]);
      expect(result.metrics[0].best).toEqual([1]);
    });

    it('follows declared directions over the name heuristic', () => {
      const items = [
        item('a', {}, { loss: 1, acc: 1 }),
        item('b', {}, { loss: 2, acc: 2 }),
      ];
      const result = compareItems(items, {
        directions: { project: { loss: 'higher', acc: 'lower' } },
      });
      expect(
        result.metrics.map(m => [
          m.key,
          m.direction,
          m.directionSource,
          m.best,
        ]),
      ).toEqual([
        ['acc', 'lower', 'project', [0]],
        ['loss', 'higher', 'project', [1]],
      ]);
    });

    it('takes the model over the project, and each item its own', () => {
      const declared = {
        project: { loss: 'higher' as const, grad_norm: 'lower' as const },
        model: { loss: 'lower' as const },
      };
      const result = compareItems([
        { ...item('a', {}, { loss: 1, grad_norm: 1 }), directions: declared },
        item('b', {}, { loss: 2, grad_norm: 0.5 }),
      ]);
      expect(
        result.metrics.map(m => [
          m.key,
          m.direction,
          m.directionSource,
          m.best,
        ]),
      ).toEqual([
        ['grad_norm', 'lower', 'project', [1]],
        ['loss', 'lower', 'model', [0]],
      ]);
    });

    it('marks no best for a metric whose direction is unknown', () => {
      const result = compareItems([
        item('a', {}, { grad_norm: 1, learning_rate: 0.1 }),
        item('b', {}, { grad_norm: 2, learning_rate: 0.01 }),
      ]);
      expect(
        result.metrics.map(m => [
          m.key,
          m.direction,
          m.directionSource,
          m.best,
        ]),
      ).toEqual([
        ['grad_norm', undefined, undefined, []],
        ['learning_rate', undefined, undefined, []],
      ]);
    });
  });

  describe('limits and errors', () => {
    it(`accepts ${DEFAULT_MAX_COMPARED_ITEMS} items by default and no more`, () => {
      expect(DEFAULT_MAX_COMPARED_ITEMS).toBe(100);
      const many = Array.from({ length: 101 }, (_, i) => item(`r${i}`));
      expect(compareItems(many.slice(0, 100)).items).toHaveLength(100);
      expect(() => compareItems(many)).toThrow(RangeError);
      expect(() => compareItems(many)).toThrow('the limit is 100');
    });

    it('honours a maxItems option', () => {
      const three = [item('a'), item('b'), item('c')];
      expect(() => compareItems(three, { maxItems: 2 })).toThrow(
        new RangeError('Cannot compare 3 items, the limit is 2'),
      );
      expect(compareItems(three, { maxItems: 3 }).items).toHaveLength(3);
      expect(
        compareItems(
          Array.from({ length: 150 }, (_, i) => item(`${i}`)),
          {
            maxItems: 200,
          },
        ).items,
      ).toHaveLength(150);
    });

    it.each([0, -1, 1.5, NaN])('rejects maxItems %p', maxItems => {
      expect(() => compareItems([], { maxItems })).toThrow(RangeError);
    });

    it('throws on duplicate ids, naming the id', () => {
      expect(() => compareItems([item('a'), item('b'), item('a')])).toThrow(
        'Duplicate item id "a"',
      );
    });

    it('throws when an item repeats a param or metric key', () => {
      expect(() =>
        compareItems([
          {
            id: 'a',
            params: [
              { key: 'lr', value: '1' },
              { key: 'lr', value: '1' },
            ],
            metrics: [],
          },
        ]),
      ).toThrow('Item "a" has param "lr" more than once');
      expect(() =>
        compareItems([
          item('b', {}, { acc: 1 }),
          {
            id: 'a',
            params: [],
            metrics: [
              { key: 'acc', value: 1 },
              { key: 'acc', value: 2 },
            ],
          },
        ]),
      ).toThrow('Item "a" has metric "acc" more than once');
    });
  });

  it('agrees with a naive recomputation on random comparisons', () => {
    const rand = prng(42);
    const keys = ['a', 'b', 'loss', 'acc', 'latency', 'Z'];
    for (let run = 0; run < 300; run++) {
      const items: ComparableItem[] = [];
      const count = Math.floor(rand() * 6);
      for (let i = 0; i < count; i++) {
        const params: ComparableItem['params'] = [];
        const metrics: ComparableItem['metrics'] = [];
        for (const key of keys) {
          if (rand() < 0.7) {
            params.push({ key, value: String(Math.floor(rand() * 2)) });
          }
          if (rand() < 0.7) {
            const x = rand();
            let value = Math.floor(rand() * 3);
            if (x < 0.15) value = NaN;
            else if (x < 0.2) value = Infinity;
            else if (x < 0.25) value = -Infinity;
            metrics.push({ key, value });
          }
        }
        items.push({ id: `i${i}`, params, metrics });
      }
      const allParams = rand() < 0.5;
      const result = compareItems(items, { allParams });

      const paramKeys = [
        ...new Set(items.flatMap(i => i.params.map(p => p.key))),
      ].sort();
      const expectedParams = paramKeys
        .map(key => {
          const values = items.map(
            i => i.params.find(p => p.key === key)?.value ?? null,
          );
          return { key, values, differs: new Set(values).size > 1 };
        })
        .filter(row => allParams || row.differs);
      expect(result.params).toEqual(expectedParams);

      const metricKeys = [
        ...new Set(items.flatMap(i => i.metrics.map(m => m.key))),
      ].sort();
      expect(result.metrics.map(m => m.key)).toEqual(metricKeys);
      for (const row of result.metrics) {
        const lasts = items.map(
          i => i.metrics.find(m => m.key === row.key)?.value ?? NaN,
        );
        const numbers = lasts.filter(v => !Number.isNaN(v));
        const target =
          row.direction === 'higher'
            ? Math.max(...numbers)
            : Math.min(...numbers);
        expect(row.direction === undefined).toBe(
          ['a', 'b', 'Z'].includes(row.key),
        );
        const expectedBest = lasts
          .map((v, i) =>
            row.direction && numbers.length > 0 && v === target ? i : -1,
          )
          .filter(i => i >= 0);
        expect(row.best).toEqual(expectedBest);
      }
    }
  });

  it('handles 100 items × 500 metrics × 50 params', () => {
    const rand = prng(7);
    const items: ComparableItem[] = Array.from({ length: 100 }, (_, i) => ({
      id: `run-${i}`,
      label: `Run ${i}`,
      // params 0..48 are shared, p49 differs per item
      params: Array.from({ length: 50 }, (__, p) => ({
        key: `p${String(p).padStart(2, '0')}`,
        value: p === 49 ? String(i) : 'same',
      })),
      // in reverse key order, so the output order comes from sorting
      metrics: Array.from({ length: 500 }, (__, m) => {
        const key = `m${String(499 - m).padStart(3, '0')}`;
        return { key, value: rand(), min: 0, max: 1 };
      }),
    }));
    // a known winner and a known tie
    items[37].metrics.find(m => m.key === 'm123')!.value = 2;
    items[5].metrics.find(m => m.key === 'm007')!.value = 5;
    items[60].metrics.find(m => m.key === 'm007')!.value = 5;
    items[99].metrics.find(m => m.key === 'm007')!.value = NaN;

    const result = compareItems(items, {
      directions: {
        project: Object.fromEntries(
          Array.from({ length: 500 }, (_, m) => [
            `m${String(m).padStart(3, '0')}`,
            'higher' as const,
          ]),
        ),
      },
    });
    expect(result.items).toHaveLength(100);
    expect(result.params).toHaveLength(1);
    expect(result.params[0].key).toBe('p49');
    expect(result.params[0].values[42]).toBe('42');
    expect(compareItems(items, { allParams: true }).params).toHaveLength(50);
    expect(result.metrics).toHaveLength(500);
    expect(result.metrics[0].key).toBe('m000');
    expect(result.metrics[499].key).toBe('m499');
    expect(result.metrics[123].best).toEqual([37]);
    expect(result.metrics[7].best).toEqual([5, 60]);
    expect(result.metrics[7].last[99]).toBeNaN();
    const m123 = result.metrics[123];
    expect([m123.last[37], m123.min[37], m123.max[37]]).toEqual([2, 0, 1]);
    for (const row of result.metrics) {
      expect([row.last.length, row.min.length, row.max.length]).toEqual([
        100, 100, 100,
      ]);
    }
  });
});
