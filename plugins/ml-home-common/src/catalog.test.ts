import { ML_HOME_MODELS_ANNOTATION, parseModelsAnnotation } from './catalog';

describe(`parseModelsAnnotation (${ML_HOME_MODELS_ANNOTATION})`, () => {
  it('splits on commas and any whitespace, dropping blanks and repeats, keeping the order', () => {
    expect(
      parseModelsAnnotation(' a-model, b-model  c-model,,a-model '),
    ).toEqual({ names: ['a-model', 'b-model', 'c-model'], invalid: [] });
    expect(parseModelsAnnotation('a,b\n c\ta')).toEqual({
      names: ['a', 'b', 'c'],
      invalid: [],
    });
  });

  it('returns parts that cannot be model names apart, once each', () => {
    expect(
      parseModelsAnnotation(
        'ok-model, Not_A_Name, -dash, resource:default/x, -dash',
      ),
    ).toEqual({
      names: ['ok-model'],
      invalid: ['Not_A_Name', '-dash', 'resource:default/x'],
    });
  });

  it('takes names of up to 63 characters, as every ML Home name', () => {
    expect(parseModelsAnnotation('x'.repeat(63)).names).toEqual([
      'x'.repeat(63),
    ]);
    expect(parseModelsAnnotation('x'.repeat(64))).toEqual({
      names: [],
      invalid: ['x'.repeat(64)],
    });
  });

  it('finds nothing in a missing, empty or blank value', () => {
    for (const value of [undefined, '', ' , \n']) {
      expect(parseModelsAnnotation(value)).toEqual({ names: [], invalid: [] });
    }
  });
});
