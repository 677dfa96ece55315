import type { Run } from '@ml-home/plugin-ml-home-common';
import { useEffect, useState } from 'react';

/** What the selection remembers of a run, so it survives paging and experiment switches. */
export interface SelectedRun {
  id: string;
  name: string;
  experiment: string;
}

function remembered(run: Run): SelectedRun {
  return { id: run.id, name: run.name, experiment: run.experiment };
}

/**
 * The runs picked for comparison, across pages and experiments: one at a time, or the whole page
 * shown (`rows`) from the header. Another project starts with none.
 */
export function useRunSelection(projectName: string, rows: Run[]) {
  const [selected, setSelected] = useState<Map<string, SelectedRun>>(new Map());
  useEffect(() => setSelected(new Map()), [projectName]);
  const pageSelected = rows.filter(r => selected.has(r.id)).length;
  return {
    ids: [...selected.keys()],
    has: (run: Run) => selected.has(run.id),
    /** How many runs of the page shown are selected. */
    pageSelected,
    toggle: (run: Run) =>
      setSelected(previous => {
        const next = new Map(previous);
        if (next.has(run.id)) next.delete(run.id);
        else next.set(run.id, remembered(run));
        return next;
      }),
    /** Selects the whole page, or clears it when it is all selected already. */
    togglePage: () =>
      setSelected(previous => {
        const next = new Map(previous);
        if (pageSelected === rows.length) {
          for (const r of rows) next.delete(r.id);
        } else {
          for (const r of rows) next.set(r.id, remembered(r));
        }
        return next;
      }),
    clear: () => setSelected(new Map()),
  };
}
