import { Knex } from 'knex';

/*
 * The overview's "failing most often", kept at write time (see
 * migrations/20261206170000_certification_failing_counts.js): per project, owner group, level and
 * check, how many stored scorecards fail the check. Whatever stores, replaces or deletes a
 * scorecard moves its counts in the same transaction, so that they always equal what counting the
 * stored check results would give.
 */

const TABLE = 'certification_failing_counts';

/** A stored check result the overview counts as failing: a rubric check earning no point. */
export function countsAsFailing(check: {
  section: string;
  status: string;
  points: number;
}): boolean {
  return (
    check.points === 0 && check.section !== 'portal' && check.status !== 'n/a'
  );
}

/** What one stored scorecard adds to the counts. */
export interface FailingContribution {
  projectId: string;
  owner: string;
  level: string;
  checkIds: string[];
}

/** What the model's stored scorecard adds to the counts now, undefined when it has none. */
export async function storedContribution(
  tx: Knex.Transaction,
  modelId: string,
): Promise<FailingContribution | undefined> {
  const row = await tx('certification_scorecards')
    .where('model_id', modelId)
    .first<{ project_id: string; owner: string; level: string } | undefined>(
      'project_id',
      'owner',
      'level',
    );
  if (!row) return undefined;
  // The same rule as countsAsFailing, in SQL.
  const checkIds: string[] = await tx('certification_check_results')
    .where('model_id', modelId)
    .where('points', 0)
    .whereNot('section', 'portal')
    .whereNot('status', 'n/a')
    .pluck('check_id');
  return {
    projectId: row.project_id,
    owner: row.owner,
    level: row.level,
    checkIds,
  };
}

/**
 * Moves the counts from what a scorecard added before to what it adds after (either may be
 * absent). Rows are written in key order, so that concurrent writers on PostgreSQL wait for each
 * other instead of deadlocking; rows that reach 0 are removed.
 */
export async function moveFailingCounts(
  tx: Knex.Transaction,
  before: FailingContribution | undefined,
  after: FailingContribution | undefined,
): Promise<void> {
  const deltas = new Map<
    string,
    { key: [string, string, string, string]; delta: number }
  >();
  const add = (c: FailingContribution | undefined, sign: number) => {
    for (const checkId of c?.checkIds ?? []) {
      const key: [string, string, string, string] = [
        c!.projectId,
        c!.owner,
        c!.level,
        checkId,
      ];
      const id = JSON.stringify(key);
      const entry = deltas.get(id) ?? { key, delta: 0 };
      entry.delta += sign;
      deltas.set(id, entry);
    }
  };
  add(before, -1);
  add(after, 1);
  const changes = [...deltas.values()]
    .filter(d => d.delta !== 0)
    .sort((a, b) => compareKeys(a.key, b.key));
  if (changes.length === 0) return;
  await tx(TABLE)
    .insert(
      changes.map(({ key: [projectId, owner, level, checkId], delta }) => ({
        project_id: projectId,
        owner,
        level,
        check_id: checkId,
        models: delta,
      })),
    )
    .onConflict(['project_id', 'owner', 'level', 'check_id'])
    .merge({
      models: tx.raw('??.?? + excluded.??', [TABLE, 'models', 'models']),
    });
  if (changes.some(c => c.delta < 0)) {
    await tx(TABLE)
      .whereIn('project_id', [...new Set(changes.map(c => c.key[0]))])
      .where('models', '<=', 0)
      .delete();
  }
}

/** Takes the model's stored scorecard out of the counts (before the model is deleted). */
export async function withdrawFailingCounts(
  tx: Knex.Transaction,
  modelId: string,
): Promise<void> {
  await moveFailingCounts(tx, await storedContribution(tx, modelId), undefined);
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
