import { mlHomeProjectReadPermission } from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { Finder } from '../authorization/finders';
import { ComparisonService } from './ComparisonService';
import { ComparedAddress, ComparedItems } from './findComparedItems';

/** A comparison needs read rights on every project its items come from. */
export function comparisonAccess(
  items: Finder<ComparedAddress, ComparedItems>,
) {
  return {
    compare: { permission: mlHomeProjectReadPermission, on: items },
  } satisfies AccessTable<ComparisonService>;
}

/** What the comparison route calls. */
export type ComparisonApi = Authorized<
  ComparisonService,
  ReturnType<typeof comparisonAccess>
>;
