/*
 * What an error body must never show a caller: SQL, the database's table and column names, stack
 * traces or file paths. Each says how the service is built and where to push next.
 */

const TABLES = [
  'project_tags',
  'experiment_tags',
  'run_params',
  'run_tags',
  'metric_points',
  'latest_metrics',
  'ingestion_requests',
  'model_versions',
  'model_aliases',
  'model_alias_history',
  'run_inputs',
  'monitoring_points',
  'evaluation_results',
  'evaluation_thresholds',
  'note_revisions',
  'entity_tags',
  'project_tokens',
  'knex_migrations',
  'metrics_summary',
  'secret_hash',
];

const PATTERNS: [string, RegExp][] = [
  [
    'SQL',
    /\b(select\s.+\sfrom|insert\s+into|update\s+\S+\s+set|delete\s+from|returning\s+["`*])/i,
  ],
  [
    'SQL',
    /\b(sqlite_?\w*|SQLITE_\w+|pg_\w+|violates .* constraint|duplicate key value|syntax error at or near|relation ".+"|column ".+"|no such (table|column)|too many SQL variables|out of range for type)\b/i,
  ],
  ['a table name', new RegExp(`\\b(${TABLES.join('|')})\\b`)],
  ['a stack trace', /\n\s+at\s|\bat\s+\S+\s+\(.*:\d+:\d+\)/],
  [
    'a file path',
    /(\/(work|home|usr|tmp|app|opt)\/\S+|node_modules|\w+\.(ts|js|cjs|mjs):\d+)/,
  ],
  ['knex', /\bknex\b/i],
];

/**
 * The reasons an error body leaks internals; empty when it does not. Only the error itself is
 * read (the body's `request.url` repeats what the caller sent), and `echoed` strings, which the
 * caller sent and the message may quote, are taken out first.
 */
export function leaksIn(body: unknown, echoed: string[] = []): string[] {
  const error = (body as any)?.error ?? body ?? '';
  let text = JSON.stringify(error);
  for (const e of echoed) {
    if (e) text = text.split(JSON.stringify(e).slice(1, -1)).join('…');
  }
  const found: string[] = [];
  for (const [what, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) found.push(`${what} (${match[0].slice(0, 80)})`);
  }
  if (error?.stack) found.push('error.stack');
  return found;
}
