import { mockCredentials } from '@backstage/backend-test-utils';
import { Caller } from '../../domain/Caller';
import { AUTOMATED_CHECK_IDS } from '../checks';
import { AutomatedCheckResults } from '../CertificationService';

/** The owner-team member the certification tests act as. */
export const ALICE = 'user:default/alice';

export const alice: Caller = {
  credentials: mockCredentials.user(ALICE),
  actor: ALICE,
};

export const DAY = 24 * 60 * 60 * 1000;

/**
 * Results of every check ML Home automates for version 1 behind the alias: each passes but those
 * named in `failing`. With none failing, sections score 1, 2, 3, 3: score 1, silver.
 */
export function automatedResults(
  failing: string[] = [],
): AutomatedCheckResults {
  return {
    version: 1,
    versionSource: 'alias',
    checks: AUTOMATED_CHECK_IDS.map(checkId => ({
      checkId,
      status: failing.includes(checkId) ? ('fail' as const) : ('pass' as const),
    })),
  };
}
