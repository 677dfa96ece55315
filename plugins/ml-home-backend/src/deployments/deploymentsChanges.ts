import { ChangeTable, change } from '../changes/publishChanges';
import { DeploymentsService } from './DeploymentsService';

/** What deployment writes announce. */
export const deploymentsChanges: ChangeTable<DeploymentsService> = {
  createDeployment: (_args, d) => [
    change('deployment', 'created', d.project, d.model),
  ],
  retireDeployment: (_args, d) => [
    change('deployment', 'updated', d.project, d.model),
  ],
};
