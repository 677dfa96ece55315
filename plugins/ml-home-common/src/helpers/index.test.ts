import * as helpers from './index';

describe('helpers', () => {
  it('exports exactly the public helpers', () => {
    expect(Object.keys(helpers).sort()).toEqual([
      'DEFAULT_MAX_POINTS',
      'DESCRIPTION_MAX_BYTES',
      'KEY_MAX',
      'MAX_BODY_BYTES',
      'MAX_METRIC_POINTS_PER_BATCH',
      'MAX_POINTS_LIMIT',
      'NAME_PATTERN',
      'PARAM_VALUE_MAX',
      'RUN_FILTER_MAX_CLAUSES',
      'RUN_FILTER_MAX_LENGTH',
      'RUN_ID_PATTERN',
      'RunFilterSyntaxError',
      'TAG_VALUE_MAX',
      'TITLE_MAX',
      'downsampleSeries',
      'formatMetricValue',
      'formatRunFilter',
      'isLaterMetricPoint',
      'parseMetricValue',
      'parseRunFilter',
      'utf8ByteLength',
    ]);
  });
});
