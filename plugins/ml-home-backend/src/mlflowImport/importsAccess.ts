import { mlHomeAdminImportsPermission } from '@ml-home/plugin-ml-home-common';
import { AccessTable, Authorized } from '../authorization/authorize';
import { ImportsService } from './MlflowImportService';

/** The imports are the portal's, not a project's: both operations need the admin permission. */
export const importsAccess = {
  listImports: { basic: mlHomeAdminImportsPermission },
  runImport: { basic: mlHomeAdminImportsPermission },
} satisfies AccessTable<ImportsService>;

/** What the admin import routes call. */
export type ImportsApi = Authorized<ImportsService, typeof importsAccess>;
