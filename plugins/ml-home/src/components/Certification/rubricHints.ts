import { findCertificationCheck } from '@ml-home/plugin-ml-home-common';
import type { MlHomeT } from '../../translation';
import type { ScorecardCheck } from './types';

/**
 * What to do about a check that earns less than it could, from the rubric's data: the evidence
 * that counts, and how ML Home learns the result (it checks it itself, a connected system reports
 * it, or only an owner can attest it). Nothing for a check that passes automatically, nor for a
 * check the rubric does not know (one an organisation added keeps its evidence text).
 */
export function whatToDo(
  check: ScorecardCheck,
  t: MlHomeT,
): string | undefined {
  if (
    check.status === 'pass' &&
    (check.source === 'automated' || check.source === 'external')
  ) {
    return undefined;
  }
  const definition = findCertificationCheck(check.id);
  if (!definition) return undefined;
  const values = {
    evidence: definition.evidence,
    how: definition.automation.how,
  };
  switch (definition.automation.kind) {
    case 'automated':
      return t('certification.hints.automated', values);
    case 'external':
      return t('certification.hints.external', values);
    default:
      return t('certification.hints.attestedOnly', values);
  }
}
