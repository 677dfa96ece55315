import * as helpers from './index';

describe('helpers', () => {
  it('exports exactly the public helpers', () => {
    expect(Object.keys(helpers).sort()).toEqual([
      'DEFAULT_MAX_COMPARED_ITEMS',
      'DEFAULT_MAX_POINTS',
      'DESCRIPTION_MAX_BYTES',
      'KEY_MAX',
      'MAX_BODY_BYTES',
      'MAX_DECLARED_METRIC_DIRECTIONS',
      'MAX_METRIC_POINTS_PER_BATCH',
      'MAX_PARAMS_AND_TAGS_PER_BATCH',
      'MAX_POINTS_LIMIT',
      'NAME_PATTERN',
      'OVERALL_SLICE',
      'PARAM_VALUE_MAX',
      'RUN_FILTER_MAX_CLAUSES',
      'RUN_FILTER_MAX_LENGTH',
      'RUN_ID_PATTERN',
      'RunFilterSyntaxError',
      'SLICE_MAX',
      'TAG_VALUE_MAX',
      'TITLE_MAX',
      'compareEvaluationResults',
      'compareItems',
      'downsampleSeries',
      'formatMetricValue',
      'formatRunFilter',
      'guessMetricDirection',
      'isLaterMetricPoint',
      'isValidSlice',
      'metricDirection',
      'metricDirectionsProblems',
      'parseMetricValue',
      'parseRunFilter',
      'parseSlice',
      'resolveMetricDirection',
      'resolveMetricDirections',
      'scoreEvaluation',
      'utf8ByteLength',
    ]);
  });
});
