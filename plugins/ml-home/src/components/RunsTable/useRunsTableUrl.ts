import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import {
  RunsTableState,
  readRunsTableState,
  writeRunsTableState,
} from './runsTableState';

/** The query parameters the table owns; the page's others are left alone. */
const RUN_STATE_KEYS = [
  'experiment',
  'filter',
  'status',
  'mine',
  'orderBy',
  'column',
  'pageSize',
];

/** The table's state as the URL holds it, and a way to change part of it (a new history entry). */
export function useRunsTableUrl(): [
  RunsTableState,
  (patch: Partial<RunsTableState>) => void,
] {
  const [searchParams, setSearchParams] = useAppSearchParams();
  const search = searchParams.toString();
  const state = useMemo(
    () => readRunsTableState(new URLSearchParams(search)),
    [search],
  );
  const update = (patch: Partial<RunsTableState>) => {
    const next = new URLSearchParams(search);
    for (const key of RUN_STATE_KEYS) next.delete(key);
    for (const [key, value] of writeRunsTableState({ ...state, ...patch })) {
      next.append(key, value);
    }
    setSearchParams(next);
  };
  return [state, update];
}
