import {
  DESCRIPTION_MAX_BYTES,
  formatMetricValue,
  KEY_MAX,
  MAX_BODY_BYTES,
  MAX_METRIC_POINTS_PER_BATCH,
  MAX_PARAMS_AND_TAGS_PER_BATCH,
  NAME_PATTERN,
  PARAM_VALUE_MAX,
  parseMetricValue,
  RUN_ID_PATTERN,
  TAG_VALUE_MAX,
  TITLE_MAX,
  utf8ByteLength,
} from './limits';

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

describe('limits', () => {
  it('states the documented numbers', () => {
    expect({
      TITLE_MAX,
      DESCRIPTION_MAX_BYTES,
      PARAM_VALUE_MAX,
      TAG_VALUE_MAX,
      KEY_MAX,
      MAX_METRIC_POINTS_PER_BATCH,
      MAX_PARAMS_AND_TAGS_PER_BATCH,
      MAX_BODY_BYTES,
    }).toEqual({
      TITLE_MAX: 200,
      DESCRIPTION_MAX_BYTES: 65536,
      PARAM_VALUE_MAX: 6000,
      TAG_VALUE_MAX: 5000,
      KEY_MAX: 250,
      MAX_METRIC_POINTS_PER_BATCH: 10000,
      MAX_PARAMS_AND_TAGS_PER_BATCH: 10000,
      MAX_BODY_BYTES: 5242880,
    });
  });

  describe('NAME_PATTERN', () => {
    it.each([
      'a',
      '0',
      'ab',
      'a-b',
      'churn-model-2',
      'a--b',
      `a${'b'.repeat(61)}c`,
    ])('accepts %j', name => {
      expect(NAME_PATTERN.test(name)).toBe(true);
    });

    it.each([
      '',
      '-a',
      'a-',
      '-',
      'A',
      'churn_model',
      'churn model',
      'é',
      'a.b',
      `a${'b'.repeat(62)}c`,
      'ab\n',
    ])('rejects %j', name => {
      expect(NAME_PATTERN.test(name)).toBe(false);
    });

    it('accepts 63 characters and no more', () => {
      expect(NAME_PATTERN.test('a'.repeat(63))).toBe(true);
      expect(NAME_PATTERN.test('a'.repeat(64))).toBe(false);
    });
  });

  describe('RUN_ID_PATTERN', () => {
    it('accepts 32 lowercase hex characters', () => {
      expect(RUN_ID_PATTERN.test('0123456789abcdef0123456789abcdef')).toBe(
        true,
      );
    });

    it.each([
      '0123456789ABCDEF0123456789abcdef',
      '0123456789abcdef0123456789abcde',
      '0123456789abcdef0123456789abcdef0',
      '0123456789abcdef0123456789abcdeg',
      '01234567-89ab-cdef-0123-456789abcdef',
      '',
    ])('rejects %j', id => {
      expect(RUN_ID_PATTERN.test(id)).toBe(false);
    });
  });
});

describe('parseMetricValue', () => {
  it.each<[unknown, number]>([
    [0, 0],
    [-1.5, -1.5],
    [1e308, 1e308],
    [Number.MIN_VALUE, Number.MIN_VALUE],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['+Infinity', Infinity],
    ['-Infinity', -Infinity],
    [NaN, NaN],
    [-Infinity, -Infinity],
  ])('reads %p', (input, expected) => {
    expect(parseMetricValue(input)).toBe(expected);
  });

  it('keeps the sign of negative zero', () => {
    expect(Object.is(parseMetricValue(-0), -0)).toBe(true);
  });

  it.each([
    'nan',
    'inf',
    '-inf',
    'infinity',
    'INFINITY',
    ' NaN',
    'NaN ',
    '1.5',
    '',
    null,
    undefined,
    true,
    {},
    [1],
    BigInt(1),
  ])('rejects %p', input => {
    expect(parseMetricValue(input)).toBeUndefined();
  });
});

describe('formatMetricValue', () => {
  it.each<[number, number | string]>([
    [0, 0],
    [-2.5, -2.5],
    [1e308, 1e308],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('writes %p as %p', (input, expected) => {
    expect(formatMetricValue(input)).toBe(expected);
  });

  it('survives JSON and reads back', () => {
    const values = [0, -0.001, 42, 1e-300, NaN, Infinity, -Infinity];
    const wire = JSON.parse(JSON.stringify(values.map(formatMetricValue)));
    expect(wire).toEqual([
      0,
      -0.001,
      42,
      1e-300,
      'NaN',
      'Infinity',
      '-Infinity',
    ]);
    expect(wire.map(parseMetricValue)).toEqual(values);
  });
});

describe('utf8ByteLength', () => {
  const encoder = new TextEncoder();

  it.each<[string, number]>([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['\u07ff', 2],
    ['\u0800', 3],
    ['日本', 6],
    ['\uffff', 3],
    ['😀', 4],
    ['a😀é', 7],
    ['\ud83d', 3],
    ['\ude00', 3],
    ['\ude00\ud83d', 6],
    ['x\ud83dy', 5],
  ])('measures %j as %i bytes', (s, bytes) => {
    expect(utf8ByteLength(s)).toBe(bytes);
    expect(encoder.encode(s).length).toBe(bytes);
  });

  it('agrees with TextEncoder on random strings', () => {
    const rand = prng(99);
    const ranges = [
      [0x00, 0x7f],
      [0x80, 0x7ff],
      [0x800, 0xffff],
      [0xd800, 0xdfff],
    ];
    for (let trial = 0; trial < 500; trial++) {
      let s = '';
      const length = Math.floor(rand() * 40);
      for (let i = 0; i < length; i++) {
        if (rand() < 0.2) {
          s += String.fromCodePoint(0x10000 + Math.floor(rand() * 0xfffff));
        } else {
          const [low, high] = ranges[Math.floor(rand() * ranges.length)];
          s += String.fromCharCode(low + Math.floor(rand() * (high - low + 1)));
        }
      }
      expect({ s, bytes: utf8ByteLength(s) }).toEqual({
        s,
        bytes: encoder.encode(s).length,
      });
    }
  });

  it('measures a description at the limit', () => {
    expect(utf8ByteLength('é'.repeat(DESCRIPTION_MAX_BYTES / 2))).toBe(65536);
    expect(
      utf8ByteLength(`${'é'.repeat(DESCRIPTION_MAX_BYTES / 2)}a`),
    ).toBeGreaterThan(DESCRIPTION_MAX_BYTES);
  });
});
